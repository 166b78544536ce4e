"""API routes for log (to be filled in)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["log"])
