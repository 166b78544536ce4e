"""A person's own marks on their daily plan: done, or not today.

Private to the person: never shown to the partner, never counted for anyone
else. The only thing built on them is the person's own gentle streak.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class MarkState(models.TextChoices):
    DONE = "done"
    NOT_TODAY = "not_today"


class TodayMark(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()  # the person's own local date
    key = models.CharField(max_length=32)
    state = models.CharField(max_length=16, choices=MarkState.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day", "key"], name="today_one_mark_per_item"),
        ]
        indexes = [models.Index(fields=["user", "-day"], name="today_user_recent_idx")]

    def __str__(self) -> str:
        return f"today mark {self.pk}"
