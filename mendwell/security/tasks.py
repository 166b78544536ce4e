from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from mendwell.core.scheduler import periodic
from mendwell.security.services import truncate_old_session_ips


@periodic(every=timedelta(hours=6), name="security.truncate_old_session_ips")
@task()
def truncate_session_ips() -> int:
    """Keep only the network part of IPs of sessions older than 30 days."""
    return truncate_old_session_ips()
