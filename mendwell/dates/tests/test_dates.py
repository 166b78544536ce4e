"""Dates: plan at a local time, see it in both calendars, change and cancel it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import time_machine
from django.test import Client

from mendwell.couples.services import couple_leave
from mendwell.dates import selectors, services
from mendwell.dates.calendar import calendar_for
from mendwell.dates.ideas import IDEAS
from mendwell.dates.models import DatePlan

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def plan(client, **data):
    fields = {
        "starts_on": "2026-03-27",
        "start_time": "19:00",
        "time_zone": "Europe/London",
        "duration_minutes": "90",
        "repeat": "none",
        "repeat_until": "",
        "note": "",
        **data,
    }
    return client.post("/dates/new/", fields)


def test_the_library_has_at_least_80_ideas_with_their_details():
    assert len(IDEAS) >= 80
    assert len({idea.id for idea in IDEAS}) == len(IDEAS)
    assert {idea.place for idea in IDEAS} == {"home", "out"}
    assert all(idea.ways and idea.minutes > 0 and idea.cost in {0, 1, 2} for idea in IDEAS)


def test_a_planned_date_is_shared_and_shown_to_both_in_their_own_time(
    checked, client_for, make_user
):
    alex, sam = checked
    sam.time_zone = "America/New_York"
    sam.save()
    assert plan(client_for(alex), note="Dinner at the Italian place").status_code == 302
    date_plan = DatePlan.objects.get()
    assert date_plan.visibility == "shared"
    alex_page = client_for(alex).get("/dates/").content.decode()
    sam_page = client_for(sam).get("/dates/").content.decode()
    assert "Friday 27 March, 19:00" in alex_page
    assert "Friday 27 March, 15:00" in sam_page  # New York is four hours behind that week
    assert "Dinner at the Italian place" in sam_page


def test_the_ics_is_neutral_has_a_vtimezone_and_parses(checked, client_for):
    alex, sam = checked
    plan(client_for(alex), note="SECRET-PLAN", repeat="weekly", repeat_until="2026-04-24")
    date_plan = DatePlan.objects.get()
    response = client_for(sam).get(f"/dates/{date_plan.pk}/ics/")
    assert response["Content-Type"].startswith("text/calendar")
    parsed = icalendar.Calendar.from_ical(response.content)
    (event,) = parsed.walk("VEVENT")
    assert str(event["summary"]) == "Time together"
    assert b"SECRET-PLAN" not in response.content
    assert str(event["uid"]) == f"{date_plan.pk}@mendwell"
    start = event.decoded("dtstart")
    assert start == datetime(2026, 3, 27, 19, 0, tzinfo=ZoneInfo("Europe/London"))
    assert parsed.walk("VTIMEZONE")
    assert event["rrule"]["FREQ"] == ["WEEKLY"]


def test_weekly_dates_keep_their_local_time_across_the_clock_change(checked):
    alex, _sam = checked
    date_plan = DatePlan.objects.create(
        author=alex,
        starts_on=date(2026, 3, 20),
        start_time=time(19, 0),
        time_zone="Europe/London",
        repeat="weekly",
        repeat_until=date(2026, 4, 10),
    )
    starts = selectors.occurrences(date_plan, after=date(2026, 3, 20), limit=4)
    assert [s.hour for s in starts] == [19, 19, 19, 19]
    offsets = [s.utcoffset() for s in starts]
    assert offsets[0] == timedelta(0) and offsets[-1] == timedelta(hours=1)  # GMT, then BST


def test_the_feed_follows_changes_and_cancellations_with_a_stable_uid(checked, client_for):
    alex, sam = checked
    plan(client_for(alex))
    date_plan = DatePlan.objects.get()
    token = services.feed_create(user=sam)
    anonymous = Client()
    first = icalendar.Calendar.from_ical(anonymous.get(f"/dates/feed/{token}.ics").content)
    (event,) = first.walk("VEVENT")
    assert event["status"] == "CONFIRMED" and int(event["sequence"]) == 0

    client_for(alex).post(f"/dates/{date_plan.pk}/cancel/")
    second = icalendar.Calendar.from_ical(anonymous.get(f"/dates/feed/{token}.ics").content)
    (event,) = second.walk("VEVENT")
    assert event["status"] == "CANCELLED" and int(event["sequence"]) == 1
    assert str(event["uid"]) == f"{date_plan.pk}@mendwell"


def test_a_revoked_or_replaced_feed_link_is_404(checked):
    _alex, sam = checked
    old = services.feed_create(user=sam)
    new = services.feed_create(user=sam)
    anonymous = Client()
    assert anonymous.get(f"/dates/feed/{old}.ics").status_code == 404
    assert anonymous.get(f"/dates/feed/{new}.ics").status_code == 200
    services.feed_revoke(user=sam)
    assert anonymous.get(f"/dates/feed/{new}.ics").status_code == 404
    assert anonymous.get("/dates/feed/made-up.ics").status_code == 404


def test_after_leaving_the_partners_dates_leave_the_feed(checked, client_for):
    alex, sam = checked
    plan(client_for(alex))
    token = services.feed_create(user=sam)
    couple_leave(user=sam)
    body = Client().get(f"/dates/feed/{token}.ics").content
    assert icalendar.Calendar.from_ical(body).walk("VEVENT") == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"starts_on": "2026-03-19"}, "Choose a day from today on."),
        ({"starts_on": "2026-02-31"}, "That day doesn&#x27;t exist. Please check the date."),
        ({"starts_on": "2026-03-29", "start_time": "01:30"}, "The clocks change that night"),
        (
            {"starts_on": "2027-03-14", "start_time": "02:30", "time_zone": "America/New_York"},
            "The clocks change that night",
        ),
        ({"starts_on": "2026-03-20", "start_time": "11:00"}, "That time has already passed today."),
        ({"time_zone": "Mars/Olympus"}, "isn&#x27;t a time zone we know"),
        ({"repeat": "weekly"}, "Choose when the repeating stops"),
        ({"repeat": "weekly", "repeat_until": "2026-03-01"}, "can&#x27;t be before the first date"),
        ({"repeat": "monthly", "repeat_until": "2028-01-01"}, "within a year"),
        ({"note": "n" * 100_000}, "Please keep it under 1000 characters (this has 100000)."),
    ],
)
def test_bad_input_names_the_problem_keeps_the_text_and_saves_nothing(
    alex, client_for, data, message
):
    response = plan(client_for(alex), **{"note": "kept words", **data})
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert not DatePlan.objects.exists()
    if "note" not in data:
        assert "kept words" in body


def test_changing_a_date_bumps_its_sequence_and_only_the_planner_can(checked, client_for, robin):
    alex, sam = checked
    plan(client_for(alex))
    date_plan = DatePlan.objects.get()
    edit = f"/dates/{date_plan.pk}/edit/"
    for other in (sam, robin):
        assert client_for(other).get(edit).status_code == 404
    fields = {
        "starts_on": "2026-03-28",
        "start_time": "18:00",
        "time_zone": "Europe/London",
        "duration_minutes": "60",
        "repeat": "none",
        "note": "",
    }
    assert client_for(alex).post(edit, fields).status_code == 302
    date_plan.refresh_from_db()
    assert (date_plan.starts_on, date_plan.revision) == (date(2026, 3, 28), 1)


def test_an_idea_becomes_a_plan(alex, client_for):
    idea = IDEAS[0]
    page = client_for(alex).get(f"/dates/new/?idea={idea.id}").content.decode()
    assert str(idea.text) in page
    plan(client_for(alex), idea=idea.id)
    assert DatePlan.objects.get().idea_id == idea.id


def test_ideas_filter_by_place_and_cost(alex, client_for):
    page = client_for(alex).get("/dates/ideas/", {"place": "home", "cost": "0"}).content.decode()
    free_home = [i for i in IDEAS if i.place == "home" and i.cost == 0]
    assert f"{len(free_home)} ideas" in page
    assert client_for(alex).get("/dates/ideas/", {"place": "<x>", "cost": "9"}).status_code == 200


def test_calendar_for_many_plans_has_one_vtimezone_per_zone(alex):
    for zone in ("Europe/London", "Europe/London", "Asia/Tokyo"):
        DatePlan.objects.create(
            author=alex, starts_on=date(2026, 5, 1), start_time=time(9, 0), time_zone=zone
        )
    parsed = icalendar.Calendar.from_ical(calendar_for(DatePlan.objects.all()))
    zones = sorted(str(tz["tzid"]) for tz in parsed.walk("VTIMEZONE"))
    assert zones == ["Asia/Tokyo", "Europe/London"]


def test_after_time_together_each_reflects_privately_or_shares(checked, client_for, robin):
    alex, sam = checked
    plan(client_for(alex))
    date_plan = DatePlan.objects.get()
    url = f"/dates/{date_plan.pk}/together/"
    page = client_for(sam).get(url).content.decode()
    assert "Put your phones face down" in page and "90 minutes" in page
    client_for(alex).post(url, {"connected": "4", "repeat_text": "ALEX-PRIVATE"})
    client_for(sam).post(url, {"connected": "5", "repeat_text": "SAM-SHARED", "share": "on"})
    alex_page = client_for(alex).get(url).content.decode()
    sam_page = client_for(sam).get(url).content.decode()
    assert "SAM-SHARED" in alex_page and "ALEX-PRIVATE" in alex_page
    assert "ALEX-PRIVATE" not in sam_page
    assert client_for(robin).get(url).status_code == 404
    bad = client_for(alex).post(url, {"connected": "9", "repeat_text": "kept"}).content.decode()
    assert "Choose how connected you felt from the list." in bad and "kept" in bad


def test_ideas_that_speak_to_what_the_partner_shared_come_first_with_a_reason(checked, client_for):
    import uuid

    from mendwell.loved.models import RATING_FIELDS
    from mendwell.loved.services import ratings_save, ratings_share_set

    alex, sam = checked
    assert (
        "Suggested for the two of you" not in client_for(alex).get("/dates/ideas/").content.decode()
    )
    ratings = dict.fromkeys(RATING_FIELDS, 0)
    ratings.update({name: 4 for name in RATING_FIELDS if "quality_time" in name})
    ratings_save(user=sam, snapshot_id=uuid.uuid4(), ratings=ratings)
    ratings_share_set(user=sam, shared=True)
    page = client_for(alex).get("/dates/ideas/").content.decode()
    assert "Suggested for the two of you" in page
    assert "Sam rated" in page


def _running_weekly(alex, **fields):
    """A weekly date that began two weeks before NOW and runs on to the end of May."""
    values = {
        "starts_on": date(2026, 3, 6),
        "start_time": time(19, 0),
        "time_zone": "Europe/London",
        "duration_minutes": 90,
        "repeat": "weekly",
        "repeat_until": date(2026, 5, 29),
        "note": "",
        **fields,
    }
    return services.plan_create(user=alex, **values)


def _edit_fields(date_plan, **changes):
    fields = {
        "starts_on": date_plan.starts_on.isoformat(),
        "start_time": date_plan.start_time.strftime("%H:%M"),
        "time_zone": date_plan.time_zone,
        "duration_minutes": str(date_plan.duration_minutes),
        "repeat": date_plan.repeat,
        "repeat_until": date_plan.repeat_until.isoformat() if date_plan.repeat_until else "",
        "note": "kept words",
        **changes,
    }
    return fields


def test_a_running_weekly_date_changes_its_time_and_keeps_its_first_day_uid_and_feed(
    checked, client_for
):
    alex, sam = checked
    date_plan = _running_weekly(alex)
    token = services.feed_create(user=sam)
    page = client_for(alex).get(f"/dates/{date_plan.pk}/edit/").content.decode()
    assert 'value="2026-03-06"' in page  # the edit page offers the unchanged first day

    response = client_for(alex).post(
        f"/dates/{date_plan.pk}/edit/", _edit_fields(date_plan, start_time="20:00")
    )
    assert response.status_code == 302
    date_plan.refresh_from_db()
    assert (date_plan.starts_on, date_plan.start_time) == (date(2026, 3, 6), time(20, 0))
    assert date_plan.revision == 1
    (event,) = icalendar.Calendar.from_ical(Client().get(f"/dates/feed/{token}.ics").content).walk(
        "VEVENT"
    )
    assert str(event["uid"]) == f"{date_plan.pk}@mendwell" and int(event["sequence"]) == 1
    assert event.decoded("dtstart") == datetime(2026, 3, 6, 20, 0, tzinfo=ZoneInfo("Europe/London"))
    # The next one is next Friday (tonight's 19:00 is still to come, and now at 20:00).
    (nxt,) = selectors.occurrences(date_plan, after=date(2026, 3, 20))
    assert nxt == datetime(2026, 3, 20, 20, 0, tzinfo=ZoneInfo("Europe/London"))


def test_a_weekly_date_that_began_this_morning_can_still_be_changed(checked, client_for):
    alex, _sam = checked
    date_plan = _running_weekly(alex, starts_on=date(2026, 3, 20), start_time=time(9, 0))
    response = client_for(alex).post(
        f"/dates/{date_plan.pk}/edit/", _edit_fields(date_plan, duration_minutes="60")
    )
    assert response.status_code == 302
    date_plan.refresh_from_db()
    assert (date_plan.duration_minutes, date_plan.revision) == (60, 1)


@pytest.mark.parametrize(
    ("plan_fields", "changes", "message"),
    [
        # A new first day must still be today or later.
        ({}, {"starts_on": "2026-03-13"}, "Choose a day from today on."),
        # Made a one-off, the unchanged first day is simply in the past.
        ({}, {"repeat": "none"}, "Choose a day from today on."),
        # Ending it before today leaves nothing to come.
        ({}, {"repeat_until": "2026-03-19"}, "Choose a last day from today on."),
        # A one-off date in the past stays refused, even unchanged.
        (
            {"starts_on": date(2026, 3, 18), "repeat": "none", "repeat_until": None},
            {"start_time": "20:00"},
            "Choose a day from today on.",
        ),
        # A one-off date in the past does not start repeating from its old first day.
        (
            {"starts_on": date(2026, 3, 18), "repeat": "none", "repeat_until": None},
            {"repeat": "weekly", "repeat_until": "2026-05-27"},
            "Choose a day from today on.",
        ),
        # A new time on today's first day is still checked against the clock.
        (
            {"starts_on": date(2026, 3, 27)},
            {"starts_on": "2026-03-20", "start_time": "11:00"},
            "That time has already passed today.",
        ),
    ],
)
def test_editing_a_date_still_refuses_a_first_day_in_the_past(
    checked, client_for, plan_fields, changes, message
):
    alex, _sam = checked
    date_plan = _running_weekly(alex, **plan_fields)
    response = client_for(alex).post(
        f"/dates/{date_plan.pk}/edit/", _edit_fields(date_plan, **changes)
    )
    body = response.content.decode()
    assert response.status_code == 200 and message in body and "kept words" in body
    date_plan.refresh_from_db()
    assert date_plan.revision == 0
