"""Reads for the daily check-in. A person reads their own check-ins; the
partner reads only the days that were shared, through the access gate."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone

from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.couples.selectors import partner_of
from mendwell.safety.selectors import joint_exercises_allowed

CHART_DAYS = 30


def _mine(user: Any) -> QuerySet[CheckIn]:
    return cast("QuerySet[CheckIn]", CheckIn.objects.authored_by(user))


def my_checkins(user: Any) -> QuerySet[CheckIn]:
    """Every check-in of this person's own, for lists that page through them."""
    return _mine(user)


def can_share(user: Any) -> bool:
    # Sharing is something done together: it follows the same lock as joint exercises.
    return partner_of(user) is not None and joint_exercises_allowed(user)


def today_for(user: Any) -> date:
    """The person's own date (the middleware has activated their time zone)."""
    return timezone.localdate()


def checkin_on(user: Any, day: date) -> CheckIn | None:
    return _mine(user).filter(day=day).first()


def checkin_rows_on(user: Any, day: date) -> QuerySet[CheckIn]:
    """This person's own check-in for ``day``, as a query (Today checks whether it exists)."""
    return _mine(user).filter(day=day)


def my_week_note_rows(user: Any, week: date) -> QuerySet[WeekNote]:
    """This person's own look-back lines for the week starting ``week``, as a query."""
    mine = cast("QuerySet[WeekNote]", WeekNote.objects.authored_by(user))
    return mine.filter(week_of=week)


def shared_by_partner(user: Any, *, days: int = 7) -> list[CheckIn]:
    since = today_for(user) - timedelta(days=days)
    rows = cast("QuerySet[CheckIn]", CheckIn.objects.shared_with(user))
    return list(rows.filter(day__gte=since).order_by("-day"))


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    checkin: CheckIn | None


def month_calendar(user: Any, year: int, month: int) -> list[list[CalendarDay]]:
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    by_day = {c.day: c for c in _mine(user).filter(day__gte=first, day__lte=last)}
    return [
        [CalendarDay(day=d, in_month=d.month == month, checkin=by_day.get(d)) for d in week]
        for week in weeks
    ]


@dataclass(frozen=True)
class Series:
    days: list[date]
    mood: list[int | None]
    closeness: list[int | None]

    @property
    def has_data(self) -> bool:
        return any(value is not None for value in self.mood)


def recent_series(user: Any, *, end: date | None = None, days: int = CHART_DAYS) -> Series:
    end = end or today_for(user)
    start = end - timedelta(days=days - 1)
    by_day = {c.day: c for c in _mine(user).filter(day__gte=start, day__lte=end)}
    span = [start + timedelta(days=n) for n in range(days)]
    return Series(
        days=span,
        mood=[by_day[d].mood if d in by_day else None for d in span],
        closeness=[by_day[d].closeness if d in by_day else None for d in span],
    )


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_notes_visible(user: Any, *, weeks: int = 8) -> dict[date, list[WeekNote]]:
    """The person's own lines and the ones their partner shared, by week, newest first."""
    since = week_of(today_for(user)) - timedelta(weeks=weeks)
    rows = cast("QuerySet[WeekNote]", WeekNote.objects.visible_to(user))
    grouped: dict[date, list[WeekNote]] = {}
    for note in rows.filter(week_of__gte=since).order_by("-week_of", "kind", "author_id"):
        grouped.setdefault(note.week_of, []).append(note)
    return grouped


def my_week_notes(user: Any, week: date) -> dict[str, WeekNote]:
    mine = cast("QuerySet[WeekNote]", WeekNote.objects.authored_by(user))
    return {note.kind: note for note in mine.filter(week_of=week)}
