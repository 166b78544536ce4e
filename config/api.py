"""The JSON API skeleton at /api/v1/ (django-ninja, OpenAPI 3.1).

Browser sessions authenticate with the session cookie plus CSRF; apps send an
app token (``Authorization: Bearer mw_…``), made and revoked on the devices
page (``mendwell.security.tokens``). Every capability will reuse the same
services and selectors as the web views.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI, Schema
from ninja.security import HttpBearer, SessionAuth

from mendwell.couples.grants import is_counsellor
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import program_state_for
from mendwell.security.tokens import user_for


class AppTokenAuth(HttpBearer):
    """An app token from the devices page; revoked, expired or unknown → 401.

    Counsellor accounts use the counsellor pages only (the API is a partner's
    tool; see ``counsel.middleware``), so their tokens open nothing here.
    """

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        user = user_for(token)
        if user is None or is_counsellor(user):
            return None
        request.user = user
        return user


api = NinjaAPI(
    title="Mendwell API",
    version="1",
    urls_namespace="api-v1",
    auth=[AppTokenAuth(), SessionAuth(csrf=True)],
    docs_url="/docs",
    openapi_url="/openapi.json",
)


class ErrorOut(Schema):
    detail: str


class MeOut(Schema):
    id: str
    display_name: str
    time_zone: str
    locale: str
    linked: bool
    partner_display_name: str | None
    # "solo", "active" or "paused": the same whoever paused and why.
    program: str


@api.get("/me", response={200: MeOut, 401: ErrorOut}, summary="The signed-in person")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    partner = partner_of(user)
    return MeOut(
        id=str(user.public_id),  # type: ignore[union-attr]
        display_name=user.display_name,  # type: ignore[union-attr]
        time_zone=user.time_zone,  # type: ignore[union-attr]
        locale=user.locale,  # type: ignore[union-attr]
        linked=couple_for_user(user) is not None and partner is not None,
        partner_display_name=partner.display_name if partner else None,
        program=program_state_for(user).value,
    )
