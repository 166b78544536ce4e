"""Today over the API: my plan, my own marks and my private streak."""

from __future__ import annotations

import pytest
import time_machine

from mendwell.today.models import TodayMark

pytestmark = pytest.mark.django_db

FRIDAY = "2026-11-27 10:00:00+00:00"


@pytest.fixture(autouse=True)
def _friday():
    with time_machine.travel(FRIDAY, tick=False):
        yield


def keys(body):
    return [item["key"] for item in body["items"]]


def test_a_linked_and_checked_person_gets_the_same_plan_as_on_the_web(api_for, checked):
    alex, _sam = checked
    body = api_for(alex).get("/today").json()
    assert keys(body) == ["question", "date", "checkin", "pulse", "nudge"]
    assert body["couple"] == "linked" and body["check_prompt"] is False
    assert body["my_streak"] == 0
    checkin = next(item for item in body["items"] if item["key"] == "checkin")
    assert checkin["url"] == "/check-in/" and checkin["mark"] is None


def test_someone_alone_gets_only_what_works_alone(api_for, robin):
    body = api_for(robin).get("/today").json()
    assert keys(body) == ["checkin", "pulse", "week"]
    assert body["couple"] == "none" and body["check_prompt"] is True


def test_marks_set_items_aside_count_for_my_streak_and_can_be_undone(api_for, checked):
    alex, sam = checked
    api = api_for(alex)
    done = api.put("/today/marks/checkin", {"state": "done"}).json()
    assert {item["key"]: item["mark"] for item in done["items"]}["checkin"] == "done"
    assert done["my_streak"] == 1
    api.put("/today/marks/nudge", {"state": "not_today"})
    assert api.delete("/today/marks/nudge").json() == {"deleted": True}
    assert list(TodayMark.objects.values_list("key", "state")) == [("checkin", "done")]
    # Sam's day and streak know nothing of Alex's marks.
    sams = api_for(sam).get("/today").json()
    assert sams["my_streak"] == 0 and all(item["mark"] is None for item in sams["items"])


def test_marks_for_unknown_items_or_states_change_nothing(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    unknown = api.put("/today/marks/nonsense", {"state": "done"})
    assert unknown.status_code == 409
    assert unknown.json()["detail"] == "That item isn't on today's plan any more."
    bogus = api.put("/today/marks/checkin", {"state": "bogus"})
    assert bogus.status_code == 422 and bogus.json()["errors"][0]["field"] == "state"
    assert api.delete("/today/marks/nonsense").status_code == 409
    assert not TodayMark.objects.exists()
