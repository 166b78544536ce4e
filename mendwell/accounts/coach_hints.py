"""The coach's wording hints, shaped for the one template that shows them
(``includes/coach_hints.html``).

Every drafting page calls :func:`hints_for` with the *writer* and their own
text: nothing is computed unless the writer switched hints on, and the result
is only rendered back to the person writing, never stored or logged.
"""

from __future__ import annotations

from typing import Any

from mendwell.coach import analyze


def hints_for(writer: Any, text: str, field: Any) -> list[dict[str, Any]]:
    if writer is None or not getattr(writer, "coach_enabled", False) or not text:
        return []
    return [
        {
            "field": field,
            "words": text[finding.start : finding.end],
            "why": finding.why,
            "suggestion": finding.suggestion,
        }
        for finding in analyze(text, getattr(writer, "locale", "en"))
    ]
