"""Ranking ideas by what the partner said helps them feel loved.

Other apps (jar acts, date ideas, the Today plan) pass their candidates here::

    from mendwell.loved.suggestions import rank_for_partner
    ranked = rank_for_partner(request.user, ideas)  # ideas have .text and .ways

The rule is small so it can be explained in one line per candidate:

* a candidate scores the partner's highest SHARED receiving rating (0–4) among
  the ways it speaks to (its ``ways``: keys of ``loved.ways.WAYS``, such as
  ``"quality_time"``, or the short tags the date ideas use, such as ``"time"``);
* plus ``WISH_BONUS`` when a word of the candidate's text (four letters or
  more, common words aside) is in the line the partner marked "this week I'd
  love…", if they shared their list;
* candidates are sorted by score, highest first; ties keep the caller's order.

With nothing shared (or no partner, or the program paused) the candidates come
back in the caller's order with score 0 and no reason. Nothing is ever read
that the partner did not share: the data comes through the access gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from django.utils.translation import gettext as _

from mendwell.loved.ways import HIGHEST, WAYS_BY_KEY

WISH_BONUS = 2

# Words too common to say two texts are about the same thing.
_COMMON = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "your",
        "have",
        "will",
        "would",
        "love",
        "like",
        "some",
        "more",
        "just",
        "when",
        "what",
        "them",
        "they",
        "their",
        "there",
        "then",
        "than",
        "into",
        "about",
        "after",
        "before",
        "again",
        "also",
        "together",
    ]
)
_WORD = re.compile(r"[^\W\d_]{4,}")


# The short tags other apps' catalogues use (dates/ideas.py), for the same five ways.
SHORT_TAGS = {
    "words": "words_of_affirmation",
    "acts": "acts_of_service",
    "gifts": "gifts",
    "time": "quality_time",
    "touch": "physical_touch",
}


def way_key(tag: str) -> str:
    return SHORT_TAGS.get(tag, tag)


class Candidate(Protocol):
    @property
    def text(self) -> Any: ...  # str, or a lazy translation

    @property
    def ways(self) -> Sequence[str]: ...


C = TypeVar("C", bound=Candidate)


@dataclass(frozen=True)
class Ranked(Generic[C]):
    candidate: C
    score: int
    reason: str  # one line in our words, "" when nothing shared informs it


def words_of(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.casefold()) if word not in _COMMON}


def rank(
    candidates: Iterable[C],
    *,
    name: str,
    ratings: Mapping[str, int] | None,
    wish: str = "",
) -> list[Ranked[C]]:
    """The pure rule: ``ratings`` are the partner's shared receiving ratings by way
    key (None when not shared), ``wish`` their shared "this week" line ("" if none)."""
    wished = words_of(wish)
    ranked = []
    for candidate in candidates:
        score, reasons = 0, []
        keys = [way_key(tag) for tag in candidate.ways]
        known = [(ratings[way], way) for way in keys if ratings and way in ratings]
        if known:
            best, way = max(known, key=lambda pair: pair[0])
            score = best
            reasons.append(
                _("%(name)s rated %(way)s %(value)d of %(top)d")
                % {"name": name, "way": WAYS_BY_KEY[way].name, "value": best, "top": HIGHEST}
            )
        if wished and wished & words_of(str(candidate.text)):
            score += WISH_BONUS
            reasons.append(_("close to what %(name)s would love this week") % {"name": name})
        ranked.append(Ranked(candidate=candidate, score=score, reason="; ".join(reasons)))
    # sorted() is stable: equal scores keep the order the caller gave.
    return sorted(ranked, key=lambda item: -item.score)


def rank_for_partner(user: Any, candidates: Iterable[C]) -> list[Ranked[C]]:
    """Rank ``candidates`` for ``user`` to offer their partner, by what the partner shared."""
    from mendwell.loved.selectors import partner_view_for

    view = partner_view_for(user)
    if view.partner is None or (view.ratings is None and view.wish is None):
        return [Ranked(candidate=candidate, score=0, reason="") for candidate in candidates]
    ratings = None
    if view.ratings is not None:
        ratings = {key: view.ratings.rating("receiving", key) for key in WAYS_BY_KEY}
    return rank(
        candidates,
        name=view.partner.display_name,
        ratings=ratings,
        wish=view.wish.text if view.wish else "",
    )
