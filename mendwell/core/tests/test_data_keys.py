"""Per-person data keys: TS57 (crypto-shredding), TS63 (row binding), TS64 (fail
closed), TS65 (rotation), and the move of instance-key text onto data keys."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from mendwell.core import keyring
from mendwell.core.crypto import DecryptionError, cipher
from mendwell.core.reencrypt import move_to_data_keys
from mendwell.journal.models import LogEntry
from mendwell.journal.services import log_entry_create, log_entry_update
from tests.gatekeeper.models import Note

pytestmark = pytest.mark.django_db


def stored(model: Any, pk: Any, column: str) -> str:
    table = model._meta.db_table
    key = pk.hex if connection.vendor == "sqlite" else pk  # SQLite stores uuids as hex
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [key])  # noqa: S608
        row = cursor.fetchone()
    assert row is not None
    return str(row[0])


def write_raw(model: Any, pk: Any, column: str, value: str) -> None:
    table = model._meta.db_table
    key = pk.hex if connection.vendor == "sqlite" else pk
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, key])  # noqa: S608
        assert cursor.rowcount == 1


def entry_for(user: Any, text: str) -> LogEntry:
    import uuid

    return log_entry_create(
        user=user,
        entry_id=uuid.uuid4(),
        happened_on=None,
        rough_period="",
        what_happened=text,
        impact="",
        differently="",
        tags=[],
    )


def test_each_persons_text_is_under_their_own_data_key(alex: Any, sam: Any) -> None:
    alex_note = Note.objects.create(author=alex, body="alex wrote this")
    sam_note = Note.objects.create(author=sam, body="sam wrote this")
    assert stored(Note, alex_note.pk, "body").startswith(f"mw2:{alex.data_key.hex}:")
    assert stored(Note, sam_note.pk, "body").startswith(f"mw2:{sam.data_key.hex}:")
    assert Note.objects.get(pk=alex_note.pk).body == "alex wrote this"
    assert Note.objects.get(pk=sam_note.pk).body == "sam wrote this"


def test_an_edit_through_a_conditional_update_stays_under_the_owners_key(alex: Any) -> None:
    entry = entry_for(alex, "first words")
    log_entry_update(
        entry=entry,
        version=entry.version,
        happened_on=None,
        rough_period="",
        what_happened="second words",
        impact="",
        differently="",
        tags=[],
    )
    assert stored(LogEntry, entry.pk, "what_happened").startswith(f"mw2:{alex.data_key.hex}:")
    assert LogEntry.objects.get(pk=entry.pk).what_happened == "second words"


def test_the_key_file_is_wrapped_and_private(alex: Any) -> None:
    Note.objects.create(author=alex, body="x")
    path = keyring.keyring_dir() / f"{alex.data_key.hex}.key"
    assert path.stat().st_mode & 0o777 == 0o600
    wrapped = path.read_text()
    assert wrapped.startswith("mw1:")  # wrapped by the instance key, not the raw key


def test_ts63_text_copied_into_another_row_does_not_read_back_there(alex: Any) -> None:
    first = Note.objects.create(author=alex, body="meant for the first note")
    second = Note.objects.create(author=alex, body="the second note")
    write_raw(Note, second.pk, "body", stored(Note, first.pk, "body"))
    with pytest.raises(DecryptionError, match="another row"):
        Note.objects.get(pk=second.pk)


def test_ts63_text_copied_into_another_column_does_not_read_back_there(alex: Any) -> None:
    entry = entry_for(alex, "what happened")
    write_raw(LogEntry, entry.pk, "impact", stored(LogEntry, entry.pk, "what_happened"))
    with pytest.raises(DecryptionError, match="another field"):
        LogEntry.objects.get(pk=entry.pk)


def test_ts57_after_shredding_a_restored_row_reads_as_nothing_and_is_purged(
    alex: Any, sam: Any, tmp_path: Any
) -> None:
    """A backup from before Alex's deletion still holds Alex's rows: they stay unreadable."""
    note = Note.objects.create(author=alex, body="MARKER-shredded-words")
    sams = Note.objects.create(author=sam, body="sam keeps this")
    ciphertext = stored(Note, note.pk, "body")
    backup = tmp_path / "keyring-copy"
    shutil.copytree(keyring.keyring_dir(), backup)  # an operator's copy is not the keyring

    keyring.shred_user_key(alex)  # the account deletion's last step
    keyring.forget_cached_keys()

    with pytest.raises(keyring.ShreddedKeyError):
        keyring.decrypt_text(ciphertext, context="gatekeeper.note.body")
    assert not (keyring.keyring_dir() / f"{alex.data_key.hex}.key").exists()
    assert Note.objects.get(pk=note.pk).body == ""  # the words are gone, not shown
    assert call_purge() == 1
    assert not get_user_model().objects.filter(pk=alex.pk).exists()
    assert not Note.objects.filter(pk=note.pk).exists()
    assert Note.objects.get(pk=sams.pk).body == "sam keeps this"


def call_purge() -> int:
    from mendwell.core.shredding import purge_shredded_accounts

    return purge_shredded_accounts()


def test_ts64_a_missing_key_without_a_tombstone_fails_closed_and_deletes_nobody(
    alex: Any,
) -> None:
    note = Note.objects.create(author=alex, body="kept safe")
    (keyring.keyring_dir() / f"{alex.data_key.hex}.key").unlink()  # keyring not restored
    keyring.forget_cached_keys()
    with pytest.raises(keyring.MissingKeyError, match="restore the keyring"):
        Note.objects.get(pk=note.pk)
    assert call_purge() == 0
    assert get_user_model().objects.filter(pk=alex.pk).exists()


def test_ts64_a_wrong_instance_key_cannot_unwrap_a_data_key(alex: Any, settings: Any) -> None:
    note = Note.objects.create(author=alex, body="needs the right key")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(DecryptionError):
        Note.objects.get(pk=note.pk)


def test_ts65_rotation_rewraps_keys_without_touching_rows_and_is_idempotent(
    alex: Any, settings: Any, capsys: Any, tmp_path: Any
) -> None:
    settings.KEYRING_DIR = tmp_path / "keyring"  # only this test's keys, whatever ran before
    note = Note.objects.create(author=alex, body="kept through rotation")
    before = stored(Note, note.pk, "body")
    old = list(settings.FIELD_ENCRYPTION_KEYS)
    new = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new, *old]

    call_command("rotate_field_keys")
    first = capsys.readouterr().out
    assert "data key(s) re-wrapped." in first
    assert not first.startswith("0 data key")
    assert stored(Note, note.pk, "body") == before  # the row itself is untouched
    call_command("rotate_field_keys")
    assert capsys.readouterr().out.startswith("0 data key(s) re-wrapped.")

    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone
    keyring.forget_cached_keys()
    assert Note.objects.get(pk=note.pk).body == "kept through rotation"


def test_instance_key_text_moves_onto_the_owners_key_once(alex: Any, sam: Any) -> None:
    """The migration's work on a database with data: mw1 rows become mw2, readable."""
    entry = entry_for(alex, "written before per-person keys")
    legacy = cipher().encrypt(
        "written before per-person keys", context="journal.logentry.what_happened"
    )
    write_raw(LogEntry, entry.pk, "what_happened", legacy)
    name = cipher().encrypt("Alex", context="accounts.user.display_name")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_user SET display_name = %s WHERE id = %s", [name, alex.pk])

    moved = move_to_data_keys([LogEntry, get_user_model()])
    assert moved == 2
    assert stored(LogEntry, entry.pk, "what_happened").startswith(f"mw2:{alex.data_key.hex}:")
    assert LogEntry.objects.get(pk=entry.pk).what_happened == "written before per-person keys"
    assert get_user_model().objects.get(pk=alex.pk).display_name == "Alex"
    assert move_to_data_keys([LogEntry, get_user_model()]) == 0


