"""The channels a person chose: in the app, email, push, and quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult

from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set, notify

pytestmark = pytest.mark.django_db
# 13:00 in London.
AFTERNOON = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)


def _queued(django_capture_on_commit_callbacks, **kwargs):
    with (
        time_machine.travel(kwargs.pop("at", AFTERNOON), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notify(**kwargs)
    return {
        row.task_path.rsplit(".", 1)[-1]: row.args_kwargs["args"]
        for row in DBTaskResult.objects.all()
    }


def test_push_goes_to_the_persons_devices_with_where_to_open(
    alex, django_capture_on_commit_callbacks
):
    channels_set(user=alex, email=False, push=True)
    queued = _queued(
        django_capture_on_commit_callbacks,
        user=alex,
        kind="reminder.check_in",
        url_name="checkins:today",
        reminder=True,
    )
    assert queued == {"send_push": [alex.pk, "reminder.check_in", "/check-in/"]}


def test_nothing_buzzes_or_lands_in_an_inbox_during_quiet_hours(
    alex, django_capture_on_commit_callbacks
):
    channels_set(
        user=alex,
        email=True,
        push=True,
        quiet_hours=True,
        quiet_from=time(12, 0),
        quiet_until=time(14, 0),
    )
    queued = _queued(django_capture_on_commit_callbacks, user=alex, kind="nudge.received")
    assert queued == {}
    # It still waits in the app.
    assert Notification.objects.filter(recipient=alex, kind="nudge.received").exists()
    after = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    queued = _queued(django_capture_on_commit_callbacks, user=alex, kind="nudge.received", at=after)
    assert set(queued) == {"send_email", "send_push"}


def test_quiet_hours_are_the_persons_own_local_hours(robin, django_capture_on_commit_callbacks):
    # 13:00 UTC is 08:00 in New York: inside Robin's 22:00–09:00.
    channels_set(
        user=robin, email=True, quiet_hours=True, quiet_from=time(22, 0), quiet_until=time(9, 0)
    )
    assert _queued(django_capture_on_commit_callbacks, user=robin, kind="nudge.received") == {}


def test_without_push_keys_on_the_server_push_is_skipped(
    alex, settings, django_capture_on_commit_callbacks
):
    settings.VAPID_PRIVATE_KEY = ""
    settings.VAPID_PUBLIC_KEY = ""
    channels_set(user=alex, email=True, push=True)
    queued = _queued(django_capture_on_commit_callbacks, user=alex, kind="nudge.received")
    assert set(queued) == {"send_email"}


def test_reminders_can_stay_out_of_the_app_but_the_partner_s_nudge_never_does(alex):
    channels_set(user=alex, email=False, reminders_in_app=False)
    assert notify(user=alex, kind="reminder.daily", reminder=True) is None
    assert notify(user=alex, kind="nudge.received") is not None
    assert list(Notification.objects.filter(recipient=alex).values_list("kind", flat=True)) == [
        "nudge.received"
    ]
