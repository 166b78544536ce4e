"""The check-in chart as plain SVG geometry, drawn on the server.

No JavaScript and nothing from another host: the template writes an inline
<svg> with a title and description, and a table with the same numbers sits
beside it for screen readers and for anyone who prefers numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from mendwell.checkins.selectors import Series

WIDTH, HEIGHT, PAD = 600, 200, 24
LEVELS = 5


@dataclass(frozen=True)
class Line:
    name: str
    segments: list[str]  # "x,y x,y …" per run of consecutive days with a value
    dots: list[tuple[float, float]]


def _y(value: int) -> float:
    return round(HEIGHT - PAD - (value - 1) * (HEIGHT - 2 * PAD) / (LEVELS - 1), 1)


def _x(index: int, count: int) -> float:
    step = (WIDTH - 2 * PAD) / max(count - 1, 1)
    return round(PAD + index * step, 1)


def line_for(name: str, values: list[int | None]) -> Line:
    segments: list[str] = []
    run: list[str] = []
    dots: list[tuple[float, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if run:
                segments.append(" ".join(run))
            run = []
            continue
        point = (_x(index, len(values)), _y(value))
        dots.append(point)
        run.append(f"{point[0]},{point[1]}")
    if run:
        segments.append(" ".join(run))
    return Line(name=name, segments=segments, dots=dots)


def chart_for(series: Series) -> dict[str, object]:
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "gridlines": [_y(level) for level in range(1, LEVELS + 1)],
        "mood": line_for("mood", series.mood),
        "closeness": line_for("closeness", series.closeness),
    }
