"""The five ways of feeling loved, in our own words, and the 0–4 scale.

Each way is rated on its own (receiving and giving), never ranked against the
others: there is no forced choice, no single "type" and no match score. The
keys double as the tags other apps put on their ideas ("quality_time").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LOWEST, HIGHEST = 0, 4

SCALE: tuple[tuple[int, str | Promise], ...] = (
    (0, _("Not much")),
    (1, _("A little")),
    (2, _("Somewhat")),
    (3, _("Quite a lot")),
    (4, _("A lot")),
)


@dataclass(frozen=True)
class Way:
    key: str
    name: str | Promise  # short, used mid-sentence: "Sam rated time together 4 of 4"
    also_called: str | Promise  # the everyday name people may know it by
    receiving: str | Promise
    giving: str | Promise
    example: str | Promise


WAYS: tuple[Way, ...] = (
    Way(
        "words_of_affirmation",
        _("kind words"),
        _("words of affirmation"),
        _("Hearing what you value in me helps me feel loved."),
        _("I tell you what I value in you."),
        _("“I saw how patient you were this morning, and it meant a lot.”"),
    ),
    Way(
        "acts_of_service",
        _("practical help"),
        _("acts of service"),
        _("When you take something off my plate, I feel cared for."),
        _("I take things off your plate."),
        _("Sorting the recycling before I get to it."),
    ),
    Way(
        "gifts",
        _("small gifts"),
        _("gifts"),
        _("A small thing chosen with me in mind tells me I was on your mind."),
        _("I bring you small things I chose with you in mind."),
        _("Picking up the tea I like on the way home."),
    ),
    Way(
        "quality_time",
        _("time together"),
        _("quality time"),
        _("Unhurried time with your full attention fills me up."),
        _("I give you time with my full attention."),
        _("A walk after dinner with both phones left at home."),
    ),
    Way(
        "physical_touch",
        _("affectionate touch"),
        _("physical touch"),
        _("A warm, welcome touch helps me feel close to you."),
        _("I show care with warm, welcome touch."),
        _("A hand on my shoulder as you pass."),
    ),
)

WAY_KEYS: tuple[str, ...] = tuple(way.key for way in WAYS)
WAYS_BY_KEY: dict[str, Way] = {way.key: way for way in WAYS}


def field_name(direction: str, key: str) -> str:
    """The model field holding one rating: ``receiving_quality_time``."""
    return f"{direction}_{key}"
