"""Security alerts to the account owner only: content-free, in the app and by email.

Who is told: the account's owner, never the partner, a counsellor or staff.
What they are told: in the app (behind sign-in), which kind of change it was;
by email, one generic line for every kind ("there was a change to your
account"), because a mailbox may be read by someone else, and "an export was
made" or "you left the couple" is exactly what a controlling partner must not
learn from it.

Email always goes, whatever channels the person chose and even in their
quiet hours: someone who got into the account could switch email off first,
and the owner would then never hear of it. Push is not used: a lock screen is
the most public place there is, and the email already reaches them. Changes
that allauth already emails about (password, email address, second factor,
``ACCOUNT_EMAIL_NOTIFICATIONS``) get the in-app note only, so nobody receives
two emails for one change.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Literal

from django.utils import timezone

from mendwell.notify.models import Notification
from mendwell.notify.tasks import send_email

AlertKind = Literal[
    "new_device",
    "password_changed",
    "email_changed",
    "mfa_changed",
    "export_created",
    "counsellor_granted",
    "couple_left",
    "sign_in_blocked",
]

# allauth sends its own (neutral, linted) email for these.
EMAILED_BY_ALLAUTH = frozenset({"password_changed", "email_changed", "mfa_changed"})
# The one text every security email carries (core/notification_texts.py).
EMAIL_KIND = "security.alert"
# Where the in-app note leads: the page that lists devices and recent alerts.
ALERT_URL_NAME = "security:devices"
REPEAT_WINDOW = timedelta(minutes=1)
# A blocked sign-in repeats on every try while the block lasts: tell once an hour.
REPEAT_WINDOWS = {"sign_in_blocked": timedelta(hours=1)}


def notification_kind(kind: str) -> str:
    return f"security.{kind}"


def security_alert(user: Any, kind: AlertKind) -> None:
    """Tell this person (and nobody else) that something changed on their account."""
    send_alert(user, kind, email=kind not in EMAILED_BY_ALLAUTH)


def send_alert(user: Any, kind: str, *, email: bool) -> None:
    """The in-app note, and the generic email when ``email``, queued in the same
    transaction (so a failure while queueing it leaves no committed change
    behind an error page, nor skips the ``on_commit`` work queued after it).

    One change can fire several signals (an authenticator app and its
    recovery codes are two "added" events): the same kind within a minute
    is one note and one email.
    """
    recently = timezone.now() - REPEAT_WINDOWS.get(kind, REPEAT_WINDOW)
    if Notification.objects.filter(
        recipient=user, kind=notification_kind(kind), created_at__gte=recently
    ).exists():
        return
    Notification.objects.create(
        recipient=user, kind=notification_kind(kind), url_name=ALERT_URL_NAME
    )
    if email and user.email:
        send_email.enqueue(user.pk, EMAIL_KIND)
