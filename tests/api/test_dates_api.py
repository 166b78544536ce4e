"""Dates over the API: plan at a local time, change it with If-Match, cancel or
delete it, follow it by a private calendar link, and reflect afterwards."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from mendwell.dates.ideas import IDEAS
from mendwell.dates.models import DatePlan, Reflection

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))  # a Friday
PLAN = {"starts_on": "2026-03-27", "start_time": "19:00", "time_zone": "Europe/London"}


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def test_a_date_is_shared_and_each_sees_it_in_their_own_time(api_for, checked, robin):
    alex, sam = checked
    sam.time_zone = "America/New_York"
    sam.save()
    created = api_for(alex).post("/dates", {**PLAN, "note": "Dinner at the Italian place"})
    assert created.status_code == 201
    plan = created.json()
    assert plan["shared"] is True and plan["mine"] is True
    assert plan["next_start"] == "2026-03-27T19:00:00Z"  # London is on GMT until the 29th
    (seen,) = api_for(sam).get("/dates").json()
    assert seen["note"] == "Dinner at the Italian place" and seen["mine"] is False
    assert seen["next_start"] == "2026-03-27T15:00:00-04:00"
    assert api_for(robin).get("/dates").json() == []
    made_up = api_for(robin).get(f"/dates/{MADE_UP}")
    hidden = api_for(robin).get(f"/dates/{plan['id']}")
    assert hidden.status_code == 404 and hidden.json() == made_up.json()


def test_before_the_private_check_a_date_stays_the_planners_own(api_for, alex, sam):
    plan = api_for(alex).post("/dates", PLAN).json()
    assert plan["shared"] is False
    assert api_for(sam).get("/dates").json() == []


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"starts_on": "2026-02-31"},
            "starts_on",
            "That day doesn't exist. Please check the date.",
        ),
        ({"starts_on": "2026-03-29", "start_time": "01:30"}, "start_time", "The clocks change"),
        ({"starts_on": "2026-03-20", "start_time": "11:00"}, "start_time", "already passed"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "isn't a time zone we know"),
        ({"repeat": "weekly"}, "repeat_until", "Choose when the repeating stops"),
        ({"note": "n" * 1001}, "note", "Please keep it under 1000 characters (this has 1001)."),
        ({"duration_minutes": 45}, "duration_minutes", "Choose one of the listed values."),
        ({"idea": "home-nope"}, "idea", "Choose an idea from the library"),
        ({"couple": 1}, "couple", "not accepted"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(api_for, alex, data, field, message):
    response = api_for(alex).post("/dates", {**PLAN, **data})
    assert response.status_code == 422
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert message in errors[field]
    assert not DatePlan.objects.exists()


def test_an_idea_becomes_a_plan_in_my_own_time_zone(api_for, robin):
    idea = IDEAS[0]
    body = {"starts_on": "2026-03-27", "start_time": "19:00", "idea": idea.id}
    plan = api_for(robin).post("/dates", body).json()
    assert plan["idea"]["id"] == idea.id and plan["time_zone"] == "America/New_York"


def test_ideas_filter_by_place_and_cost(api_for, alex):
    api = api_for(alex)
    found = api.get("/dates/ideas?place=home&max_cost=0").json()
    free_home = [idea.id for idea in IDEAS if idea.place == "home" and idea.cost == 0]
    assert [idea["id"] for idea in found["ideas"]] == free_home
    assert found["suggested"] == []
    bad = api.get("/dates/ideas?place=moon")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "place"


def test_a_change_needs_the_current_version_and_only_the_planner_can(
    api_for, checked, robin, clock
):
    alex, sam = checked
    api = api_for(alex)
    plan_id = api.post("/dates", PLAN).json()["id"]
    etag = api.get(f"/dates/{plan_id}")["ETag"]
    clock.shift(1)  # the version is the time of the last save: let the clock move on
    changed = {**PLAN, "starts_on": "2026-03-28", "start_time": "18:00", "note": "Picnic"}
    assert api.put(f"/dates/{plan_id}", changed).status_code == 428
    for other in (sam, robin):
        refused = api_for(other).put(f"/dates/{plan_id}", changed, headers={"If-Match": etag})
        assert refused.status_code == 404
    saved = api.put(f"/dates/{plan_id}", changed, headers={"If-Match": etag})
    assert saved.status_code == 200
    assert (saved.json()["starts_on"], saved.json()["note"]) == ("2026-03-28", "Picnic")
    assert saved["ETag"] != etag
    assert DatePlan.objects.get().revision == 1  # calendars replace their copy
    stale = api.put(f"/dates/{plan_id}", {**PLAN, "note": "Lost"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["current"]["note"] == "Picnic"
    assert DatePlan.objects.get().note == "Picnic"


def test_a_cancelled_date_leaves_the_list_and_cannot_be_changed(api_for, checked):
    alex, sam = checked
    api = api_for(alex)
    plan_id = api.post("/dates", PLAN).json()["id"]
    assert api_for(sam).post(f"/dates/{plan_id}/cancel").status_code == 404
    cancelled = api.post(f"/dates/{plan_id}/cancel").json()
    assert cancelled["cancelled"] is True and cancelled["next_start"] is None
    assert api_for(sam).get("/dates").json() == []
    etag = api.get(f"/dates/{plan_id}")["ETag"]
    assert api.put(f"/dates/{plan_id}", PLAN, headers={"If-Match": etag}).status_code == 404


def test_deleting_a_date_takes_it_from_both(api_for, checked):
    alex, sam = checked
    plan_id = api_for(alex).post("/dates", PLAN).json()["id"]
    assert api_for(sam).delete(f"/dates/{plan_id}").status_code == 404
    assert api_for(alex).delete(f"/dates/{plan_id}").json() == {"deleted": True}
    assert api_for(sam).get(f"/dates/{plan_id}").status_code == 404
    assert not DatePlan.objects.exists()


def test_a_retry_with_the_same_key_plans_one_date(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "plan-1"}
    first = api.post("/dates", PLAN, headers=key)
    again = api.post("/dates", PLAN, headers=key)
    assert again.json() == first.json() and DatePlan.objects.count() == 1
    assert api.post("/dates", {**PLAN, "note": "x"}, headers=key).status_code == 422


def test_the_calendar_link_is_shown_once_and_a_new_one_or_off_ends_the_old(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    api.post("/dates", PLAN)
    assert api.get("/dates/calendar-feed").json() == {"active": False, "url": None}
    made = api.post("/dates/calendar-feed")
    assert made.status_code == 201
    first_url = made.json()["url"].removeprefix("http://testserver")
    calendar = Client().get(first_url)
    assert calendar.status_code == 200 and b"Time together" in calendar.content
    assert api.get("/dates/calendar-feed").json() == {"active": True, "url": None}
    second_url = api.post("/dates/calendar-feed").json()["url"].removeprefix("http://testserver")
    assert Client().get(first_url).status_code == 404
    assert api.delete("/dates/calendar-feed").json() == {"deleted": True}
    assert Client().get(second_url).status_code == 404
    assert api.get("/dates/calendar-feed").json()["active"] is False


def test_each_reflects_privately_or_shares_once_a_day(api_for, checked, robin):
    alex, sam = checked
    plan_id = api_for(alex).post("/dates", PLAN).json()["id"]
    url = f"/dates/{plan_id}/reflections"
    mine = api_for(alex).post(url, {"connected": 4, "repeat_text": "ALEX-PRIVATE"})
    assert mine.status_code == 201 and mine.json()["shared"] is False
    shared = api_for(sam).post(url, {"connected": 5, "repeat_text": "SAM-SHARED", "share": True})
    assert shared.json()["shared"] is True
    assert {row["repeat_text"] for row in api_for(alex).get(url).json()} == {
        "ALEX-PRIVATE",
        "SAM-SHARED",
    }
    assert [row["repeat_text"] for row in api_for(sam).get(url).json()] == ["SAM-SHARED"]
    for call in (api_for(robin).get(url), api_for(robin).post(url, {"connected": 3})):
        assert call.status_code == 404
    again = api_for(alex).post(url, {"connected": 2, "repeat_text": "ALEX-AGAIN"})
    assert again.status_code == 200
    assert Reflection.objects.filter(author=alex).count() == 1
    bad = api_for(alex).post(url, {"connected": 9})
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {"field": "connected", "message": "Choose how connected you felt from the list."}
    ]
    reflection_id = mine.json()["id"]
    assert api_for(sam).delete(f"/dates/reflections/{reflection_id}").status_code == 404
    assert api_for(alex).delete(f"/dates/reflections/{reflection_id}").status_code == 200
    assert not Reflection.objects.filter(author=alex).exists()


def test_sharing_a_reflection_waits_for_the_private_check(api_for, alex, sam, client_for):
    plan_id = api_for(alex).post("/dates", PLAN).json()["id"]
    url = f"/dates/{plan_id}/reflections"
    refused = api_for(alex).post(url, {"connected": 4, "share": True})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "share"
    assert not Reflection.objects.exists()
    # The web form offers no share box until then, and a forced one shares nothing.
    client_for(alex).post(f"/dates/{plan_id}/together/", {"connected": "4", "share": "on"})
    assert Reflection.objects.get().visibility == "private"


def test_a_running_weekly_date_changes_its_time_and_keeps_its_first_day(api_for, checked, clock):
    from datetime import date, time

    from mendwell.dates.services import plan_create

    alex, _sam = checked
    began = plan_create(
        user=alex,
        starts_on=date(2026, 3, 6),
        start_time=time(19, 0),
        time_zone="Europe/London",
        duration_minutes=90,
        repeat="weekly",
        repeat_until=date(2026, 5, 29),
        note="",
    )
    api = api_for(alex)
    etag = api.get(f"/dates/{began.pk}")["ETag"]
    clock.shift(1)
    running = {**PLAN, "starts_on": "2026-03-06", "repeat": "weekly", "repeat_until": "2026-05-29"}
    moved = {**running, "starts_on": "2026-03-13", "start_time": "20:00"}
    refused = api.put(f"/dates/{began.pk}", moved, headers={"If-Match": etag})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "starts_on"
    saved = api.put(
        f"/dates/{began.pk}", {**running, "start_time": "20:00"}, headers={"If-Match": etag}
    )
    assert saved.status_code == 200
    assert (saved.json()["starts_on"], saved.json()["start_time"]) == ("2026-03-06", "20:00")
    assert saved.json()["next_start"] == "2026-03-20T20:00:00Z"
    assert DatePlan.objects.get().revision == 1
