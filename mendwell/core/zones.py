"""A person's own clock, for work done outside a request (tasks, the scheduler).

In a request the middleware activates the person's zone; a background task
has no request, so it asks here. An unknown zone name falls back to UTC
rather than failing: a reminder at the wrong hour beats a crashed worker.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.utils import timezone

UTC = ZoneInfo("UTC")


def zone_named(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def zone_of(user: Any) -> ZoneInfo:
    return zone_named(getattr(user, "time_zone", None))


def local_now(user: Any, now: datetime | None = None) -> datetime:
    return (now or timezone.now()).astimezone(zone_of(user))


def local_today(user: Any, now: datetime | None = None) -> date:
    return local_now(user, now).date()
