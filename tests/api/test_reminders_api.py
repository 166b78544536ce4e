"""Reminder settings over the API: wall-clock times in my own zone, channels and
quiet hours, checked by the web page's own forms."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
import time_machine

from mendwell.notify.models import ChannelChoice
from mendwell.reminders.models import Kind, Reminder

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


def test_every_reminder_starts_off_at_a_sensible_time(api_for, alex):
    body = api_for(alex).get("/reminders").json()
    assert body["time_zone"] == "Europe/London"
    by_kind = {row["kind"]: row for row in body["reminders"]}
    assert list(by_kind) == ["daily_plan", "check_in", "date", "weekly"]
    assert by_kind["check_in"] == {
        "kind": "check_in",
        "label": "Daily check-in",
        "enabled": False,
        "at": "20:00",
        "weekday": None,
        "next_at": None,
    }
    assert by_kind["weekly"]["weekday"] == 6
    assert not Reminder.objects.filter(user=alex).exists()


def test_a_change_keeps_the_rest_and_the_next_time_is_in_my_zone(api_for, robin):
    api = api_for(robin)
    with time_machine.travel(MORNING, tick=False):
        saved = api.patch("/reminders", {"daily_plan_on": True, "daily_plan_at": "08:15"})
    assert saved.status_code == 200
    daily = {row["kind"]: row for row in saved.json()["reminders"]}["daily_plan"]
    # Robin lives in New York: 08:15 there is 13:15 UTC.
    assert daily["next_at"] == "2026-11-26T08:15:00-05:00"
    assert Reminder.objects.get(user=robin, kind=Kind.DAILY_PLAN).at == time(8, 15)
    assert Reminder.objects.get(user=robin, kind=Kind.CHECK_IN).at == time(20, 0)
    api.patch("/reminders", {"weekly_on": True, "weekly_day": 2})
    assert Reminder.objects.get(user=robin, kind=Kind.DAILY_PLAN).enabled  # untouched
    assert Reminder.objects.get(user=robin, kind=Kind.WEEKLY).weekday == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("daily_plan_at", "25:00", "Enter a time as hours and minutes, like 08:30."),
        ("check_in_at", None, "Enter a time, like 08:30."),
        ("weekly_day", 9, "Choose one of the listed values."),
        ("check_in_on", "perhaps", "Enter true or false."),
    ],
)
def test_bad_times_are_refused_by_field_and_change_nothing(api_for, alex, field, value, message):
    response = api_for(alex).patch("/reminders", {"daily_plan_on": True, field: value})
    assert response.status_code == 422
    assert {"field": field, "message": message} in response.json()["errors"]
    assert not Reminder.objects.filter(user=alex).exists()


def test_channels_and_quiet_hours_are_saved_and_cleared(api_for, alex):
    api = api_for(alex)
    assert api.get("/reminders/channels").json() == {
        "reminders_in_app": True,
        "email": False,
        "push": False,
        "quiet_from": None,
        "quiet_until": None,
        "push_available": True,
    }
    saved = api.patch(
        "/reminders/channels", {"email": True, "quiet_from": "22:00", "quiet_until": "07:00"}
    ).json()
    assert (saved["email"], saved["quiet_from"], saved["quiet_until"]) == (True, "22:00", "07:00")
    choice = ChannelChoice.objects.get(user=alex)
    assert choice.in_quiet_hours(time(23, 30)) and choice.reminders_in_app
    api.patch("/reminders/channels", {"quiet_from": None, "quiet_until": None})
    choice.refresh_from_db()
    assert (choice.quiet_from, choice.quiet_until, choice.email) == (None, None, True)


def test_half_quiet_hours_are_refused_and_change_nothing(api_for, alex):
    response = api_for(alex).patch("/reminders/channels", {"email": True, "quiet_from": "22:00"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "quiet_until", "message": "Enter when quiet hours end, or clear both times."}
    ]
    assert not ChannelChoice.objects.filter(user=alex).exists()
