"""What goes into a person's report: only what they chose, read through the gate.

The pulse is their own (``progress.selectors.own_series``); victories are the
wall they can see (``story.selectors.victories_for``); check-ins, look-back
lines and promises are rows they AUTHORED and shared (``authored_by``), never
the partner's and never anything private.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from django.db.models import QuerySet

from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.couples.access import Visibility
from mendwell.progress import selectors as progress
from mendwell.progress.chart import Chart, charts_for
from mendwell.progress.forms import item_text
from mendwell.promises.models import Promise
from mendwell.report.models import ReportLink
from mendwell.report.services import token_hash
from mendwell.story.models import Victory
from mendwell.story.selectors import victories_for

PULSE, VICTORIES, CHECKINS, WEEK_NOTES, PROMISES = (
    "pulse",
    "victories",
    "checkins",
    "week_notes",
    "promises",
)
PARTS = (PULSE, VICTORIES, CHECKINS, WEEK_NOTES, PROMISES)


@dataclass(frozen=True)
class AnswerTable:
    headings: list[str]
    rows: list[tuple[date, list[int | None], float | None]]  # week, answers, total


@dataclass
class ReportContents:
    start: date
    end: date
    parts: frozenset[str]
    charts: list[Chart] = field(default_factory=list)
    answers: AnswerTable | None = None
    victories: list[Victory] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    week_notes: list[WeekNote] = field(default_factory=list)
    promises: list[Promise] = field(default_factory=list)


def link_for_owner(user: Any, token: str) -> ReportLink | None:
    return ReportLink.objects.filter(user=user, token_hash=token_hash(token)).first()


def _pulse(user: Any, start: date, end: date) -> tuple[list[Chart], AnswerTable]:
    series = progress.own_series(user)
    in_range = progress.Series(
        series.instrument, [p for p in series.points if start <= p.week_of <= end]
    )
    instrument = series.instrument
    table = AnswerTable(
        headings=[item_text(instrument, item.text) for item in instrument.items],
        rows=[
            (p.week_of, [p.answers.get(item.id) for item in instrument.items], p.total)
            for p in in_range.points
        ],
    )
    return charts_for(in_range), table


def _own_shared(model: type[Any], user: Any) -> QuerySet[Any]:
    rows = cast("QuerySet[Any]", model.objects.authored_by(user))
    return rows.filter(visibility=Visibility.SHARED)


def report_contents(user: Any, *, parts: frozenset[str], start: date, end: date) -> ReportContents:
    contents = ReportContents(start=start, end=end, parts=parts)
    if PULSE in parts:
        contents.charts, contents.answers = _pulse(user, start, end)
    if VICTORIES in parts:
        contents.victories = [
            v
            for v in victories_for(user)
            if v.visibility == Visibility.SHARED and start <= v.happened_on <= end
        ]
    if CHECKINS in parts:
        checkins = _own_shared(CheckIn, user).filter(day__range=(start, end))
        contents.checkins = list(checkins.order_by("day"))
    if WEEK_NOTES in parts:
        notes = _own_shared(WeekNote, user).filter(week_of__range=(start, end))
        contents.week_notes = list(notes.order_by("week_of", "kind"))
    if PROMISES in parts:
        promises = _own_shared(Promise, user).filter(created_at__date__range=(start, end))
        contents.promises = list(promises.order_by("created_at"))
    return contents
