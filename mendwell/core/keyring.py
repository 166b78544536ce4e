"""Per-person data keys, kept outside the database so that deleting one destroys it.

Every person's text is encrypted with their own *data key* (a Fernet key made
for them). The data key is stored in the keyring directory (``KEYRING_DIR``,
``data/keyring`` by default), wrapped by the instance keys in
``FIELD_ENCRYPTION_KEYS``: one small file per person, named by the random
``User.data_key`` id.

Why a directory and not a table: a database backup holds every row, so a
wrapped key stored in the database would come back with an old backup and
unlock a deleted person's words again. Deleting an account replaces the key
file with a *tombstone*; a database backup restored later still holds that
person's rows, but nothing can decrypt them, and ``manage.py purge_shredded``
(run on every scheduler start) removes them. The tombstone is what tells a
destroyed key apart from a keyring that was lost or not restored: without one,
reading fails loudly instead of deleting anything. ``manage.py backup`` does
carry the keyring (tombstones included) in its sealed file, and a restore only
adds the files the current keyring lacks, so a tombstone always wins.

Rotating the instance keys re-wraps these small files; the rows themselves are
not touched (``manage.py rotate_field_keys``).
"""

from __future__ import annotations

import os
import re
import threading
import uuid
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from mendwell.core.crypto import DecryptionError, cipher

FORMAT_VERSION = "mw2"
_CONTEXT_SEPARATOR = "\x1f"
_KEY_SUFFIX = ".key"
_TOMBSTONE_SUFFIX = ".shredded"
_KEY_ID = re.compile(r"^[0-9a-f]{32}$")
_lock = threading.Lock()
_cache: dict[str, Fernet] = {}


class ShreddedKeyError(DecryptionError):
    """The data key was destroyed when its owner deleted their account."""


class MissingKeyError(DecryptionError):
    """No key file and no tombstone: the keyring is incomplete (fail closed)."""


def keyring_dir() -> Path:
    path = Path(settings.KEYRING_DIR)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def key_id_of(user: Any) -> str:
    """The person's data key id (a random UUID on the user row, never their pk)."""
    value = user.data_key
    return value.hex if isinstance(value, uuid.UUID) else uuid.UUID(str(value)).hex


def _context(kid: str) -> str:
    return f"keyring.{kid}"


def _check(kid: str) -> str:
    if not _KEY_ID.match(kid):
        raise DecryptionError("malformed data key id")
    return kid


def data_key(kid: str, *, create: bool = False) -> Fernet:
    """The unwrapped data key ``kid``; made (once, race-free) when ``create``."""
    kid = _check(kid)
    cached = _cache.get(kid)
    if cached is not None:
        return cached
    with _lock:
        cached = _cache.get(kid)
        if cached is not None:
            return cached
        folder = keyring_dir()
        path = folder / f"{kid}{_KEY_SUFFIX}"
        if (folder / f"{kid}{_TOMBSTONE_SUFFIX}").exists():
            raise ShreddedKeyError("this data key was destroyed")
        if not path.exists():
            if not create:
                raise MissingKeyError(
                    f"data key {kid} is not in the keyring at {folder}: restore the keyring "
                    "directory with the database (see the README on backups)"
                )
            _write_new(folder, kid)
        stored = path.read_text().strip()
        raw = cipher().decrypt(stored, context=_context(kid))
        fernet = Fernet(raw.encode())
        _cache[kid] = fernet
        return fernet


def _write_new(folder: Path, kid: str) -> None:
    """Write a new wrapped key; if another process won the race, keep theirs."""
    wrapped = cipher().encrypt(Fernet.generate_key().decode(), context=_context(kid))
    temporary = folder / f".{kid}.{uuid.uuid4().hex}.tmp"
    _write_synced(temporary, wrapped)
    try:
        os.link(temporary, folder / f"{kid}{_KEY_SUFFIX}")  # fails if it already exists
    except FileExistsError:
        pass
    finally:
        temporary.unlink()
    _sync_dir(folder)


