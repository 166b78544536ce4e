"""Writes for notifications: record one in the app, and send the email the
person chose, after the surrounding transaction commits."""

from __future__ import annotations

from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone, translation

from mendwell.core.notification_texts import MESSAGES, sender_name
from mendwell.notify.models import ChannelChoice, Notification


def notify(*, user: Any, kind: str, url_name: str = "") -> Notification:
    if kind not in MESSAGES:
        raise ValueError(f"No notification text for {kind!r}: add it to core/notification_texts.py")
    notification = Notification.objects.create(recipient=user, kind=kind, url_name=url_name)
    if ChannelChoice.objects.filter(user=user, email=True).exists():
        from mendwell.notify.tasks import send_notification_email

        # Enqueued only once the notification is saved for good: a rolled-back
        # write never sends anything.
        transaction.on_commit(lambda: send_notification_email.enqueue(notification.pk))
    return notification


def email_send(notification: Notification) -> bool:
    """Send the content-neutral email for one notification. Returns whether it went."""
    user = notification.recipient
    message = MESSAGES[notification.kind]
    _name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    with translation.override(getattr(user, "locale", None) or settings.LANGUAGE_CODE):
        email = EmailMessage(
            subject=str(message.title),
            body=f"{message.body}\n",
            from_email=formataddr((sender_name(discreet=bool(user.discreet_mode)), address)),
            to=[user.email],
        )
    return bool(email.send())


def mark_all_read(*, user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def channels_set(*, user: Any, email: bool) -> ChannelChoice:
    choice, _created = ChannelChoice.objects.update_or_create(user=user, defaults={"email": email})
    return choice
