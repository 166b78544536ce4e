"""Writes to the log. Each is atomic and touches only the author's own rows."""

from __future__ import annotations

import json
import uuid
from datetime import date
from typing import Any, cast

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from mendwell.core.fields import EncryptedTextField, sealed_for
from mendwell.journal.models import LogEntry


def _entries() -> QuerySet[LogEntry]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[LogEntry]", LogEntry.objects.all())


class EditConflict(Exception):
    """The entry changed elsewhere since this form was opened."""

    def __init__(self, current: LogEntry) -> None:
        super().__init__("edit conflict")
        self.current = current


def _fields(
    *,
    happened_on: date | None,
    rough_period: str,
    what_happened: str,
    impact: str,
    differently: str,
    tags: list[str],
) -> dict[str, Any]:
    return {
        "happened_on": happened_on,
        "rough_period": rough_period,
        "what_happened": what_happened,
        "impact": impact,
        "differently": differently,
        "tags_json": json.dumps(sorted(set(tags))),
    }


def _sealed(row: LogEntry, owner: Any, values: dict[str, Any]) -> dict[str, Any]:
    """A query UPDATE calls no save(): encrypt each text under its owner's key here."""
    return {
        name: sealed_for(row, name, owner, value)
        if isinstance(row._meta.get_field(name), EncryptedTextField)
        else value
        for name, value in values.items()
    }


@transaction.atomic
def log_entry_create(*, user: Any, entry_id: uuid.UUID, **fields: Any) -> LogEntry:
    """Create an entry with the id the form was given, so a double submit makes one."""
    existing = _entries().filter(pk=entry_id).first()
    if existing is not None:
        if existing.author_id == user.pk:
            return existing  # the same form sent twice
        entry_id = uuid.uuid4()  # an id that is not this person's: never touch it
    return _entries().create(id=entry_id, author=user, **_fields(**fields))


@transaction.atomic
def log_entry_update(*, entry: LogEntry, version: int, **fields: Any) -> LogEntry:
    updated = (
        _entries()
        .filter(pk=entry.pk, author=entry.author, version=version)
        .update(
            version=F("version") + 1,
            updated_at=timezone.now(),
            **_sealed(entry, entry.author, _fields(**fields)),
        )
    )
    if updated != 1:
        raise EditConflict(_entries().get(pk=entry.pk))
    entry.refresh_from_db()
    return entry


@transaction.atomic
def log_entry_delete(*, entry: LogEntry) -> None:
    entry.delete()
