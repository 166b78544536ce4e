"""World building and reporting for the multi-process delivery test.

Run inside the child database with ``manage.py shell -c``; kept apart from
the test so the test process never touches that database through Django.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mendwell.notify.models import ChannelChoice, Notification
from mendwell.push.models import PushSubscription
from mendwell.push.tests.helpers import browser_keys
from mendwell.reminders.models import Kind, Reminder, ReminderDelivery


def _zone_near_noon() -> str:
    """An Etc/GMT zone where it is around midday now, so no reminder in the
    test straddles a local midnight (which would rightly drop it)."""
    offset = 12 - timezone.now().hour
    offset = max(-12, min(14, offset))
    # Etc/GMT signs are inverted: Etc/GMT-5 is five hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def build(count: int, push_base: str = "") -> None:
    """``count`` people with two reminders due now, by email, and by push to
    ``push_base``/person<n> when given."""
    zone = _zone_near_noon()
    now = timezone.now()
    for number in range(count):
        user = get_user_model().objects.create_user(
            f"person{number}@example.com", "not-used-1234", time_zone=zone
        )
        ChannelChoice.objects.create(user=user, email=True, push=bool(push_base))
        if push_base:
            keys = browser_keys()
            PushSubscription.objects.create(
                user=user,
                endpoint=f"{push_base}/person{number}",
                p256dh=keys.p256dh,
                auth=keys.auth,
            )
        for kind in (Kind.DAILY_PLAN, Kind.CHECK_IN):
            Reminder.objects.create(
                user=user,
                kind=kind,
                enabled=True,
                at=time(0, 0),  # what matters is that it is due now
                next_due_at=now - timedelta(seconds=1),
            )


def report() -> None:
    deliveries = Counter(
        ReminderDelivery.objects.values_list("user_id", "kind", "local_date").iterator()
    )
    notifications = Counter(Notification.objects.values_list("recipient_id", "kind").iterator())
    tasks = Counter(
        DBTaskResult.objects.filter(task_path__endswith="deliver_reminder").values_list(
            "status", flat=True
        )
    )
    print(  # noqa: T201 (read by the test from stdout)
        json.dumps(
            {
                "deliveries": sorted(deliveries.values()),
                "delivery_rows": len(deliveries),
                "notifications": sorted(notifications.values()),
                "notification_rows": len(notifications),
                "tasks": dict(tasks),
                "still_due": Reminder.objects.filter(next_due_at__lte=timezone.now()).count(),
            }
        )
    )
