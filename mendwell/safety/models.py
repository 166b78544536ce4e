"""A person's private safety check and the state it leads to.

Everything here belongs to one person and is never shown to anyone else. The
answers and the pathway/pause flags are encrypted like any text a person
writes, so even a database dump does not say who is on the safety pathway;
only the timestamps the scheduler needs are stored in clear.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from mendwell.core.fields import EncryptedTextField
from mendwell.core.models import PublicIdModel


class SafetyCheck(PublicIdModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_checks"
    )
    version = models.PositiveSmallIntegerField()
    answers_json = EncryptedTextField(default="{}")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"safety check {self.id}"

    @property
    def answers(self) -> dict[str, str]:
        loaded: dict[str, str] = json.loads(self.answers_json or "{}")
        return loaded


class SafetyState(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_state"
    )
    flags_json = EncryptedTextField(default="{}")
    check_completed_at = models.DateTimeField(null=True, blank=True)
    check_skipped_at = models.DateTimeField(null=True, blank=True)
    # The scheduler's due column: when the private re-check comes back.
    next_check_due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    check_requested_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"safety state {self.pk}"

    @property
    def flags(self) -> dict[str, Any]:
        loaded: dict[str, Any] = json.loads(self.flags_json or "{}")
        return loaded

    @property
    def on_pathway(self) -> bool:
        return bool(self.flags.get("pathway"))

    @property
    def paused_by_choice(self) -> bool:
        return bool(self.flags.get("paused"))

    @property
    def pauses_program(self) -> bool:
        return self.on_pathway or self.paused_by_choice
