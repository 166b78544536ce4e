"""Our story: one person's view of the way back, in the order it happened.

It holds the victories this person can see (their own, and what their partner
shared in their couple of the moment) and this person's own milestones. It is
told oldest first, because a story is read from its beginning; the wall, where
people look for what is new, shows the newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext as _

from mendwell.story.milestones import milestones_for
from mendwell.story.selectors import victories_for


@dataclass(frozen=True)
class Moment:
    day: date
    kind: str  # "victory" or "milestone"
    title: str | LazyText
    text: str
    step: int | None = None
    by: str = ""  # who posted a victory: "you" or the partner's chosen name


def story_for(user: Any, *, today: date | None = None) -> list[Moment]:
    moments = [
        Moment(
            day=victory.happened_on,
            kind="victory",
            title=_("A small victory"),
            text=victory.text,
            step=victory.step,
            by=_("you") if victory.author_id == user.pk else victory.author.name,
        )
        for victory in victories_for(user)
    ]
    moments += [
        Moment(day=milestone.day, kind="milestone", title=milestone.title, text=str(milestone.note))
        for milestone in milestones_for(user, today=today)
    ]
    # Within a day, milestones first: they are what the steps brought about.
    return sorted(moments, key=lambda moment: (moment.day, moment.kind != "milestone"))
