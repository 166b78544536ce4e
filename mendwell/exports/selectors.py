"""Reads for the export page: the person's own latest job, nobody else's."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from mendwell.exports.models import ExportJob, Status


def latest_job_for(user: Any) -> ExportJob | None:
    return ExportJob.objects.filter(owner=user).order_by("-created_at").first()


def downloadable(job: ExportJob | None) -> bool:
    return (
        job is not None
        and job.status == Status.READY
        and job.used_at is None
        and bool(job.file_name)
        and job.expires_at is not None
        and job.expires_at > timezone.now()
    )
