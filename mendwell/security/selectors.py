"""Reads for account security, always for the person asking and nobody else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from allauth.usersessions.models import UserSession
from django.http import Http404
from django.utils import timezone

from mendwell.security.alerts import notification_kind
from mendwell.security.useragent import browser_family

RECENT_ALERTS = timedelta(days=30)


@dataclass(frozen=True)
class Device:
    pk: int
    browser: str
    ip: str
    created_at: datetime
    last_seen_at: datetime
    is_current: bool


def devices_for(user: Any, *, current_session_key: str | None) -> list[Device]:
    """The person's own signed-in sessions, this one first, then the latest used.

    Rows whose session has already ended (expired, signed out) are dropped
    first, so the list shows only sessions that would still work.
    """
    rows = UserSession.objects.purge_and_list(user)
    devices = [
        Device(
            pk=row.pk,
            browser=browser_family(row.user_agent),
            ip=row.ip,
            created_at=row.created_at,
            last_seen_at=row.last_seen_at,
            is_current=row.session_key == current_session_key,
        )
        for row in rows
        if row.user_id == user.pk
    ]
    return sorted(devices, key=lambda d: (not d.is_current, -d.last_seen_at.timestamp()))


def own_session_or_404(user: Any, pk: Any) -> UserSession:
    """One of the person's sessions; anyone else's, or a made-up id, is the same 404."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    session = UserSession.objects.filter(user_id=user.pk, pk=pk).first()
    if session is None:
        raise Http404
    return session


def recent_alerts_for(user: Any) -> list[Any]:
    """The person's own security notes from the last 30 days, newest first."""
    from mendwell.notify.models import Notification

    since = timezone.now() - RECENT_ALERTS
    return list(
        Notification.objects.filter(
            recipient=user, kind__startswith=notification_kind(""), created_at__gte=since
        ).order_by("-created_at")[:20]
    )
