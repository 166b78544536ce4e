from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from mendwell.core.notification_texts import MESSAGES, Message
from mendwell.notify.models import ChannelChoice, Notification


@dataclass(frozen=True)
class Shown:
    notification: Notification
    message: Message


def notifications_for(user: Any) -> QuerySet[Notification]:
    """The person's own notifications whose kind still has words, as a query."""
    return Notification.objects.filter(recipient=user, kind__in=list(MESSAGES))


def recent_for(user: Any, *, limit: int = 50) -> list[Shown]:
    rows = notifications_for(user).order_by("-created_at")[:limit]
    return [Shown(row, MESSAGES[row.kind]) for row in rows]


def unread_count(user: Any) -> int:
    if user is None or not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def email_chosen(user: Any) -> bool:
    return ChannelChoice.objects.filter(user=user, email=True).exists()


def channels_for(user: Any) -> ChannelChoice:
    """The person's saved choice, or the defaults if they never chose."""
    return ChannelChoice.objects.filter(user=user).first() or ChannelChoice(user=user)
