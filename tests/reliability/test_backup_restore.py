"""Backups an operator can trust (SECURITY.md §5.3, TS66, TS93).

Every test drives real instances through ``manage.py`` (``scripts/instance.py``),
on the suite's own database kind: SQLite by default, PostgreSQL in its CI pass.

* The restore drill: demo data, a person writing entries *while* the backup
  runs, a restore into a fresh instance, then both instances' exports compared.
* A backup file is 0600, sealed (no email address or text readable in it),
  refused when tampered with or opened with another key, never written inside
  the data directory (where the key that opens it lives), and pruned to --keep.
* The disk filling up during a backup fails loudly, leaves no partial file and
  keeps the previous backups.
* Restoring refuses an instance that already holds accounts, and never brings
  back the key of someone deleted since the backup was made.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from scripts.instance import (
    VENV_PYTHON,
    Instance,
    drop_postgres_database,
    fresh_postgres_database,
)

pytestmark = pytest.mark.django_db(transaction=True)

WRITER_EMAIL = "writer@example.com"

EXPORTS = textwrap.dedent(
    """
    import json
    from mendwell.accounts.models import User
    from mendwell.exports.render_json import export_document
    out = {}
    for user in User.objects.order_by("email"):
        document = export_document(user=user, export_id="drill", include_shared=True)
        for volatile in ("exported_at", "export_id"):
            document.pop(volatile)
        out[user.email] = document
    print(json.dumps(out, sort_keys=True, default=str))
    """
)


def _database_url(tmp: Path, name: str) -> str | None:
    """None (SQLite in the data directory) or a fresh PostgreSQL database."""
    if connection.vendor == "sqlite":
        return None
    params = connection.settings_dict
    admin = (
        f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or 'localhost'}"
        f":{params['PORT'] or 5432}/{params['NAME']}"
    )
    return fresh_postgres_database(admin)


@pytest.fixture
def instances(tmp_path) -> Iterator[callable]:
    made: list[Instance] = []

    def make(name: str, *, secrets_from: Instance | None = None) -> Instance:
        folder = tmp_path / name
        folder.mkdir()
        if secrets_from is not None:  # the operator copies secrets.env to the new host
            shutil.copy(secrets_from.data_dir / "secrets.env", folder / "secrets.env")
        instance = Instance(folder, _database_url(tmp_path, name))
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.stop_all()
        if instance.database_url:
            drop_postgres_database(instance.database_url)


def _with_demo_data(instance: Instance) -> Instance:
    instance.prepare()
    instance.manage("seed_demo", "--force")
    return instance


def _exports(instance: Instance) -> dict:
    return json.loads(instance.shell(EXPORTS))


def _writer_entries(instance: Instance) -> set[str]:
    return set(
        json.loads(
            instance.shell(
                "import json\n"
                "from mendwell.journal.models import LogEntry\n"
                f"rows = LogEntry.objects.filter(author__email={WRITER_EMAIL!r})\n"
                "print(json.dumps([row.what_happened for row in rows]))"
            )
        )
    )


def _start_writer(instance: Instance, stop: Path) -> subprocess.Popen[str]:
    """A separate process saving entries one by one, printing each once committed,
    until the ``stop`` file appears (at most 20,000)."""
    code = textwrap.dedent(
        f"""
        import os, uuid
        from mendwell.accounts.models import User
        from mendwell.journal.services import log_entry_create
        user = User.objects.create_user(email={WRITER_EMAIL!r}, password="a-long-password-123")
        print("ready", flush=True)
        for number in range(20000):
            if os.path.exists({str(stop)!r}):
                break
            text = f"drill entry {{number}}"
            log_entry_create(user=user, entry_id=uuid.uuid4(), happened_on=None,
                             rough_period="", what_happened=text, impact="",
                             differently="", tags=[])
            print(text, flush=True)
        """
    )
    process = subprocess.Popen(  # noqa: S603
        [str(VENV_PYTHON), "manage.py", "shell", "--no-imports", "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=instance.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def test_restore_drill_a_backup_taken_during_writes_restores_to_equal_exports(instances, tmp_path):
    source = _with_demo_data(instances("source"))
    stop = tmp_path / "stop-writing"
    writer = _start_writer(source, stop)
    try:
        made = source.manage("backup", "--to", str(tmp_path / "backups"))
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err[-2000:]
    committed = {line for line in out.splitlines() if line.startswith("drill entry")}
    backup = next((tmp_path / "backups").glob("mendwell-*.backup"))
    assert str(backup) in made.stdout

    fresh = instances("restored", secrets_from=source)
    restored = fresh.manage("restore", str(backup))
    assert "Restored the database" in restored.stdout

    before, after = _exports(source), _exports(fresh)
    assert set(after) == set(before)
    for email in before:
        if email != WRITER_EMAIL:  # untouched while the backup ran: equal, item for item
            assert after[email] == before[email], email
    # The writer's entries in the copy are a consistent prefix of what was committed:
    # a snapshot, never a half-written row, never an entry that did not exist.
    in_copy = _writer_entries(fresh)
    assert in_copy <= committed
    assert 0 < len(in_copy) < len(committed)  # the copy was taken while writes went on
    numbers = sorted(int(text.rsplit(" ", 1)[1]) for text in in_copy)
    assert numbers == list(range(len(numbers)))
    assert fresh.manage("migrate", "--check").returncode == 0
    if connection.vendor == "sqlite":
        check = fresh.shell(
            "import sqlite3\n"
            "from django.conf import settings\n"
            "print(sqlite3.connect(settings.DATABASES['default']['NAME'])"
            ".execute('PRAGMA integrity_check').fetchone()[0])"
        )
        assert check.strip() == "ok"


def test_a_backup_is_private_sealed_and_checked_and_old_ones_are_pruned(instances, tmp_path):
    source = _with_demo_data(instances("source"))
    folder = tmp_path / "backups"
    for _ in range(3):
        source.manage("backup", "--to", str(folder), "--keep", "2")
    files = sorted(folder.glob("mendwell-*.backup"))
    assert len(files) == 2
    assert list(folder.glob(".*")) == []  # no partial files left behind
    newest = files[-1]
    assert newest.stat().st_mode & 0o777 == 0o600
    raw = newest.read_bytes()
    for readable in (b"alex@example.com", b"SQLite format", b"PGDMP", b"FIELD_ENCRYPTION"):
        assert readable not in raw
    checked = source.manage("restore", "--check", str(newest))
    assert "is sound" in checked.stdout

    tampered = folder / "tampered.backup"
    data = bytearray(raw)
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    refused = source.manage("restore", "--check", str(tampered), check=False)
    assert refused.returncode != 0
    assert "damaged or was changed" in refused.stderr

    cut = folder / "cut.backup"
    cut.write_bytes(raw[: len(raw) // 3])
    refused = source.manage("restore", "--check", str(cut), check=False)
    assert refused.returncode != 0
    assert "cut short" in refused.stderr

    stranger = instances("stranger")  # its own secrets.env: another backup key
    refused = stranger.manage("restore", "--check", str(newest), check=False)
    assert refused.returncode != 0
    assert "made with another key" in refused.stderr


def test_backups_are_refused_inside_the_data_directory(instances):
    source = instances("source")
    source.prepare()
    inside = source.data_dir / "backups"
    refused = source.manage("backup", "--to", str(inside), check=False)
    assert refused.returncode != 0
    assert "may not go inside" in refused.stderr
    assert not inside.exists() or not any(inside.iterdir())


def test_a_full_disk_fails_the_backup_loudly_and_keeps_the_previous_one(instances, tmp_path):
    source = _with_demo_data(instances("source"))
    folder = tmp_path / "backups"
    source.manage("backup", "--to", str(folder))
    (previous,) = folder.glob("mendwell-*.backup")
    before = previous.read_bytes()
    # The disk fills after the first chunk of the new file (ENOSPC from write()).
    failing = source.shell(
        textwrap.dedent(
            f"""
            import errno
            from unittest import mock
            from django.core.management import call_command
            from django.core.management.base import CommandError
            from mendwell.core.backup import archive
            real = archive.EncryptingWriter._seal
            def full(self, plain, *, last):
                if self._counter >= 1:
                    raise OSError(errno.ENOSPC, "No space left on device")
                return real(self, plain, last=last)
            # Small chunks, so even a small database reaches the second one.
            with mock.patch.object(archive, "CHUNK", 1 << 14), \\
                    mock.patch.object(archive.EncryptingWriter, "_seal", full):
                try:
                    call_command("backup", "--to", {str(folder)!r}, "--keep", "1")
                except CommandError as error:
                    print("FAILED:", error)
            """
        )
    )
    assert "FAILED:" in failing
    assert "No space left on device" in failing
    assert "previous backups are kept" in failing
    assert sorted(path.name for path in folder.iterdir()) == [previous.name]
    assert previous.read_bytes() == before
    assert "is sound" in source.manage("restore", "--check", str(previous)).stdout


def test_restore_refuses_an_instance_with_accounts_and_keeps_deleted_keys_deleted(
    instances, tmp_path
):
    source = _with_demo_data(instances("source"))
    source.manage("backup", "--to", str(tmp_path / "backups"))
    (backup,) = (tmp_path / "backups").glob("mendwell-*.backup")

    refused = source.manage("restore", str(backup), check=False)
    assert refused.returncode != 0
    assert "already holds accounts" in refused.stderr

    # Robin deletes their account after the backup. The database is then lost and
    # restored from the backup, with the instance's own (current) keyring: Robin's
    # rows come back, but nothing can read them and the restore removes them.
    source.shell(
        "from mendwell.accounts.models import User\n"
        "from mendwell.erasure.services import account_delete\n"
        "account_delete(user=User.objects.get(email='robin@example.com'))"
    )
    source.stop_all()
    if source.database_url:
        drop_postgres_database(source.database_url)
        source.database_url = fresh_postgres_database(
            source.database_url.rsplit("/", 1)[0] + "/postgres"
        )
    else:
        for path in source.data_dir.glob("mendwell.sqlite3*"):
            path.unlink()
    restored = source.manage("restore", str(backup))
    assert "1 deleted account(s) removed" in restored.stdout
    emails = source.shell(
        "from mendwell.accounts.models import User\n"
        "print(sorted(User.objects.values_list('email', flat=True)))"
    )
    assert "robin@example.com" not in emails
    assert "alex@example.com" in emails
