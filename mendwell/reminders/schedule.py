"""When a reminder is next due: wall-clock time in a zone, turned into UTC.

Pure functions, property-tested over every IANA zone. A wall time that does
not exist that day (the spring-forward gap) fires when the clocks jump, the
same moment measured from the previous offset (01:30 in London on the
spring change fires at 02:30 BST); a wall time that happens twice (the
autumn fold) fires once, at the first.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# A weekly reminder is at most 7 days away, plus a day of slack for zones
# that skipped a whole calendar day (Pacific/Apia, 30 December 2011).
_SEARCH_DAYS = 9


def wall_to_utc(day: date, at: time, zone: ZoneInfo) -> datetime:
    # fold=0: in a gap Python measures from the offset before the change, so
    # the instant lands just after the jump; in a fold it picks the first.
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC)


def next_due(*, at: time, zone: ZoneInfo, after: datetime, weekday: int | None = None) -> datetime:
    """The first instant strictly after ``after`` at wall time ``at`` in ``zone``
    (on ``weekday`` only, 0 = Monday, when given)."""
    # A chosen time is a plain wall time: a stray fold=1 would pick the later
    # offset, which inside a gap lands on the previous day (St John's moved
    # its clocks at 00:01 until 2011).
    at = at.replace(fold=0)
    day = after.astimezone(zone).date() - timedelta(days=1)
    for _step in range(_SEARCH_DAYS):
        if weekday is None or day.weekday() == weekday:
            candidate = wall_to_utc(day, at, zone)
            if candidate > after:
                return candidate
        day += timedelta(days=1)
    raise AssertionError("unreachable: a matching day lies within nine days")  # pragma: no cover


def local_day_of(instant: datetime, zone: ZoneInfo) -> date:
    return instant.astimezone(zone).date()
