"""Back up a whole instance into one encrypted file, check one, restore one.

A backup file holds the database copy, the keyring (each person's wrapped data
key, tombstones included) and a manifest. It is sealed with
``BACKUP_ENCRYPTION_KEY``, which lives in ``secrets.env`` and is refused as a
neighbour: a backup directory inside the data directory is not accepted. The
instance keys (``FIELD_ENCRYPTION_KEYS``) are never in a backup either, so a
stolen backup opens nothing without the separately kept ``secrets.env``.

Nothing is half-done: the file is written under a temporary name, read back
and checked, then renamed into place; on any failure the partial file goes and
older backups are untouched. Plaintext copies only ever sit in a private
scratch folder inside the data directory, next to the live database they copy.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from mendwell.core import keyring
from mendwell.core.backup import archive, database, state

FORMAT = 1
PREFIX = "mendwell-"
SUFFIX = ".backup"
_DB_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


class BackupError(Exception):
    """A backup or restore that did not happen; the message is for the operator."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    removed: list[Path]


@dataclass(frozen=True)
class CheckResult:
    manifest: dict[str, Any]
    keyring_files: int


# --- keys ---------------------------------------------------------------------------------


def backup_keys() -> list[bytes]:
    """The configured backup keys, newest first (the first one seals new backups)."""
    texts = list(getattr(settings, "BACKUP_ENCRYPTION_KEYS", []))
    if not texts:
        raise BackupError(
            "BACKUP_ENCRYPTION_KEY is not set. Run `manage.py ensure_backup_key` to add one "
            "to secrets.env, then copy secrets.env somewhere safe, away from the backups."
        )
    try:
        return [archive.decode_key(text) for text in texts]
    except archive.BackupKeyError as error:
        raise BackupError(str(error)) from error


# --- backing up ------------------------------------------------------------------------------


def backup_to(directory: Path, *, keep: int, now: datetime | None = None) -> BackupResult:
    """Write a verified, encrypted backup into ``directory`` and keep the newest ``keep``."""
    keys = backup_keys()
    directory = directory.expanduser().resolve()
    _refuse_beside_the_keys(directory)
    if keep < 1:
        raise BackupError("--keep must be at least 1.")
    finished = now or datetime.now(UTC)
    final = directory / f"{PREFIX}{finished.strftime('%Y%m%dT%H%M%S%fZ')}{SUFFIX}"
    partial = directory / f".{final.name}.partial"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _scratch() as scratch:
            copy = scratch / _DB_MEMBER[database.vendor()]
            database.dump(copy)
            manifest = _manifest(copy, finished)
            _write_sealed(partial, keys[0], manifest, copy)
        check_file(partial)
        os.replace(partial, final)
        _sync(directory)
    except (OSError, database.DatabaseCopyError, BackupError, archive.CorruptBackupError) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            f"The backup was not made: {error}. The previous backups are kept as they were."
        ) from error
    state.record_backup(final, finished)
    return BackupResult(path=final, size=final.stat().st_size, removed=_prune(directory, keep))


def _refuse_beside_the_keys(directory: Path) -> None:
    for guarded in (Path(settings.DATA_DIR).resolve(), Path(settings.KEYRING_DIR).resolve()):
        if directory == guarded or guarded in directory.parents:
            raise BackupError(
                f"Backups may not go inside {guarded}: the keys that open them live there. "
                "Choose a directory on another disk or machine."
            )


@contextmanager
def _scratch() -> Iterator[Path]:
    # Next to the live database, private, and always removed: plaintext copies
    # never reach the backup directory.
    folder = Path(tempfile.mkdtemp(prefix=".backup-scratch-", dir=settings.DATA_DIR))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _manifest(copy: Path, finished: datetime) -> dict[str, Any]:
    applied = MigrationRecorder(connection).applied_migrations()
    return {
        "format": FORMAT,
        "made_at": finished.isoformat(),
        "database": database.vendor(),
        "database_member": copy.name,
        "database_sha256": _sha256(copy),
        "migrations": sorted([app, name] for app, name in applied),
    }


