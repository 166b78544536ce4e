"""Step 6: the promise ledger.

A promise ("I will … by …") is made to the partner and shared in the couple, so
the partner can say, for each time it fell due, whether it was kept. Someone
using Mendwell alone keeps private promises to themselves and marks them
themselves. The words are encrypted; only the times (needed to find what is due,
and later to send reminders) are in clear.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.core.models import PublicIdModel
from mendwell.couples.access import SharedContent

TEXT_LIMIT = 2_000
KIND_WORD_LIMIT = 1_000
# A recurring promise is a week or a few, not a life sentence: small promises rebuild trust.
MAX_OCCURRENCES = 31


class Recurrence(models.TextChoices):
    NONE = "none", _("Once")
    DAILY = "daily", _("Every day")
    WEEKLY = "weekly", _("Every week")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    RENEGOTIATED = "renegotiated", _("Renegotiated")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DONE = "done", _("Done")


class Mark(models.TextChoices):
    KEPT = "kept", _("Kept")
    NOT_YET = "not_yet", _("Not yet")


class Promise(SharedContent):
    text = EncryptedTextField()
    # As the author chose them, in their own zone; each occurrence holds the UTC instant.
    due_on = models.DateField(null=True, blank=True)
    due_time = models.TimeField(null=True, blank=True)
    time_zone = models.CharField(max_length=64, default="UTC")
    recurrence = models.CharField(max_length=8, choices=Recurrence.choices, default=Recurrence.NONE)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    # Renegotiation makes a new promise pointing at the old one; both stay in history.
    replaces = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaced_by"
    )
    withdraw_note = EncryptedTextField(blank=True, default="")
    # When it stopped being active (renegotiated or withdrawn): later occurrences no longer count.
    closed_at = models.DateTimeField(null=True, blank=True)

    export_fields = ("text", "due_on", "due_time", "recurrence", "status", "withdraw_note")
    export_label = _("Promise")
    grant_category = "promises.promise"  # a client may grant it to their counsellor

    class Meta:
        indexes = [
            models.Index(fields=["author", "-created_at"], name="promises_author_recent_idx"),
            models.Index(fields=["couple", "-created_at"], name="promises_couple_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"promise {self.id}"

    @property
    def is_active(self) -> bool:
        return self.status == Status.ACTIVE

    def export_dict(self) -> dict[str, Any]:
        # Each time it fell due, with the partner's mark and kind word: they were written for
        # the author, like an answer to an acknowledgement.
        data = super().export_dict()
        if self.replaces_id is not None:
            data["replaces"] = str(self.replaces_id)
        data["occurrences"] = [
            {
                "due": occurrence.due_at.isoformat() if occurrence.due_at else None,
                "mark": occurrence.mark,
                "kind_word": occurrence.kind_word,
            }
            for occurrence in self.occurrences.order_by("seq")
        ]
        return data


class PromiseOccurrence(PublicIdModel):
    """One time a promise falls due; the partner marks it (re-marking keeps the latest)."""

    encryption_owner = "promise.author"

    promise = models.ForeignKey(Promise, on_delete=models.CASCADE, related_name="occurrences")
    seq = models.PositiveSmallIntegerField()
    # UTC; None for a promise with no date. Indexed for the reminders to come (due-time column).
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    mark = models.CharField(max_length=8, choices=Mark.choices, blank=True, default="")
    kind_word = EncryptedTextField(blank=True, default="")
    marked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["promise", "seq"], name="promises_occurrence_seq"),
        ]
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"occurrence {self.seq} of {self.promise_id}"

    @property
    def is_kept(self) -> bool:
        return self.mark == Mark.KEPT
