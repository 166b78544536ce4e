"""Model fields shared by every app."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.db import models

from mendwell.core import keyring
from mendwell.core.crypto import DecryptionError, cipher

integrity_log = logging.getLogger("mendwell.integrity")


class Sealed(str):
    """A value that is already ciphertext: written to the column as it is."""


class EncryptedTextField(models.TextField):
    """Text encrypted with its owner's data key before it reaches the database.

    The owner is the person whose account the text belongs to: the model's
    ``encryption_owner`` path (``"author"`` by default, ``"user"`` when the
    model has no author, ``"self"`` for the user row), read in ``pre_save``
    where the instance is at hand. Deleting that person's account destroys the
    key (``mendwell.core.keyring``), so the text is gone even from old backups.

    ``QuerySet.update()`` never sees an instance: pass ``sealed_for(...)``
    there (plain text is refused so nothing is written under the wrong key).
    SQL lookups on this column compare *ciphertext*: filtering by plaintext
    never matches. Decryption failures raise: a wrong key must never show
    ciphertext to a person as if it were their text.
    """

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        self.context = f"{cls._meta.label_lower}.{name}"

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = getattr(model_instance, self.attname)
        if value is None or isinstance(value, Sealed):
            return value
        return Sealed(
            encrypt_for_owner(
                owner_of(model_instance),
                str(value),
                self.context,
                binding=row_binding(model_instance),
            )
        )

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if value is None or isinstance(value, Sealed):
            return value
        if hasattr(value, "resolve_expression"):
            return super().get_db_prep_save(value, connection)
        raise TypeError(
            f"{self.context}: plain text given to a query update; wrap it in sealed_for() "
            "so it is encrypted under its owner's key"
        )

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return decrypt_stored(value, context=self.context)


def owner_path(model: type[models.Model]) -> str | None:
    """How a row of ``model`` reaches its owner: ``"self"``, a dotted path, or None.

    The model's ``encryption_owner`` when it names one, else its ``author``,
    else its ``user`` field.
    """
    declared = getattr(model, "encryption_owner", None)
    if declared:
        return str(declared)
    names = {field.name for field in model._meta.concrete_fields}
    return "author" if "author" in names else "user" if "user" in names else None


def owner_of(instance: models.Model) -> Any:
    """The person whose data key encrypts this row's text (None if it has none)."""
    path = owner_path(type(instance))
    if path is None:
        return None
    if path == "self":
        return instance
    owner: Any = instance
    for part in path.split("."):
        owner = getattr(owner, part, None)
        if owner is None:
            return None
    return None if owner is instance else owner


def row_binding(instance: models.Model) -> str:
    """The row's random id (or public id); "" for rows with only a counter id."""
    public_id = getattr(instance, "public_id", None)
    if public_id is not None:
        return str(public_id)
    return str(instance.pk) if isinstance(instance.pk, uuid.UUID) else ""


def encrypt_for_owner(owner: Any, plaintext: str, context: str, *, binding: str = "") -> str:
    """mw2 under the owner's data key; mw1 (instance key) for ownerless rows."""
    if owner is None:
        return cipher().encrypt(plaintext, context=context)
    return keyring.encrypt_text(
        keyring.key_id_of(owner), plaintext, context=context, binding=binding
    )


def check_row_bindings(model: type[models.Model]) -> None:
    """Make loading ``model`` refuse text sealed for another row (TS63).

    Wraps ``from_db`` (rows read from the database only: a new object built
    from another row's text is fine, it is sealed afresh when saved).
    """
    original = model.from_db.__func__  # type: ignore[attr-defined]
    # Worked out once: every row of these models passes through here on load.
    attnames = [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]

    def from_db(cls: type[models.Model], db: Any, field_names: Any, values: Any) -> Any:
        instance = original(cls, db, field_names, values)
        _check_bindings(instance, attnames)
        return instance

    model.from_db = classmethod(from_db)  # type: ignore[assignment,method-assign]


def _check_bindings(instance: models.Model, attnames: list[str]) -> None:
    for attname in attnames:
        binding = getattr(instance.__dict__.get(attname), "binding", "")
        if binding and binding != row_binding(instance):
            integrity_log.error(
                "integrity: stored text does not belong to this row (%s.%s)",
                instance._meta.label_lower,
                attname,
            )
            raise DecryptionError("ciphertext belongs to another row")


def decrypt_stored(stored: str, *, context: str) -> str:
    if stored.startswith(keyring.FORMAT_VERSION + ":"):
        try:
            return keyring.decrypt_text(stored, context=context)
        except keyring.ShreddedKeyError:
            # Its owner deleted their account (a restored backup brought the row
            # back): the words are gone for good, and the row goes at the next
            # purge. An empty value lets that deletion load the row.
            return ""
    return cipher().decrypt(stored, context=context)


def sealed_for(row: models.Model, field_name: str, owner: Any, value: str) -> Sealed:
    """Ciphertext for ``QuerySet.update(field=...)`` of ``row``, owned by ``owner``."""
    field = row._meta.get_field(field_name)
    assert isinstance(field, EncryptedTextField)
    return Sealed(encrypt_for_owner(owner, value, field.context, binding=row_binding(row)))


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every (concrete model, encrypted field) pair in the project."""
    from django.apps import apps

    pairs = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                pairs.append((model, field))
    return pairs
