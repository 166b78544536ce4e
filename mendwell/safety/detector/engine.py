"""How the rules run: normalisation, offsets, context checks, exclusions and overlaps.

The rule data lives in ``patterns_<locale>.py``; this module knows nothing about
English. Every decision it makes is one of five, each explainable on its own:

1. A rule's regex matches the normalised text: casefolded, accents dropped,
   straight quotes, single spaces, and apostrophes put back into contractions
   typed without them ("dont", "hes", "im"). Offsets are mapped back, so the
   match the reader is shown is exactly the words they typed.
2. ``about_me`` rules (self-harm) only count when the words are about the
   writer: the nearest personal pronoun before the match, in the same clause,
   is first person ("I", "me", "myself"...) or there is none at all (journals
   drop the "I": "wanna die lol"). "She wants to die in the film" does not count.
   ``by_partner`` rules (partner fear) are the mirror image: the nearest subject
   before the match, in the same clause, must be a partner ("he", "she", "my
   husband"...), not the writer, a child, a pet or anyone else.
3. ``negatable`` rules (partner fear only) are dropped when a negation sits just
   before the match ("I'm not afraid of him"). Self-harm rules never are.
4. A figure of speech ("killing myself laughing", "career suicide") masks the
   rules of its category where it overlaps them.
5. Where two rules of one category claim overlapping words, the one listed
   first keeps them, so each stretch of text is explained once.

Pure Python, standard library only.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

Category = Literal["self_harm", "partner_fear"]

SELF_HARM: Category = "self_harm"
PARTNER_FEAR: Category = "partner_fear"

DEFAULT_LOCALE = "en"


@dataclass(frozen=True)
class Match:
    """One phrase that fired: which rule, and where it sits in the original text."""

    category: Category
    pattern_id: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "pattern_id": self.pattern_id,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Findings:
    """What the detector saw. ``crisis`` is ``self_harm or partner_fear``."""

    self_harm: bool
    partner_fear: bool
    crisis: bool
    matches: tuple[Match, ...]

    @classmethod
    def from_matches(cls, matches: Iterable[Match]) -> Findings:
        ordered = tuple(sorted(set(matches), key=lambda m: (m.start, m.end, m.pattern_id)))
        self_harm = any(m.category == SELF_HARM for m in ordered)
        partner_fear = any(m.category == PARTNER_FEAR for m in ordered)
        return cls(
            self_harm=self_harm,
            partner_fear=partner_fear,
            crisis=self_harm or partner_fear,
            matches=ordered,
        )

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict. Keys are only ever added, never renamed or removed."""
        return {
            "crisis": self.crisis,
            "self_harm": self.self_harm,
            "partner_fear": self.partner_fear,
            "matches": [m.as_dict() for m in self.matches],
        }


@dataclass(frozen=True)
class Pattern:
    """One rule. ``regex`` runs on normalised text (see the module docstring, point 1).

    ``negatable``: the match is dropped when a negation sits just before it
    ("I'm not afraid of him", "I don't think he'd hurt me"). Never set on
    self-harm rules: a negation there is far more often part of the risk than
    a denial.

    ``about_me``: the match only counts when it is about the writer (see the
    module docstring). Used by self-harm rules whose words do not name the
    writer themselves ("tired of being alive", not "without me").

    ``by_partner``: the match only counts when a partner is the nearest subject
    before it in the same clause ("he's broken two of my ribs"). Used by
    partner-fear rules whose words do not name the partner themselves.
    """

    id: str
    category: Category
    regex: str
    comment: str
    negatable: bool = False
    about_me: bool = False
    by_partner: bool = False


@dataclass(frozen=True)
class Figure:
    """A figure of speech that masks one category's rules where it overlaps them."""

    id: str
    category: Category
    regex: str
    comment: str


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# One character in, one character out: apostrophes, quotes and dashes to ASCII.
_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u02bc": "'",
        "\uff07": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
    }
)
# Characters people (or keyboards) slip into words that would break a pattern.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
# Only whitespace that normalising changes: runs of two or more, or a lone tab/newline.
_SPACES = re.compile(r"\s{2,}|[^\S ]")
# Contractions typed without their apostrophe ("dont", "hes", "im"). Restoring it
# lets every rule be written once. Only spellings that are not also ordinary
# words: "hell", "shell", "well", "were", "ill", "id", "its" stay as they are.
_BARE_CONTRACTION = re.compile(
    r"\b(?:((?:do|did|does|ca|could|would|should|wo|is|was|were|has|have|had|are|must|need)n)(t)"
    r"|(i)(m|ve)|(he|she)(s|d)|(they|you)(re|ve)|(we)(ve)|(that|there|what)(s))\b"
)


def _fold_char(char: str) -> str:
    """Casefold one character and drop accents, so 'KÍLL' reads as 'kill'."""
    if char in _INVISIBLE:
        return ""
    char = char.translate(_STRAIGHTEN)
    decomposed = unicodedata.normalize("NFKD", char)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c)) or char
    return kept.casefold().translate(_STRAIGHTEN)


