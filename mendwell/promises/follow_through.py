"""Follow-through arithmetic: pure, so the boundaries can be tested exactly.

An occurrence is *due* in a window when its due instant has passed and lies within
the last N days (and before its promise was renegotiated or withdrawn: what was
given up cannot be kept). A promise without a date counts once the partner has
marked it, at the moment they did. *Kept* is a due occurrence marked kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

WINDOWS = (28, 84)
# Below this many due occurrences a rate says more about chance than about anyone.
TOO_FEW = 5


@dataclass(frozen=True)
class Occurrence:
    due_at: datetime | None
    kept: bool
    marked_at: datetime | None = None
    closed_at: datetime | None = None  # when its promise stopped being active


@dataclass(frozen=True)
class Tally:
    days: int
    kept: int
    due: int

    @property
    def enough(self) -> bool:
        return self.due >= TOO_FEW

    @property
    def percent(self) -> int | None:
        """A whole percentage, only when there are enough due occurrences to mean something."""
        if not self.enough:
            return None
        return round(100 * self.kept / self.due)


def _counted_at(occurrence: Occurrence) -> datetime | None:
    if occurrence.due_at is None:
        return occurrence.marked_at
    if occurrence.closed_at is not None and occurrence.due_at > occurrence.closed_at:
        return None
    return occurrence.due_at


def tally(occurrences: list[Occurrence], *, now: datetime, days: int) -> Tally:
    """Kept and due over the ``days`` days up to ``now`` (start inclusive, ``now`` inclusive)."""
    start = now - timedelta(days=days)
    kept = due = 0
    for occurrence in occurrences:
        at = _counted_at(occurrence)
        if at is None or not (start <= at <= now):
            continue
        due += 1
        kept += occurrence.kept
    return Tally(days=days, kept=kept, due=due)
