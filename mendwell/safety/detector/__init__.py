"""Spot crisis language in text a person is writing, so we can offer support lines.

This is deliberately small and explainable: per locale, a list of rules, each
with an id and a one-line comment. A rule is a family of ways to say one thing
(a partner's violence, a death wish, a plan), built from word lists and
matched against a normalised copy of the text. It does not assess risk and
must never be presented as if it did. Its only job is to decide whether to
show the writer, and only the writer, a calm panel of support lines
(EVIDENCE.md B3, PRODUCT.md principle 3). Nothing here is stored, logged or
shown to anyone else.

The trade-off is on purpose: a false alarm costs a reader a glance at a panel
they can close; a miss can cost far more. Where a phrase is genuinely
ambiguous we lean towards matching, and we never let a negation hide
self-harm language ("I don't want to live anymore" must match).

Layout:

* ``engine.py``: normalisation, offsets, the context checks (who a sentence
  is about, negation, figures of speech) and overlap handling.
* ``patterns_en.py``: the English word lists, rules and figures of speech.

Pure Python, standard library only: no Django, no network.
"""

from __future__ import annotations

from mendwell.safety.detector import patterns_en
from mendwell.safety.detector.engine import (
    DEFAULT_LOCALE,
    PARTNER_FEAR,
    SELF_HARM,
    Category,
    Figure,
    Findings,
    Match,
    Pattern,
    Rules,
)

__all__ = [
    "DEFAULT_LOCALE",
    "FIGURES",
    "PARTNER_FEAR",
    "PATTERNS",
    "SELF_HARM",
    "Category",
    "Figure",
    "Findings",
    "Match",
    "Pattern",
    "analyze",
    "pattern_ids",
]

PATTERNS: dict[str, list[Pattern]] = {"en": patterns_en.PATTERNS}
FIGURES: dict[str, list[Figure]] = {"en": patterns_en.FIGURES}

_RULES = Rules(PATTERNS, FIGURES, DEFAULT_LOCALE)


def analyze(text: str, locale: str = DEFAULT_LOCALE) -> Findings:
    """Find crisis language in ``text``. Offsets in the result index the original text.

    Unknown locales fall back to English. Never raises on a string; the result
    depends only on ``text`` and ``locale``.
    """
    return _RULES.analyze(text, locale)


def pattern_ids(locale: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    """The ids of the rules used for ``locale`` (after fallback)."""
    return _RULES.pattern_ids(locale)
