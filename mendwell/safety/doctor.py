"""The support-line directory in ``manage.py doctor``: the same findings as the
system check (``checks.check_resources``), as doctor lines."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.checks import ERROR

from mendwell.core.doctor import FAIL, OK, WARN, DoctorLine, register
from mendwell.safety.checks import check_resources
from mendwell.safety.resources import STALE_AFTER


@register
def check_support_lines() -> Iterable[DoctorLine]:
    problems = check_resources()
    if not problems:
        yield DoctorLine(
            OK,
            "Support lines: every number and directory was checked against its source "
            f"within the last {STALE_AFTER.days} days.",
        )
    for problem in problems:
        level = FAIL if problem.level >= ERROR else WARN
        yield DoctorLine(level, f"Support lines: {problem.msg} {problem.hint or ''}".strip())
