"""Housekeeping tasks for the queue itself."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from mendwell.core.scheduler import periodic

FINISHED_RESULT_RETENTION = timedelta(days=7)


@periodic(every=timedelta(hours=6), name="core.prune_task_results")
@task()
def prune_task_results() -> int:
    """Finished task rows are only bookkeeping: keep a week for debugging."""
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - FINISHED_RESULT_RETENTION
    deleted, _ = DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()
    return deleted


@periodic(every=timedelta(hours=1), name="core.purge_shredded_accounts")
@task()
def purge_shredded_accounts() -> int:
    """Accounts restored from an old backup after they were deleted: remove them."""
    from mendwell.core.shredding import purge_shredded_accounts as purge

    return purge()
