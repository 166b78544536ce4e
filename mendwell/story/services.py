"""Writes for small victories. Each touches only its author's own rows."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet

from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.story.models import Victory
from mendwell.story.selectors import posts_go_on_shared_wall


def _victories() -> QuerySet[Victory]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[Victory]", Victory.objects.all())


def _fields(*, text: str, happened_on: date, step: int | None) -> dict[str, Any]:
    return {"text": text.strip(), "happened_on": happened_on, "step": step}


@transaction.atomic
def victory_create(*, user: Any, victory_id: uuid.UUID, **fields: Any) -> Victory:
    """Post a victory with the id the form was given, so a double submit makes one.

    It goes on the shared wall when working together is open for this person;
    otherwise it is theirs alone (the same rule as planning a date)."""
    existing = _victories().filter(pk=victory_id).first()
    if existing is not None:
        if existing.author_id == user.pk:
            return existing  # the same form sent twice
        victory_id = uuid.uuid4()  # an id that is not this person's: never touch it
    together = posts_go_on_shared_wall(user)
    return _victories().create(
        id=victory_id,
        author=user,
        couple=couple_for_user(user) if together else None,
        visibility=Visibility.SHARED if together else Visibility.PRIVATE,
        **_fields(**fields),
    )


@transaction.atomic
def victory_update(*, victory: Victory, **fields: Any) -> Victory:
    """Change the words, the day or the step; where it is shared stays as it was."""
    for name, value in _fields(**fields).items():
        setattr(victory, name, value)
    victory.save(update_fields=["text", "happened_on", "step", "updated_at"])
    return victory


@transaction.atomic
def victory_delete(*, victory: Victory) -> None:
    victory.delete()
