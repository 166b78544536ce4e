"""Reads for reminders: a person's choices, and whether a reminder has a point today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.contrib.auth import get_user_model

from mendwell.checkins.selectors import checkin_on, my_week_notes, week_of
from mendwell.core.zones import zone_of
from mendwell.dates.selectors import upcoming_at
from mendwell.notify.selectors import channels_for
from mendwell.reminders.models import Kind, Reminder
from mendwell.safety.selectors import joint_exercises_allowed

# What the settings page offers before a person has chosen anything.
DEFAULT_TIMES = {
    Kind.DAILY_PLAN: time(8, 0),
    Kind.CHECK_IN: time(20, 0),
    Kind.DATE: time(9, 0),
    Kind.WEEKLY: time(18, 0),
}
DEFAULT_WEEKDAY = 6  # Sunday


@dataclass(frozen=True)
class Choice:
    kind: Kind
    enabled: bool
    at: time
    weekday: int | None


def choices_for(user: Any) -> dict[Kind, Choice]:
    saved = {row.kind: row for row in Reminder.objects.filter(user=user)}
    found = {}
    for kind in Kind:
        row = saved.get(kind.value)
        if row is None:
            weekday = DEFAULT_WEEKDAY if kind == Kind.WEEKLY else None
            found[kind] = Choice(kind, False, DEFAULT_TIMES[kind], weekday)
        else:
            found[kind] = Choice(kind, row.enabled, row.at, row.weekday)
    return found


def channel_values(user: Any) -> dict[str, Any]:
    """The person's channels and quiet hours, as ``ChannelForm`` names them."""
    choice = channels_for(user)
    return {
        "reminders_in_app": choice.reminders_in_app,
        "email": choice.email,
        "push": choice.push,
        "quiet_from": choice.quiet_from,
        "quiet_until": choice.quiet_until,
    }


def coming_up(user: Any) -> list[tuple[Kind, datetime]]:
    """The next moment of each reminder that is on, in the settings page's order."""
    due: dict[str, datetime] = {
        kind: moment
        for kind, moment in Reminder.objects.filter(user=user).values_list("kind", "next_due_at")
        if moment is not None
    }
    return [(kind, due[kind.value]) for kind in Kind if kind.value in due]


def zones_for(user_ids: set[int]) -> dict[int, str]:
    """Each user's zone name, in one query for a whole batch of due reminders."""
    rows = get_user_model().objects.filter(pk__in=user_ids).values_list("pk", "time_zone")
    return dict(rows)


def worth_reminding(user: Any, kind: str, day: date) -> bool:
    """Skip a reminder that has nothing to point at, so reminders stay few.

    A check-in already made, a week already looked back on, or a day with no
    date planned sends nothing; dates are joint, so they wait while the
    person's program is paused.
    """
    if kind == Kind.CHECK_IN:
        return checkin_on(user, day) is None
    if kind == Kind.WEEKLY:
        return not my_week_notes(user, week_of(day))
    if kind == Kind.DATE:
        if not joint_exercises_allowed(user):
            return False
        # The day is the reader's own, whatever zone the date was planned in.
        zone = zone_of(user)
        start_of_day = datetime.combine(day, time.min, tzinfo=zone)
        return any(
            item.next_start.astimezone(zone).date() == day
            for item in upcoming_at(user, now=start_of_day)
        )
    return True
