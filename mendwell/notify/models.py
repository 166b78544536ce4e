"""What a person is told, in the app and (if they chose it) by email.

A notification row holds only a kind (a key into ``core.notification_texts``)
and where to go: never anything anyone wrote, never a name. The words come
from the one linted place, so what reaches a lock screen or an inbox stays
content-neutral.
"""

from __future__ import annotations

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
    """The channels a person chose beyond the app itself."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    email = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"channels {self.pk}"
