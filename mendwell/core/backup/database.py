"""Consistent online copies of the database, and putting one back.

SQLite: the online backup API (one step, so the copy is a single snapshot
while writers go on; SECURITY.md §5.2 says why never ``cp`` a live file), then
``PRAGMA integrity_check`` on the copy. PostgreSQL: ``pg_dump`` in its custom
format (consistent while in use, does not block writers), checked with
``pg_restore --list``. The password reaches the client tools by environment,
never on a command line other processes could read.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection


class DatabaseCopyError(Exception):
    """The copy or the restore failed; the message says how."""


def vendor() -> str:
    return str(connection.vendor)


def dump(target: Path) -> None:
    if vendor() == "sqlite":
        _dump_sqlite(target)
    elif vendor() == "postgresql":
        _run(
            [
                _tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={target}",
            ]
        )
    else:
        raise DatabaseCopyError(f"Backups support SQLite and PostgreSQL, not {vendor()}.")
    check(target)


def check(path: Path) -> None:
    """Raise unless ``path`` is a readable, undamaged copy for this database kind."""
    if vendor() == "sqlite":
        with _sqlite(path) as copy:
            result = copy.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise DatabaseCopyError(f"integrity_check on the copy said: {result[:3]}")
    else:
        _run([_tool("pg_restore"), "--list", str(path)])


def restore(path: Path) -> None:
    """Replace the (empty) database with the copy at ``path``."""
    check(path)
    if vendor() == "sqlite":
        connection.close()
        with _sqlite(path) as source, _sqlite(Path(connection.settings_dict["NAME"])) as target:
            source.backup(target)
            result = target.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise DatabaseCopyError(f"integrity_check after the restore said: {result[:3]}")
        return
    _drop_all_tables()
    _run(
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ]
    )


def _drop_all_tables() -> None:
    # An empty instance may already be migrated (possibly to a newer schema than
    # the backup's): its tables go, so the backup's schema comes back whole and
    # `migrate` then brings it forward.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(table)} CASCADE")
    connection.close()


class _sqlite:
    """A plain sqlite3 connection that is closed on exit (sqlite3's own only commits)."""

    def __init__(self, path: Path) -> None:
        self.connection = sqlite3.connect(str(path))

    def __enter__(self) -> sqlite3.Connection:
        return self.connection

    def __exit__(self, *exc: object) -> None:
        self.connection.close()


def _dump_sqlite(target: Path) -> None:
    with _sqlite(Path(connection.settings_dict["NAME"])) as source, _sqlite(target) as copy:
        source.backup(copy)  # pages=-1: the whole file in one step, one snapshot


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise DatabaseCopyError(
            f"`{name}` is not installed. On Debian: apt-get install postgresql-client."
        )
    return found


def _libpq_env() -> dict[str, str]:
    import os

    params = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    env.update(
        {
            "PGHOST": str(params.get("HOST") or "localhost"),
            "PGPORT": str(params.get("PORT") or 5432),
            "PGUSER": str(params.get("USER") or ""),
            "PGPASSWORD": str(params.get("PASSWORD") or ""),
            "PGDATABASE": str(params.get("NAME") or ""),
        }
    )
    return env


def _run(command: list[str]) -> None:
    done = subprocess.run(  # noqa: S603 (fixed tool, our own arguments)
        command, env=_libpq_env(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise DatabaseCopyError(f"{tool} failed: {done.stderr.strip()[-800:]}")
