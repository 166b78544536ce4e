"""Step 8's rows: a person's pulse answers, the baseline they skipped, and what they share.

* ``PulseResponse``: one set of answers to one instrument version. ``weekly``
  rows are one per person, instrument and local week (Monday) by constraint,
  so a second pulse in a week replaces the first instead of adding a row;
  ``baseline`` rows are one per person and instrument. Private by default.
  ``shared_answers`` holds only the answers the owner consented to show, kept
  in step by the sharing service: the partner's view and the "shared with me"
  download read that field alone, through the access gate, so an answer the
  owner did not consent to never leaves their own pages.
* ``BaselineSkip``: the person chose "skip for now" (EVIDENCE §C3: the skip is
  recorded, not silently assumed).
* ``PulseSharing``: the owner's per-measure choice, made in one couple space so
  a new couple starts unshared.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mendwell.couples.access import SharedContent


class Kind(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    WEEKLY = "weekly", _("Weekly pulse")


class PulseResponse(SharedContent):
    instrument_id = models.CharField(max_length=64)
    instrument_version = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    week_of = models.DateField(help_text="Monday of the person's local week")
    answers = models.JSONField()
    shared_answers = models.JSONField(default=dict, blank=True)
    replaced_at = models.DateTimeField(null=True, blank=True)

    # Not "kind": export_dict uses that key for the model name.
    export_fields = ("week_of", "instrument_id", "shared_answers")
    export_label = _("Pulse answers")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "instrument_id", "week_of"],
                condition=Q(kind="weekly"),
                name="progress_one_weekly_pulse_per_week",
            ),
            models.UniqueConstraint(
                fields=["author", "instrument_id"],
                condition=Q(kind="baseline"),
                name="progress_one_baseline_per_instrument",
            ),
        ]
        indexes = [models.Index(fields=["author", "week_of"])]

    def __str__(self) -> str:
        return f"pulse {self.pk}"


class BaselineSkip(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    skipped_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"baseline skipped {self.pk}"


class PulseSharing(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey("couples.Couple", on_delete=models.CASCADE, related_name="+")
    item_ids = models.JSONField(default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "couple"], name="progress_one_sharing_per_couple"
            )
        ]

    def __str__(self) -> str:
        return f"pulse sharing {self.pk}"
