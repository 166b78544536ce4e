"""Geometry for the follow-through chart: server-side SVG, no script.

Each row is one person and one window: a pale bar for what fell due and, over it,
a solid bar for what was kept, both on one scale shared by everyone so the two
partners are drawn exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BAR_WIDTH = 220  # the longest "due" bar, in SVG units
ROW_HEIGHT = 28
LABEL_WIDTH = 150
TOP = 8


@dataclass(frozen=True)
class Bar:
    y: int
    text_y: int
    label: str
    due_width: int
    kept_width: int
    kept: int
    due: int


def _width(count: int, largest: int) -> int:
    if largest == 0 or count == 0:
        return 0
    return max(2, round(BAR_WIDTH * count / largest))


def chart_for(people: list[Any]) -> dict[str, Any]:
    from django.utils.translation import gettext as _

    largest = max((t.due for person in people for t in person.tallies), default=0)
    bars = []
    row = 0
    for person in people:
        name = _("You") if person.is_me else person.person.name
        for t in person.tallies:
            y = TOP + row * ROW_HEIGHT
            label = _("%(name)s, %(weeks)d weeks") % {"name": name, "weeks": t.days // 7}
            bars.append(
                Bar(
                    y=y,
                    text_y=y + 15,
                    label=label,
                    due_width=_width(t.due, largest),
                    kept_width=_width(t.kept, largest),
                    kept=t.kept,
                    due=t.due,
                )
            )
            row += 1
    return {
        "bars": bars,
        "width": LABEL_WIDTH + BAR_WIDTH + 90,
        "height": TOP * 2 + row * ROW_HEIGHT,
        "bar_x": LABEL_WIDTH,
        "count_x_offset": LABEL_WIDTH + 6,
        "empty": largest == 0,
    }
