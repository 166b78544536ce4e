"""The pulse charts: one per item and one for the total, drawn on the server.

Geometry comes from ``core.linechart`` (shared with step 3's chart); this
module only picks each chart's scale, its words and its change note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from mendwell.core.linechart import Frame, Line, line_for
from mendwell.progress.forms import item_text
from mendwell.progress.registry import Instrument
from mendwell.progress.selectors import Series
from mendwell.progress.trends import Change, Direction, describe_change


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    low: float
    high: float
    line: Line
    gridlines: list[float]
    rows: list[tuple[date, float]]
    change: Change
    note: str
    width: int = 600
    height: int = 200


def change_note(change: Change, count: int, *, own: bool = True) -> str:
    """Plain words for a change, the same care for gains and declines, and no claim of cause."""
    if change.direction == Direction.NOT_ENOUGH:
        return _(
            "There isn't enough yet to say whether this has changed: that takes at least "
            "8 weeks of answers, and there are %(count)d so far."
        ) % {"count": count}
    if own:
        notes = {
            Direction.WITHIN: _(
                "Your last 4 weeks compared with your first 4: within your usual ups and downs."
            ),
            Direction.UP: _(
                "Your last 4 weeks are higher than your first 4: this changed more than your "
                "usual ups and downs."
            ),
            Direction.DOWN: _(
                "Your last 4 weeks are lower than your first 4: this changed more than your "
                "usual ups and downs."
            ),
        }
    else:
        notes = {
            Direction.WITHIN: _(
                "Their last 4 weeks compared with their first 4: within their usual ups and downs."
            ),
            Direction.UP: _(
                "Their last 4 weeks are higher than their first 4: this changed more than their "
                "usual ups and downs."
            ),
            Direction.DOWN: _(
                "Their last 4 weeks are lower than their first 4: this changed more than their "
                "usual ups and downs."
            ),
        }
    return notes[change.direction]


def _chart(
    key: str, title: str, low: float, high: float, points: list[tuple[date, float]], own: bool
) -> Chart:
    frame = Frame(low=low, high=high)
    values = [value for _day, value in points]
    change = describe_change(values)
    ticks = [low, (low + high) / 2, high]
    return Chart(
        key=key,
        title=title,
        low=low,
        high=high,
        line=line_for(key, values, frame),
        gridlines=frame.gridlines(ticks),
        rows=points,
        change=change,
        note=change_note(change, len(values), own=own),
    )


def charts_for(
    series: Series, item_ids: list[str] | None = None, *, total: bool = True, own: bool = True
) -> list[Chart]:
    instrument: Instrument = series.instrument
    charts = []
    if total:
        totals = [(p.week_of, p.total) for p in series.points if p.total is not None]
        if totals:
            charts.append(
                _chart(
                    "total",
                    _("All items together"),
                    instrument.valid_min,
                    instrument.valid_max,
                    totals,
                    own,
                )
            )
    for item in instrument.items:
        if item_ids is not None and item.id not in item_ids:
            continue
        points = [
            (p.week_of, float(p.answers[item.id])) for p in series.points if item.id in p.answers
        ]
        if points:
            charts.append(
                _chart(
                    item.id,
                    item_text(instrument, item.text),
                    instrument.scale_min,
                    instrument.scale_max,
                    points,
                    own,
                )
            )
    return charts
