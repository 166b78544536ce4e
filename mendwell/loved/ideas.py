"""A few small ideas, in our words, each tagged with the ways it speaks to.

Shown on the partner page, ranked by ``suggestions.rank_for_partner``; other
apps bring their own candidates (jar acts, date ideas) to the same rule.

There are no touch ideas here on purpose: suggesting touch is step 7's, which
offers only what both partners said they are open to (EVIDENCE.md A4). A high
touch rating still shows in the partner's shared ratings for them to talk about.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Idea:
    key: str
    text_lazy: object
    ways: tuple[str, ...]

    @property
    def text(self) -> str:
        return str(self.text_lazy)


IDEAS: tuple[Idea, ...] = (
    Idea(
        "note",
        _("Leave a short note saying one thing you appreciated today."),
        ("words_of_affirmation",),
    ),
    Idea(
        "thanks",
        _("Thank them out loud for something they usually do unnoticed."),
        ("words_of_affirmation",),
    ),
    Idea(
        "chore",
        _("Take over a chore they dislike this week, without being asked."),
        ("acts_of_service",),
    ),
    Idea("errand", _("Run an errand that has been sitting on their list."), ("acts_of_service",)),
    Idea("treat", _("Bring home a small treat you know they like."), ("gifts",)),
    Idea(
        "keepsake",
        _("Keep an eye out for something small that made you think of them."),
        ("gifts",),
    ),
    Idea("walk", _("Go for a walk together, phones left at home."), ("quality_time",)),
    Idea(
        "dinner",
        _("Cook dinner together and eat it at the table."),
        ("quality_time", "acts_of_service"),
    ),
)
