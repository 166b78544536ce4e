"""Crisis signposting for any free text a person saves or drafts.

Feature apps call :func:`support_panel_context` with the writer's own text.
When the detector finds self-harm or partner-fear language, it returns the
context for ``safety/_crisis_panel.html``; otherwise ``None``. Nothing about
the text or the result is stored or logged, and it is shown to the writer only.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mendwell.safety.detector import analyze
from mendwell.safety.support import support_context

MAX_CHARACTERS = 20_000


def support_panel_context(request: HttpRequest, text: str) -> dict[str, Any] | None:
    findings = analyze(text[:MAX_CHARACTERS], locale=getattr(request.user, "locale", "en"))
    if not findings.crisis:
        return None
    return {"findings": findings, **support_context(request)}
