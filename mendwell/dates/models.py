"""Planned time together, and the private calendar feeds that carry it.

A plan keeps its local date, local time and IANA zone (not a UTC instant):
a weekly date at 19:00 stays at 19:00 across daylight-saving changes. What a
calendar shows is always content-neutral ("Time together"), because calendars
are seen by others.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent

NOTE_LIMIT = 1_000


class Repeat(models.TextChoices):
    NONE = "none", _("Just once")
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every two weeks")
    MONTHLY = "monthly", _("Every month")


class DatePlan(SharedContent):
    idea_id = models.CharField(max_length=16, blank=True, default="")
    note = EncryptedTextField(blank=True, default="")
    starts_on = models.DateField()
    start_time = models.TimeField()
    time_zone = models.CharField(max_length=64)
    duration_minutes = models.PositiveIntegerField(default=90)
    repeat = models.CharField(max_length=16, choices=Repeat.choices, default=Repeat.NONE)
    repeat_until = models.DateField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # RFC 5545 SEQUENCE: calendar apps replace their copy when it goes up.
    revision = models.PositiveIntegerField(default=0)

    export_fields = ("starts_on", "start_time", "time_zone", "repeat", "repeat_until", "note")
    export_label = _("Date")

    class Meta:
        indexes = [models.Index(fields=["couple", "starts_on"], name="dates_couple_day_idx")]

    def __str__(self) -> str:
        return f"date {self.id}"


class CalendarFeed(models.Model):
    """A person's private calendar URL. Only a hash of its token is stored;
    revoking it (or making a new one) makes the old URL answer 404."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"calendar feed {self.pk}"


class Reflection(SharedContent):
    """A short look back after time together: private unless its author shares it."""

    # The reflection is its author's: it outlives the plan (the partner may delete
    # the plan, or their account), pointing at nothing.
    plan = models.ForeignKey(DatePlan, on_delete=models.SET_NULL, null=True, related_name="+")
    day = models.DateField()
    connected = models.PositiveSmallIntegerField()
    repeat_text = EncryptedTextField(blank=True, default="")

    export_fields = ("day", "connected", "repeat_text")
    export_label = _("Reflection after a date")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "plan", "day"], name="dates_one_reflection_a_day"
            ),
            models.CheckConstraint(
                condition=models.Q(connected__gte=1, connected__lte=5),
                name="dates_connected_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"reflection {self.id}"