def _restore_apostrophes(folded: str, origin: list[int] | None) -> tuple[str, list[int] | None]:
    """Turn "dont" into "don't" and "hes" into "he's", keeping the map to the original.

    An inserted apostrophe maps to the character before it, so a match never
    starts or ends on a character the writer did not type.
    """
    if not _BARE_CONTRACTION.search(folded):
        return folded, origin
    pieces: list[str] = []
    mapped: list[int] = list(range(len(folded))) if origin is None else list(origin)
    new_origin: list[int] = []
    last = 0
    for hit in _BARE_CONTRACTION.finditer(folded):
        stem_end = hit.start(hit.lastindex or 0)  # the apostrophe goes before the ending
        pieces.append(folded[last:stem_end])
        new_origin.extend(mapped[last:stem_end])
        pieces.append("'")
        new_origin.append(mapped[stem_end - 1])
        last = stem_end
    pieces.append(folded[last:])
    new_origin.extend(mapped[last:])
    return "".join(pieces), new_origin


class _Normalised:
    """A normalised copy of a text that can map its offsets back to the original."""

    def __init__(self, text: str) -> None:
        if text.isascii():
            # The only ASCII character _STRAIGHTEN changes is the backtick.
            folded = text.replace("`", "'").lower()
            origin: list[int] | None = None  # identity: ASCII lowercasing is 1:1
        else:
            pieces: list[str] = []
            origin = []
            for index, char in enumerate(text):
                out = _fold_char(char)
                pieces.append(out)
                origin.extend([index] * len(out))
            folded = "".join(pieces)
        folded, origin = _restore_apostrophes(folded, origin)
        self._origin = origin
        self._length = len(text)
        # Collapse whitespace runs to one space, remembering how far each kept
        # character has shifted so offsets can be mapped back.
        out_parts: list[str] = []
        self._breaks: list[int] = []  # normalised positions where a new shift starts
        self._shifts: list[int] = []  # folded = normalised + shift from that break on
        shift = 0
        last = 0
        for run in _SPACES.finditer(folded):
            out_parts.append(folded[last : run.start()])
            out_parts.append(" ")
            last = run.end()
            removed = run.end() - run.start() - 1
            if removed:
                shift += removed
                self._breaks.append(run.start() - (shift - removed) + 1)
                self._shifts.append(shift)
        out_parts.append(folded[last:])
        self.text = "".join(out_parts)

    def _to_folded(self, position: int) -> int:
        at = bisect.bisect_right(self._breaks, position)
        return position + (self._shifts[at - 1] if at else 0)

    def to_original(self, position: int) -> int:
        folded = self._to_folded(position)
        if self._origin is None:
            return folded
        return self._origin[folded]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) onto the original text."""
        return self.to_original(start), min(self.to_original(end - 1) + 1, self._length)


# --------------------------------------------------------------------------
# Context checks
# --------------------------------------------------------------------------

# A negation right before a negatable match, with at most one word between
# ("not afraid of", "never really hit", "don't think he'd"). "just"/"only" do
# not count as the word between, so "not just afraid of him" still matches.
_NEGATED_BEFORE = re.compile(r"(?:\bnot|n't|\bnever|\bno longer)(?: (?!just\b|only\b)[\w']+)? $")

# Where a clause starts, for deciding who a sentence is about.
_CLAUSE_BREAK = re.compile(r"[.!?;:,\"()\[\]]| - ")
_WORD = re.compile(r"[\w']+")
# How far back (in words) to look for the subject of a self-harm phrase.
_SUBJECT_WINDOW = 8
_FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "myself", "meself", "mine"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Subject pronouns that make a clause about someone else.
_OTHER_SUBJECTS = _words(
    """
    he she they we who he's she's they're we're he'd she'd they'd we'd he'll she'll
    they'll we'll they've we've someone somebody everyone everybody nobody
    """
)
# People who may be the subject ("my dad wanted to die") or an object ("I wrote my kids
# a goodbye letter"). They count as the subject unless the next word marks them as an
# object.
_PEOPLE = _words(
    """
    you u people character hero heroine villain man woman guy girl boy friend friends mum
    mom dad mother father sister brother son daughter grandad granddad grandpa grandma gran
    nan nana uncle aunt auntie cousin colleague boss patient client neighbour neighbor
    soldier partner husband wife boyfriend girlfriend ex kid kids child children baby
    protagonist narrator author singer actor actress teenager student doctor nurse vet
    therapist teacher dog cat puppy kitten pet horse rabbit
    """
)
# Other possible subjects that are never a partner.
_CREATURES = _words(
    """
    toddler baby kid kids son daughter dog dogs cat cats puppy kitten horse ball door wave
    it this that someone somebody nobody everyone everybody we you u boss colleague friend
    """
)
_OBJECT_MARKERS = _words("a an the my your his her their our all some everything that about to for")


# Who counts as a partner when they are the subject of a clause.
_PARTNERS = _words(
    """
    he she they he's she's they're he'd she'd they'd he'll she'll they'll they've partner
    husband hubby wife boyfriend girlfriend bf gf fiance fiancee spouse ex missus
    """
)


def _clause_before(text: str, start: int) -> list[str]:
    """The words of the clause that ends at ``start``, nearest first."""
    window = text[max(0, start - 120) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    return list(reversed(_WORD.findall(clause)[-_SUBJECT_WINDOW * 2 :]))


def _by_partner(text: str, start: int) -> bool:
    """True when the nearest subject before ``start`` (same clause) is a partner.

    The writer ("I"), other people and animals ("the toddler", "my son", "the
    dog") and "you" stop the search: the act is theirs, not a partner's.
    """
    for word in _clause_before(text, start):
        if word in _PARTNERS:
            return True
        if word in _FIRST_PERSON - {"me", "myself", "mine"} or word in _OTHER_SUBJECTS:
            return False
        if word in _PEOPLE or word in _CREATURES:
            return False
    return False


def _about_me(text: str, start: int) -> bool:
    """True when the nearest personal pronoun before ``start`` (same clause) is first person.

    No pronoun at all also counts: journals often drop the "I" ("so tired of
    being alive"). A third-person or plural one ("she", "we", "my sister")
    means the words are about someone else.
    """
    window = text[max(0, start - 120) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    between: list[str] = []
    for word in reversed(_WORD.findall(clause)[-_SUBJECT_WINDOW:]):
        if word in _FIRST_PERSON:
            return True
        if word in _OTHER_SUBJECTS:
            return False
        if word in _PEOPLE and not (between and between[-1] in _OBJECT_MARKERS):
            return False
        between.append(word)
    return True


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Compiled:
    pattern: Pattern
    regex: re.Pattern[str]


@dataclass(frozen=True)
class _CompiledFigure:
    figure: Figure
    regex: re.Pattern[str]


class Rules:
    """Compiled rules and figures of speech for every locale."""

    def __init__(
        self,
        patterns: Mapping[str, Sequence[Pattern]],
        figures: Mapping[str, Sequence[Figure]],
        default_locale: str = DEFAULT_LOCALE,
    ) -> None:
        self.default_locale = default_locale
        self._rules = {
            locale: tuple(_Compiled(p, re.compile(p.regex)) for p in rules)
            for locale, rules in patterns.items()
        }
        self._figures = {
            locale: tuple(_CompiledFigure(f, re.compile(f.regex)) for f in figures.get(locale, ()))
            for locale in patterns
        }

    def locale_key(self, locale: str | None) -> str:
        if not locale:
            return self.default_locale
        key = str(locale).strip().casefold().replace("_", "-")
        if key in self._rules:
            return key
        language = key.split("-", 1)[0]
        return language if language in self._rules else self.default_locale

    def pattern_ids(self, locale: str | None) -> tuple[str, ...]:
        return tuple(c.pattern.id for c in self._rules[self.locale_key(locale)])

    def analyze(self, text: str, locale: str | None, *, use_figures: bool = True) -> Findings:
        if not isinstance(text, str):
            raise TypeError("analyze() needs a str")
        if not text:
            return Findings.from_matches(())
        key = self.locale_key(locale)
        normalised = _Normalised(text)
        body = normalised.text
        masks: dict[str, list[tuple[int, int]]] = {}
        if use_figures:
            for compiled_figure in self._figures[key]:
                for hit in compiled_figure.regex.finditer(body):
                    masks.setdefault(compiled_figure.figure.category, []).append(hit.span())
        claimed: dict[str, list[tuple[int, int]]] = {}
        found: list[Match] = []
        for compiled in self._rules[key]:
            rule = compiled.pattern
            for start, end in _hits(compiled, body, masks.get(rule.category, ())):
                taken = claimed.setdefault(rule.category, [])
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                first, last = normalised.span(start, end)
                found.append(Match(rule.category, rule.id, first, last))
        return Findings.from_matches(found)


def _hits(
    compiled: _Compiled, body: str, masks: Sequence[tuple[int, int]]
) -> Iterable[tuple[int, int]]:
    """The accepted, non-overlapping matches of one rule, left to right.

    When a candidate is rejected (negated, about someone else, inside a figure
    of speech) the search resumes one character later, so a shorter match
    starting inside it is still found.
    """
    rule = compiled.pattern
    position = 0
    while position <= len(body):
        hit = compiled.regex.search(body, position)
        if hit is None:
            return
        start, end = hit.span()
        if (
            end == start
            or (rule.negatable and _NEGATED_BEFORE.search(body, max(0, start - 30), start))
            or (rule.about_me and not _about_me(body, start))
            or (rule.by_partner and not _by_partner(body, start))
            or any(start < e and s < end for s, e in masks)
        ):
            position = start + 1
            continue
        yield start, end
        position = end
