"""Reads of push subscriptions: always the acting person's own devices."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet

from mendwell.push.models import PushSubscription


def push_available() -> bool:
    """Both VAPID keys are configured; without them the app offers no push."""
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)


def subscriptions_for(user: Any) -> QuerySet[PushSubscription]:
    if not getattr(user, "is_authenticated", False):
        return PushSubscription.objects.none()
    return PushSubscription.objects.filter(user=user).order_by("created_at")
