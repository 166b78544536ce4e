"""Milestones: firsts the app notices from what really happened in the steps.

Nothing here is stored. Each provider looks at one step through that step's
own reads (always through the access gate) and answers the day the moment
happened for this person, or ``None`` if it has not happened yet. Milestones
are shown only to the person they belong to: never side by side with the
partner's, never as a count of anything the partner did.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise as LazyText
from django.utils.translation import gettext_lazy as _

from mendwell.conversations.guided.selectors import conversations_for
from mendwell.conversations.models import Turn
from mendwell.dates.models import DatePlan, Reflection
from mendwell.journal.acknowledgements.selectors import acknowledgements_written_by
from mendwell.progress.models import Kind as PulseKind
from mendwell.progress.selectors import own_series
from mendwell.promises.models import Mark
from mendwell.promises.selectors import promises_made_by

PULSES_IN_A_ROW = 4


@dataclass(frozen=True)
class Milestone:
    kind: str
    day: date
    title: LazyText
    note: LazyText


def _zone(user: Any) -> ZoneInfo:
    try:
        return ZoneInfo(user.time_zone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _local_day(user: Any, moment: datetime | None) -> date | None:
    """The day a moment fell on where the person lives (times are stored in UTC)."""
    return moment.astimezone(_zone(user)).date() if moment else None


def _earliest(days: list[date | None]) -> date | None:
    known = [day for day in days if day is not None]
    return min(known) if known else None


# --- Providers: one per milestone, each answering "since when?" or None -------------


def first_acknowledgement_sent(user: Any) -> date | None:
    """Step 1: the first acknowledgement this person sent to their partner."""
    threads = acknowledgements_written_by(user)
    return _earliest(
        [_local_day(user, copy.sent_at) for t in threads for copy in t.sent_copies.all()]
    )


def first_guided_conversation_finished(user: Any) -> date | None:
    """Step 2: the first guided conversation that reached its end with this person's
    own words in it (one ended before anyone spoke is not a milestone)."""
    ended = {c.pk: c.ended_at for c in conversations_for(user) if c.ended_at is not None}
    if not ended:
        return None
    turns = cast("QuerySet[Turn]", Turn.objects.visible_to(user))
    spoke_in = set(
        turns.filter(author=user, conversation_id__in=ended).values_list(
            "conversation_id", flat=True
        )
    )
    return _earliest([_local_day(user, ended[pk]) for pk in spoke_in])


def first_promise_kept(user: Any) -> date | None:
    """Step 6: the first time a promise this person made was marked as kept."""
    return _earliest(
        [
            _local_day(user, occurrence.marked_at)
            for promise in promises_made_by(user)
            for occurrence in promise.occurrences.all()
            if occurrence.mark == Mark.KEPT
        ]
    )


def first_date_that_happened(user: Any, *, today: date) -> date | None:
    """Step 4: the first planned date whose day has come and gone without being
    cancelled, or the first look back the person saved after one."""
    plans = cast("QuerySet[DatePlan]", DatePlan.objects.visible_to(user))
    reflections = cast("QuerySet[Reflection]", Reflection.objects.visible_to(user))
    past = plans.filter(cancelled_at__isnull=True, starts_on__lt=today)
    return _earliest(
        [
            past.order_by("starts_on").values_list("starts_on", flat=True).first(),
            reflections.filter(author=user).order_by("day").values_list("day", flat=True).first(),
        ]
    )


def four_weekly_pulses_in_a_row(user: Any) -> date | None:
    """Step 8: the week in which a fourth weekly pulse in a row was taken (the Monday
    of that week, as the pulse keeps its week rather than its moment). A week
    missed starts the count again; the baseline is not a weekly pulse."""
    weeks = sorted(
        point.week_of for point in own_series(user).points if point.kind == PulseKind.WEEKLY
    )
    run = 0
    for index, monday in enumerate(weeks):
        follows = index > 0 and monday - weeks[index - 1] == timedelta(weeks=1)
        run = run + 1 if follows else 1
        if run == PULSES_IN_A_ROW:
            return monday
    return None


# --- The list ---------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    kind: str
    provider: Callable[[Any, date], date | None]
    title: LazyText
    note: LazyText


KINDS = (
    Kind(
        "first_acknowledgement",
        lambda user, today: first_acknowledgement_sent(user),
        _("You sent your first acknowledgement"),
        _(
            "You named what happened and how it may have felt, and let it be read. That takes courage."
        ),
    ),
    Kind(
        "first_conversation",
        lambda user, today: first_guided_conversation_finished(user),
        _("A guided conversation, all the way through"),
        _("You took turns, listened, and stayed with it to the end."),
    ),
    Kind(
        "first_date",
        lambda user, today: first_date_that_happened(user, today=today),
        _("Your first time together"),
        _("Time set aside for the two of you, and it happened."),
    ),
    Kind(
        "first_kept_promise",
        lambda user, today: first_promise_kept(user),
        _("A promise kept"),
        _("You said you would, and you did. Small promises kept are how trust grows back."),
    ),
    Kind(
        "four_pulses",
        lambda user, today: four_weekly_pulses_in_a_row(user),
        _("Four weekly check-ins in a row"),
        _("A month of pausing once a week to notice how things are."),
    ),
)


def milestones_for(user: Any, *, today: date | None = None) -> list[Milestone]:
    """This person's milestones so far, oldest first. Only ever for their own eyes."""
    today = today or timezone.localdate()
    found = []
    for kind in KINDS:
        day = kind.provider(user, today)
        if day is not None:
            found.append(Milestone(kind.kind, day, kind.title, kind.note))
    return sorted(found, key=lambda milestone: milestone.day)
