"""Consent-first affection (step 7), over ``mendwell.affection``.

The same rules as the web page, from the same selectors: each person's yes and
comfort settings are theirs alone; the tools open only when both said yes and
the program is not paused; "waiting" reads the same whether the partner has not
decided, said no or withdrew; today's answer is never stored (only kept in the
caller's own browser session, when there is one, as the page does); the one
written record is a note its writer chooses to keep.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, cast
from uuid import UUID, uuid4

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.affection import answers, selectors, services
from mendwell.affection.catalogue import BY_ID, KINDS
from mendwell.affection.forms import AnswerForm, ComfortForm, NoteForm
from mendwell.affection.models import AffectionNote, AffectionProfile
from mendwell.api.errors import ApiError, ErrorOut, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag

router = Router(tags=["affection"])

State = Literal["solo", "paused", "waiting", "open"]
Answer = Literal["not_now", "done"]
# The catalogue's ids, spelled out so the document lists them (a test keeps them in step).
KindId = Literal[
    "hold_hands",
    "hug",
    "sit_close",
    "forehead_kiss",
    "shoulder_rub",
    "cuddle",
    "hand_on_arm",
    "lean",
]


def _closed_message(state: str) -> str:
    """Why the tools are not open, in the page's own words (never why the partner chose)."""
    if state == "solo":
        return _(
            "These tools are for a couple. Once your partner has joined you here, "
            "each of you can choose privately whether to use them."
        )
    if state == "paused":
        return _(
            "The couple program is paused for now, so affection tools are on hold. "
            "Your own tools still work."
        )
    return _(
        "Affection tools open once you have both chosen to. Each of you decides "
        "privately; neither of you is told what the other picked."
    )


def _acknowledgement(answer: str) -> str:
    if answer == "not_now":
        return _("Not now is a complete answer. Nobody else sees it, and nothing is recorded.")
    return _("Lovely. Nothing is recorded; if you want to remember it, write a note below.")


# --- Schemas ---------------------------------------------------------------------


class AffectionKindOut(Schema):
    id: KindId
    label: str


class InvitationOut(Schema):
    kind: KindId
    label: str
    text: str


class ChallengeOut(Schema):
    """The couple's seven days: the same for both, never who started, paused or answered."""

    id: UUID
    day: int
    days: int
    paused: bool
    finished: bool
    # Drawn only from kinds both are open to; None when there is none in common.
    invitation: InvitationOut | None


class AffectionOut(Schema):
    state: State
    # My own choice; my partner is never told it.
    opted_in: bool
    # What I'm open to now (only while the tools are open, as on the page).
    open_kinds: list[AffectionKindOut] | None
    challenge: ChallengeOut | None
    # Today's answer, only when this call comes from my own browser session (never stored).
    answer: Answer | None


class ChoiceIn(In):
    opted_in: bool


class ComfortOut(Schema):
    open_kinds: list[KindId]
    version: str

    @staticmethod
    def resolve_open_kinds(row: AffectionProfile) -> list[str]:
        return sorted(row.open_kinds)

    @staticmethod
    def resolve_version(row: AffectionProfile) -> str:
        return version_of(row)


class ComfortIn(In):
    open_kinds: list[KindId]


class AnswerIn(In):
    day: int
    answer: Answer


class AnswerOut(Schema):
    answer: Answer
    message: str


class AffectionNoteOut(Schema):
    id: UUID
    text: str
    written_on: date
    shared: bool
    # Mine (and then shared or private), or shared with me by my partner.
    mine: bool

    @staticmethod
    def resolve_written_on(row: AffectionNote) -> date:
        return timezone.localtime(row.created_at).date()

    @staticmethod
    def resolve_shared(row: AffectionNote) -> bool:
        return row.visibility == "shared"

    @staticmethod
    def resolve_mine(row: AffectionNote, context: Any) -> bool:
        return bool(row.author_id == context["request"].user.pk)


class AffectionNoteIn(In):
    text: str
    share: bool = False


class SavedNote(Schema):
    note: AffectionNoteOut
    # Present when the note reads like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


# --- Helpers ---------------------------------------------------------------------


