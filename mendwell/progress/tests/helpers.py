from __future__ import annotations

from datetime import datetime, timedelta

import time_machine

from mendwell.progress import registry, services

ITEMS = registry.pulse().item_ids


def answers(level: int, **overrides: int) -> dict[str, int]:
    return {**dict.fromkeys(ITEMS, level), **overrides}


def form_data(level: int, **overrides: object) -> dict[str, object]:
    return {**dict.fromkeys(ITEMS, str(level)), **overrides}


def weekly_pulses(user, levels: list[int], *, start: datetime) -> None:
    """One weekly pulse per week from ``start``, saved at that moment through the service."""
    for week, level in enumerate(levels):
        with time_machine.travel(start + timedelta(weeks=week), tick=False):
            services.pulse_save(user=user, kind="weekly", answers=answers(level))
