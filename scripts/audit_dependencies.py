"""Check the locked dependencies for known vulnerabilities (SECURITY.md T25, CFG-7).

    .venv/bin/python scripts/audit_dependencies.py [--requirements FILE] [--pip-audit PATH]

Exports uv.lock to pinned requirements (``uv export --frozen``) and runs
``pip-audit`` over them without installing anything. The verdict:

* a known vulnerability in any pinned package fails (exit 1);
* no answer from the advisory database (no network, DNS, a timeout, the
  service down) prints a warning and passes (exit 0): CI must not break
  because it runs offline, but the warning says plainly nothing was checked;
* anything else that goes wrong (an unreadable lock, a crash) fails (exit 2),
  so a broken audit is never mistaken for a clean one.

Standard library only, like dev.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PASSED, VULNERABLE, BROKEN = 0, 1, 2

# What requests/urllib3 say when the advisory database cannot be reached.
_UNREACHABLE = re.compile(
    r"ConnectionError|NameResolutionError|Max retries exceeded|Failed to establish a new "
    r"connection|Temporary failure in name resolution|Name or service not known|"
    r"ConnectTimeout|ReadTimeout|timed out|Network is unreachable|ServiceError|"
    r"SSLError|ProxyError|HTTP Error 5\d\d|status code 5\d\d",
)


@dataclass(frozen=True)
class Verdict:
    exit_code: int
    message: str


def verdict(returncode: int, stdout: str, stderr: str) -> Verdict:
    """Decide from pip-audit's exit code, JSON report and error output."""
    try:
        report = json.loads(stdout) if stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    if isinstance(report, dict):
        dependencies = report.get("dependencies", [])
        found = [
            f"{dep.get('name')} {dep.get('version')}: {vuln.get('id')} "
            f"(fixed in {', '.join(vuln.get('fix_versions') or []) or 'no release yet'})"
            for dep in dependencies
            for vuln in dep.get("vulns") or []
        ]
        if found:
            return Verdict(VULNERABLE, "Known vulnerabilities:\n  " + "\n  ".join(found))
        if returncode != 0:
            return Verdict(BROKEN, f"pip-audit failed (exit {returncode}):\n{stderr[-2000:]}")
        skipped = [dep.get("name") for dep in dependencies if dep.get("skip_reason")]
        if skipped and len(skipped) == len(dependencies):
            return Verdict(
                PASSED,
                "WARNING: the advisory database did not know any of the "
                f"{len(skipped)} packages (offline mirror?); NOTHING WAS CHECKED.",
            )
        if skipped:
            return Verdict(
                PASSED,
                f"No known vulnerabilities. WARNING: {len(skipped)} package(s) could not be "
                f"checked: {', '.join(str(name) for name in skipped)}",
            )
        return Verdict(PASSED, f"No known vulnerabilities in {len(dependencies)} packages.")
    if returncode != 0 and _UNREACHABLE.search(stderr):
        return Verdict(
            PASSED,
            "WARNING: could not reach the vulnerability database; "
            "dependencies were NOT checked this run.",
        )
    if returncode == 0:
        return Verdict(BROKEN, "pip-audit printed no report.")
    return Verdict(BROKEN, f"pip-audit failed (exit {returncode}):\n{stderr[-2000:]}")


def _uv() -> str:
    return shutil.which("uv") or str(ROOT / ".tools" / "bin" / "uv")


def export_requirements(target: Path) -> None:
    subprocess.run(  # noqa: S603
        [_uv(), "export", "--frozen", "--no-hashes", "--no-emit-project", "-q", "-o", str(target)],
        cwd=ROOT,
        check=True,
    )


def run_pip_audit(pip_audit: str, requirements: Path) -> Verdict:
    command = [
        pip_audit,
        "--requirement",
        str(requirements),
        # The pins come from the lock: nothing to resolve or install.
        "--no-deps",
        "--disable-pip",
        "--format",
        "json",
        "--progress-spinner",
        "off",
        "--timeout",
        "20",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    return verdict(result.returncode, result.stdout, result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--requirements", type=Path, help="audit this file instead of uv.lock")
    parser.add_argument(
        "--pip-audit",
        default=str(Path(sys.executable).with_name("pip-audit")),
        help="the pip-audit executable (default: next to this Python)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        requirements = args.requirements
        if requirements is None:
            requirements = Path(scratch) / "requirements.txt"
            try:
                export_requirements(requirements)
            except (OSError, subprocess.CalledProcessError) as exc:
                print(f"Could not export uv.lock: {exc}", file=sys.stderr)
                return BROKEN
        if not os.access(args.pip_audit, os.X_OK):
            print(f"pip-audit not found at {args.pip_audit}", file=sys.stderr)
            return BROKEN
        outcome = run_pip_audit(args.pip_audit, requirements)
    print(outcome.message, file=sys.stderr if outcome.exit_code else sys.stdout)
    return outcome.exit_code


if __name__ == "__main__":
    sys.exit(main())
