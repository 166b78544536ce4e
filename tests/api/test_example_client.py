"""The example client in examples/ works against a real server (here pytest-django's
live server; CI also runs it against ``python3 dev.py start``)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from conftest import PASSWORD
from mendwell.checkins.models import CheckIn

CLIENT = Path(__file__).resolve().parents[2] / "examples" / "mendwell_client.py"


def _load() -> Any:
    spec = importlib.util.spec_from_file_location("mendwell_client", CLIENT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.django_db(transaction=True)
def test_the_example_client_signs_in_saves_once_and_reads_the_plan(
    live_server: Any, make_user: Any, capsys: Any
) -> None:
    alex = make_user("alex@example.com", "Alex")
    client = _load()
    status = client.main(
        ["--base", live_server.url, "--email", "alex@example.com", "--password", PASSWORD]
    )
    out = capsys.readouterr()
    assert status == 0, out.err
    assert "Signed in as Alex." in out.out
    assert "the retry changed nothing" in out.out
    assert "Today's plan" in out.out
    assert CheckIn.objects.filter(author=alex).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_example_client_reports_a_wrong_password(
    live_server: Any, make_user: Any, capsys: Any
) -> None:
    make_user("alex@example.com", "Alex")
    status = _load().main(
        ["--base", live_server.url, "--email", "alex@example.com", "--password", "not it at all"]
    )
    assert status == 1
    assert "error:" in capsys.readouterr().err
