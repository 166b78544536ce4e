"""Step 1: the private log of moments a person was absent.

Entries are private and stay private: they are never shared, only used as
notes for an acknowledgement the person writes themselves. Every text field
(and the tags) is encrypted; only the date, needed to filter by period, is in
clear.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.core.models import PublicIdModel
from mendwell.couples.access import SharedContent

TEXT_LIMIT = 10_000

TAGS = {
    "time": _("Time"),
    "attention": _("Attention"),
    "affection": _("Affection"),
    "promises": _("Promises"),
    "support": _("Support"),
}


class LogEntry(SharedContent):
    happened_on = models.DateField(null=True, blank=True)
    rough_period = EncryptedTextField(blank=True, default="")
    what_happened = EncryptedTextField()
    impact = EncryptedTextField(blank=True, default="")
    differently = EncryptedTextField(blank=True, default="")
    tags_json = EncryptedTextField(default="[]")
    # Optimistic concurrency: two tabs editing the same entry never overwrite silently.
    version = models.PositiveIntegerField(default=1)

    export_fields = ("happened_on", "rough_period", "what_happened", "impact", "differently")
    export_label = _("Log entry")

    class Meta:
        indexes = [
            # The list is always one author's entries, newest first.
            models.Index(fields=["author", "-created_at"], name="journal_author_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"log entry {self.id}"

    @property
    def tags(self) -> list[str]:
        loaded: list[str] = json.loads(self.tags_json or "[]")
        return loaded

    @property
    def tag_labels(self) -> list[str]:
        return [str(TAGS[tag]) for tag in self.tags if tag in TAGS]


class Acknowledgement(SharedContent):
    """An acknowledgement thread, written from one's own log entries.

    The three prompt fields hold the current draft, which only the author ever
    sees (a thread is private until first sent; after that the partner sees the
    sent copies, never the draft being revised). The log entries it was built
    from stay private: the link exists for the author's own reference.
    """

    own_it = EncryptedTextField(blank=True, default="")
    impact = EncryptedTextField(blank=True, default="")
    change = EncryptedTextField(blank=True, default="")
    # Optimistic concurrency, like LogEntry; also tells a resend from a double submit.
    version = models.PositiveIntegerField(default=1)
    entries = models.ManyToManyField(LogEntry, blank=True, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    export_label = _("Acknowledgement")

    class Meta:
        indexes = [
            models.Index(fields=["author", "-created_at"], name="journal_ack_author_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"acknowledgement {self.id}"

    @property
    def latest_copy(self) -> AcknowledgementSent | None:
        copies = list(self.sent_copies.all())  # prefetched by the list selectors
        return copies[-1] if copies else None

    def export_dict(self) -> dict[str, Any]:
        # Only what was sent: a partner's download must never hold a draft.
        data = super().export_dict()
        for copy in self.sent_copies.order_by("number"):
            data[f"sent_{copy.number}"] = "\n\n".join((copy.own_it, copy.impact, copy.change))
        return data


class AcknowledgementSent(PublicIdModel):
    """One copy as it was sent: the history the partner reads. Never edited."""

    encryption_owner = "thread.author"

    thread = models.ForeignKey(
        Acknowledgement, on_delete=models.CASCADE, related_name="sent_copies"
    )
    number = models.PositiveIntegerField()
    own_it = EncryptedTextField()
    impact = EncryptedTextField()
    change = EncryptedTextField()
    # The draft version this copy was made from: sending the same version twice makes one copy.
    draft_version = models.PositiveIntegerField()
    sent_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "number"], name="journal_ack_sent_number"),
        ]
        ordering = ["number"]

    def __str__(self) -> str:
        return f"sent copy {self.number} of {self.thread_id}"


class ResponseKind(models.TextChoices):
    HEARD = "heard", _("I feel heard")
    NOT_YET = "not_yet", _("Not yet")


class AcknowledgementResponse(SharedContent):
    """The partner's answer to one sent copy, shared back with the writer.

    An answer is never edited. Changing it adds a new row and stamps the one it
    replaces with ``superseded_at``, so both partners can read how the answer
    moved, with dates, the way the sent copies keep the history of the writing.
    """

    # The answer is the answerer's own words: when the writer deletes the thread
    # (or their account) it stays with the answerer, pointing at nothing.
    thread = models.ForeignKey(
        Acknowledgement, on_delete=models.SET_NULL, null=True, related_name="responses"
    )
    sent = models.ForeignKey(
        AcknowledgementSent, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=ResponseKind.choices)
    missing = EncryptedTextField(blank=True, default="")
    # Set when a newer answer from the same person replaced this one; None for the answer standing.
    superseded_at = models.DateTimeField(null=True, blank=True)

    export_fields = ("kind", "missing")
    export_label = _("Answer to an acknowledgement")

    class Meta:
        constraints = [
            # One standing answer per person per copy: a double submit makes one, and a
            # change leaves exactly one answer current (the replaced ones are history).
            models.UniqueConstraint(
                fields=["sent", "author"],
                condition=models.Q(superseded_at__isnull=True),
                name="journal_ack_one_current_answer",
            ),
        ]
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"answer {self.id}"

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    def export_dict(self) -> dict[str, Any]:
        data = super().export_dict()
        if self.superseded_at is not None:
            data["replaced_on"] = self.superseded_at.date().isoformat()
        return data
