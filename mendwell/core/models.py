"""Building blocks shared by every app, and the scheduler's bookkeeping.

``core`` holds no domain models: only abstract bases and the rows the
scheduler loop uses to claim periodic work.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicIdModel(models.Model):
    """Random UUID primary keys: ids reveal neither order nor count."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class PeriodicJob(models.Model):
    """One row per global periodic job; ``next_run_at`` is claimed by a
    conditional UPDATE so several schedulers never enqueue the same run twice.
    """

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField(db_index=True)
    last_enqueued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("periodic job")

    def __str__(self) -> str:
        return self.name
