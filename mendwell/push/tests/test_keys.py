"""ensure_vapid_keys: a pair is appended to secrets.env once, and never replaced."""

from __future__ import annotations

import stat
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from py_vapid import Vapid

from config.env import read_secrets_file
from mendwell.push.keys import b64url_decode, generate_pair, public_for

EXISTING = "# Mendwell secrets.\nSECRET_KEY=abc\nFIELD_ENCRYPTION_KEYS=def\n"


@pytest.fixture
def secrets_file(tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(f"{name}_FILE", raising=False)
    settings.DATA_DIR = tmp_path
    path = tmp_path / "secrets.env"
    path.write_text(EXISTING, encoding="utf-8")
    path.chmod(0o600)
    return path


def run() -> str:
    out = StringIO()
    call_command("ensure_vapid_keys", stdout=out, stderr=out)
    return out.getvalue()


def test_a_new_pair_is_appended_and_the_file_stays_private(secrets_file: Path) -> None:
    assert "added" in run()
    text = secrets_file.read_text(encoding="utf-8")
    assert text.startswith(EXISTING)  # nothing before was touched
    values = read_secrets_file(secrets_file)
    public = b64url_decode(values["VAPID_PUBLIC_KEY"])
    assert len(public) == 65 and public[0] == 0x04  # what applicationServerKey takes
    assert "=" not in values["VAPID_PUBLIC_KEY"]
    assert public_for(values["VAPID_PRIVATE_KEY"]) == values["VAPID_PUBLIC_KEY"]
    # pywebpush's key loader reads it.
    assert Vapid.from_string(values["VAPID_PRIVATE_KEY"]).private_key is not None
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600


def test_running_again_changes_nothing(secrets_file: Path) -> None:
    run()
    first = secrets_file.read_text(encoding="utf-8")
    assert run() == ""
    assert secrets_file.read_text(encoding="utf-8") == first
    assert first.count("VAPID_PRIVATE_KEY=") == 1


def test_keys_from_the_environment_are_left_alone(
    secrets_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    public, private = generate_pair()
    monkeypatch.setenv("VAPID_PUBLIC_KEY", public)
    monkeypatch.setenv("VAPID_PRIVATE_KEY", private)
    run()
    assert secrets_file.read_text(encoding="utf-8") == EXISTING


def test_a_private_key_alone_gets_its_public_half(secrets_file: Path) -> None:
    public, private = generate_pair()
    secrets_file.write_text(EXISTING + f"VAPID_PRIVATE_KEY={private}", encoding="utf-8")
    run()
    values = read_secrets_file(secrets_file)
    assert values["VAPID_PRIVATE_KEY"] == private
    assert values["VAPID_PUBLIC_KEY"] == public


def test_a_public_key_alone_is_reported_and_not_replaced(secrets_file: Path) -> None:
    public, _private = generate_pair()
    secrets_file.write_text(EXISTING + f"VAPID_PUBLIC_KEY={public}\n", encoding="utf-8")
    assert "stays off" in run()
    assert secrets_file.read_text(encoding="utf-8") == EXISTING + f"VAPID_PUBLIC_KEY={public}\n"


def test_a_missing_file_is_created_private(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"):
        monkeypatch.delenv(name, raising=False)
    settings.DATA_DIR = tmp_path / "fresh"
    run()
    path = tmp_path / "fresh" / "secrets.env"
    assert set(read_secrets_file(path)) == {"VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
