"""Run the crisis-language detector and the conversation coach over lines from stdin.

For operators and developers checking the rules, e.g.::

    printf 'I want to die\\nwe had a nice walk\\n' | python manage.py analyze_text --json

One result per input line, in order (an empty line gives an empty result), so
the output can be zipped back to the input. With ``--json`` each line is one
JSON object; keys are only ever added, never renamed or removed. Nothing is
stored or logged.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from mendwell.coach import Finding
from mendwell.coach import analyze as coach_analyze
from mendwell.safety.detector import DEFAULT_LOCALE, Findings, analyze


class Command(BaseCommand):
    help = "Read lines from stdin and report, per line, whether crisis language was found."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print one JSON object per line."
        )
        parser.add_argument(
            "--locale",
            default=DEFAULT_LOCALE,
            help="Language of the text (unknown languages fall back to English).",
        )

    def handle(
        self, *args: Any, as_json: bool = False, locale: str = DEFAULT_LOCALE, **options: Any
    ) -> None:
        # Read sys.stdin at call time (not import time) so tests can replace it.
        for raw in sys.stdin:
            line = raw.rstrip("\r\n")
            findings = analyze(line, locale=locale)
            coach = coach_analyze(line, locale=locale)
            if as_json:
                self.stdout.write(_as_json(findings, coach))
            else:
                self.stdout.write(_as_text(line, findings) + _coach_text(line, coach))


def _as_json(findings: Findings, coach: list[Finding]) -> str:
    # "crisis" and the detector's keys come from the safety issue; "findings"
    # is the coach's list. Keys are only ever added.
    record = {**findings.as_dict(), "findings": [finding.as_dict() for finding in coach]}
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def _coach_text(line: str, coach: list[Finding]) -> str:
    if not coach:
        return ""
    return "; coach: " + ", ".join(f"{f.kind} {line[f.start : f.end]!r}" for f in coach)


def _as_text(line: str, findings: Findings) -> str:
    if not findings.crisis:
        return "no crisis language"
    kinds = [
        name
        for name, found in (
            ("self-harm", findings.self_harm),
            ("partner fear", findings.partner_fear),
        )
        if found
    ]
    quoted = ", ".join(f"{m.pattern_id} {line[m.start : m.end]!r}" for m in findings.matches)
    return f"CRISIS ({' + '.join(kinds)}): {quoted}"
