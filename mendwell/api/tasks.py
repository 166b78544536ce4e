"""Hourly: forget idempotency records once their 24-hour window has passed."""

from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from mendwell.api.idempotency import purge_expired
from mendwell.core.scheduler import periodic


@periodic(every=timedelta(hours=1), name="api.purge_idempotency_records")
@task()
def purge_idempotency_records() -> int:
    return purge_expired()