def _write_synced(path: Path, text: str) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(text + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _sync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fernet_for(user: Any) -> Fernet:
    """This person's data key, made on first use."""
    return data_key(key_id_of(user), create=True)


class BoundText(str):
    """Decrypted text that remembers which row it was sealed for (checked on load)."""

    binding: str = ""


def encrypt_text(kid: str, plaintext: str, *, context: str, binding: str = "") -> str:
    """``mw2:<data key id>:<token>``.

    Inside the token: the context (``app.model.field``), the row it belongs to
    (its random id, when it has one) and the text, so a value copied into
    another column or another row does not read back there.
    """
    payload = f"{context}{_CONTEXT_SEPARATOR}{binding}{_CONTEXT_SEPARATOR}{plaintext}".encode()
    token = data_key(kid, create=True).encrypt(payload).decode()
    return f"{FORMAT_VERSION}:{kid}:{token}"


def decrypt_text(stored: str, *, context: str) -> BoundText:
    version, kid, token = (stored.split(":", 2) + ["", ""])[:3]
    if version != FORMAT_VERSION or not token:
        raise DecryptionError("value is not Mendwell per-person ciphertext")
    try:
        payload = data_key(kid).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise DecryptionError("ciphertext does not match its data key") from exc
    stored_context, _, rest = payload.partition(_CONTEXT_SEPARATOR)
    if stored_context != context:
        raise DecryptionError("ciphertext belongs to another field")
    binding, _, plaintext = rest.partition(_CONTEXT_SEPARATOR)
    text = BoundText(plaintext)
    text.binding = binding
    return text


def key_id_in(stored: str) -> str | None:
    """The data key id a stored value is under (None for instance-key values)."""
    parts = stored.split(":", 2)
    return parts[1] if len(parts) == 3 and parts[0] == FORMAT_VERSION else None


def seal_bytes(user: Any, data: bytes) -> bytes:
    """Encrypt bytes (an export file, say) under this person's data key."""
    return fernet_for(user).encrypt(data)


def open_bytes(user: Any, blob: bytes) -> bytes:
    """Decrypt what ``seal_bytes`` made for this person; raises DecryptionError."""
    try:
        return data_key(key_id_of(user)).decrypt(blob)
    except InvalidToken as exc:
        raise DecryptionError("this file was not sealed for this person") from exc


def shred_user_key(user: Any) -> None:
    """Destroy this person's data key. Call once their rows are deleted (on commit).

    The tombstone is written first, then the key file removed: a crash in
    between leaves a destroyed key, never a readable one without its mark.
    """
    shred_key(key_id_of(user))


def shred_key(kid: str) -> None:
    kid = _check(kid)
    folder = keyring_dir()
    with _lock:
        _cache.pop(kid, None)
        tombstone = folder / f"{kid}{_TOMBSTONE_SUFFIX}"
        if not tombstone.exists():
            _write_synced(tombstone, "destroyed")
        (folder / f"{kid}{_KEY_SUFFIX}").unlink(missing_ok=True)
        _sync_dir(folder)


def is_shredded(kid: str) -> bool:
    return (keyring_dir() / f"{_check(kid)}{_TOMBSTONE_SUFFIX}").exists()


def shredded_ids() -> set[str]:
    return {
        path.name.removesuffix(_TOMBSTONE_SUFFIX)
        for path in keyring_dir().glob(f"*{_TOMBSTONE_SUFFIX}")
    }


class UnreadableKeysError(DecryptionError):
    """Some key files are wrapped by no configured instance key (the rest were re-wrapped)."""


def rewrap_all() -> int:
    """Re-wrap every data key under the first instance key; returns how many changed.

    A key file no configured instance key can open is left as it is and named
    at the end (UnreadableKeysError), after every other file is done.
    """
    folder = keyring_dir()
    changed = 0
    unreadable = []
    for path in sorted(folder.glob(f"*{_KEY_SUFFIX}")):
        kid = path.name.removesuffix(_KEY_SUFFIX)
        stored = path.read_text().strip()
        if cipher().is_current(stored):
            continue
        try:
            raw = cipher().decrypt(stored, context=_context(kid))
        except DecryptionError:
            unreadable.append(kid)
            continue
        temporary = folder / f".{kid}.{uuid.uuid4().hex}.tmp"
        _write_synced(temporary, cipher().encrypt(raw, context=_context(kid)))
        os.replace(temporary, path)  # atomic: the old or the new wrapping, never half
        changed += 1
    _sync_dir(folder)
    if unreadable:
        raise UnreadableKeysError(
            f"{len(unreadable)} data key file(s) are wrapped by none of FIELD_ENCRYPTION_KEYS "
            f"(first: {unreadable[0]}); {changed} other(s) re-wrapped. Put the old key back "
            "after the new one and run this again."
        )
    return changed


def forget_cached_keys() -> None:
    """Drop unwrapped keys held in this process (tests; after a restore)."""
    with _lock:
        _cache.clear()


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs: object) -> None:
    if setting in {"FIELD_ENCRYPTION_KEYS", "KEYRING_DIR"}:
        forget_cached_keys()


# --- Backups (mendwell/core/backup) ----------------------------------------------------------


def _is_ring_file(name: str) -> bool:
    for suffix in (_KEY_SUFFIX, _TOMBSTONE_SUFFIX):
        if name.endswith(suffix) and _KEY_ID.match(name.removesuffix(suffix)):
            return True
    return False


def ring_files() -> list[Path]:
    """Every key file and tombstone, for a backup (temporary files left out)."""
    return sorted(path for path in keyring_dir().iterdir() if _is_ring_file(path.name))


def restore_ring_files(files: dict[str, bytes]) -> int:
    """Add the backed-up files this keyring lacks; return how many were added.

    The current keyring wins: a tombstone written after the backup stays a
    tombstone (its key file is not brought back), so restoring never unlocks
    a deleted person's words again.
    """
    folder = keyring_dir()
    added = 0
    with _lock:
        for name, data in files.items():
            if not _is_ring_file(name):
                continue
            kid = name.split(".", 1)[0]
            if (folder / name).exists() or (folder / f"{kid}{_TOMBSTONE_SUFFIX}").exists():
                continue
            _write_synced(folder / name, data.decode().strip())
            if name.endswith(_TOMBSTONE_SUFFIX):
                (folder / f"{kid}{_KEY_SUFFIX}").unlink(missing_ok=True)
            added += 1
        _sync_dir(folder)
        _cache.clear()
    return added
