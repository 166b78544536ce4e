"""Reads for guided conversations. Every read goes through the access gate:
a conversation or turn that is not visible to the acting person is a 404."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mendwell.accounts.coach_hints import hints_for
from mendwell.conversations.guided.state import (
    Action,
    Next,
    Phase,
    clock_started_at,
    next_step,
    phase_of,
)
from mendwell.conversations.models import Conversation, RuleAgreement, Turn
from mendwell.conversations.questions import QUESTIONS
from mendwell.couples.access import get_visible_or_404
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for

_QUESTION_TEXT = {question.id: question.text for question in QUESTIONS}


@dataclass(frozen=True)
class ConversationView:
    conversation: Conversation
    me: Any
    partner: Any | None  # None once the couple has ended (then nothing is visible anyway)
    phase: Phase
    agreed_ids: frozenset[Any]
    turns: list[Turn]
    next: Next | None
    paused_until: datetime | None
    clock_started_at: datetime | None
    now: datetime
    # Started in a couple space that has since closed: the author keeps it, read-only.
    archived: bool = False
    names: dict[Any, str] = field(default_factory=dict)

    @property
    def paused(self) -> bool:
        return self.paused_until is not None and self.paused_until > self.now

    @property
    def next_seq(self) -> int:
        return len(self.turns) + 1

    @property
    def elapsed_seconds(self) -> int:
        if self.clock_started_at is None:
            return 0
        return max(0, int((self.now - self.clock_started_at).total_seconds()))

    @property
    def elapsed_display(self) -> str:
        minutes, seconds = divmod(self.elapsed_seconds, 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def writer(self) -> Any | None:
        """Who is about to write on this device: the next speaker when this
        device may act for them (their own device, or the shared phone)."""
        return None if self.paused else self.writer_after_pause

    @property
    def writer_after_pause(self) -> Any | None:
        """The writer once any pause is over: their draft box stays on screen
        (with sending switched off) so nothing they typed is lost."""
        if self.phase is not Phase.TURNS or self.next is None:
            return None
        if self.next.speaker_id == self.me.pk:
            return self.me
        if self.conversation.one_device and self.partner is not None:
            return self.partner
        return None

    @property
    def last_turn(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    @property
    def state_key(self) -> str:
        """Changes whenever anything either device shows would change; the
        live poll answers "nothing new" while it stays the same."""
        parts = [
            self.phase.value,
            ",".join(sorted(str(pk) for pk in self.agreed_ids)),
            str(self.conversation.topic_set_at),
            str(self.paused_until if self.paused else ""),
            str(self.conversation.ended_at),
        ]
        parts += [f"{t.seq}:{t.confirmed_at}:{t.deleted_at}" for t in self.turns]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def name_of(self, user_id: Any) -> str:
        return self.names.get(user_id, "")

    @property
    def writes_as_self(self) -> bool:
        """The phone's owner is the one about to write (not typing for the
        partner on a shared phone): only then may a support panel be shown."""
        writer = self.writer_after_pause
        return writer is not None and writer.pk == self.me.pk

    @property
    def needs_my_agreement(self) -> bool:
        return self.me.pk not in self.agreed_ids

    @property
    def people(self) -> dict[str, Any]:
        return {"me": self.me, **({"partner": self.partner} if self.partner else {})}

    @property
    def agreement_pending_for(self) -> dict[str, Any]:
        """On the shared phone, everyone who still has to tick; else just me."""
        roles = ("me", "partner") if self.conversation.one_device else ("me",)
        return {
            role: person
            for role, person in self.people.items()
            if role in roles and person.pk not in self.agreed_ids
        }


def _visible_turns(user: Any, conversation: Conversation) -> list[Turn]:
    turns = cast("QuerySet[Turn]", Turn.objects.visible_to(user))
    return list(turns.filter(conversation=conversation).order_by("seq"))


def conversation_rows_for(user: Any) -> QuerySet[Conversation]:
    return cast("QuerySet[Conversation]", Conversation.objects.visible_to(user))


def conversations_for(user: Any) -> list[Conversation]:
    return list(conversation_rows_for(user).order_by("ended_at", "-created_at"))


def lock_reason_for(user: Any) -> str:
    """Why this person cannot take part right now ("" when they can): "solo"
    without a partner, "paused" while the program is paused, "check" until
    they have taken their private safety check."""
    if partner_of(user) is None:
        return "solo"
    if program_state_for(user) is ProgramState.PAUSED:
        return "paused"
    if not joint_exercises_allowed(user):
        return "check"
    return ""


def turn_label(view: ConversationView) -> str:
    """What the next turn's text box asks for, naming the writer on a shared phone."""
    writer = view.writer_after_pause
    if writer is None or view.next is None:
        return _("Your turn")
    mine = writer.pk == view.me.pk
    if view.next.action is Action.REFLECT:
        return (
            _("What did you hear? Put it in your own words")
            if mine
            else _("%(name)s: what did you hear? Put it in your own words") % {"name": writer.name}
        )
    if view.next.action is Action.CHECK:
        return (
            _("Not quite? Say what you meant")
            if mine
            else _("%(name)s: not quite? Say what you meant") % {"name": writer.name}
        )
    return _("Your turn") if mine else _("%(name)s's turn") % {"name": writer.name}


