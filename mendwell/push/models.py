"""A device a person asked us to send reminders to.

Not shared content: a subscription is one person's own device record, only
ever read by its owner (and by the sender on their behalf). The endpoint is a
capability URL at the browser's push service; the keys let us encrypt what we
send so the push service cannot read it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class PushSubscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Unique: one browser profile is one device, held by whoever subscribed last.
    endpoint = models.URLField(max_length=500, unique=True)
    p256dh = models.CharField(max_length=100)  # base64url of a 65-byte P-256 point
    auth = models.CharField(max_length=32)  # base64url of a 16-byte secret
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"push subscription {self.pk}"
