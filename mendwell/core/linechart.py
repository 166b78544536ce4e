"""Line-chart geometry for server-drawn SVG, shared by the steps that chart a series.

No JavaScript and nothing from another host: a template writes an inline
<svg> (with a title and a description) from these numbers, and a table with
the same numbers sits beside it. A ``None`` in a series is a gap: the line
breaks there instead of inventing a value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    """The drawing area and the value scale (low at the bottom, high at the top)."""

    low: float
    high: float
    width: int = 600
    height: int = 200
    pad: int = 24

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return round(self.height - self.pad - share * (self.height - 2 * self.pad), 1)

    def x(self, index: int, count: int) -> float:
        step = (self.width - 2 * self.pad) / max(count - 1, 1)
        return round(self.pad + index * step, 1)

    def gridlines(self, values: Sequence[float]) -> list[float]:
        return [self.y(value) for value in values]


@dataclass(frozen=True)
class Line:
    name: str
    segments: list[str]  # "x,y x,y …" per run of consecutive points with a value
    dots: list[tuple[float, float]]


def line_for(name: str, values: Sequence[float | None], frame: Frame) -> Line:
    segments: list[str] = []
    run: list[str] = []
    dots: list[tuple[float, float]] = []
    for index, value in enumerate(values):
        if value is None:
            if run:
                segments.append(" ".join(run))
            run = []
            continue
        point = (frame.x(index, len(values)), frame.y(value))
        dots.append(point)
        run.append(f"{point[0]},{point[1]}")
    if run:
        segments.append(" ".join(run))
    return Line(name=name, segments=segments, dots=dots)
