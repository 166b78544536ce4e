from __future__ import annotations

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from mendwell.core.crypto import DecryptionError, FieldCipher, key_id
from tests.gatekeeper.models import Note

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()


def raw_body(note: Note) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM gatekeeper_note WHERE id = %s", [note.id.hex])
        row = cursor.fetchone()
    if row is None:  # PostgreSQL stores uuids natively
        with connection.cursor() as cursor:
            cursor.execute("SELECT body FROM gatekeeper_note WHERE id = %s", [note.id])
            row = cursor.fetchone()
    return row[0]


@given(st.text())
def test_any_text_comes_back_exactly(text):
    field_cipher = FieldCipher([KEY_A])
    assert field_cipher.decrypt(field_cipher.encrypt(text, context="x.y"), context="x.y") == text


def test_ciphertext_names_its_version_and_key():
    stored = FieldCipher([KEY_A]).encrypt("hello", context="x.y")
    assert stored.startswith(f"mw1:{key_id(KEY_A)}:")
    assert "hello" not in stored


def test_a_wrong_key_raises_instead_of_returning_text():
    stored = FieldCipher([KEY_A]).encrypt("hello", context="x.y")
    with pytest.raises(DecryptionError):
        FieldCipher([KEY_B]).decrypt(stored, context="x.y")


def test_a_key_with_the_same_id_but_other_bytes_cannot_decrypt():
    stored = FieldCipher([KEY_A]).encrypt("hello", context="x.y")
    forged = stored.replace(key_id(KEY_A), key_id(KEY_B))
    with pytest.raises(DecryptionError):
        FieldCipher([KEY_B]).decrypt(forged, context="x.y")


def test_tampered_ciphertext_raises():
    stored = FieldCipher([KEY_A]).encrypt("hello", context="x.y")
    tampered = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    with pytest.raises(DecryptionError):
        FieldCipher([KEY_A]).decrypt(tampered, context="x.y")


def test_ciphertext_moved_to_another_field_does_not_decrypt():
    stored = FieldCipher([KEY_A]).encrypt("hello", context="journal.entry.body")
    with pytest.raises(DecryptionError):
        FieldCipher([KEY_A]).decrypt(stored, context="accounts.user.display_name")


def test_plain_text_in_the_column_is_refused():
    with pytest.raises(DecryptionError):
        FieldCipher([KEY_A]).decrypt("just words", context="x.y")


def test_no_keys_refuses_to_work():
    with pytest.raises(ImproperlyConfigured):
        FieldCipher([])


def test_every_listed_key_decrypts_and_the_first_encrypts():
    old = FieldCipher([KEY_A]).encrypt("hello", context="x.y")
    both = FieldCipher([KEY_B, KEY_A])
    assert both.decrypt(old, context="x.y") == "hello"
    assert both.encrypt("new", context="x.y").startswith(f"mw1:{key_id(KEY_B)}:")


@pytest.mark.django_db
def test_text_is_stored_encrypted_and_read_back_in_clear(alex):
    note = Note.objects.create(author=alex, body="MARKER-plain-words")
    stored = raw_body(note)
    assert "MARKER" not in stored
    assert Note.objects.get(pk=note.pk).body == "MARKER-plain-words"


@pytest.mark.django_db
def test_rotation_moves_old_instance_key_text_onto_data_keys_and_is_idempotent(
    alex, settings, capsys, tmp_path
):
    settings.KEYRING_DIR = tmp_path / "keyring"  # only this test's keys, whatever ran before
    original = list(settings.FIELD_ENCRYPTION_KEYS)  # alex's data key is wrapped by these
    note = Note.objects.create(author=alex, body="placeholder")
    legacy = FieldCipher([KEY_A]).encrypt("kept through rotation", context="gatekeeper.note.body")
    key = note.id.hex if connection.vendor == "sqlite" else note.id
    with connection.cursor() as cursor:
        cursor.execute("UPDATE gatekeeper_note SET body = %s WHERE id = %s", [legacy, key])
    settings.FIELD_ENCRYPTION_KEYS = [KEY_B, KEY_A, *original]
    call_command("rotate_field_keys", batch_size=1)
    assert raw_body(note).startswith(f"mw2:{alex.data_key.hex}:")
    assert "1 row(s) moved onto their owner's data key." in capsys.readouterr().out

    call_command("rotate_field_keys")
    second = capsys.readouterr().out
    assert "0 row(s) moved" in second
    assert "Done: 0 value(s) re-encrypted." in second

    settings.FIELD_ENCRYPTION_KEYS = [KEY_B]  # the old keys are gone
    assert Note.objects.get(pk=note.pk).body == "kept through rotation"
