"""Guided conversations, over ``mendwell.conversations.guided``.

The same steps as the web pages: start, both agree to the ground rules,
choose a topic, take turns (with speaker and listener if chosen), pause,
end. Whose turn it is comes from the conversation's own rows, so every
answer carries the whole state (``state_key`` changes whenever it does).
Taking part waits for a linked partner, a program that is not paused, and
the caller's own private safety check; a pause and the end are always open.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.conversations.guided import selectors, services
from mendwell.conversations.guided.forms import PauseForm, RulesForm, StartForm, TopicForm, TurnForm
from mendwell.conversations.guided.rules import (
    CALMING_SUGGESTIONS,
    GROUND_RULES,
    PAUSE_CHOICES,
    TURN_LENGTHS,
)
from mendwell.conversations.guided.selectors import ConversationView
from mendwell.conversations.guided.state import Action, Phase
from mendwell.conversations.models import Conversation, Turn
from mendwell.couples.access import get_authored_or_404

router = Router(tags=["talk"])

Who = Literal["me", "partner"]
Lock = Literal["solo", "paused", "check"]

# Hints look at what is being typed; the web caps it the same way.
HINTS_TEXT_LIMIT = 20_000


def _lock_message(lock: str) -> str:
    if lock == "solo":
        return _(
            "Guided conversations are for the two of you. Once your partner has joined you, "
            "you can start one here."
        )
    if lock == "paused":
        return _(
            "The couple program is paused for now, so conversations are on hold. "
            "Your own tools still work."
        )
    return _("Conversations you have together open once you've taken your private check.")


# --- Outputs ---------------------------------------------------------------------


class TalkChoiceOut(Schema):
    minutes: int
    label: str


class TalkGuideOut(Schema):
    # Why I cannot start or take part right now ("solo", "paused", "check"), else null.
    lock: Lock | None
    lock_message: str | None
    ground_rules: list[str]
    turn_lengths: list[TalkChoiceOut]
    pause_lengths: list[TalkChoiceOut]


class TalkPauseGuideOut(Schema):
    calming: list[str]
    pause_lengths: list[TalkChoiceOut]
    # Several recent conversations needed a pause: a counsellor could help.
    # Only on the person's own device (never on a shared phone).
    suggest_support: bool


class TalkQuestionOut(Schema):
    id: str
    text: str


class TalkTurnOut(Schema):
    id: UUID
    seq: int
    kind: Literal["speak", "reflect", "clarify"]
    by: Who
    # Empty once its writer deleted the words (the turn keeps its place).
    text: str
    deleted: bool
    # A reflection the speaker confirmed ("that's what I meant").
    confirmed: bool
    on_shared_phone: bool


class TalkNextOut(Schema):
    who: Who
    action: Literal["speak", "reflect", "check"]
    seq: int


class ConversationOut(Schema):
    id: UUID
    phase: Literal["rules", "topic", "turns", "ended"]
    lock: Lock | None
    lock_message: str | None
    # Started in a couple space that has closed: only my own words are kept.
    archived: bool
    partner_name: str | None
    question: TalkQuestionOut | None
    topic: str
    speaker_listener: bool
    one_device: bool
    turn_minutes: int
    started_on: date
    ended_on: date | None
    agreed: list[Who]
    # Who may still tick the ground rules on this device.
    can_agree: list[Who]
    turns: list[TalkTurnOut]
    next: TalkNextOut | None
    # Who writes next on this device (the partner too, on a shared phone), and what is asked.
    writer: Who | None
    prompt: str | None
    can_confirm: bool
    paused: bool
    paused_until: datetime | None
    elapsed_seconds: int
    state_key: str


class ConversationSummaryOut(Schema):
    id: UUID
    topic: str
    started_on: date
    ended_on: date | None

    @staticmethod
    def resolve_started_on(row: Conversation) -> date:
        return row.created_at.date()

    @staticmethod
    def resolve_ended_on(row: Conversation) -> date | None:
        return row.ended_at.date() if row.ended_at else None


class TalkTurnSavedOut(Schema):
    turn: TalkTurnOut
    conversation: ConversationOut
    # Present when my own words read like a crisis: the support lines, for me only.
    support: SupportOut | None = None


class TalkHintOut(Schema):
    field: str
    words: str
    why: str
    suggestion: str


class TalkHintsOut(Schema):
    # Empty unless the writer switched wording hints on.
    hints: list[TalkHintOut]
    support: SupportOut | None = None


# --- Inputs ----------------------------------------------------------------------


class TalkStartIn(In):
    devices: Literal["two", "one"] = "two"
    speaker_listener: bool = False
    turn_minutes: Literal[2, 3, 5, 0] = 3
    # A question of the deck to start from (its id), if any.
    question: str = ""


class TalkAgreeIn(In):
    """Tick for myself, and on a shared phone also for my partner."""

    me: bool = False
    partner: bool = False


class TalkTopicIn(In):
    topic: str
    first_speaker: Who = "me"


class TalkTurnIn(In):
    text: str
    # The turn number my screen showed (``next.seq``); if the conversation
    # has moved on since, nothing is saved.
    seq: int


class TalkHintsIn(In):
    text: str = ""


class TalkConfirmIn(In):
    seq: int


class TalkPauseIn(In):
    minutes: Literal[20, 30, 60, 1440] = 20


# --- Helpers ---------------------------------------------------------------------


def _choices(choices: list[tuple[int, Any]]) -> list[TalkChoiceOut]:
    return [TalkChoiceOut(minutes=minutes, label=str(label)) for minutes, label in choices]


def _who(view: ConversationView, user_id: Any) -> Who:
    return "me" if user_id == view.me.pk else "partner"


def _turn(view: ConversationView, turn: Turn) -> TalkTurnOut:
    return TalkTurnOut(
        id=turn.id,
        seq=turn.seq,
        kind=turn.kind,  # type: ignore[arg-type]
        by=_who(view, turn.author_id),
        text="" if turn.deleted_at else turn.text,
        deleted=turn.deleted_at is not None,
        confirmed=turn.confirmed_at is not None,
        on_shared_phone=bool(turn.entered_by_id and turn.entered_by_id != turn.author_id),
    )


def _out(request: HttpRequest, view: ConversationView) -> ConversationOut:
    conversation = view.conversation
    lock = selectors.lock_reason_for(request.user)
    question = selectors.question_text(conversation.question_id)
    writer = view.writer_after_pause
    nxt = view.next
    can_agree: list[Any] = list(view.agreement_pending_for) if view.phase is Phase.RULES else []
    return ConversationOut(
        id=conversation.id,
        phase=view.phase.value,
        lock=lock or None,  # type: ignore[arg-type]
        lock_message=_lock_message(lock) if lock else None,
        archived=view.archived,
        partner_name=view.partner.name if view.partner else None,
        question=TalkQuestionOut(id=conversation.question_id, text=question) if question else None,
        topic=conversation.topic if conversation.topic_set_at else "",
        speaker_listener=conversation.speaker_listener,
        one_device=conversation.one_device,
        turn_minutes=conversation.turn_minutes,
        started_on=conversation.created_at.date(),
        ended_on=conversation.ended_at.date() if conversation.ended_at else None,
        agreed=[_who(view, pk) for pk in sorted(view.agreed_ids, key=lambda pk: pk != view.me.pk)],
        can_agree=can_agree,
        turns=[_turn(view, turn) for turn in view.turns],
        next=TalkNextOut(who=_who(view, nxt.speaker_id), action=nxt.action.value, seq=view.next_seq)
        if nxt
        else None,
        writer=_who(view, writer.pk) if writer else None,
        prompt=selectors.turn_label(view) if writer else None,
        can_confirm=bool(
            view.writer and nxt and nxt.action is Action.CHECK and view.last_turn is not None
        ),
        paused=view.paused,
        paused_until=view.paused_until if view.paused else None,
        elapsed_seconds=view.elapsed_seconds,
        state_key=view.state_key,
    )


def _view(request: HttpRequest, conversation_id: UUID) -> ConversationView:
    return selectors.view_of(
        request.user, selectors.conversation_for(request.user, conversation_id)
    )


def _open_view(request: HttpRequest, conversation_id: UUID) -> ConversationView:
    """For writes: an ended conversation (or one whose couple space closed) takes nothing more."""
    view = _view(request, conversation_id)
    if view.phase is Phase.ENDED:
        raise ApiError(409, _("This conversation has ended."))
    return view


def _taking_part(request: HttpRequest, conversation_id: UUID) -> ConversationView:
    """For the steps done together: both of us able to take part, as on the web."""
    view = _open_view(request, conversation_id)
    lock = selectors.lock_reason_for(request.user)
    if lock:
        raise ApiError(409, _lock_message(lock))
    return view


def _fresh(request: HttpRequest, view: ConversationView) -> ConversationOut:
    return _out(request, services.refresh(view))


def _hint_outs(hints: list[dict[str, Any]]) -> list[TalkHintOut]:
    return [TalkHintOut(**{key: str(value) for key, value in hint.items()}) for hint in hints]


# --- Routes (fixed paths before /{conversation_id}) --------------------------------


@router.get(
    "/guide",
    response=responses({200: TalkGuideOut}),
    summary="Whether I can start a conversation now, the ground rules and the choices",
)
def guide(request: HttpRequest) -> TalkGuideOut:
    lock = selectors.lock_reason_for(request.user)
    return TalkGuideOut(
        lock=lock or None,  # type: ignore[arg-type]
        lock_message=_lock_message(lock) if lock else None,
        ground_rules=[str(rule) for rule in GROUND_RULES],
        turn_lengths=_choices(TURN_LENGTHS),
        pause_lengths=_choices(PAUSE_CHOICES),
    )


@router.get(
    "",
    response=responses({200: list[ConversationSummaryOut]}),
    summary="Our conversations, newest first",
)
@paginate(Newest)
def list_ours(request: HttpRequest) -> Any:
    return selectors.conversation_rows_for(request.user)


@router.post(
    "",
    response=responses({201: ConversationOut}, write=True),
    summary="Start a conversation with my partner",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def start(request: HttpRequest, payload: TalkStartIn) -> Status:
    lock = selectors.lock_reason_for(request.user)
    if lock:
        raise ApiError(409, _lock_message(lock))
    if payload.question and not selectors.question_text(payload.question):
        raise ApiError(
            422,
            _("Some fields need another look."),
            [("question", _("Choose a question from the deck, or leave this empty."))],
        )
    form = StartForm(payload.model_dump())
    raise_for_form(form)
    data = form.cleaned_data
    try:
        conversation = services.conversation_start(
            user=request.user,
            conversation_id=uuid.uuid4(),
            speaker_listener=data["speaker_listener"],
            one_device=data["devices"] == "one",
            turn_minutes=data["turn_minutes"],
            question_id=data["question"],
        )
    except services.Refused as refusal:
        raise ApiError(409, refusal.message) from None
    return Status(201, _out(request, selectors.view_of(request.user, conversation)))


@router.delete(
    "/turns/{turn_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete my words in a turn (the turn keeps its place; also after the end)",
)
def turn_delete(request: HttpRequest, turn_id: UUID) -> Deleted:
    services.turn_delete(turn=get_authored_or_404(Turn, user=request.user, pk=turn_id))
    return Deleted()


@router.get(
    "/{conversation_id}",
    response=responses({200: ConversationOut}),
    summary="Where the conversation stands: rules, topic, turns, whose turn, any pause",
)
def detail(request: HttpRequest, conversation_id: UUID) -> ConversationOut:
    return _out(request, _view(request, conversation_id))


@router.post(
    "/{conversation_id}/rules",
    response=responses({200: ConversationOut}, write=True),
    summary="Agree to the ground rules (on a shared phone, for my partner too)",
)
def rules_agree(
    request: HttpRequest, conversation_id: UUID, payload: TalkAgreeIn
) -> ConversationOut:
    view = _taking_part(request, conversation_id)
    if view.phase is not Phase.RULES:
        raise ApiError(409, _("The ground rules are already agreed."))
    form = RulesForm(
        {"agree_me": payload.me, "agree_partner": payload.partner},
        people=view.agreement_pending_for,
    )
    raise_for_form(form)
    services.rules_agree(view=view, people=form.agreed_people())
    return _fresh(request, view)


@router.post(
    "/{conversation_id}/topic",
    response=responses({200: ConversationOut}, write=True),
    summary="Choose what to talk about and who speaks first",
)
def topic_set(request: HttpRequest, conversation_id: UUID, payload: TalkTopicIn) -> ConversationOut:
    view = _taking_part(request, conversation_id)
    if view.phase is Phase.RULES:
        raise ApiError(409, _("Both of you agree to the ground rules first."))
    if view.phase is not Phase.TOPIC:
        raise ApiError(409, _("The topic is already chosen."))
    form = TopicForm(payload.model_dump(), people=view.people)
    raise_for_form(form)
    if not services.topic_set(
        view=view, topic=form.cleaned_data["topic"], first_speaker=form.speaker()
    ):
        raise ApiError(409, _("Your partner chose the topic a moment before you did."))
    return _fresh(request, view)


@router.post(
    "/{conversation_id}/turns",
    response=responses({201: TalkTurnSavedOut}, write=True),
    summary="Take my turn (on a shared phone, type for whoever holds it)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def turn_add(request: HttpRequest, conversation_id: UUID, payload: TalkTurnIn) -> Status:
    view = _taking_part(request, conversation_id)
    form = TurnForm(payload.model_dump())
    raise_for_form(form)
    text = form.cleaned_data["text"]
    writer = view.writer_after_pause
    try:
        if writer is None:
            raise services.Refused(_("It isn't your turn yet. Your words are kept here."))
        turn = services.turn_add(view=view, writer=writer, text=text, seq=form.cleaned_data["seq"])
    except services.Refused as refusal:
        raise ApiError(409, refusal.message) from None
    fresh = services.refresh(view)
    saved = TalkTurnSavedOut(
        turn=_turn(fresh, turn),
        conversation=_out(request, fresh),
        # Only for the phone's owner writing as themselves (see ConversationView.writes_as_self).
        support=support_for(request, text) if view.writes_as_self else None,
    )
    return Status(201, saved)


@router.post(
    "/{conversation_id}/hints",
    response=responses({200: TalkHintsOut}, write=True),
    summary="Check the wording of the turn I'm writing (nothing is saved)",
)
def turn_hints(request: HttpRequest, conversation_id: UUID, payload: TalkHintsIn) -> TalkHintsOut:
    view = _open_view(request, conversation_id)
    text = payload.text[:HINTS_TEXT_LIMIT]
    return TalkHintsOut(
        hints=_hint_outs(selectors.turn_hints(view, text)),
        support=support_for(request, text) if view.writes_as_self else None,
    )


@router.post(
    "/{conversation_id}/confirm",
    response=responses({200: ConversationOut}, write=True),
    summary="Yes, that's what I meant: confirm the reflection, then the listener speaks",
)
def reflection_confirm(
    request: HttpRequest, conversation_id: UUID, payload: TalkConfirmIn
) -> ConversationOut:
    view = _taking_part(request, conversation_id)
    if not services.reflection_confirm(view=view, seq=payload.seq):
        raise ApiError(409, _("The conversation had already moved on."))
    return _fresh(request, view)


@router.get(
    "/{conversation_id}/pause",
    response=responses({200: TalkPauseGuideOut}),
    summary="Ideas for calming down, and the pause lengths",
)
def pause_guide(request: HttpRequest, conversation_id: UUID) -> TalkPauseGuideOut:
    view = _view(request, conversation_id)
    return TalkPauseGuideOut(
        calming=[str(idea) for idea in CALMING_SUGGESTIONS],
        pause_lengths=_choices(PAUSE_CHOICES),
        suggest_support=selectors.pause_suggests_support(request.user, view.conversation),
    )


@router.post(
    "/{conversation_id}/pause",
    response=responses({200: ConversationOut}, write=True),
    summary="Call a pause of at least twenty minutes (or make one longer; never shorter)",
)
def pause_call(
    request: HttpRequest, conversation_id: UUID, payload: TalkPauseIn
) -> ConversationOut:
    view = _open_view(request, conversation_id)
    form = PauseForm(payload.model_dump())
    raise_for_form(form)
    services.pause_call(view=view, minutes=form.cleaned_data["minutes"])
    return _fresh(request, view)


@router.post(
    "/{conversation_id}/end",
    response=responses({200: ConversationOut}, write=True),
    summary="End the conversation",
)
def conversation_end(request: HttpRequest, conversation_id: UUID) -> ConversationOut:
    view = _open_view(request, conversation_id)
    services.conversation_end(view=view)
    return _fresh(request, view)
