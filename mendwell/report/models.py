"""A single-use download link for a person's progress report.

Only a SHA-256 hash of the token is stored (like the calendar feed and the
counsellor invitation): the raw token is shown once, on the page that made
it. The link works for its owner only, once, for 24 hours.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models

LINK_LIFETIME = timedelta(hours=24)


class ReportLink(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    # What the person chose to include (parts and a date range); no content is kept here.
    choices = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"report link {self.pk}"
