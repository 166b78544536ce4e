"""Real events in the other steps, made through those steps' own services."""

from __future__ import annotations

import uuid
from datetime import date, time
from typing import Any

from mendwell.conversations.guided.selectors import view_of
from mendwell.conversations.guided.services import (
    conversation_end,
    conversation_start,
    rules_agree,
    topic_set,
    turn_add,
)
from mendwell.dates.services import plan_create, reflection_save
from mendwell.journal.acknowledgements.services import acknowledgement_create, acknowledgement_send
from mendwell.promises.services import occurrence_mark, promise_create


def acknowledgement_sent(alex: Any) -> None:
    thread = acknowledgement_create(
        user=alex,
        thread_id=uuid.uuid4(),
        own_it="I was never home",
        impact="lonely",
        change="home by six",
        entries=[],
    )
    acknowledgement_send(thread=thread)


def conversation_finished(alex: Any, sam: Any, *, alex_speaks: bool = True) -> None:
    conversation = conversation_start(
        user=alex,
        conversation_id=uuid.uuid4(),
        speaker_listener=False,
        one_device=False,
        turn_minutes=3,
    )
    rules_agree(view=view_of(alex, conversation), people=[alex])
    rules_agree(view=view_of(sam, conversation), people=[sam])
    topic_set(view=view_of(alex, conversation), topic="Evenings", first_speaker=alex)
    if alex_speaks:
        turn_add(view=view_of(alex, conversation), writer=alex, text="I miss us", seq=1)
        turn_add(view=view_of(sam, conversation), writer=sam, text="Me too", seq=2)
    conversation_end(view=view_of(alex, conversation))


def promise_kept(alex: Any, sam: Any) -> None:
    promise = promise_create(
        user=alex,
        promise_id=uuid.uuid4(),
        text="call you at lunch",
        due_on=None,
        due_time=None,
        recurrence="none",
        count=None,
        until=None,
    )
    occurrence_mark(user=sam, promise=promise, seq=1, mark="kept", kind_word="Thank you")


def date_planned(alex: Any, day: date, **extra: Any) -> Any:
    return plan_create(
        user=alex,
        starts_on=day,
        start_time=time(19, 0),
        time_zone="Europe/London",
        duration_minutes=90,
        repeat="none",
        repeat_until=None,
        note="dinner",
        **extra,
    )


def date_reflected(alex: Any, plan: Any, day: date) -> None:
    reflection_save(user=alex, plan=plan, day=day, connected=4, repeat_text="", share=False)
