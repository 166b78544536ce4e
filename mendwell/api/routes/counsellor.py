"""API routes for counsellor (to be filled in)."""

from __future__ import annotations

from ninja import Router

from mendwell.api.auth import counsellor_auth

router = Router(tags=["counsellor"], auth=counsellor_auth())
