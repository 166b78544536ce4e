"""The reminders page: times, channels and quiet hours, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
import time_machine

from mendwell.notify.models import ChannelChoice
from mendwell.reminders.models import Kind, Reminder

pytestmark = pytest.mark.django_db
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)

TIMES = {
    "daily_plan_on": "on",
    "daily_plan_at": "08:15",
    "check_in_at": "20:00",
    "date_at": "09:00",
    "weekly_at": "18:00",
    "weekly_day": "6",
}


def test_the_page_offers_every_reminder_off_at_sensible_times(alex, client_for):
    page = client_for(alex).get("/reminders/").content.decode()
    for label in (
        "Remind me of today",
        "Remind me to check in",
        "date planned",
        "weekly look back",
    ):
        assert label in page
    assert "Europe/London" in page
    assert 'value="20:00"' in page
    assert not Reminder.objects.filter(user=alex).exists()


def test_saving_times_schedules_them_and_shows_the_next_in_local_time(robin, client_for):
    client = client_for(robin)
    with time_machine.travel(MORNING, tick=False):
        response = client.post("/reminders/", TIMES, follow=True)
    page = response.content.decode()
    assert "Your reminder times are saved." in page
    daily = Reminder.objects.get(user=robin, kind=Kind.DAILY_PLAN)
    assert daily.enabled and daily.at == time(8, 15)
    # Robin lives in New York: 08:15 there is 13:15 UTC, shown back as 08:15.
    assert daily.next_due_at == datetime(2026, 11, 26, 13, 15, tzinfo=UTC)
    assert "08:15" in page
    assert Reminder.objects.get(user=robin, kind=Kind.CHECK_IN).next_due_at is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("daily_plan_at", "25:00", "Enter a time as hours and minutes"),
        ("check_in_at", "", "Enter a time, like 08:30."),
        ("weekly_day", "9", "Choose a day of the week from the list."),
    ],
)
def test_bad_times_are_refused_by_field_and_change_nothing(alex, client_for, field, value, message):
    client = client_for(alex)
    client.post("/reminders/", TIMES)
    before = list(Reminder.objects.filter(user=alex).values_list("kind", "at", "next_due_at"))
    response = client.post("/reminders/", {**TIMES, "date_at": "10:45", field: value})
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert 'value="10:45"' in page  # what was typed elsewhere on the form is kept
    if field.endswith("_at") and value:
        assert f'value="{value}"' in page
    assert (
        list(Reminder.objects.filter(user=alex).values_list("kind", "at", "next_due_at")) == before
    )


def test_channels_and_quiet_hours_are_saved(alex, client_for):
    client = client_for(alex)
    response = client.post(
        "/reminders/channels/",
        {"email": "on", "quiet_from": "22:00", "quiet_until": "07:00"},
        follow=True,
    )
    assert "Your choice is saved." in response.content.decode()
    choice = ChannelChoice.objects.get(user=alex)
    assert choice.email and not choice.reminders_in_app and not choice.push
    assert (choice.quiet_from, choice.quiet_until) == (time(22, 0), time(7, 0))
    assert choice.in_quiet_hours(time(23, 30)) and choice.in_quiet_hours(time(6, 59))
    assert not choice.in_quiet_hours(time(7, 0))


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"quiet_from": "22:00"}, "quiet_until", "Enter when quiet hours end"),
        ({"quiet_until": "07:00"}, "quiet_from", "Enter when quiet hours start"),
        ({"quiet_from": "22:00", "quiet_until": "22:00"}, "quiet_until", "different time"),
        ({"quiet_from": "late", "quiet_until": "07:00"}, "quiet_from", "like 22:00"),
    ],
)
def test_half_or_empty_quiet_hours_are_refused_and_keep_what_was_typed(
    alex, client_for, data, field, message
):
    client = client_for(alex)
    client.post("/reminders/channels/", {"email": "on", "reminders_in_app": "on"})
    response = client.post("/reminders/channels/", data)
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    for value in data.values():
        assert f'value="{value}"' in page
    choice = ChannelChoice.objects.get(user=alex)
    assert choice.email and choice.reminders_in_app and choice.quiet_from is None


def test_moving_time_zone_moves_the_reminders_with_it(alex, client_for):
    client = client_for(alex)
    with time_machine.travel(MORNING, tick=False):
        client.post("/reminders/", TIMES)
        client.post(
            "/profile/",
            {"display_name": "Alex", "time_zone": "Asia/Tokyo", "locale": "en"},
        )
    # 08:15 in Tokyo on the 27th (it is already 16:00 there) is 23:15 UTC on the 26th.
    daily = Reminder.objects.get(user=alex, kind=Kind.DAILY_PLAN)
    assert daily.next_due_at == datetime(2026, 11, 26, 23, 15, tzinfo=UTC)


def test_the_notifications_page_points_to_these_choices(alex, client_for):
    page = client_for(alex).get("/notifications/").content.decode()
    assert 'href="/reminders/"' in page
