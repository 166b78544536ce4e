"""The private safety check: our own items, versioned, and the rule that scores them.

The rule (documented here and tested branch by branch):

* Any "yes" to fear of the partner, an injury, forced or pressured sex, or any
  form of coercive control (monitoring, restricting money or contact, threats)
  puts the person on the **safety pathway**: couples exercises are not advised.
* A "yes" to physical harm without injury, fear or control is **caution**:
  research on online couples programs found couples with low-intensity
  conflict benefited as much as others (EVIDENCE.md), so the program stays
  open, and the person is shown support all the same.
* Otherwise the check is **clear**. "Not sure" and "I'd rather not say" count
  as no answer; a check with unanswered items is still complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

CHECK_VERSION = 1


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Outcome(StrEnum):
    CLEAR = "clear"
    CAUTION = "caution"
    PATHWAY = "pathway"


@dataclass(frozen=True)
class Item:
    key: str
    text: str | Promise
    on_yes: Outcome


ITEMS: tuple[Item, ...] = (
    Item(
        "physical_harm",
        _(
            "In the last twelve months, has your partner pushed, hit, kicked or otherwise hurt you physically?"
        ),
        Outcome.CAUTION,
    ),
    Item(
        "injury",
        _("Have you been injured, even slightly, because of something your partner did?"),
        Outcome.PATHWAY,
    ),
    Item("fear", _("Do you ever feel afraid of your partner?"), Outcome.PATHWAY),
    Item(
        "sexual_coercion",
        _("Has your partner made you do anything sexual you did not want, by force or pressure?"),
        Outcome.PATHWAY,
    ),
    Item(
        "monitoring",
        _(
            "Does your partner check your phone or messages, or need to know where you are all the time?"
        ),
        Outcome.PATHWAY,
    ),
    Item(
        "restricting",
        _("Does your partner control your money, or stop you seeing friends or family?"),
        Outcome.PATHWAY,
    ),
    Item(
        "threats",
        _(
            "Has your partner threatened to hurt you, themselves, your children or pets, or to leave you with nothing?"
        ),
        Outcome.PATHWAY,
    ),
)

ITEM_KEYS = tuple(item.key for item in ITEMS)


def score(answers: dict[str, str]) -> tuple[Outcome, tuple[str, ...]]:
    """Return the outcome and the item keys that led to it."""
    pathway = tuple(
        item.key
        for item in ITEMS
        if item.on_yes is Outcome.PATHWAY and answers.get(item.key) == Answer.YES
    )
    if pathway:
        return Outcome.PATHWAY, pathway
    caution = tuple(
        item.key
        for item in ITEMS
        if item.on_yes is Outcome.CAUTION and answers.get(item.key) == Answer.YES
    )
    if caution:
        return Outcome.CAUTION, caution
    return Outcome.CLEAR, ()
