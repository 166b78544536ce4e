"""Every text Mendwell sends outside the app, in one place.

Emails, push messages and calendar entries can be seen by someone else: on a
lock screen, in a shared inbox, on a family calendar. So every one of them is
content-neutral: no partner name, nothing anyone wrote, and none of the words
in ``DENYLIST``. New notification texts are added here and nowhere else;
``mendwell/core/tests/test_notification_texts.py`` lints them all, together
with every email template.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

APP_NAME = "Mendwell"
# Discreet mode: the installed app, its icon and the email sender look ordinary.
DISCREET_APP_NAME = _("Notes")

# Words that must never appear in anything sent outside the app.
DENYLIST = (
    "neglect",
    "abuse",
    "therapy",
    "therapist",
    "counsell",
    "counsel",
    "trust",
    "relationship problem",
    "safety check",
    "partner",
    "violence",
)


@dataclass(frozen=True)
class Message:
    title: str | Promise  # email subject, push title, calendar summary
    body: str | Promise


MESSAGES: dict[str, Message] = {
    "reminder.daily": Message(_("A moment for today"), _("Your plan for today is ready.")),
    "reminder.check_in": Message(_("A moment for you"), _("A minute to note how today feels.")),
    "reminder.date": Message(_("Time together"), _("Something is planned for today.")),
    "reminder.weekly": Message(_("A moment for the week"), _("A few minutes to look back.")),
    "nudge.received": Message(_("A note for you"), _("Someone is thinking of you.")),
    "counsel.note": Message(_("Something new for you"), _("A new note is waiting for you.")),
    "calendar.date": Message(_("Time together"), _("Time set aside.")),
    "security.alert": Message(
        _("Account activity"), _("There was a change to your account. Sign in to see it.")
    ),
}


def sender_name(*, discreet: bool) -> str:
    return str(DISCREET_APP_NAME) if discreet else APP_NAME
