"""Conversation coach: explainable, private hints on a draft message (pure Python).

Usage::

    from mendwell.coach import analyze, Finding, KINDS

    for finding in analyze("You never listen to me."):
        print(finding.kind, finding.start, finding.end, finding.why, finding.suggestion)

The coach points at phrases that might land as criticism, contempt, defensiveness,
excuses, minimising or stonewalling, says why in hedged words, and offers a gentler
start. It is rules and word lists (``patterns_<locale>.py``), not a trained model, so
every finding can be traced to a rule; it will miss things and sometimes misread tone.

Privacy: nothing here stores, logs or sends the text; the functions are pure and
deterministic. This package imports no Django and nothing outside the standard library.
"""

from __future__ import annotations

from mendwell.coach.engine import MAX_CHARS, MAX_FINDINGS, SUPPORTED_LOCALES, find
from mendwell.coach.finding import KINDS, Finding

__all__ = ["KINDS", "MAX_CHARS", "MAX_FINDINGS", "SUPPORTED_LOCALES", "Finding", "analyze"]


def analyze(text: str, locale: str = "en") -> list[Finding]:
    """Return the findings for a draft, highest-ranked first (at most ``MAX_FINDINGS``).

    Only the first ``MAX_CHARS`` (20 000) characters are analysed; anything after that
    is ignored, so the work per call is bounded. Spans index the original ``text``.
    A locale other than English (``"en"``, ``"en-GB"``, ...) returns no findings rather
    than guessing. Never raises: unexpected input yields ``[]``. Never stores or logs.
    """
    try:
        return find(text, locale)
    except Exception:  # noqa: BLE001 - a coaching hint must never break the page
        return []
