from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, IntegerField, Subquery, Value
from django.db.models.functions import Coalesce

from mendwell.checkins import selectors as checkins
from mendwell.couples.selectors import couple_for_user
from mendwell.jar import selectors as jar
from mendwell.nudges import selectors as nudges
from mendwell.progress import selectors as progress
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


def marks_and_streak(user: Any, *, today: date) -> tuple[dict[str, str], int]:
    """Today's marks and the streak from one bounded query (the Today page needs both)."""
    since = today - timedelta(days=STREAK_WINDOW_DAYS)
    rows = TodayMark.objects.filter(user=user, day__gte=since, day__lte=today)
    marks: dict[str, str] = {}
    done_days = set()
    for day, key, state in rows.values_list("day", "key", "state"):
        if day == today:
            marks[key] = state
        if state == MarkState.DONE:
            done_days.add(day)
    return marks, streak(done_days, today=today)


@dataclass(frozen=True)
class DayFacts:
    """Small yes/no facts several of Today's providers need, read together."""

    checked_in: bool
    week_noted: bool
    nudges_sent: int
    jar_weekday: int
    pulse_answered: bool = False  # step 8: this week's pulse (or the baseline) is in


def day_facts(user: Any, *, today: date) -> DayFacts:
    """One query for what would otherwise be one query each: each step app says what to
    look for (its own selector's rows, all the person's own), Today asks them at once."""
    couple = couple_for_user(user)
    sent = (
        nudges.sent_today_rows(user)
        .order_by()
        .values("author")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    weekday = jar.draw_day_rows(couple).values("weekday")[:1] if couple else None
    row = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(
            Exists(checkins.checkin_rows_on(user, today)),
            Exists(checkins.my_week_note_rows(user, checkins.week_of(today))),
            Coalesce(Subquery(sent, output_field=IntegerField()), Value(0)),
            Coalesce(
                Subquery(weekday, output_field=IntegerField())
                if weekday is not None
                else Value(None, output_field=IntegerField()),
                Value(jar.DEFAULT_WEEKDAY),
            ),
            Exists(progress.answers_this_week_rows(user, today=today)),
        )
        .get()
    )
    return DayFacts(
        checked_in=bool(row[0]),
        week_noted=bool(row[1]),
        nudges_sent=int(row[2]),
        jar_weekday=int(row[3]),
        pulse_answered=bool(row[4]),
    )
