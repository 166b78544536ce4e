"""API routes for loved (to be filled in)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["loved"])
