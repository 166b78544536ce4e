"""One content row ↔ one JSON record, for every kind the access gate knows.

The mapping is generic (it walks each model's concrete fields) so a new
content model is exported without touching this app; the few kinds that need
more are listed here: rows kept under a parent (an acknowledgement's sent
copies, a promise's occurrences), the day's question an answer belongs to,
and which step a kind belongs to.

People never appear by name or id: a reference to a person is ``"me"`` (the
exporter), ``"someone_else"`` or ``null``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models

from mendwell.conversations.models import DailyQuestion
from mendwell.couples.access import SharedContent, content_models
from mendwell.journal.models import AcknowledgementSent
from mendwell.promises.models import PromiseOccurrence

# Kept on every record outside ``fields``, or not exported at all (the couple).
ENVELOPE = frozenset({"id", "created_at", "updated_at", "author", "couple", "visibility"})
ME, SOMEONE_ELSE = "me", "someone_else"


@dataclass(frozen=True)
class Children:
    key: str  # the record's ``children`` entry
    model: type[models.Model]
    parent_field: str
    # Words the partner writes on a shared parent (the kind word when marking a
    # shared promise): theirs, so left out unless the parent is private.
    partner_words: tuple[str, ...] = ()


# Rows that are not content of their own: they belong to the parent's author.
CHILDREN: dict[str, Children] = {
    "journal.acknowledgement": Children("sent", AcknowledgementSent, "thread"),
    "promises.promise": Children(
        "occurrences", PromiseOccurrence, "promise", partner_words=("kind_word",)
    ),
}

# Which step's Markdown file a kind goes into (the app's step unless noted).
STEP_OF_APP = {
    "journal": 1,
    "conversations": 2,
    "checkins": 3,
    "nudges": 3,
    "jar": 3,
    "dates": 4,
    "loved": 5,
    "promises": 6,
    "affection": 7,
    "progress": 8,
    "story": 8,
}
STEP_OF_KIND = {"checkins.weeknote": 10}

# Kinds exported but not imported: each needs the person's consent, given again
# in the new account (affection is opt-in per couple; a touch challenge is the couple's).
NOT_IMPORTED = frozenset({"affection.affectionprofile", "affection.touchchallenge"})


def kind_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def step_of(kind: str) -> int | None:
    return STEP_OF_KIND.get(kind, STEP_OF_APP.get(kind.split(".", 1)[0]))


def models_by_kind() -> dict[str, type[SharedContent]]:
    return {kind_of(model): model for model in content_models()}


def plain(value: Any) -> Any:
    """A JSON-ready value: dates and times as ISO 8601 (UTC for instants), ids as text."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _field_value(obj: models.Model, field: models.Field, user: Any) -> Any:
    raw = getattr(obj, field.attname)
    if not field.is_relation:
        return plain(raw)
    if raw is None:
        return None
    related = field.related_model
    if related is get_user_model():
        return ME if raw == user.pk else SOMEONE_ELSE
    if related is DailyQuestion:
        daily = getattr(obj, field.name)
        return {"day": daily.day.isoformat(), "question_id": daily.question_id}
    return str(raw)


def _fields(obj: models.Model, user: Any, *, skip: frozenset[str]) -> dict[str, Any]:
    return {
        field.name: _field_value(obj, field, user)
        for field in obj._meta.concrete_fields
        if field.name not in skip
    }


def record_for(obj: SharedContent, user: Any) -> dict[str, Any]:
    """The JSON record of one content row, as ``user`` exports it."""
    kind = kind_of(type(obj))
    record: dict[str, Any] = {
        "kind": kind,
        "id": str(obj.pk),
        "step": step_of(kind),
        "created_at": plain(obj.created_at),
        "updated_at": plain(obj.updated_at),
        "visibility": obj.visibility,
        "fields": _fields(obj, user, skip=ENVELOPE),
    }
    for relation in obj._meta.many_to_many:
        # e.g. the log entries an acknowledgement draft was built from.
        ids = getattr(obj, relation.name).values_list("pk", flat=True)
        record["fields"][relation.name] = sorted(str(pk) for pk in ids)
    children = CHILDREN.get(kind)
    if children is not None:
        rows = children.model._default_manager.filter(**{children.parent_field: obj}).order_by("pk")
        skip = frozenset({"id", children.parent_field})
        entries = []
        for row in sorted(rows, key=_child_order):
            entry = {"id": str(row.pk), **_fields(row, user, skip=skip)}
            if obj.visibility != "private":
                entry.update(dict.fromkeys(children.partner_words, ""))
            entries.append(entry)
        record["children"] = {children.key: entries}
    return record


def _child_order(row: models.Model) -> tuple[Any, ...]:
    # Both child kinds carry a number or a sequence; fall back on the id.
    return (getattr(row, "number", None) or getattr(row, "seq", 0), str(row.pk))
