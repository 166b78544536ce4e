"""The rule engine: compiles a locale's plain-data rules and applies them to a draft.

Patterns find candidate phrases; this module adds what patterns cannot express:

* quotes: a match inside quotation marks is someone else's words and is dropped;
* negation: "I'm not saying you're lazy" drops criticism/contempt found after a
  negator in the same clause;
* "I" vs "you" focus and appreciation: "you always/never" rules only exist for "you",
  and a rule's ``after_ok`` lexicon lets "you always make me laugh" or "you never let
  me down" through;
* responsibility: an excuse is not flagged when the writer also disclaims it ("no
  excuse", "my fault", "I should have");
* break-and-return: a shutdown is not flagged when the writer promises to come back
  ("can we talk again in twenty minutes?");
* intensity: intensifiers, exclamation marks and shouting raise a finding's rank a
  little, so the most charged phrase is listed first.

Overlapping candidates are resolved in favour of the higher-ranked one.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mendwell.coach.finding import KINDS, Finding
from mendwell.coach.text import (
    clause_before,
    inside,
    normalise,
    quoted_regions,
    sentence_around,
    to_original,
)

MAX_CHARS = 20_000
MAX_FINDINGS = 20
SUPPORTED_LOCALES: tuple[str, ...] = ("en",)

_LEXICON_TOKEN = re.compile(r"<<([A-Z_]+)>>")
_NEGATORS = re.compile(
    r"\b(?:not saying|not that|don't think|do not think|don't believe|never said|"
    r"didn't say|did not say|wouldn't say|doesn't mean|not calling you|i'm not saying|"
    r"no one thinks|nobody thinks|not because)\b"
)
_NEGATABLE = frozenset({"criticism", "contempt"})
_INTENSIFIERS = re.compile(
    r"\b(?:so|such|really|always|never|ever|totally|completely|seriously|literally|"
    r"absolutely|honestly|even)\b",
    re.IGNORECASE,
)
_SHOUTING = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    kind: str
    regex: re.Pattern[str]
    weight: float
    why: str
    suggestion: str
    after_ok: re.Pattern[str] | None


@dataclass(frozen=True, slots=True)
class Ruleset:
    rules: tuple[Rule, ...]
    disclaimers: re.Pattern[str]
    returns: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


def _expand(pattern: str, lexicons: dict[str, list[str]]) -> str:
    return _LEXICON_TOKEN.sub(lambda m: _alternation(lexicons[m.group(1)]), pattern)


def _locale_key(locale: object) -> str | None:
    if not isinstance(locale, str):
        return None
    key = locale.strip().lower().replace("_", "-").split("-", 1)[0]
    return key if key in SUPPORTED_LOCALES else None


@lru_cache(maxsize=8)
def load(locale: str) -> Ruleset:
    """Compile the rules of a supported locale (cached)."""
    data: Any = importlib.import_module(f"mendwell.coach.patterns_{locale}")
    lexicons: dict[str, list[str]] = data.LEXICONS
    rules = []
    for spec in data.RULES:
        kind = spec["kind"]
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r} in rule {spec['id']}")
        after_ok = None
        if spec.get("after_ok"):
            after_ok = re.compile(
                r",? ?(?:(?:just|really|so|somehow|still|truly|even) )*(?:"
                + _alternation(lexicons[spec["after_ok"]])
                + r")"
            )
        rules.append(
            Rule(
                id=spec["id"],
                kind=kind,
                regex=re.compile(_expand(spec["pattern"], lexicons), re.MULTILINE),
                weight=float(spec.get("weight", data.WEIGHT[kind])),
                why=spec.get("why", data.WHY[kind]),
                suggestion=spec.get("suggestion", data.SUGGESTION[kind]),
                after_ok=after_ok,
            )
        )
    return Ruleset(
        rules=tuple(rules),
        disclaimers=re.compile(r"\b(?:" + _alternation(lexicons["DISCLAIMERS"]) + r")"),
        returns=re.compile(r"\b(?:" + _alternation(lexicons["RETURNS"]) + r")"),
    )


def _trigger(match: re.Match[str]) -> tuple[int, int]:
    for name in ("t", "t2"):
        if name in match.re.groupindex and match.group(name) is not None:
            return match.span(name)
    start, end = match.span()
    # Trim the punctuation and spaces a pattern may have consumed around the words.
    segment = match.group(0)
    lead = len(segment) - len(segment.lstrip(" .,;:!?*\n"))
    trail = len(segment) - len(segment.rstrip(" .,;:!?\n"))
    if lead + trail < len(segment):
        start, end = start + lead, end - trail
    return start, end


def _intensity(text: str, start: int, end: int) -> float:
    sentence = sentence_around(text, start, end)
    score = len(_INTENSIFIERS.findall(sentence)) + sentence.count("!")
    score += 2 * len(_SHOUTING.findall(sentence))
    return min(score, 5) * 0.05


def find(text: str, locale: str) -> list[Finding]:
    key = _locale_key(locale)
    if key is None or not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_CHARS]
    ruleset = load(key)
    norm, index = normalise(text)
    quotes = quoted_regions(norm)
    disclaimed = ruleset.disclaimers.search(norm) is not None
    returning = ruleset.returns.search(norm) is not None

    candidates: list[tuple[float, int, int, Rule]] = []
    for rule in ruleset.rules:
        if (rule.kind == "excuse" and disclaimed) or (rule.kind == "stonewalling" and returning):
            continue
        for match in rule.regex.finditer(norm):
            start, end = _trigger(match)
            if end <= start or inside(quotes, start, end):
                continue
            if rule.after_ok is not None and rule.after_ok.match(norm, match.end()):
                continue
            if rule.kind in _NEGATABLE and _NEGATORS.search(clause_before(norm, start)):
                continue
            o_start, o_end = to_original(index, start, end)
            if o_end <= o_start:
                continue
            score = rule.weight + _intensity(text, o_start, o_end)
            candidates.append((score, o_start, o_end, rule))

    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for _score, start, end, rule in candidates:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        findings.append(Finding(rule.kind, start, end, rule.why, rule.suggestion))
        if len(findings) >= MAX_FINDINGS:
            break
    return findings
