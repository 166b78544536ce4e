"""What a person is told, in the app and (if they chose it) by email.

A notification row holds only a kind (a key into ``core.notification_texts``)
and where to go: never anything anyone wrote, never a name. The words come
from the one linted place, so what reaches a lock screen or an inbox stays
content-neutral.
"""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=64)
    url_name = models.CharField(max_length=64, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    # The recipient's own state; never shown to anyone else (no read receipts).
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"],
                name="notify_unread_idx",
                condition=Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "-created_at"], name="notify_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"notification {self.pk}"


class ChannelChoice(models.Model):
    """How and when a person wants to hear from us.

    Something the partner did (a nudge) always shows in the app; reminders
    show there only if the person wants them to. Email and push wait out the
    quiet hours: nothing buzzes or lands in an inbox between ``quiet_from``
    and ``quiet_until`` (local wall times; the span may cross midnight).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    email = models.BooleanField(default=False)
    push = models.BooleanField(default=False)
    reminders_in_app = models.BooleanField(default=True)
    quiet_from = models.TimeField(null=True, blank=True)
    quiet_until = models.TimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"channels {self.pk}"

    def in_quiet_hours(self, local_time: time) -> bool:
        start, end = self.quiet_from, self.quiet_until
        if start is None or end is None or start == end:
            return False
        if start < end:
            return start <= local_time < end
        return local_time >= start or local_time < end  # e.g. 22:00 to 07:00
