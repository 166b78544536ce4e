from __future__ import annotations

from django.db import models

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent


class Note(SharedContent):
    title = models.CharField(max_length=100, default="")
    body = EncryptedTextField(default="")

    export_fields = ("title", "body")
    export_label = "Note"
    grant_category = "gatekeeper.note"

    def __str__(self) -> str:
        return f"note {self.id}"
