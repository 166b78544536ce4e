from __future__ import annotations

from datetime import datetime, time
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone

from mendwell.nudges.models import Nudge


def _start_of_local_day() -> datetime:
    # The middleware has activated the person's own zone: their day, not the server's.
    zone = timezone.get_current_timezone()
    return datetime.combine(timezone.localdate(), time.min, tzinfo=zone)


def sent_today_rows(user: Any) -> QuerySet[Nudge]:
    """The nudges this person sent today (their own day), as a query to count."""
    mine = cast("QuerySet[Nudge]", Nudge.objects.authored_by(user))
    return mine.filter(created_at__gte=_start_of_local_day())


def sent_today(user: Any) -> int:
    return sent_today_rows(user).count()


def received_rows(user: Any) -> QuerySet[Nudge]:
    """What the partner sent this person (while the couple lasts), as a query."""
    return cast("QuerySet[Nudge]", Nudge.objects.shared_with(user))


def sent_rows(user: Any) -> QuerySet[Nudge]:
    return cast("QuerySet[Nudge]", Nudge.objects.authored_by(user))


def received_by(user: Any, *, limit: int = 20) -> list[Nudge]:
    return list(received_rows(user).order_by("-created_at")[:limit])


def sent_by(user: Any, *, limit: int = 20) -> list[Nudge]:
    return list(sent_rows(user).order_by("-created_at")[:limit])
