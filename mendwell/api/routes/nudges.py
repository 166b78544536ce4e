"""Thinking of you, over ``mendwell.nudges``: send (with an optional note), the
lists received and sent, taking one back.

The same rules as the web page: only to a linked partner, not while the
program is paused or before the sender's private check, and at most
``DAILY_LIMIT`` a day counted in the sender's own day. The partner is never
told anything more than the page shows: no read state, no timestamps of theirs.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import AliasChoices

from mendwell.accounts.coach_hints import hints_for
from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.couples.access import get_authored_or_404
from mendwell.nudges import selectors, services
from mendwell.nudges.forms import NudgeForm
from mendwell.nudges.models import DAILY_LIMIT, NOTE_LIMIT, Nudge

router = Router(tags=["thinking of you"])


class NudgeOut(Schema):
    id: UUID
    # Empty for a one-tap nudge: the app shows "Thinking of you." in its place.
    note: str
    sent_at: datetime = Field(validation_alias=AliasChoices("sent_at", "created_at"))


class SentNudge(Schema):
    nudge: NudgeOut
    # Present when the note reads like a crisis: the support lines, for the sender only.
    support: SupportOut | None = None


class NudgeIn(In):
    note: str = ""


class NudgeStatusOut(Schema):
    can_send: bool
    # Why a nudge cannot go now (no partner yet, paused, the private check, or
    # today's limit), in the words the web page uses; null when one can.
    refusal: str | None
    daily_limit: int
    note_limit: int


class NudgeHintOut(Schema):
    field: str
    words: str
    why: str
    suggestion: str


class NudgeHintsOut(Schema):
    # Empty unless the writer switched wording hints on.
    hints: list[NudgeHintOut]
    support: SupportOut | None = None


@router.get(
    "/status",
    response=responses({200: NudgeStatusOut}),
    summary="Whether I can send a nudge now, and if not, why",
)
def nudge_status(request: HttpRequest) -> NudgeStatusOut:
    refusal = services.refusal_for(request.user)
    return NudgeStatusOut(
        can_send=refusal is None,
        refusal=refusal,
        daily_limit=DAILY_LIMIT,
        note_limit=NOTE_LIMIT,
    )


@router.post(
    "",
    response=responses({201: SentNudge}, write=True),
    summary="Send my partner a nudge, with a few words if I like",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def nudge_send(request: HttpRequest, payload: NudgeIn) -> Status:
    form = NudgeForm(payload.model_dump())
    raise_for_form(form)
    note = form.cleaned_data["note"]
    try:
        # A fresh id every time: a retry is recognised by its Idempotency-Key instead.
        row = services.nudge_send(user=request.user, nudge_id=uuid.uuid4(), note=note)
    except services.Refused as refusal:
        raise ApiError(409, refusal.message) from None
    sent = SentNudge.model_validate({"nudge": row, "support": support_for(request, note)})
    return Status(201, sent)


@router.post(
    "/hints",
    response=responses({200: NudgeHintsOut}, write=True),
    summary="Check my wording before sending (nothing is sent or kept)",
)
def nudge_hints(request: HttpRequest, payload: NudgeIn) -> NudgeHintsOut:
    text = payload.note[:5_000]
    found = hints_for(request.user, text, _("Your note"))
    return NudgeHintsOut(
        hints=[NudgeHintOut(**{key: str(value) for key, value in hint.items()}) for hint in found],
        support=support_for(request, text),
    )


@router.get(
    "/received",
    response=responses({200: list[NudgeOut]}),
    summary="Nudges my partner sent me, newest first",
)
@paginate(Newest)
def nudges_received(request: HttpRequest) -> Any:
    return selectors.received_rows(request.user)


@router.get(
    "/sent", response=responses({200: list[NudgeOut]}), summary="Nudges I sent, newest first"
)
@paginate(Newest)
def nudges_sent(request: HttpRequest) -> Any:
    return selectors.sent_rows(request.user)


@router.delete(
    "/{nudge_id}",
    response=responses({200: Deleted}, write=True),
    summary="Take back a nudge I sent: it leaves both lists",
)
def nudge_delete(request: HttpRequest, nudge_id: UUID) -> Deleted:
    services.nudge_delete(nudge=get_authored_or_404(Nudge, user=request.user, pk=nudge_id))
    return Deleted()
