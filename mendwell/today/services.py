"""Writes for the person's own plan marks."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from mendwell.today import selectors
from mendwell.today.models import MarkState, TodayMark
from mendwell.today.plan import plan_for


class Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def mark_apply(*, user: Any, day: date, key: str, state: str) -> None:
    """Done, not today, or ``undo`` (back on the list) for one item of ``day``'s plan.

    Only an item on the plan that takes marks can be marked; one already marked
    can always be put back, even if it has since left the plan.
    """
    keys = {item.key for item in plan_for(user, today=day) if item.markable}
    if key not in keys and not (state == "undo" and key in selectors.marks_on(user, day)):
        raise Refused(_("That item isn't on today's plan any more."))
    if state == "undo":
        mark_clear(user=user, day=day, key=key)
    elif state in MarkState.values:
        mark_set(user=user, day=day, key=key, state=state)
    else:
        raise Refused(_("Choose done or not today."))


def mark_set(*, user: Any, day: date, key: str, state: str) -> TodayMark:
    mark, _created = TodayMark.objects.update_or_create(
        user=user, day=day, key=key, defaults={"state": state}
    )
    return mark


def mark_clear(*, user: Any, day: date, key: str) -> None:
    TodayMark.objects.filter(user=user, day=day, key=key).delete()
