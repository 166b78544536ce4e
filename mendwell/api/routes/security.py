"""My signed-in devices, app tokens and recent account activity
(``mendwell.security``), as on /security/.

Only the caller's own sessions and tokens are ever found: anyone else's, or a
made-up id, is the same 404. Signing a device out and making or revoking a token
need sudo, as on the web. Which session or token is meant travels in the body,
never the URL, as on the web.
"""

from __future__ import annotations

from datetime import date, datetime

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.auth import calling_session
from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.schemas import Deleted, In
from mendwell.api.sudo import require_sudo
from mendwell.core.notification_texts import MESSAGES
from mendwell.security import selectors, services, tokens
from mendwell.security.alerts import notification_kind
from mendwell.security.forms import AppTokenForm
from mendwell.security.models import AppToken

router = Router(tags=["security"])


# --- Schemas ---------------------------------------------------------------------


class DeviceOut(Schema):
    """One of my sessions. No network address: the API describes no IP (TS44)."""

    id: int
    browser: str
    signed_in_at: datetime
    # None for the device making this request: it is in use now.
    last_used_at: datetime | None
    is_current: bool


class TokenOut(Schema):
    id: int
    name: str
    created_at: datetime
    expires_at: datetime
    # The day only, never the time.
    last_used_on: date | None


class NewTokenOut(Schema):
    # Shown this once: only its hash is kept. Send it as "Authorization: Bearer <token>".
    token: str
    item: TokenOut


class AlertOut(Schema):
    kind: str
    title: str
    body: str
    created_at: datetime


class SecuritySudoIn(In):
    password: str | None = None


class SignOutIn(SecuritySudoIn):
    device_id: int


class TokenIn(SecuritySudoIn):
    name: str


class RevokeIn(SecuritySudoIn):
    token_id: int


# --- Devices ---------------------------------------------------------------------


def _current_session_key(request: HttpRequest) -> str | None:
    session = calling_session(request)
    return session.session_key if session is not None else None


def _devices(request: HttpRequest) -> list[DeviceOut]:
    return [
        DeviceOut(
            id=device.pk,
            browser=device.browser,
            signed_in_at=device.created_at,
            last_used_at=None if device.is_current else device.last_seen_at,
            is_current=device.is_current,
        )
        for device in selectors.devices_for(
            request.user, current_session_key=_current_session_key(request)
        )
    ]


@router.get(
    "/devices",
    response=responses({200: list[DeviceOut]}),
    summary="Every browser where my account is signed in right now (only I see this)",
)
def devices(request: HttpRequest) -> list[DeviceOut]:
    return _devices(request)


@router.post(
    "/devices/sign-out",
    response=responses({200: Deleted}, write=True),
    summary="Sign one of my other devices out (needs my password)",
)
def device_sign_out(request: HttpRequest, payload: SignOutIn) -> Deleted:
    require_sudo(request, payload.password)
    session = selectors.own_session_or_404(request.user, payload.device_id)
    if session.session_key == _current_session_key(request):
        raise ApiError(409, _("To sign out here, use “Sign out” in the menu."))
    services.session_end(user=request.user, session=session)
    return Deleted()


@router.post(
    "/devices/sign-out-others",
    response=responses({200: list[DeviceOut]}, write=True),
    summary="Sign out every device but this one (needs my password); the devices left",
)
def devices_sign_out_others(request: HttpRequest, payload: SecuritySudoIn) -> list[DeviceOut]:
    require_sudo(request, payload.password)
    services.sessions_end_others(request=request, current_session_key=_current_session_key(request))
    return _devices(request)


# --- App tokens ------------------------------------------------------------------


@router.get(
    "/tokens",
    response=responses({200: list[TokenOut]}),
    summary="My app tokens that still work, newest first",
)
def token_list(request: HttpRequest) -> list[AppToken]:
    return tokens.active_tokens(request.user)


@router.post(
    "/tokens",
    response=responses({201: NewTokenOut}, write=True),
    summary="Make an app token (needs my password); the token is shown only in this answer",
)
def token_make(request: HttpRequest, payload: TokenIn) -> Status:
    # Not @idempotent: a replay would have to keep the token itself, and only its hash
    # may be stored. A token made by a lost answer is listed here and can be revoked.
    require_sudo(request, payload.password)
    form = AppTokenForm({"name": payload.name})
    raise_for_form(form)
    try:
        row, token = tokens.token_create(user=request.user, name=form.cleaned_data["name"])
    except tokens.TooManyTokens:
        message = _("You have %(count)d app tokens: revoke one you no longer use first.") % {
            "count": tokens.MAX_ACTIVE
        }
        raise ApiError(422, _("Some fields need another look."), [("name", message)]) from None
    return Status(201, NewTokenOut(token=token, item=TokenOut.from_orm(row)))


@router.post(
    "/tokens/revoke",
    response=responses({200: Deleted}, write=True),
    summary="Revoke one of my app tokens at once (needs my password)",
)
def token_revoke(request: HttpRequest, payload: RevokeIn) -> Deleted:
    require_sudo(request, payload.password)
    if not tokens.token_revoke(user=request.user, token_id=payload.token_id):
        raise Http404
    return Deleted()


# --- Recent account activity --------------------------------------------------------


@router.get(
    "/alerts",
    response=responses({200: list[AlertOut]}),
    summary="Changes to my account in the last 30 days (new sign-ins, password, ...)",
)
def alerts(request: HttpRequest) -> list[AlertOut]:
    prefix = notification_kind("")
    return [
        AlertOut(
            kind=row.kind.removeprefix(prefix),
            title=str(MESSAGES[row.kind].title),
            body=str(MESSAGES[row.kind].body),
            created_at=row.created_at,
        )
        for row in selectors.recent_alerts_for(request.user)
        if row.kind in MESSAGES
    ]
