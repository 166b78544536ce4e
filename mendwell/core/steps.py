"""The ten steps of the program, as the navigation and step pages show them.

The wording is ours. Each step lists the tools it will hold; a step whose
tools have not been built yet says so plainly on its page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Step:
    number: int
    title: str | Promise
    summary: str | Promise
    tools: tuple[str | Promise, ...]
    minutes: int  # a rough estimate of the time the step asks for, in all
    # The URL name of the step's tool page once it exists ("" while it is coming).
    tool_url_name: str = ""
    tool_label: str | Promise = ""
    # Further built tools, as (URL name, link text) pairs.
    more_tools: tuple[tuple[str, str | Promise], ...] = ()

    @property
    def page_title(self) -> str | Promise:
        # Page titles stay neutral: a step number, never the subject.
        return _("Step %(number)d") % {"number": self.number}


STEPS: tuple[Step, ...] = (
    Step(
        1,
        _("Honest acknowledgement"),
        _(
            "Look back without excuses. Note the moments you were absent, think about "
            "how they felt on the other side, and say so in your own words when you are ready."
        ),
        (_("A private log of what happened"), _("An acknowledgement you write and send")),
        60,
        tool_url_name="journal:list",
        tool_label=_("Open your private log"),
        more_tools=(("journal:ack_list", _("Write an acknowledgement")),),
    ),
    Step(
        2,
        _("Safe conversations"),
        _(
            "Talk about the hard things with a structure that keeps both of you safe: "
            "agreed ground rules, taking turns, and a pause either of you can call."
        ),
        (
            _("Guided conversations"),
            _("Questions you answer separately"),
            _("A gentle-wording coach"),
        ),
        120,
        tool_url_name="conversations:today",
        tool_label=_("Today's question"),
        more_tools=(("conversations:deck", _("Browse the questions")),),
    ),
    Step(
        3,
        _("Small daily acts"),
        _(
            "Trust comes back through small things done often. A short note, a kind "
            "act, a moment of attention — chosen from what your partner says they love."
        ),
        (_("Thinking of you"), _("Daily check-in"), _("A connection jar")),
        60,
    ),
    Step(
        4,
        _("Time together"),
        _("Protect time that belongs to the two of you, with phones away and nothing to rush to."),
        (_("Date ideas and plans"), _("Calendar reminders"), _("A phones-down timer")),
        90,
    ),
    Step(
        5,
        _("How you feel loved"),
        _(
            "People feel cared for in different ways. Tell each other what works for you, "
            "and listen to what your partner actually asks for."
        ),
        (_("Five ways of feeling loved, rated by each of you"), _("Your own list of what helps")),
        45,
    ),
    Step(
        6,
        _("Promises kept"),
        _(
            "Reassurance lands when it is followed by action. Make small, clear promises "
            "and let your partner see them kept."
        ),
        (_("A promise ledger"), _("Follow-through over time")),
        45,
    ),
    Step(
        7,
        _("Gentle affection"),
        _(
            "Closeness returns at its own pace. Only what both of you are comfortable with, "
            "and saying 'not now' is always fine."
        ),
        (_("Private comfort settings"), _("A seven-day invitation")),
        45,
    ),
    Step(
        8,
        _("Patience and progress"),
        _(
            "Change is slow and uneven. A short weekly check-in shows the trend honestly, "
            "and the good moments get written down."
        ),
        (_("Weekly check-in"), _("Small victories"), _("Your story so far")),
        60,
    ),
    Step(
        9,
        _("Support"),
        _(
            "Some things are easier with a professional beside you. Find help, and share "
            "exactly what you choose with a counsellor."
        ),
        (_("When to look for help"), _("Counsellor access you control"), _("A printable summary")),
        30,
    ),
    Step(
        10,
        _("Showing up daily"),
        _(
            "A calm daily rhythm: one small plan for today, reminders at your own time, and rest days."
        ),
        (_("Today's plan"), _("Reminders"), _("A weekly look back")),
        30,
    ),
)


def step_by_number(number: int) -> Step | None:
    for step in STEPS:
        if step.number == number:
            return step
    return None
