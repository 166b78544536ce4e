"""Run the crisis-language detector over lines of text read from stdin.

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
            self.stdout.write(_as_json(findings) if as_json else _as_text(line, findings))


def _as_json(findings: Findings) -> str:
    return json.dumps(findings.as_dict(), ensure_ascii=False, separators=(", ", ": "))


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
