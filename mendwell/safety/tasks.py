from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from mendwell.core.scheduler import periodic
from mendwell.safety.services import request_due_checks


@periodic(every=timedelta(hours=1), name="safety.request_due_checks")
@task()
def request_due_safety_checks() -> int:
    """Bring the private safety check back every 28 days, quietly, in-app only."""
    return request_due_checks()
