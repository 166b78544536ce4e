"""Stored answers to create requests, so a retried POST creates nothing twice."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models

from mendwell.core.fields import EncryptedTextField

# How long a client may retry with the same Idempotency-Key.
IDEMPOTENCY_WINDOW = timedelta(hours=24)


class IdempotencyRecord(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=500)
    # Keyed hash (HMAC-SHA-256) of the request: the same key with another body is refused.
    body_hash = models.CharField(max_length=64)
    # 0 while the first request is still running.
    status = models.PositiveSmallIntegerField(default=0)
    # The original answer holds what the person wrote, so it is sealed like the rest.
    response_body = EncryptedTextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="api_one_record_per_key"),
        ]

    def __str__(self) -> str:
        return f"idempotency record {self.pk}"
