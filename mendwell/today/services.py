"""Writes for the person's own plan marks."""

from __future__ import annotations

from datetime import date
from typing import Any

from mendwell.today.models import TodayMark


def mark_set(*, user: Any, day: date, key: str, state: str) -> TodayMark:
    mark, _created = TodayMark.objects.update_or_create(
        user=user, day=day, key=key, defaults={"state": state}
    )
    return mark


def mark_clear(*, user: Any, day: date, key: str) -> None:
    TodayMark.objects.filter(user=user, day=day, key=key).delete()