def _write_sealed(path: Path, key: bytes, manifest: dict[str, Any], copy: Path) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as sink:
        writer = archive.EncryptingWriter(sink, key)
        with tarfile.open(fileobj=writer, mode="w|") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode())
            tar.add(copy, arcname=copy.name)
            for entry in keyring.ring_files():
                tar.add(entry, arcname=f"keyring/{entry.name}")
        writer.finish()
        sink.flush()
        os.fsync(sink.fileno())


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


def _prune(directory: Path, keep: int) -> list[Path]:
    backups = sorted(directory.glob(f"{PREFIX}*{SUFFIX}"))
    removed = backups[:-keep]
    for old in removed:
        old.unlink()
    return removed


# --- checking and restoring ------------------------------------------------------------------


def check_file(path: Path) -> CheckResult:
    """Decrypt ``path`` end to end and check its manifest, database copy and keyring."""
    with _opened(path) as members:
        return CheckResult(manifest=members.manifest, keyring_files=len(members.keyring))


def restore_from(path: Path) -> CheckResult:
    """Put a backup into this (empty) instance: database, then missing keyring files."""
    if _has_people():
        raise BackupError(
            "This instance already holds accounts. Restore only into an empty instance "
            "(a new data directory and an empty database)."
        )
    with _opened(path) as members:
        _refuse_newer_schema(members.manifest)
        database.restore(members.database)
        added = keyring.restore_ring_files(members.keyring)
        return CheckResult(manifest=members.manifest, keyring_files=added)


@dataclass
class _Members:
    manifest: dict[str, Any]
    database: Path
    keyring: dict[str, bytes]


@contextmanager
def _opened(path: Path) -> Iterator[_Members]:
    keys = backup_keys()
    try:
        with open(path, "rb") as source, _scratch() as scratch:
            members = _extract(source, keys, scratch)
            if members.manifest.get("database") != database.vendor():
                raise BackupError(
                    f"This backup is of a {members.manifest.get('database')} database; this "
                    f"instance uses {database.vendor()}."
                )
            if _sha256(members.database) != members.manifest.get("database_sha256"):
                raise BackupError("The database copy in the backup does not match its checksum.")
            database.check(members.database)
            yield members
    except (archive.BackupKeyError, archive.CorruptBackupError, tarfile.TarError) as error:
        raise BackupError(f"{path.name}: {error}") from error
    except database.DatabaseCopyError as error:
        raise BackupError(f"{path.name}: {error}") from error


def _extract(source: BinaryIO, keys: list[bytes], scratch: Path) -> _Members:
    manifest: dict[str, Any] | None = None
    copy: Path | None = None
    ring: dict[str, bytes] = {}
    plain = io.BufferedReader(archive.DecryptingReader(source, keys), buffer_size=1 << 16)
    with tarfile.open(fileobj=plain, mode="r|") as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None:
                continue
            if member.name == "manifest.json":
                manifest = json.loads(handle.read())
            elif member.name in _DB_MEMBER.values():
                copy = scratch / member.name
                with open(copy, "wb") as out:
                    shutil.copyfileobj(handle, out)
            elif member.name.startswith("keyring/") and "/" not in member.name[8:]:
                ring[member.name[8:]] = handle.read()
    if manifest is None or copy is None or manifest.get("format") != FORMAT:
        raise archive.CorruptBackupError("The backup is missing its manifest or database.")
    return _Members(manifest=manifest, database=copy, keyring=ring)


def _refuse_newer_schema(manifest: dict[str, Any]) -> None:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [tuple(node) for node in manifest["migrations"] if tuple(node) not in known]
    if unknown:
        raise BackupError(
            "This backup comes from a newer version of Mendwell "
            f"({len(unknown)} migration(s) this version does not have). Upgrade first."
        )


def _has_people() -> bool:
    table = get_user_model()._meta.db_table
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return False
    return get_user_model().objects.exists()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sync(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