def _own_session(request: HttpRequest) -> Any | None:
    """The caller's own signed-in session, or None (an app token has none: then
    today's answer is acknowledged in the reply and kept nowhere)."""
    session = getattr(request, "session", None)
    if session is None or session.session_key is None:
        return None
    user: Any = request.user
    return session if session.get(SESSION_KEY) == str(user.pk) else None


def _require_open(request: HttpRequest) -> None:
    state = selectors.page_state(request.user)
    if state != "open":
        raise ApiError(409, _closed_message(state))


def _challenge_out(request: HttpRequest, today: date) -> ChallengeOut | None:
    view = selectors.challenge_view_for(request.user, today=today)
    if view is None:
        return None
    invitation = view.invitation
    return ChallengeOut(
        id=view.challenge.pk,
        day=view.day,
        days=view.days,
        paused=view.paused,
        finished=view.finished,
        invitation=InvitationOut(
            kind=cast(KindId, invitation.id),
            label=str(invitation.label),
            text=str(invitation.invitation),
        )
        if invitation
        else None,
    )


def _home(request: HttpRequest) -> AffectionOut:
    user: Any = request.user
    state = selectors.page_state(user)
    profile = selectors.own_profile(user)
    if state != "open" or profile is None:
        return AffectionOut(
            state=cast(State, state),
            opted_in=profile is not None,
            open_kinds=None,
            challenge=None,
            answer=None,
        )
    today = selectors.local_today(user)
    challenge = _challenge_out(request, today)
    session = _own_session(request)
    answer = None
    if challenge is not None and session is not None:
        answer = answers.answer_today(session, challenge_id=challenge.id, today=today)
    return AffectionOut(
        state="open",
        opted_in=True,
        open_kinds=[
            AffectionKindOut(id=cast(KindId, kind), label=str(BY_ID[kind].label))
            for kind in sorted(profile.open_kinds)
            if kind in BY_ID
        ],
        challenge=challenge,
        answer=cast(Answer | None, answer),
    )


# Reads that answer 409 while the tools are closed (the page shows nothing of them then).
_CLOSED_READ = {409: ErrorOut}


# --- My choice and my comfort settings -------------------------------------------


@router.get("", response=responses({200: AffectionOut}), summary="Where step 7 stands for me")
def home(request: HttpRequest) -> AffectionOut:
    return _home(request)


@router.get(
    "/kinds",
    response=responses({200: list[AffectionKindOut]}),
    summary="The kinds of gentle touch one can be open to (for the comfort settings)",
)
def kinds(request: HttpRequest) -> list[AffectionKindOut]:
    return [AffectionKindOut(id=cast(KindId, kind.id), label=str(kind.label)) for kind in KINDS]


@router.put(
    "/choice",
    response=responses({200: AffectionOut}, write=True),
    summary="Say yes to affection tools for myself, or turn them off (choices cleared)",
)
def choice(request: HttpRequest, payload: ChoiceIn) -> AffectionOut:
    user: Any = request.user
    if payload.opted_in:
        try:
            services.affection_opt_in(user=user)
        except services.NotLinked:
            raise ApiError(409, _closed_message("solo")) from None
    else:
        services.affection_opt_out(user=user, today=selectors.local_today(user))
    return _home(request)


def _own_comfort(request: HttpRequest) -> AffectionProfile:
    profile = selectors.own_profile(request.user)
    # The same gate as the page: my own settings, only while the tools are open.
    return selectors.profile_for_author_or_404(request.user, profile.pk if profile else None)


@router.get(
    "/comfort",
    response=responses({200: ComfortOut}),
    summary="What I'm open to now (only I ever see this)",
)
def comfort(request: HttpRequest, response: HttpResponse) -> AffectionProfile:
    profile = _own_comfort(request)
    with_etag(response, profile)
    return profile


@router.put(
    "/comfort",
    response=responses({200: ComfortOut}, edit=True),
    summary="Replace what I'm open to now (send If-Match; unticked means not now)",
    openapi_extra=VERSIONED,
)
def comfort_set(
    request: HttpRequest, payload: ComfortIn, response: HttpResponse
) -> AffectionProfile:
    form = ComfortForm(payload.model_dump())
    raise_for_form(form)
    profile = edit_locked(
        request,
        find=lambda: _own_comfort(request),
        apply=lambda row: services.comfort_set(
            profile=row, open_kinds=form.cleaned_data["open_kinds"]
        ),
        current=lambda row: ComfortOut.from_orm(row).model_dump(mode="json"),
    )
    with_etag(response, profile)
    return profile


