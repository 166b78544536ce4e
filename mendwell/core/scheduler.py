"""Periodic work without cron or a broker.

Apps declare jobs with :func:`periodic` in their ``tasks.py``. The
``run_scheduler`` command calls :func:`enqueue_due_jobs` every few seconds; it
claims each due job with a conditional UPDATE on ``next_run_at`` (the
healthchecks "optimistic lock" pattern), so two schedulers running side by
side enqueue each run once. The scheduler only enqueues: the task worker does
the work, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from mendwell.core.models import PeriodicJob

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    every: timedelta
    task: Any  # a django_tasks Task


_registry: dict[str, Job] = {}
# Work that claims its own due rows on every pass (reminders), instead of one
# job on a fixed period: each takes "now" and returns how many it enqueued.
_pass_hooks: dict[str, Callable[[datetime], int]] = {}


def periodic(*, every: timedelta, name: str | None = None) -> Any:
    """Register a django_tasks task to be enqueued once per ``every``."""

    def register(task: Any) -> Any:
        job_name = name or task.module_path
        _registry[job_name] = Job(name=job_name, every=every, task=task)
        return task

    return register


def each_pass(func: Callable[[datetime], int]) -> Callable[[datetime], int]:
    """Register ``func(now)`` to run on every scheduler pass."""
    _pass_hooks[f"{func.__module__}.{func.__qualname__}"] = func
    return func


def registered_jobs() -> list[Job]:
    autodiscover_modules("tasks")
    return sorted(_registry.values(), key=lambda job: job.name)


def enqueue_due_jobs(*, now: datetime | None = None) -> list[str]:
    """Enqueue every job whose time has come; return the names enqueued."""
    now = now or timezone.now()
    enqueued = []
    for job in registered_jobs():
        row, _ = PeriodicJob.objects.get_or_create(name=job.name, defaults={"next_run_at": now})
        if row.next_run_at > now:
            continue
        with transaction.atomic():
            claimed = PeriodicJob.objects.filter(pk=row.pk, next_run_at=row.next_run_at).update(
                next_run_at=now + job.every, last_enqueued_at=now
            )
            if claimed != 1:
                continue  # another scheduler got there first
            # The database queue shares this transaction: the claim and the
            # task row commit together or not at all.
            job.task.enqueue()
        enqueued.append(job.name)
        logger.info("scheduler enqueued %s", job.name)
    return enqueued


def run_pass(*, now: datetime | None = None) -> int:
    """One scheduler pass: periodic jobs, then every per-pass hook.

    A hook that fails is logged and the others still run, so one broken
    feature cannot stop everyone's reminders.
    """
    now = now or timezone.now()
    count = len(enqueue_due_jobs(now=now))
    for name, hook in sorted(_pass_hooks.items()):
        try:
            count += hook(now)
        except Exception:
            logger.exception("scheduler hook %s failed", name)
    return count
