from __future__ import annotations

import uuid
from typing import Any

import pytest

from mendwell.promises.services import promise_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")


def checked(*people: Any) -> None:
    for person in people:
        safety_check_submit(user=person, answers=ALL_NO)


def make_promise(user: Any, text: str = "call you at lunch", **fields: Any) -> Any:
    values: dict[str, Any] = {
        "due_on": None,
        "due_time": None,
        "recurrence": "none",
        "count": None,
        "until": None,
        **fields,
    }
    return promise_create(user=user, promise_id=uuid.uuid4(), text=text, **values)


@pytest.fixture
def couple(alex: Any, sam: Any) -> tuple[Any, Any]:
    """Alex and Sam, linked, each with their private check done."""
    checked(alex, sam)
    return alex, sam
