from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from mendwell.today.models import MarkState, TodayMark
from mendwell.today.streak import streak

STREAK_WINDOW_DAYS = 120


def marks_on(user: Any, day: date) -> dict[str, str]:
    return dict(TodayMark.objects.filter(user=user, day=day).values_list("key", "state"))


def streak_for(user: Any, *, today: date) -> int:
    since = today - timedelta(days=STREAK_WINDOW_DAYS)
    days = (
        TodayMark.objects.filter(user=user, state=MarkState.DONE, day__gte=since)
        .values_list("day", flat=True)
        .distinct()
    )
    return streak(days, today=today)
