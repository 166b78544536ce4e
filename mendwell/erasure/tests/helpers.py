"""A linked couple with something written by each, for the deletion tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from mendwell.checkins.models import CheckIn
from mendwell.conversations.guided.selectors import view_of
from mendwell.conversations.guided.services import conversation_start, topic_set, turn_add
from mendwell.conversations.models import Conversation, RuleAgreement
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.dates.models import DatePlan
from mendwell.dates.services import reflection_save
from mendwell.journal.acknowledgements.services import (
    acknowledgement_create,
    acknowledgement_respond,
    acknowledgement_send,
)
from mendwell.journal.models import LogEntry


@dataclass
class Written:
    alex_entry: LogEntry
    alex_checkin: CheckIn
    sam_checkin: CheckIn
    alex_talk: Conversation  # Alex started it, both spoke
    sam_talk: Conversation  # Sam started it, both spoke
    alex_plan: DatePlan
    sam_reflection: Any
    sam_answer: Any
    alex_ack: Any


def talk(starter: Any, other: Any) -> Conversation:
    """A conversation ``starter`` began on two devices: the starter spoke, the other replied."""
    conversation = conversation_start(
        user=starter,
        conversation_id=uuid.uuid4(),
        speaker_listener=False,
        one_device=False,
        turn_minutes=3,
    )
    for person in (starter, other):
        RuleAgreement.objects.create(conversation=conversation, user=person)
    topic_set(view=view_of(starter, conversation), topic="Our evenings", first_speaker=starter)
    turn_add(view=view_of(starter, conversation), writer=starter, text=f"words of {starter}", seq=1)
    turn_add(view=view_of(other, conversation), writer=other, text=f"words of {other}", seq=2)
    return conversation


def checkin(author: Any, day: int, *, shared: bool = True) -> CheckIn:
    return CheckIn.objects.create(
        author=author,
        couple=couple_for_user(author) if shared else None,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        day=date(2026, 3, day),
        mood=3,
        closeness=3,
        note=f"a note by {author}",
    )


def date_plan(author: Any) -> DatePlan:
    return DatePlan.objects.create(
        author=author,
        couple=couple_for_user(author),
        visibility=Visibility.SHARED,
        starts_on=date(2030, 1, 1),
        start_time=time(19, 0),
        time_zone="Europe/London",
        note="a picnic",
    )


def write_together(alex: Any, sam: Any) -> Written:
    """Alex and Sam (linked, both checked) each write in each other's containers."""
    ack = acknowledgement_create(
        user=alex, thread_id=uuid.uuid4(), own_it="mine", impact="yours", change="next", entries=[]
    )
    acknowledgement_send(thread=ack)
    answer = acknowledgement_respond(
        user=sam, thread=ack, sent=ack.sent_copies.get(), kind="not_yet", missing="Sam's words"
    )
    plan = date_plan(alex)
    reflection = reflection_save(
        user=sam, plan=plan, day=date(2030, 1, 1), connected=4, repeat_text="again", share=True
    )
    return Written(
        alex_entry=LogEntry.objects.create(author=alex, what_happened="only for me"),
        alex_checkin=checkin(alex, 1),
        sam_checkin=checkin(sam, 2),
        alex_talk=talk(alex, sam),
        sam_talk=talk(sam, alex),
        alex_plan=plan,
        sam_reflection=reflection,
        sam_answer=answer,
        alex_ack=ack,
    )
