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
    # Security alerts, in the app only (their email is the generic "security.alert"
    # above): the kind of change, never who made it or anything about the content.
    "security.new_device": Message(
        _("New sign-in"),
        _("Your account was opened in a new browser. Not you? See your devices."),
    ),
    "security.password_changed": Message(
        _("Password changed"), _("Your password was changed. Not you? Reset it now.")
    ),
    "security.email_changed": Message(
        _("Email address changed"),
        _("The email addresses on your account changed. Not you? See your devices."),
    ),
    "security.mfa_changed": Message(
        _("Sign-in steps changed"),
        _("Your two-step sign-in settings changed. Not you? See your devices."),
    ),
    "security.export_created": Message(
        _("Copy made"), _("A copy of your data was made. Not you? See your devices.")
    ),
    "security.counsellor_granted": Message(
        _("Access given"),
        _("Someone you invited can now see more of your items. Not you? See your devices."),
    ),
    "security.couple_left": Message(
        _("Link ended"),
        _("Your account is no longer linked with another. Not you? See your devices."),
    ),
    "security.sign_in_blocked": Message(
        _("Sign-ins paused"),
        _("Too many wrong passwords were tried for your account. Not you? Change your password."),
    ),
    "export.ready": Message(_("Your file is ready"), _("What you asked for can be downloaded.")),
}


def sender_name(*, discreet: bool) -> str:
    return str(DISCREET_APP_NAME) if discreet else APP_NAME
