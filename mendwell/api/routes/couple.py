"""Linking with a partner (``mendwell.couples``), as on /couple/: the link's state,
a single-use invite code, joining with a code, and leaving alone at any time.

Leaving needs sudo, as on the web, and tells nobody: the partner's next request
simply finds no partner. Neither side ever sees the other's email.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import quote
from uuid import UUID

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import Deleted, In
from mendwell.api.sudo import require_sudo
from mendwell.couples import selectors, services
from mendwell.couples.exports import EXPORT_SCHEMA_VERSION, shared_with_me
from mendwell.couples.forms import JoinForm
from mendwell.couples.models import Invite

router = Router(tags=["couple"])


# --- Schemas ---------------------------------------------------------------------


class CoupleInviteOut(Schema):
    """A code I made that still works (the code itself is shown only when made)."""

    id: UUID
    expires_at: datetime


class CoupleOut(Schema):
    linked: bool
    partner_display_name: str | None
    # My own code waiting to be used, if any: only its inviter ever sees it.
    pending_invite: CoupleInviteOut | None


class CoupleNewInviteOut(Schema):
    id: UUID
    # Shown this once: only a hash is kept, so it cannot be shown again.
    code: str
    join_url: str
    expires_at: datetime


class CoupleJoinIn(In):
    code: str


class LeaveIn(In):
    password: str | None = None


class SharedWithMeOut(Schema):
    schema_version: int
    generated: date
    items: list[dict[str, Any]]


# --- Reads -----------------------------------------------------------------------


def _state(user: Any) -> CoupleOut:
    partner = selectors.partner_of(user)
    pending = selectors.pending_invite_for(user)
    return CoupleOut(
        linked=partner is not None,
        partner_display_name=partner.display_name if partner is not None else None,
        pending_invite=CoupleInviteOut.from_orm(pending) if pending is not None else None,
    )


@router.get("", response=responses({200: CoupleOut}), summary="Whether I'm linked, and with whom")
def couple_state(request: HttpRequest) -> CoupleOut:
    return _state(request.user)


@router.get(
    "/invite",
    response=responses({200: CoupleInviteOut | None}),
    summary="My invite code that is still waiting to be used, if any",
)
def pending_invite(request: HttpRequest) -> Invite | None:
    return selectors.pending_invite_for(request.user)


@router.get(
    "/shared-with-me",
    response=responses({200: SharedWithMeOut}),
    summary="Everything my partner shared with me, to keep a copy before leaving",
)
def shared_copy(request: HttpRequest) -> SharedWithMeOut:
    if selectors.couple_for_user(request.user) is None:
        raise Http404
    return SharedWithMeOut(
        schema_version=EXPORT_SCHEMA_VERSION,
        generated=timezone.now().date(),
        items=shared_with_me(request.user),
    )


# --- Inviting and joining ----------------------------------------------------------


@router.post(
    "/invite",
    response=responses({201: CoupleNewInviteOut}, write=True),
    summary="Make a single-use code for my partner (any older code stops working)",
)
def invite_make(request: HttpRequest) -> Status:
    # Not idempotent on purpose: a replay would have to keep the code itself, and only
    # its hash may be stored. A retry is safe anyway: the newest code is the only one
    # that works.
    try:
        new = services.invite_create(user=request.user)
    except services.CoupleError as error:
        raise ApiError(409, str(error.message)) from None
    join = request.build_absolute_uri(reverse("couples:join"))
    return Status(
        201,
        CoupleNewInviteOut(
            id=new.invite.id,
            code=new.code,
            join_url=f"{join}?code={quote(new.code)}",
            expires_at=new.invite.expires_at,
        ),
    )


@router.delete(
    "/invite/{invite_id}",
    response=responses({200: Deleted}, write=True),
    summary="Cancel a code I made, so it no longer works",
)
def invite_cancel(request: HttpRequest, invite_id: UUID) -> Deleted:
    invite = selectors.invite_for_inviter_or_none(request.user, invite_id)
    if invite is None:
        raise Http404
    services.invite_revoke(user=request.user, invite=invite)
    return Deleted()


@router.post(
    "/join",
    response=responses({201: CoupleOut}, write=True),
    summary="Join my partner with the code they gave me",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def join(request: HttpRequest, payload: CoupleJoinIn) -> Status:
    form = JoinForm(payload.model_dump())
    raise_for_form(form)
    try:
        services.invite_accept(user=request.user, code=form.cleaned_data["code"])
    except services.CoupleError as error:
        raise ApiError(
            422, _("Some fields need another look."), [("code", str(error.message))]
        ) from None
    return Status(201, _state(request.user))


# --- Leaving ---------------------------------------------------------------------


@router.post(
    "/leave",
    response=responses({200: CoupleOut}, write=True),
    summary=(
        "Leave the couple space, alone and at once (needs my password). Nobody is told; "
        "each keeps what they wrote, and nothing shared stays visible to the other."
    ),
)
def leave(request: HttpRequest, payload: LeaveIn) -> CoupleOut:
    require_sudo(request, payload.password)
    if selectors.couple_for_user(request.user) is None:
        raise ApiError(409, _("You're not linked with anyone right now."))
    try:
        services.couple_leave(user=request.user)
    except services.CoupleError as error:
        raise ApiError(409, str(error.message)) from None
    return _state(request.user)
