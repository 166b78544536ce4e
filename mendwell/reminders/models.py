"""Reminder times each person chose, and the record that one was delivered.

``Reminder.next_due_at`` is the scheduler's whole world: a UTC instant kept
up to date from the person's wall-clock choice and time zone, null while the
reminder is off. The partial index holds only the rows that are on, so
finding what is due costs the same however many people have reminders.
``ReminderDelivery`` is the idempotency key: one row per person, kind and
local day, so a reminder is delivered at most once that day whatever the
number of schedulers and workers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    DAILY_PLAN = "daily_plan", _("Today's plan")
    CHECK_IN = "check_in", _("Daily check-in")
    DATE = "date", _("On a day with a date planned")
    WEEKLY = "weekly", _("Weekly look back")


class Reminder(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    enabled = models.BooleanField(default=False)
    at = models.TimeField()  # local wall time in the person's own zone
    weekday = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 = Monday; weekly only
    next_due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="reminder_one_per_kind"),
        ]
        indexes = [
            models.Index(
                fields=["next_due_at"],
                name="reminder_due_idx",
                condition=Q(next_due_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"reminder {self.pk}"


class ReminderDelivery(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    local_date = models.DateField()
    delivered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "local_date"], name="reminder_delivered_once_a_day"
            ),
        ]

    def __str__(self) -> str:
        return f"delivery {self.pk}"
