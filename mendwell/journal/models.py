"""Step 1: the private log of moments a person was absent.

Entries are private and stay private: they are never shared, only used as
notes for an acknowledgement the person writes themselves. Every text field
(and the tags) is encrypted; only the date, needed to filter by period, is in
clear.
"""

from __future__ import annotations

import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
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