# --- The seven days --------------------------------------------------------------


@router.post(
    "/challenge",
    response=responses({200: AffectionOut, 201: AffectionOut}, write=True),
    summary="Start the seven days (if one is running already, that one stands)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def challenge_start(request: HttpRequest) -> Status:
    user: Any = request.user
    if not selectors.tools_open(user):
        raise ApiError(409, _closed_message(selectors.page_state(user)))
    running = selectors.running_challenge_for(user) is not None
    services.challenge_start(user=user, today=selectors.local_today(user))
    return Status(200 if running else 201, _home(request))


@router.post(
    "/challenge/{challenge_id}/pause",
    response=responses({200: AffectionOut}, write=True),
    summary="Pause the challenge (either of us can pick it up again)",
)
def challenge_pause(request: HttpRequest, challenge_id: UUID) -> AffectionOut:
    row = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_pause(challenge=row, today=selectors.local_today(request.user))
    return _home(request)


@router.post(
    "/challenge/{challenge_id}/resume",
    response=responses({200: AffectionOut}, write=True),
    summary="Pick a paused challenge up again, on the day it stopped",
)
def challenge_resume(request: HttpRequest, challenge_id: UUID) -> AffectionOut:
    row = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_resume(challenge=row, today=selectors.local_today(request.user))
    return _home(request)


@router.post(
    "/challenge/{challenge_id}/end",
    response=responses({200: AffectionOut}, write=True),
    summary="End the challenge for both of us (notes stay)",
)
def challenge_end(request: HttpRequest, challenge_id: UUID) -> AffectionOut:
    row = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_end(challenge=row, today=selectors.local_today(request.user))
    return _home(request)


@router.post(
    "/challenge/{challenge_id}/answer",
    response=responses({200: AnswerOut}, write=True),
    summary="Answer today's invitation for myself: nothing is stored or shown to my partner",
)
def challenge_answer(request: HttpRequest, challenge_id: UUID, payload: AnswerIn) -> AnswerOut:
    user: Any = request.user
    row = selectors.challenge_for_or_404(user, challenge_id)
    form = AnswerForm(payload.model_dump())
    raise_for_form(form)
    today = selectors.local_today(user)
    if form.cleaned_data["day"] != selectors.answerable_day(user, today=today):
        message = _("That invitation is no longer today's. Here is where things are now.")
        raise ApiError(409, message, [("day", message)])
    answer = form.cleaned_data["answer"]
    session = _own_session(request)
    if session is not None:
        answers.remember(session, challenge_id=row.pk, today=today, answer=answer)
    return AnswerOut(answer=answer, message=_acknowledgement(answer))


# --- Notes -----------------------------------------------------------------------


@router.get(
    "/notes",
    response={**responses({200: list[AffectionNoteOut]}), **_CLOSED_READ},
    summary="My notes and those my partner shared with me, newest first (while open)",
)
@paginate(Newest)
def notes(request: HttpRequest) -> Any:
    _require_open(request)
    return selectors.notes_query(request.user)


@router.post(
    "/notes",
    response=responses({201: SavedNote}, write=True),
    summary="Keep a note, private unless I share it",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def note_create(request: HttpRequest, payload: AffectionNoteIn) -> Status:
    _require_open(request)
    form = NoteForm({**payload.model_dump(), "note_id": uuid4()})
    raise_for_form(form)
    note = services.note_create(
        user=request.user,
        note_id=form.cleaned_data["note_id"],
        text=form.cleaned_data["text"],
        share=form.cleaned_data["share"],
    )
    saved = SavedNote.model_validate(
        {"note": note, "support": support_for(request, note.text)},
        context={"request": request},
    )
    return Status(201, saved)


@router.delete(
    "/notes/{note_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete one of my notes (for my partner too, if I shared it)",
)
def note_delete(request: HttpRequest, note_id: UUID) -> Deleted:
    services.note_delete(note=selectors.note_for_author_or_404(request.user, note_id))
    return Deleted()
