from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mendwell.core.models import PeriodicJob
from mendwell.core.scheduler import enqueue_due_jobs

pytestmark = pytest.mark.django_db


def test_a_due_job_is_enqueued_once_however_often_the_scheduler_looks():
    now = timezone.now()
    assert "core.prune_task_results" in enqueue_due_jobs(now=now)
    assert enqueue_due_jobs(now=now) == []
    assert enqueue_due_jobs(now=now + timedelta(minutes=5)) == []
    assert DBTaskResult.objects.filter(task_path__endswith="prune_task_results").count() == 1


def test_the_job_comes_round_again_after_its_interval():
    now = timezone.now()
    enqueue_due_jobs(now=now)
    assert "core.prune_task_results" in enqueue_due_jobs(now=now + timedelta(hours=6, seconds=1))


def test_a_second_scheduler_that_read_the_same_row_does_not_enqueue_it_again():
    now = timezone.now()
    enqueue_due_jobs(now=now)
    job = PeriodicJob.objects.get(name="core.prune_task_results")
    stale_time = job.next_run_at - timedelta(hours=6)
    # The row another scheduler read before ours moved it on no longer matches.
    claimed = PeriodicJob.objects.filter(pk=job.pk, next_run_at=stale_time).update(next_run_at=now)
    assert claimed == 0


# The worker and the scheduler close stale connections between passes, which a
# test transaction would not survive on PostgreSQL: these run outside one.
@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_what_the_scheduler_enqueued():
    old = DBTaskResult.objects.create(
        task_path="x.y",
        args_kwargs={"args": [], "kwargs": {}},
        status="SUCCESSFUL",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now(),
        finished_at=timezone.now() - timedelta(days=8),
    )
    enqueue_due_jobs()
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")
    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    prune = DBTaskResult.objects.get(task_path__endswith="prune_task_results")
    assert prune.status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_command_runs_a_single_pass():
    call_command("run_scheduler", once=True)
    assert PeriodicJob.objects.filter(name="core.prune_task_results").exists()