def turn_hints(view: ConversationView, text: str) -> list[dict[str, Any]]:
    """The writer's own wording hints, if the writer switched them on. On the
    shared phone the writer may be the partner: their setting decides, and
    the hints go to the person holding the phone, who wrote the text."""
    return hints_for(view.writer_after_pause, text, _("Your turn"))


def conversation_for(user: Any, conversation_id: Any) -> Conversation:
    return get_visible_or_404(Conversation, user=user, pk=conversation_id)


def question_text(question_id: str) -> str:
    return str(_QUESTION_TEXT.get(question_id, ""))


def view_of(user: Any, conversation: Conversation) -> ConversationView:
    now = timezone.now()
    current = couple_for_user(user)
    archived = current is None or current.pk != conversation.couple_id
    partner = None if archived else partner_of(user)
    turns = _visible_turns(user, conversation)
    agreed = frozenset(
        RuleAgreement.objects.filter(conversation=conversation).values_list("user_id", flat=True)
    )
    phase = phase_of(
        ended=archived or conversation.ended_at is not None,
        agreed=len(agreed),
        topic_set=conversation.topic_set_at is not None,
    )
    names = {user.pk: user.name}
    if partner is not None:
        names[partner.pk] = partner.name
    ids = {user.pk, partner.pk if partner else None}

    def other(user_id: Any) -> Any:
        rest = [pk for pk in ids if pk != user_id and pk is not None]
        return rest[0] if rest else user_id

    nxt = None
    if phase is Phase.TURNS:
        nxt = next_step(
            turns=turns,
            speaker_listener=conversation.speaker_listener,
            first_speaker_id=conversation.first_speaker_id or conversation.author_id,
            other=other,
        )
    return ConversationView(
        conversation=conversation,
        me=user,
        partner=partner,
        phase=phase,
        agreed_ids=agreed,
        turns=turns,
        next=nxt,
        paused_until=conversation.paused_until,
        clock_started_at=clock_started_at(
            topic_set_at=conversation.topic_set_at,
            turns=turns,
            paused_until=conversation.paused_until,
            now=now,
        ),
        now=now,
        archived=archived,
        names=names,
    )


__all__ = [
    "Action",
    "ConversationView",
    "Phase",
    "conversation_for",
    "conversations_for",
    "view_of",
]


# Step 9: conversations that keep needing a pause are one sign that a
# counsellor could help. Counted over the person's own visible conversations.
PAUSED_RECENTLY_DAYS = 21
PAUSED_RECENTLY_SUGGEST = 3


def often_paused(user: Any, *, now: datetime | None = None) -> bool:
    since = (now or timezone.now()) - timedelta(days=PAUSED_RECENTLY_DAYS)
    rows = cast("QuerySet[Conversation]", Conversation.objects.visible_to(user))
    return rows.filter(pause_started_at__gte=since).count() >= PAUSED_RECENTLY_SUGGEST


def pause_suggests_support(user: Any, conversation: Conversation) -> bool:
    """Whether the pause screen mentions professional support: only on the
    person's own device (on a shared phone both would read it)."""
    return not conversation.one_device and often_paused(user)
