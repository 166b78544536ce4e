"""A person's export jobs, and the exports they have imported.

``ExportJob`` holds no content: who asked, what they chose, where the sealed
file lies and a SHA-256 of the one-time download token (the raw token lives
only in the asker's session). A partial unique constraint keeps at most one
job in flight per person, so two requests at once make one job.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# How long a finished export waits for its one download.
DOWNLOAD_LIFETIME = timedelta(hours=24)


class Status(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being made")
    READY = "ready", _("Ready to download")
    FAILED = "failed", _("Could not be made")
    CANCELLED = "cancelled", _("Cancelled")


IN_FLIGHT = (Status.PENDING, Status.RUNNING)


class ExportJob(models.Model):
    # Random, because the id travels in the export file (``export_id``).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    include_shared = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A random name under DATA_DIR/exports; empty until written and after the purge.
    file_name = models.CharField(max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(status__in=["pending", "running"]),
                name="exports_one_job_in_flight_per_person",
            )
        ]
        indexes = [
            # The purge looks only at jobs that still have a file on disk.
            models.Index(
                fields=["expires_at"],
                condition=~Q(file_name=""),
                name="exports_job_with_file",
            )
        ]

    def __str__(self) -> str:
        return f"export job {self.pk} ({self.status})"

    @property
    def in_flight(self) -> bool:
        return self.status in IN_FLIGHT


class ImportedExport(models.Model):
    """An export already brought into this account: the same file twice adds nothing."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    export_id = models.UUIDField()
    imported_at = models.DateTimeField(auto_now_add=True)
    item_count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "export_id"], name="exports_import_once_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"imported export {self.export_id}"
