"""API routes for thinking of you (to be filled in)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["thinking of you"])
