"""The check-in chart as plain SVG geometry, drawn on the server.

No JavaScript and nothing from another host: the template writes an inline
<svg> with a title and description, and a table with the same numbers sits
beside it for screen readers and for anyone who prefers numbers.
"""

from __future__ import annotations

from mendwell.checkins.selectors import Series
from mendwell.core.linechart import Frame, Line
from mendwell.core.linechart import line_for as _line

WIDTH, HEIGHT, PAD = 600, 200, 24
LEVELS = 5
FRAME = Frame(low=1, high=LEVELS, width=WIDTH, height=HEIGHT, pad=PAD)


def line_for(name: str, values: list[int | None]) -> Line:
    return _line(name, values, FRAME)


def chart_for(series: Series) -> dict[str, object]:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "gridlines": FRAME.gridlines(range(1, LEVELS + 1)),
        "mood": line_for("mood", series.mood),
        "closeness": line_for("closeness", series.closeness),
    }
