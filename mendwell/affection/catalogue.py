"""The fixed list of kinds of touch a person can be open to, in our own words.

Every kind is gentle and non-sexual. Ids are stable (they are what a person's
private comfort settings store); labels and invitations are translatable text
we wrote. Each invitation is small enough to do on an ordinary evening.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TouchKind:
    id: str
    label: Any
    invitation: Any


KINDS: tuple[TouchKind, ...] = (
    TouchKind(
        "hold_hands",
        _("Holding hands"),
        _("Hold hands for a few minutes today: on a short walk, or while you watch something."),
    ),
    TouchKind(
        "hug",
        _("A hug"),
        _("Share one slow hug today, long enough for both of you to breathe out."),
    ),
    TouchKind(
        "sit_close",
        _("Sitting close"),
        _("Sit close for a while this evening, shoulders touching, with phones put away."),
    ),
    TouchKind(
        "forehead_kiss",
        _("A kiss on the forehead"),
        _("When one of you leaves or comes home today, offer a kiss on the forehead."),
    ),
    TouchKind(
        "shoulder_rub",
        _("A back or shoulder rub"),
        _("Offer a few minutes of back or shoulder rub, and ask what pressure feels good."),
    ),
    TouchKind(
        "cuddle",
        _("Cuddling"),
        _("Find ten quiet minutes to cuddle, with nothing else expected of either of you."),
    ),
    TouchKind(
        "hand_on_arm",
        _("A hand on the arm or back in passing"),
        _("Rest a hand on your partner's arm or back for a moment as you pass each other."),
    ),
    TouchKind(
        "lean",
        _("Leaning on each other"),
        _("Lean into each other while you talk about your day, even just for a few minutes."),
    ),
)

BY_ID: dict[str, TouchKind] = {kind.id: kind for kind in KINDS}
CHOICES: list[tuple[str, Any]] = [(kind.id, kind.label) for kind in KINDS]


def invitation_for(
    *, challenge_id: Any, day: int, shared_kinds: frozenset[str]
) -> TouchKind | None:
    """Today's invitation: a kind both partners are open to, or None if there is none.

    Deterministic, so both partners see the same one all day and nothing needs
    storing; it depends only on the intersection, never on either side alone.
    """
    choices = sorted(kind for kind in shared_kinds if kind in BY_ID)
    if not choices:
        return None
    seed = f"{challenge_id}:{day}:{','.join(choices)}".encode()
    index = int.from_bytes(hashlib.sha256(seed).digest()[:8], "big") % len(choices)
    return BY_ID[choices[index]]
