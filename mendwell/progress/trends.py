"""Honest change, as pure functions (no Django): is the recent level different
from the start by more than this person's own week-to-week ups and downs?

Informal items have no published norms, so the yardstick is the person's own
spread: the standard deviation of successive week-to-week differences. The
difference between two 4-week means has a standard error of about that
spread / 2 when weeks only wobble around one level, so a difference larger
than 1.96 × spread / 2 is unlikely to be wobble alone. Gains and declines are
judged by the same rule, and nothing here says why anything changed.

Validated instruments use the Jacobson–Truax reliable change index from their
file's SD and reliability instead (``registry.Instrument.reliable_change``).
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

WINDOW = 4  # weeks at each end
MIN_WEEKS = 2 * WINDOW  # fewer than this and there is no honest comparison to make
Z = 1.96


class Direction(StrEnum):
    NOT_ENOUGH = "not_enough"
    WITHIN = "within"
    UP = "up"
    DOWN = "down"


@dataclass(frozen=True)
class Change:
    direction: Direction
    first_mean: float | None = None
    last_mean: float | None = None
    usual_spread: float | None = None  # SD of successive differences

    @property
    def difference(self) -> float | None:
        if self.first_mean is None or self.last_mean is None:
            return None
        return round(self.last_mean - self.first_mean, 2)


def usual_spread(values: Sequence[float]) -> float:
    """The standard deviation of week-to-week differences (0 for a flat series)."""
    steps = [after - before for before, after in zip(values, values[1:], strict=False)]
    return statistics.stdev(steps) if len(steps) > 1 else 0.0


def describe_change(values: Sequence[float]) -> Change:
    """Compare the mean of the last 4 weeks with the first 4, against the person's own spread."""
    if len(values) < MIN_WEEKS:
        return Change(Direction.NOT_ENOUGH)
    first = statistics.fmean(values[:WINDOW])
    last = statistics.fmean(values[-WINDOW:])
    spread = usual_spread(values)
    # Rounded so a series and its mirror image are judged identically despite float error.
    difference = round(sum(values[-WINDOW:]) - sum(values[:WINDOW]), 9) / WINDOW
    threshold = round(Z * spread / 2, 9)
    if abs(difference) <= threshold:
        direction = Direction.WITHIN
    else:
        direction = Direction.UP if difference > 0 else Direction.DOWN
    return Change(direction, round(first, 2), round(last, 2), round(spread, 2))


def reliable(rci: float | None) -> bool | None:
    """Whether a reliable change index lies beyond measurement noise (None when not allowed)."""
    if rci is None:
        return None
    return abs(rci) > Z
