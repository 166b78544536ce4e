"""Thinking of you: a warm nudge to the partner, with an optional short note."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent

NOTE_LIMIT = 280
DAILY_LIMIT = 10


class Nudge(SharedContent):
    """Always shared in the couple it was sent in; the partner is the recipient."""

    note = EncryptedTextField(blank=True, default="")

    export_fields = ("note",)
    export_label = _("Thinking of you")

    class Meta:
        indexes = [models.Index(fields=["author", "-created_at"], name="nudges_author_recent_idx")]

    def __str__(self) -> str:
        return f"nudge {self.id}"
