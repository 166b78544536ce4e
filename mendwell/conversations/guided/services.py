"""Writes for guided conversations.

Every write re-derives the conversation's state from the database (through
the selectors) and refuses anything that does not fit it: a turn out of
order, a turn during a pause, anything after the end. Two devices sending
the same turn at once meet the (conversation, seq) unique constraint, so one
turn is kept and the other is told the conversation moved on.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mendwell.conversations.guided.selectors import ConversationView, view_of
from mendwell.conversations.guided.state import Action, Phase
from mendwell.conversations.models import (
    PAUSE_MINIMUM_MINUTES,
    Conversation,
    RuleAgreement,
    Turn,
    TurnKind,
)
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user, partner_of


class Refused(Exception):
    """A write that does not fit the conversation's state; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _conversations() -> QuerySet[Conversation]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[Conversation]", Conversation.objects.all())


def _turns() -> QuerySet[Turn]:
    return cast("QuerySet[Turn]", Turn.objects.all())


def conversation_start(
    *,
    user: Any,
    conversation_id: uuid.UUID,
    speaker_listener: bool,
    one_device: bool,
    turn_minutes: int,
    question_id: str = "",
    topic: str = "",
) -> Conversation:
    """Start a conversation in the user's couple. The id is chosen by the form,
    so a double submit returns the conversation the first one made."""
    existing = _conversations().filter(pk=conversation_id, author=user).first()
    if existing is not None:
        return existing
    couple = couple_for_user(user)
    if couple is None or partner_of(user) is None:
        raise Refused(_("A guided conversation needs your partner linked to your account."))
    try:
        with transaction.atomic():
            return _conversations().create(
                id=conversation_id,
                author=user,
                couple=couple,
                visibility=Visibility.SHARED,
                speaker_listener=speaker_listener,
                one_device=one_device,
                turn_minutes=turn_minutes,
                question_id=question_id,
                topic=topic,
            )
    except IntegrityError:
        # The same id from somebody else: never hand their row over.
        raise Refused(_("Please try starting the conversation again.")) from None


def _touch(conversation: Conversation) -> None:
    # The row changes with every step, so an edit anywhere is an edit of the conversation.
    _conversations().filter(pk=conversation.pk).update(updated_at=timezone.now())


def _open(view: ConversationView) -> None:
    if view.phase is Phase.ENDED:
        raise Refused(_("This conversation has ended."))


def rules_agree(*, view: ConversationView, people: list[Any]) -> None:
    """Record agreement for the acting person, and on the shared phone for
    whoever else ticked there."""
    _open(view)
    allowed = {p.pk for p in view.agreement_pending_for.values()}
    for person in people:
        if person.pk in allowed:
            RuleAgreement.objects.get_or_create(conversation=view.conversation, user=person)
    _touch(view.conversation)


def topic_set(*, view: ConversationView, topic: str, first_speaker: Any) -> bool:
    """Choose what to talk about and who starts. The first choice wins when both
    devices choose at once; returns whether this one was kept."""
    _open(view)
    if view.phase is not Phase.TOPIC:
        return False
    updated = _conversations().filter(
        pk=view.conversation.pk, topic_set_at__isnull=True, ended_at__isnull=True
    )
    # A bulk update skips the field's own save path; encrypt through the model.
    conversation = view.conversation
    conversation.topic = topic
    conversation.first_speaker = first_speaker
    conversation.topic_set_at = timezone.now()
    with transaction.atomic():
        if not updated.select_for_update(no_key=True).exists():
            return False
        conversation.save(update_fields=["topic", "first_speaker", "topic_set_at", "updated_at"])
    return True


_KIND_FOR = {Action.SPEAK: TurnKind.SPEAK, Action.REFLECT: TurnKind.REFLECT}


def turn_add(*, view: ConversationView, writer: Any, text: str, seq: int) -> Turn:
    """Add the next turn, written by ``writer`` (the person whose turn it is).

    ``seq`` is the turn number the writer's screen showed; if the
    conversation has moved on since, nothing is saved.
    """
    _open(view)
    if view.phase is not Phase.TURNS or view.next is None:
        raise Refused(_("Agree the ground rules and choose a topic first."))
    if view.paused:
        raise Refused(_("You are taking a pause. Your words are kept here until it ends."))
    if view.writer_after_pause is None or view.writer_after_pause.pk != writer.pk:
        raise Refused(_("It isn't your turn yet. Your words are kept here."))
    if seq != view.next_seq:
        raise Refused(
            _("The conversation moved on while you were writing. Your words are kept here.")
        )
    kind = _KIND_FOR.get(view.next.action, TurnKind.CLARIFY)
    try:
        with transaction.atomic():
            _touch(view.conversation)
            return _turns().create(
                conversation=view.conversation,
                seq=seq,
                kind=kind,
                text=text,
                author=writer,
                entered_by=view.me if writer.pk != view.me.pk else None,
                couple_id=view.conversation.couple_id,
                visibility=Visibility.SHARED,
            )
    except IntegrityError:
        raise Refused(
            _("The conversation moved on while you were writing. Your words are kept here.")
        ) from None


def reflection_confirm(*, view: ConversationView, seq: int) -> bool:
    """The speaker says "yes, that's what I meant"; then the listener speaks."""
    _open(view)
    if view.paused or view.next is None or view.next.action is not Action.CHECK:
        return False
    writer = view.writer
    last = view.last_turn
    if writer is None or last is None or last.seq != seq:
        return False
    confirmed = bool(
        _turns()
        .filter(pk=last.pk, confirmed_at__isnull=True, conversation=view.conversation)
        .update(confirmed_at=timezone.now())
    )
    if confirmed:
        _touch(view.conversation)
    return confirmed


def pause_call(*, view: ConversationView, minutes: int) -> None:
    """Start (or lengthen) a pause. Nobody can shorten one, including whoever called it."""
    _open(view)
    minutes = max(minutes, PAUSE_MINIMUM_MINUTES)
    now = timezone.now()
    until = now + timedelta(minutes=minutes)
    with transaction.atomic():
        conversation = _conversations().select_for_update(no_key=True).get(pk=view.conversation.pk)
        if conversation.paused_until is not None and conversation.paused_until > now:
            conversation.paused_until = max(conversation.paused_until, until)
        else:
            conversation.pause_started_at = now
            conversation.paused_until = until
        conversation.save(update_fields=["pause_started_at", "paused_until", "updated_at"])


def conversation_end(*, view: ConversationView) -> None:
    now = timezone.now()
    # update() skips auto_now: move updated_at too, like every other step does.
    _conversations().filter(pk=view.conversation.pk, ended_at__isnull=True).update(
        ended_at=now, updated_at=now
    )


def turn_delete(*, turn: Turn) -> None:
    """Take one's own words back. The turn keeps its place so the order of the
    conversation stays right, but its text is gone everywhere at once."""
    turn.text = ""
    turn.deleted_at = turn.deleted_at or timezone.now()
    turn.save(update_fields=["text", "deleted_at", "updated_at"])


def refresh(view: ConversationView) -> ConversationView:
    return view_of(view.me, _conversations().get(pk=view.conversation.pk))
