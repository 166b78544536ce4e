"""The dependency audit in CI (scripts/audit_dependencies.py; SECURITY.md T25, CFG-7).

A known vulnerability must fail CI; no answer from the advisory database must
not (CI may run offline) but must say nothing was checked; any other failure of
the audit fails, so a broken audit never passes for a clean one. The real
pip-audit is replaced by small fake executables, one per outcome.
"""

from __future__ import annotations

import json
import stat
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from audit_dependencies import BROKEN, PASSED, VULNERABLE, main, verdict  # noqa: E402

CONNECTION_REFUSED = (
    "Traceback (most recent call last):\n"
    "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): "
    "Max retries exceeded with url: /pypi/django/5.2.19/json (Caused by NameResolutionError("
    "\"Failed to resolve 'pypi.org' ([Errno -2] Name or service not known)\"))\n"
)
CLEAN = {"dependencies": [{"name": "django", "version": "5.2.19", "vulns": []}], "fixes": []}
VULNERABLE_REPORT = {
    "dependencies": [
        {"name": "django", "version": "5.2.19", "vulns": []},
        {
            "name": "leftpad",
            "version": "1.0",
            "vulns": [{"id": "PYSEC-2099-1", "fix_versions": ["1.1"], "description": "bad"}],
        },
    ],
    "fixes": [],
}


def fake_pip_audit(tmp_path: Path, *, stdout: str = "", stderr: str = "", code: int = 0) -> str:
    """An executable that answers like pip-audit would, whatever it is asked."""
    (tmp_path / "out.txt").write_text(stdout)
    (tmp_path / "err.txt").write_text(stderr)
    script = tmp_path / "pip-audit"
    script.write_text(
        f"#!/bin/sh\ncat '{tmp_path}/out.txt'\ncat '{tmp_path}/err.txt' >&2\nexit {code}\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


@pytest.fixture
def requirements(tmp_path: Path) -> str:
    path = tmp_path / "requirements.txt"
    path.write_text("django==5.2.19\nleftpad==1.0\n")
    return str(path)


def test_a_known_vulnerability_fails_ci_and_names_it(
    tmp_path: Path, requirements: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = fake_pip_audit(tmp_path, stdout=json.dumps(VULNERABLE_REPORT), code=1)
    assert main(["--requirements", requirements, "--pip-audit", fake]) == VULNERABLE
    assert "leftpad 1.0: PYSEC-2099-1 (fixed in 1.1)" in capsys.readouterr().err


def test_an_unreachable_advisory_database_warns_and_passes(
    tmp_path: Path, requirements: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = fake_pip_audit(tmp_path, stderr=CONNECTION_REFUSED, code=1)
    assert main(["--requirements", requirements, "--pip-audit", fake]) == PASSED
    assert "NOT checked" in capsys.readouterr().out


def test_a_clean_report_passes(
    tmp_path: Path, requirements: str, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = fake_pip_audit(tmp_path, stdout=json.dumps(CLEAN))
    assert main(["--requirements", requirements, "--pip-audit", fake]) == PASSED
    assert "No known vulnerabilities in 1 packages." in capsys.readouterr().out


def test_any_other_failure_of_the_audit_fails_ci(tmp_path: Path, requirements: str) -> None:
    fake = fake_pip_audit(tmp_path, stderr="error: invalid requirement: 'django=='\n", code=1)
    assert main(["--requirements", requirements, "--pip-audit", fake]) == BROKEN


def test_a_missing_pip_audit_fails_ci(tmp_path: Path, requirements: str) -> None:
    assert main(["--requirements", requirements, "--pip-audit", str(tmp_path / "nope")]) == BROKEN


def test_a_vulnerability_fails_even_if_some_packages_could_not_be_checked() -> None:
    report = {
        "dependencies": [
            *VULNERABLE_REPORT["dependencies"],
            {"name": "private-thing", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    assert verdict(1, json.dumps(report), "").exit_code == VULNERABLE


def test_packages_the_database_does_not_know_are_named_in_a_warning() -> None:
    report = {
        "dependencies": [
            {"name": "django", "version": "5.2.19", "vulns": []},
            {"name": "private-thing", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    outcome = verdict(0, json.dumps(report), "")
    assert outcome.exit_code == PASSED
    assert "WARNING" in outcome.message and "private-thing" in outcome.message


def test_a_report_with_no_vulnerabilities_but_a_failing_exit_code_fails() -> None:
    assert verdict(1, json.dumps(CLEAN), "strict mode: collection failed").exit_code == BROKEN


def test_silence_from_pip_audit_is_not_a_pass() -> None:
    assert verdict(0, "", "").exit_code == BROKEN
