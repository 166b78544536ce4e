"""How the task queue is doing: read by ``/healthz`` and by ``manage.py doctor``."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone


def oldest_waiting_age_seconds() -> float:
    """Seconds the oldest task ready to run has waited (0 when none waits).

    A growing age means no worker is taking tasks, or the workers cannot keep up.
    """
    from django_tasks_db.models import DBTaskResult

    oldest = DBTaskResult.objects.ready().order_by("enqueued_at").first()
    return (timezone.now() - oldest.enqueued_at).total_seconds() if oldest else 0.0


def waiting_count() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().count()


def recent_failures(since: datetime) -> int:
    """Tasks that failed since ``since`` (an email the mail server refused, say)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.failed().filter(finished_at__gte=since).count()


def stranded(started_before: datetime) -> int:
    """Tasks still marked running that started before ``started_before``.

    A worker killed mid-task leaves its task running for ever: it is never
    retried, because a reminder or an email must never go out twice.
    """
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.running().filter(started_at__lt=started_before).count()
