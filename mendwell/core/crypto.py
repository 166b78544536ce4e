"""Encryption at rest for everything people write.

Values are stored as ``mw1:<key id>:<Fernet token>``. Fernet is authenticated
(AES-CBC + HMAC), so a wrong key or a tampered value raises instead of
returning garbage. The plaintext inside the token starts with a *context*
(``app.model.field``), checked on the way out, so ciphertext copied from one
column into another does not decrypt there.

Keys come from ``FIELD_ENCRYPTION_KEYS`` (or ``FIELD_ENCRYPTION_KEYS_FILE``) and
are independent of ``SECRET_KEY``. The first key encrypts; every listed key
decrypts; ``manage.py rotate_field_keys`` moves old values onto the first key.
People's text is now under their own data keys (``mw2``, see ``keyring.py``);
this instance-key format wraps those keys and still serves the rare row with
no owner, and reads anything written before the per-person keys.

We wrote this (about 80 lines) instead of using a packaged field: the packaged
ones derive keys from SECRET_KEY or hide wrong-key errors (see STACK.md).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver

FORMAT_VERSION = "mw1"
_CONTEXT_SEPARATOR = "\x1f"


class DecryptionError(Exception):
    """A stored value could not be decrypted with the configured keys."""


def key_id(key: str) -> str:
    """A short, stable name for a key that reveals nothing about it."""
    return hashlib.sha256(key.encode()).hexdigest()[:8]


class FieldCipher:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ImproperlyConfigured(
                "FIELD_ENCRYPTION_KEYS is empty: Mendwell will not read or write "
                "people's text without its encryption keys."
            )
        try:
            self._fernets = {key_id(key): Fernet(key.encode()) for key in keys}
        except ValueError as exc:
            raise ImproperlyConfigured(
                "FIELD_ENCRYPTION_KEYS holds a value that is not a Fernet key."
            ) from exc
        self.primary_key_id = key_id(keys[0])

    def encrypt(self, plaintext: str, *, context: str) -> str:
        payload = f"{context}{_CONTEXT_SEPARATOR}{plaintext}".encode()
        token = self._fernets[self.primary_key_id].encrypt(payload).decode()
        return f"{FORMAT_VERSION}:{self.primary_key_id}:{token}"

    def decrypt(self, stored: str, *, context: str) -> str:
        version, kid, token = _split(stored)
        if version != FORMAT_VERSION:
            raise DecryptionError("unknown ciphertext version")
        fernet = self._fernets.get(kid)
        if fernet is None:
            raise DecryptionError(f"no configured key has id {kid}")
        try:
            payload = fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise DecryptionError("ciphertext does not match its key") from exc
        stored_context, _, plaintext = payload.partition(_CONTEXT_SEPARATOR)
        if stored_context != context:
            raise DecryptionError("ciphertext belongs to another field")
        return plaintext

    def is_current(self, stored: str) -> bool:
        """True when the value is already under the primary key."""
        _version, kid, _token = _split(stored)
        return kid == self.primary_key_id


def _split(stored: str) -> tuple[str, str, str]:
    parts = stored.split(":", 2)
    if len(parts) != 3:
        raise DecryptionError("value is not Mendwell ciphertext")
    return parts[0], parts[1], parts[2]


@lru_cache(maxsize=1)
def cipher() -> FieldCipher:
    return FieldCipher(list(settings.FIELD_ENCRYPTION_KEYS))


@receiver(setting_changed)
def _reset_cipher(*, setting: str, **kwargs: object) -> None:
    if setting == "FIELD_ENCRYPTION_KEYS":
        cipher.cache_clear()