@pytest.mark.django_db(transaction=True)
def test_the_migration_applies_to_a_database_holding_old_format_rows(alex: Any) -> None:
    """Migrate accounts back to before data keys, write old rows, migrate forward."""
    from django.db.migrations.executor import MigrationExecutor

    entry = entry_for(alex, "old words")
    legacy = cipher().encrypt("old words", context="journal.logentry.what_happened")
    write_raw(LogEntry, entry.pk, "what_happened", legacy)
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("accounts")
    executor.migrate([("accounts", "0005_user_data_key")])
    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    assert stored(LogEntry, entry.pk, "what_happened").startswith("mw2:")
    assert LogEntry.objects.get(pk=entry.pk).what_happened == "old words"


def test_rotation_names_a_key_file_no_configured_key_opens(
    alex: Any, settings: Any, tmp_path: Any
) -> None:
    """The others are re-wrapped; the operator is told which key is missing."""
    from django.core.management.base import CommandError

    settings.KEYRING_DIR = tmp_path / "keyring"
    Note.objects.create(author=alex, body="x")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key is lost
    with pytest.raises(CommandError, match="wrapped by none of FIELD_ENCRYPTION_KEYS"):
        call_command("rotate_field_keys")


def test_the_migrations_frozen_owner_paths_match_the_models_declarations() -> None:
    """The key migration used its own copy of who owns which row: it must not drift."""
    from django.apps import apps

    from mendwell.core.fields import encrypted_fields
    from mendwell.core.reencrypt import OWNER_PATHS

    declared = {
        model._meta.label_lower: model.encryption_owner
        for model in {model for model, _field in encrypted_fields()}
        if getattr(model, "encryption_owner", None)
    }
    assert declared == OWNER_PATHS
    assert all(apps.get_model(label) for label in OWNER_PATHS)
