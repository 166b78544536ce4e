"""Reads for the connection jar. A person sees their own acts; the partner
only ever meets one act at a time, by drawing it."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from mendwell.couples.access import get_visible_or_404
from mendwell.couples.selectors import couple_for_user
from mendwell.jar.models import JarAct, JarDay, JarDraw
from mendwell.jar.suggestions import SUGGESTED_ACTS

DEFAULT_WEEKDAY = 6  # Sunday, until the couple chooses


def today_for(user: Any) -> date:
    return timezone.localdate()


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def my_acts(user: Any) -> list[JarAct]:
    rows = cast("QuerySet[JarAct]", JarAct.objects.authored_by(user))
    return list(rows.order_by("created_at"))


def suggestions_for(user: Any, *, acts: list[JarAct] | None = None) -> list[str]:
    """Our ideas to start from, less the ones already in this person's jar
    (``acts``: their acts, when the caller already read them)."""
    taken = {act.text for act in (my_acts(user) if acts is None else acts)}
    return [str(idea) for idea in SUGGESTED_ACTS if str(idea) not in taken]


def draw_day_rows(couple: Any) -> QuerySet[JarDay]:
    """The couple's chosen draw day (no row: the default), as a query."""
    return JarDay.objects.filter(couple=couple)


def draw_weekday(user: Any) -> int:
    couple = couple_for_user(user)
    row = draw_day_rows(couple).first() if couple else None
    return row.weekday if row else DEFAULT_WEEKDAY


def draw_open(user: Any, day: date, *, weekday: int | None = None) -> bool:
    """From the chosen day until the end of that week. ``weekday``: the couple's draw
    day, when the caller already read it."""
    return day.weekday() >= (draw_weekday(user) if weekday is None else weekday)


def this_weeks_draw(user: Any, day: date) -> JarDraw | None:
    rows = cast("QuerySet[JarDraw]", JarDraw.objects.authored_by(user))
    return rows.select_related("act").filter(week_of=week_of(day)).first()


def drawable_acts(user: Any) -> list[JarAct]:
    """The partner's acts this person may draw: never their own, and not the
    one they drew last time."""
    rows = cast("QuerySet[JarAct]", JarAct.objects.shared_with(user))
    mine = cast("QuerySet[JarDraw]", JarDraw.objects.authored_by(user))
    last = mine.order_by("-week_of").values_list("act_id", flat=True).first()
    return list(rows.exclude(pk=last).order_by("created_at")) if last else list(rows)


def done_for_me(user: Any, *, weeks: int = 6) -> list[JarDraw]:
    """Acts the partner has done for this person (shown once done, never before)."""
    since = week_of(today_for(user)) - timedelta(weeks=weeks)
    rows = cast("QuerySet[JarDraw]", JarDraw.objects.shared_with(user))
    return list(
        rows.select_related("act")
        .filter(act__author=user, done_at__isnull=False, week_of__gte=since)
        .order_by("-week_of")
    )


def draw_to_notice_or_404(user: Any, draw_id: Any) -> JarDraw:
    """A draw done for this person (their act, marked done), or the same 404 as a
    made-up id: the drawer, a stranger, or a draw not yet done cannot say "I noticed"."""
    draw = get_visible_or_404(JarDraw, user=user, pk=draw_id)
    if draw.act.author_id != user.pk or draw.done_at is None:
        raise Http404
    return draw
