"""Writes for notifications: record one in the app, and queue the email and push
the person chose, in the same transaction as the write that caused them."""

from __future__ import annotations

from datetime import time
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation

from mendwell.core.notification_texts import MESSAGES, sender_name
from mendwell.core.zones import local_now
from mendwell.notify.models import ChannelChoice, Notification


def notify(
    *, user: Any, kind: str, url_name: str = "", reminder: bool = False
) -> Notification | None:
    """Tell ``user`` that something is waiting, by the channels they chose.

    Something the partner did always shows in the app; a reminder shows there
    only if the person wants reminders in the app. Email and push are never
    sent during the person's quiet hours. Their task rows are written in the
    surrounding transaction (the task queue lives in the same database), not
    on commit: they commit with the write or not at all, so a rolled-back write
    sends nothing, and a failure while queueing them is not a saved write
    behind an error page with its email and push lost.
    """
    if kind not in MESSAGES:
        raise ValueError(f"No notification text for {kind!r}: add it to core/notification_texts.py")
    choice = ChannelChoice.objects.filter(user=user).first() or ChannelChoice(user=user)
    notification = None
    if not reminder or choice.reminders_in_app:
        notification = Notification.objects.create(recipient=user, kind=kind, url_name=url_name)
    if choice.in_quiet_hours(local_now(user).time()):
        return notification
    if choice.email:
        from mendwell.notify.tasks import send_email

        send_email.enqueue(user.pk, kind)
    if choice.push:
        from mendwell.push.selectors import push_available
        from mendwell.push.tasks import send_push

        if not push_available():
            return notification

        url = reverse(url_name) if url_name else reverse("today")
        send_push.enqueue(user.pk, kind, url)
    return notification


def email_send(notification: Notification) -> bool:
    """Send the content-neutral email for one notification. Returns whether it went."""
    return email_kind_send(user=notification.recipient, kind=notification.kind)


def email_kind_send(*, user: Any, kind: str) -> bool:
    """Send the content-neutral email for ``kind``. Returns whether it went."""
    message = MESSAGES[kind]
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


def channels_set(
    *,
    user: Any,
    email: bool,
    push: bool | None = None,
    reminders_in_app: bool | None = None,
    quiet_from: time | None = None,
    quiet_until: time | None = None,
    quiet_hours: bool = False,
) -> ChannelChoice:
    """Save the person's channels; ``quiet_hours=True`` also saves the quiet span."""
    defaults: dict[str, Any] = {"email": email}
    if push is not None:
        defaults["push"] = push
    if reminders_in_app is not None:
        defaults["reminders_in_app"] = reminders_in_app
    if quiet_hours:
        defaults["quiet_from"] = quiet_from
        defaults["quiet_until"] = quiet_until
    choice, _created = ChannelChoice.objects.update_or_create(user=user, defaults=defaults)
    return choice
