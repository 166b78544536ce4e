"""The support-line directory's line in ``manage.py doctor``: OK while every entry
was checked within 180 days, WARN naming the entries due for re-verification,
FAIL when the operator's own file cannot be read."""

from __future__ import annotations

import json

import pytest

from mendwell.core.doctor import FAIL, OK, WARN
from mendwell.safety import resources
from mendwell.safety.doctor import check_support_lines


@pytest.fixture(autouse=True)
def operator_file(settings, tmp_path):
    settings.SAFETY_RESOURCES_FILE = str(tmp_path / "resources.json")
    resources.directory.cache_clear()
    yield tmp_path / "resources.json"
    resources.directory.cache_clear()


def test_the_built_in_list_is_ok():
    [line] = check_support_lines()
    assert line.level == OK


def test_entries_due_for_re_verification_are_a_warning_that_names_them(operator_file):
    data = json.loads(resources.BUILT_IN_FILE.read_text())
    data["countries"] = {"GB": data["countries"]["GB"]}
    data["countries"]["GB"]["lines"][0]["last_verified"] = "2020-01-01"
    operator_file.write_text(json.dumps(data))
    [line] = check_support_lines()
    assert line.level == WARN
    assert "GB Samaritans" in line.text
    assert "update last_verified" in line.text


def test_an_unreadable_operator_file_fails(operator_file):
    operator_file.write_text("{ not json")
    [line] = check_support_lines()
    assert line.level == FAIL
    assert "could not be read" in line.text
