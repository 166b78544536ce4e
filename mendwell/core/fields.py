"""Model fields shared by every app."""

from __future__ import annotations

from typing import Any

from django.db import models

from mendwell.core.crypto import cipher


class EncryptedTextField(models.TextField):
    """Text that is encrypted before it reaches the database.

    Encryption happens in ``get_db_prep_save`` (inserts and updates), so SQL
    lookups on this column compare *ciphertext*: filtering by plaintext never
    matches, and the key-rotation command can use the stored value as an
    optimistic lock. Decryption failures raise: a wrong key must never show
    ciphertext to a person as if it were their text.
    """

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        self.context = f"{cls._meta.label_lower}.{name}"

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        if value is None:
            return None
        return cipher().encrypt(str(value), context=self.context)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        if value is None:
            return None
        return cipher().decrypt(value, context=self.context)


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    """Every (concrete model, encrypted field) pair in the project."""
    from django.apps import apps

    pairs = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, EncryptedTextField):
                pairs.append((model, field))
    return pairs
