"""The export task, and the hourly purge of files nobody may download any more."""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from mendwell.core.scheduler import periodic
from mendwell.exports import services


@task()
def build_export(job_id: str) -> str:
    return services.export_build(job_id=job_id)


@periodic(every=timedelta(hours=1), name="exports.purge_exports")
@task()
def purge_exports() -> int:
    return services.export_purge()
