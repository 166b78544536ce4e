"""The person's own streak, with grace: one quiet day never breaks it.

Only ever shown to the person, and only as what they have done ("5 days"),
never as something to lose.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def streak(done_days: Iterable[date], *, today: date) -> int:
    """Days with something done in the current run, where a single missed day
    is forgiven but two in a row end the run. Today counts once it has
    something done; until then the run is counted up to yesterday."""
    days = set(done_days)
    cursor = today if today in days else today - timedelta(days=1)
    count, missed = 0, 0
    while missed < 2:
        if cursor in days:
            count += 1
            missed = 0
        else:
            missed += 1
        cursor -= timedelta(days=1)
        if count == 0 and missed == 2:
            break
    return count
