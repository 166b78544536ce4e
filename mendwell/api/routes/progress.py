"""API routes for progress (to be filled in)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["progress"])
