"""Move text written under the instance key (``mw1``) onto its owner's data key (``mw2``).

Used once by the migration that introduced per-person keys, and by
``rotate_field_keys`` for anything left behind. Reads the stored ciphertext
(cast to plain text so the field does not decrypt it), writes each row with a
conditional UPDATE so an edit made meanwhile is never overwritten, skips values
already under a data key (so running it twice changes nothing), and leaves
rows without an owner under the instance key.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F, TextField
from django.db.models.functions import Cast

from mendwell.core import keyring
from mendwell.core.crypto import cipher
from mendwell.core.fields import Sealed, owner_path

# Models whose owner is not their ``author`` (or ``user``) field, frozen here for
# the migration (its historical models carry no ``encryption_owner``); a test
# keeps it equal to the models' own declarations.
OWNER_PATHS = {
    "accounts.user": "self",
    "journal.acknowledgementsent": "thread.author",
    "promises.promiseoccurrence": "promise.author",
    "counsel.counsellornote": "link.counsellor",
}


def encrypted_fields_of(model: type[models.Model]) -> list[Any]:
    return [
        field
        for field in model._meta.concrete_fields
        if type(field).__name__ == "EncryptedTextField"
    ]


def owner_key_lookup(model: type[models.Model]) -> str | None:
    """The ORM lookup from a row to its owner's ``data_key`` (None: no owner)."""
    path = OWNER_PATHS.get(model._meta.label_lower) or owner_path(model)
    if path is None:
        return None
    if path == "self":
        return "data_key"
    return "__".join([*path.split("."), "data_key"])


def move_to_data_keys(models_to_scan: Iterable[type[models.Model]], batch_size: int = 500) -> int:
    moved = 0
    for model in models_to_scan:
        fields = encrypted_fields_of(model)
        lookup = owner_key_lookup(model)
        if not fields or lookup is None:
            continue
        label = model._meta.label_lower
        raw = {f"_raw_{field.attname}": Cast(F(field.attname), TextField()) for field in fields}
        manager = model._base_manager
        names = {field.name for field in model._meta.concrete_fields}
        bound_by = "public_id" if "public_id" in names else "pk"
        last_pk = None
        while True:
            rows = manager.annotate(**raw).exclude(**{f"{lookup}__isnull": True})
            if last_pk is not None:
                rows = rows.filter(pk__gt=last_pk)
            batch = list(rows.order_by("pk").values_list("pk", bound_by, lookup, *raw)[:batch_size])
            if not batch:
                break
            last_pk = batch[-1][0]
            with transaction.atomic():
                for pk, bound_to, owner_key, *stored in batch:
                    binding = str(bound_to) if isinstance(bound_to, uuid.UUID) else ""
                    updates: dict[str, Any] = {}
                    unchanged: dict[str, Any] = {}
                    for field, value in zip(fields, stored, strict=True):
                        if value is None or keyring.key_id_in(value) is not None:
                            continue
                        context = f"{label}.{field.name}"
                        plaintext = cipher().decrypt(value, context=context)
                        updates[field.attname] = Sealed(
                            keyring.encrypt_text(
                                owner_key.hex, plaintext, context=context, binding=binding
                            )
                        )
                        unchanged[field.attname] = Sealed(value)
                    if updates:
                        moved += manager.filter(pk=pk, **unchanged).update(**updates)
    return moved
