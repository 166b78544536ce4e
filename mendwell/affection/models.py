"""Step 7: consent-first affection.

Nothing here counts anything. There is no record of a "not now", of a day
done, or of how often anyone touched: a person's choices live in their own
private row, today's answer lives only in their session, and the one written
record is a note its writer chooses to keep (and, if they want, to share).
"""

from __future__ import annotations

import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent

NOTE_LIMIT = 5_000
CHALLENGE_DAYS = 7


class AffectionProfile(SharedContent):
    """One person's private choice to see affection tools, and what touch they're open to.

    The row existing (for the person's current couple) *is* the opt-in; opting
    out deletes it, comfort settings included. Always private: the partner's
    page only ever learns whether both have opted in, never this row.
    """

    # Ids from catalogue.KINDS, as a JSON list; encrypted because it is intimate.
    open_kinds_json = EncryptedTextField(default="[]")

    export_label = _("Affection choices")

    class Meta:
        constraints = [
            # One row per person: opting in twice (two tabs, a double tap) makes one.
            models.UniqueConstraint(fields=["author"], name="affection_one_profile_per_person"),
        ]

    def __str__(self) -> str:
        return f"affection profile {self.id}"

    @property
    def open_kinds(self) -> frozenset[str]:
        return frozenset(json.loads(self.open_kinds_json or "[]"))

    def export_dict(self) -> dict[str, object]:
        data = super().export_dict()
        data["open_kinds"] = sorted(self.open_kinds)
        return data


class TouchChallenge(SharedContent):
    """The couple's seven-day challenge: dates only, never who did or declined what.

    ``author`` is whoever pressed start; it is never shown. Who paused is not
    stored at all. Resuming moves ``started_on`` on by the paused days, so the
    day number picks up where it stopped without storing it.
    """

    started_on = models.DateField()
    paused_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    export_fields = ("started_on", "ended_on")
    export_label = _("Touch challenge")

    class Meta:
        constraints = [
            # One running challenge per couple: two partners pressing start make one.
            models.UniqueConstraint(
                fields=["couple"],
                condition=models.Q(ended_on__isnull=True),
                name="affection_one_running_challenge",
            ),
        ]

    def __str__(self) -> str:
        return f"touch challenge {self.id}"


class AffectionNote(SharedContent):
    """The only record: what a partner chose to write down, private unless they share it."""

    text = EncryptedTextField()

    export_fields = ("text",)
    export_label = _("Affection note")

    class Meta:
        indexes = [
            models.Index(fields=["couple", "-created_at"], name="affection_note_recent_idx"),
        ]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"affection note {self.id}"
