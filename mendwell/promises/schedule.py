"""When a promise falls due: pure functions, no database (unit-tested at the edges).

A date without a time means "by the end of that day" in the author's zone. Each
local due time is turned into a UTC instant with zoneinfo, one day at a time, so
"every evening at 20:00" stays at 20:00 across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from mendwell.promises.models import MAX_OCCURRENCES, Recurrence

END_OF_DAY = time(23, 59)
STEP = {Recurrence.DAILY: timedelta(days=1), Recurrence.WEEKLY: timedelta(weeks=1)}


def local_to_utc(day: date, at: time | None, zone: str) -> datetime:
    local = datetime.combine(day, at or END_OF_DAY, tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def due_days(*, first: date, recurrence: str, count: int | None, until: date | None) -> list[date]:
    """The local days a promise falls due: once, or repeated up to a count or an end date
    (whichever comes first), never more than MAX_OCCURRENCES."""
    if recurrence == Recurrence.NONE:
        return [first]
    limit = min(count or MAX_OCCURRENCES, MAX_OCCURRENCES)
    days: list[date] = []
    day = first
    while len(days) < limit and (until is None or day <= until):
        days.append(day)
        day += STEP[Recurrence(recurrence)]
    return days


def due_instants(
    *,
    first: date | None,
    at: time | None,
    zone: str,
    recurrence: str,
    count: int | None = None,
    until: date | None = None,
) -> list[datetime | None]:
    """The UTC due instants, one per occurrence ([None] for a promise with no date)."""
    if first is None:
        return [None]
    days = due_days(first=first, recurrence=recurrence, count=count, until=until)
    return [local_to_utc(day, at, zone) for day in days]
