"""When to suggest professional support, from a person's own weekly answers.

Step 9 asks the app to suggest help, kindly and privately, when a person's
pulse stays low or keeps falling for three weeks or more. These are our own
informal items, so "low" is not a clinical cut-off: it means the person's
own answers averaged in the bottom third of the scale for three weeks in a
row. "Falling" means each of the last three weeks was lower than the one
before. Only the person ever sees the suggestion; nothing is stored or sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

WEEKS = 3
LOW_SHARE = 1 / 3  # the bottom third of the answer scale


class Reason(StrEnum):
    LOW = "low"
    FALLING = "falling"


def support_reason(
    weekly_means: Sequence[float], *, scale_min: float, scale_max: float
) -> Reason | None:
    """``weekly_means``: the person's mean answer per weekly pulse, oldest first."""
    if len(weekly_means) >= WEEKS:
        low_line = scale_min + (scale_max - scale_min) * LOW_SHARE
        if all(mean <= low_line for mean in weekly_means[-WEEKS:]):
            return Reason.LOW
    if len(weekly_means) >= WEEKS + 1:
        recent = weekly_means[-(WEEKS + 1) :]
        if all(later < earlier for earlier, later in zip(recent, recent[1:], strict=False)):
            return Reason.FALLING
    return None
