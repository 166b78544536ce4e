"""Where a guided conversation stands, derived from its rows and nothing else.

The conversation row keeps only the choices made at the start, the topic, a
pause and the end; whose turn it is and what kind of turn comes next follow
from the turns already taken. Keeping this a pure function of the data means
two devices always agree, and a conversation resumes after a pause exactly
where it was.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol


class Phase(enum.Enum):
    RULES = "rules"  # both partners still have to agree to the ground rules
    TOPIC = "topic"  # agreed; nobody has chosen what to talk about yet
    TURNS = "turns"
    ENDED = "ended"


class Action(enum.Enum):
    SPEAK = "speak"  # say your piece
    REFLECT = "reflect"  # (speaker–listener) write back what you heard
    CHECK = "check"  # (speaker–listener) confirm the reflection, or say what you meant


class TurnLike(Protocol):
    author_id: Any
    kind: str
    created_at: datetime
    confirmed_at: datetime | None


@dataclass(frozen=True)
class Next:
    """What happens next in the turns phase: who acts, and how."""

    speaker_id: Any
    action: Action


def phase_of(*, ended: bool, agreed: int, topic_set: bool) -> Phase:
    if ended:
        return Phase.ENDED
    if agreed < 2:
        return Phase.RULES
    if not topic_set:
        return Phase.TOPIC
    return Phase.TURNS


def next_step(
    *, turns: Sequence[TurnLike], speaker_listener: bool, first_speaker_id: Any, other: Any
) -> Next:
    """Who acts next. ``other(user_id)`` names the other partner.

    Free turns simply alternate. With speaker–listener, each piece goes
    speak → reflect → check, and a correction ("what I meant") goes round
    the reflection again until the speaker confirms; then the listener
    becomes the speaker.
    """
    if not turns:
        return Next(first_speaker_id, Action.SPEAK)
    last = turns[-1]
    if not speaker_listener:
        return Next(other(last.author_id), Action.SPEAK)
    if last.kind in ("speak", "clarify"):
        return Next(other(last.author_id), Action.REFLECT)
    if last.confirmed_at is None:
        return Next(other(last.author_id), Action.CHECK)
    return Next(last.author_id, Action.SPEAK)


def clock_started_at(
    *,
    topic_set_at: datetime | None,
    turns: Sequence[TurnLike],
    paused_until: datetime | None,
    now: datetime,
) -> datetime | None:
    """When the current turn's clock started: the last thing that happened,
    or the end of a pause (a pause restarts the clock, it never eats a turn)."""
    moments = [moment for moment in (topic_set_at,) if moment is not None]
    if turns:
        last = turns[-1]
        moments.append(last.confirmed_at or last.created_at)
    if paused_until is not None and paused_until <= now:
        moments.append(paused_until)
    return max(moments) if moments else None
