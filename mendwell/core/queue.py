"""How the task queue is doing: read by ``/healthz`` and by ``manage.py doctor``."""

from __future__ import annotations

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
