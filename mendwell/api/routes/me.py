"""The signed-in person, as the API sees them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from mendwell.api.errors import responses
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import program_state_for

router = Router(tags=["me"])


class MeOut(Schema):
    id: str
    display_name: str
    time_zone: str
    locale: str
    linked: bool
    partner_display_name: str | None
    # "solo", "active" or "paused": the same whoever paused and why.
    program: str


@router.get("/me", response=responses({200: MeOut}), summary="The signed-in person")
def me(request: HttpRequest) -> MeOut:
    user: Any = request.user
    partner = partner_of(user)
    return MeOut(
        id=str(user.public_id),
        display_name=user.display_name,
        time_zone=user.time_zone,
        locale=user.locale,
        linked=couple_for_user(user) is not None and partner is not None,
        partner_display_name=partner.display_name if partner else None,
        program=program_state_for(user).value,
    )
