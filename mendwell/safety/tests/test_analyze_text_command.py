"""``manage.py analyze_text``: one result per stdin line. No database needed."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command

from mendwell.safety.management.commands.analyze_text import Command

KEYS = ["crisis", "self_harm", "partner_fear", "matches", "findings"]
MATCH_KEYS = ["category", "pattern_id", "start", "end"]


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], text: str, *args: str):
    """Run the command on ``text`` as stdin and return its output lines.

    By name once the app is installed; by command object otherwise, so the test
    works whichever way round the app and this test landed.
    """
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    command: Any = "analyze_text" if apps.is_installed("mendwell.safety") else Command()
    call_command(command, *args)
    return capsys.readouterr().out.splitlines()


def test_json_mode_prints_one_object_per_input_line_in_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(monkeypatch, capsys, "I want to die\nwe had a nice walk\n\nhe hit me\n", "--json")
    results = [json.loads(line) for line in lines]
    assert len(results) == 4
    assert [r["crisis"] for r in results] == [True, False, False, True]
    assert results[0] == {
        "crisis": True,
        "self_harm": True,
        "partner_fear": False,
        "matches": [{"category": "self_harm", "pattern_id": "sh_want_die", "start": 2, "end": 13}],
        "findings": [],
    }
    assert results[1] == {
        "crisis": False,
        "self_harm": False,
        "partner_fear": False,
        "matches": [],
        "findings": [],
    }
    assert results[3]["partner_fear"] and not results[3]["self_harm"]


def test_json_keys_keep_their_order(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (line,) = run(monkeypatch, capsys, "She threatened to kill me and I want to die\n", "--json")
    result = json.loads(line)
    assert list(result) == KEYS
    assert [list(m) for m in result["matches"]] == [MATCH_KEYS, MATCH_KEYS]


def test_json_offsets_index_the_line_as_typed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Tuesday.  I\u2019m   SCARED of my husband"
    (line,) = run(monkeypatch, capsys, text + "\r\n", "--json")
    (match,) = json.loads(line)["matches"]
    assert text[match["start"] : match["end"]] == "SCARED of my husband"


def test_the_last_line_needs_no_newline(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(monkeypatch, capsys, "fine day\ni dont want to live", "--json")
    assert [json.loads(line)["self_harm"] for line in lines] == [False, True]


def test_no_input_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, capsys, "", "--json") == []


def test_plain_mode_prints_a_short_readable_line_each(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = run(monkeypatch, capsys, "he checks my phone\nlovely dinner\n")
    assert lines == [
        "CRISIS (partner fear): pf_monitoring 'he checks my phone'",
        "no crisis language",
    ]


def test_an_unknown_locale_falls_back_to_english(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (line,) = run(monkeypatch, capsys, "I want to die\n", "--json", "--locale", "xx")
    assert json.loads(line)["self_harm"] is True


def test_the_command_object_works_without_the_app_registry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("I want to die\n"))
    call_command(Command(), json=True)
    assert json.loads(capsys.readouterr().out)["crisis"] is True


def test_json_mode_carries_the_coachs_findings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (line,) = run(monkeypatch, capsys, "you never listen to me\n", "--json")
    result = json.loads(line)
    assert result["crisis"] is False
    (finding,) = result["findings"]
    assert finding["kind"] == "criticism"
    assert (
        "you never listen to me"[finding["start"] : finding["end"]].lower().startswith("you never")
    )
    assert set(finding) == {"kind", "start", "end", "why", "suggestion"}
