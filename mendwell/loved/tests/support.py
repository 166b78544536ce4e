"""Helpers for step 5's tests: a full set of ratings, and a person ready to share."""

from __future__ import annotations

import uuid
from typing import Any

from mendwell.loved import services
from mendwell.loved.models import RATING_FIELDS, LovedItem, RatingSnapshot
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit


def ratings(**overrides: int) -> dict[str, int]:
    """Every rating at 2, with the given ones changed."""
    values = dict.fromkeys(RATING_FIELDS, 2)
    values.update(overrides)
    return values


def form_data(**overrides: Any) -> dict[str, Any]:
    return {"snapshot_id": str(uuid.uuid4()), **ratings(), **overrides}


def checked(*people: Any) -> None:
    for person in people:
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))


def rate(user: Any, **overrides: int) -> RatingSnapshot:
    return services.ratings_save(user=user, snapshot_id=uuid.uuid4(), ratings=ratings(**overrides))


def add(user: Any, text: str, *, this_week: bool = False) -> LovedItem:
    return services.item_add(user=user, item_id=uuid.uuid4(), text=text, this_week=this_week)


def checked_value(page: str, name: str) -> str | None:
    """The value of the radio button ``name`` that the page shows as chosen."""
    import re

    found = re.search(rf'name="{name}" value="(\d+)"[^>]*\bchecked\b', page)
    return found.group(1) if found else None
