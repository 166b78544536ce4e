"""The reminder delivery task, and the scheduler hook that claims due reminders."""

from __future__ import annotations

from datetime import date, datetime

from django_tasks import task

from mendwell.core.scheduler import each_pass
from mendwell.reminders import services


@task()
def deliver_reminder(user_id: int, kind: str, local_date: str) -> str:
    return services.deliver(user_id=user_id, kind=kind, local_date=date.fromisoformat(local_date))


@each_pass
def claim_due_reminders(now: datetime) -> int:
    return services.claim_due(now)
