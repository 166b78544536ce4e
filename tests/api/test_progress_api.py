"""The baseline and weekly pulse over the API: the same questions, rules and honest
notes as step 8's pages, private unless a measure is ticked for the partner."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from mendwell.progress.models import BaselineSkip, PulseResponse
from mendwell.progress.tests.helpers import ITEMS, answers, weekly_pulses

pytestmark = pytest.mark.django_db

START = datetime(2026, 10, 5, 12, tzinfo=UTC)
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_instrument_lists_its_questions_and_scale(api_for, alex):
    [pulse] = api_for(alex).get("/progress/instruments").json()
    assert [item["id"] for item in pulse["items"]] == list(ITEMS)
    assert (pulse["scale_min"], pulse["scale_max"]) == (0, 10)
    assert pulse["label"] == "informal check-in"
    assert pulse["clinical"] is None


def test_taking_the_baseline_then_retaking_it_replaces_it(api_for, alex):
    api = api_for(alex)
    assert api.get("/progress").json()["baseline_due"] is True
    first = api.post("/progress/baseline", {"answers": answers(6)})
    assert first.status_code == 201
    assert first.json()["pulse"]["kind"] == "baseline"
    again = api.post("/progress/baseline", {"answers": answers(7)})
    assert again.status_code == 200 and again.json()["replaced"] is True
    assert api.get("/progress/baseline").json()["answers"] == answers(7)
    assert api.get("/progress").json()["baseline_due"] is False
    assert PulseResponse.objects.filter(author=alex).count() == 1


def test_skipping_the_baseline_stops_asking_for_it(api_for, alex):
    body = api_for(alex).post("/progress/baseline/skip").json()
    assert body["baseline_due"] is False and body["baseline_skipped"] is True
    assert BaselineSkip.objects.filter(user=alex).exists()


def test_a_missing_or_out_of_range_answer_names_the_question_and_saves_nothing(api_for, alex):
    partial = {k: v for k, v in answers(5, trust=11).items() if k != "warmth"}
    response = api_for(alex).post("/progress/pulse", {"answers": partial})
    assert response.status_code == 422
    fields = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert set(fields) == {"answers.trust", "answers.warmth"}
    assert "from 0 to 10" in fields["answers.trust"]
    assert not PulseResponse.objects.exists()


def test_an_answer_to_a_question_that_does_not_exist_is_refused(api_for, alex):
    response = api_for(alex).post("/progress/pulse", {"answers": answers(5, mood=3)})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["answers.mood"]
    assert not PulseResponse.objects.exists()


def test_a_second_pulse_in_the_same_week_replaces_the_first(api_for, alex):
    api = api_for(alex)
    assert api.post("/progress/pulse", {"answers": answers(4)}).status_code == 201
    second = api.post("/progress/pulse", {"answers": answers(8)})
    assert second.status_code == 200 and second.json()["replaced"] is True
    assert api.get("/progress/pulse").json()["answers"] == answers(8)
    home = api.get("/progress").json()
    assert home["pulse_due"] is False and home["this_weeks_pulse"]["answers"] == answers(8)
    assert PulseResponse.objects.filter(author=alex).count() == 1


def test_a_retried_pulse_with_the_same_key_answers_the_same_and_saves_once(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "pulse-1"}
    first = api.post("/progress/pulse", {"answers": answers(4)}, headers=key)
    replay = api.post("/progress/pulse", {"answers": answers(4)}, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert PulseResponse.objects.filter(author=alex).count() == 1
    other = api.post("/progress/pulse", {"answers": answers(9)}, headers=key)
    assert other.status_code == 422
    assert PulseResponse.objects.get(author=alex).answers == answers(4)


def test_only_the_author_can_delete_answers_and_others_get_a_plain_404(api_for, checked, robin):
    alex, sam = checked
    pulse_id = api_for(alex).post("/progress/pulse", {"answers": answers(4)}).json()["pulse"]["id"]
    made_up = api_for(sam).delete("/progress/pulse/00000000-0000-4000-8000-000000000000")
    for person in (sam, robin):
        refused = api_for(person).delete(f"/progress/pulse/{pulse_id}")
        assert refused.status_code == 404 and refused.json() == made_up.json()
    assert api_for(alex).delete(f"/progress/pulse/{pulse_id}").json() == {"deleted": True}
    assert not PulseResponse.objects.exists()


def test_results_carry_the_numbers_and_the_honest_note(api_for, alex):
    weekly_pulses(alex, [5] * 8, start=START)
    body = api_for(alex).get("/progress/results").json()
    assert len(body["points"]) == 8
    total = body["charts"][0]
    assert total["key"] == "total" and len(total["rows"]) == 8
    assert total["change"]["direction"] == "within"
    assert "within your usual ups and downs" in total["note"]
    assert body["support"] is None


def test_few_answers_say_there_is_not_enough_yet(api_for, alex):
    weekly_pulses(alex, [5, 6], start=START)
    total = api_for(alex).get("/progress/results").json()["charts"][0]
    assert total["change"]["direction"] == "not_enough"
    assert "there are 2 so far" in total["note"]


def test_three_low_weeks_bring_the_suggestion_of_support_to_the_person_only(api_for, checked):
    alex, sam = checked
    weekly_pulses(alex, [2, 2, 2], start=START)
    suggestion = api_for(alex).get("/progress").json()["support"]
    assert suggestion["reason"] == "low"
    assert "stayed low" in suggestion["message"]
    assert api_for(sam).get("/progress").json()["support"] is None


def test_sharing_before_the_private_check_is_refused_and_changes_nothing(api_for, alex, sam):
    response = api_for(alex).put("/progress/sharing", {"items": ["trust"]})
    assert response.status_code == 409
    assert "not open" in response.json()["detail"]
    assert api_for(alex).get("/progress/sharing").json()["items"] == []


def test_an_unknown_measure_is_refused_naming_the_field(api_for, checked):
    alex, _sam = checked
    response = api_for(alex).put("/progress/sharing", {"items": ["mood"]})
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["items"]


def test_the_partner_sees_only_the_ticked_measure_until_it_is_unticked(api_for, checked):
    alex, sam = checked
    weekly_pulses(alex, [5, 6, 7], start=START)
    sams = api_for(sam)
    assert sams.get("/progress/partner").json() == {"linked": True, "paused": False, "charts": []}
    shared = api_for(alex).put("/progress/sharing", {"items": ["trust"]}).json()
    assert shared["items"] == ["trust"] and shared["can_share"] is True
    charts = sams.get("/progress/partner").json()["charts"]
    assert [chart["key"] for chart in charts] == ["trust"]
    assert [row["value"] for row in charts[0]["rows"]] == [5, 6, 7]
    assert charts[0]["note"].startswith("There isn't enough yet")
    api_for(alex).put("/progress/sharing", {"items": []})
    assert sams.get("/progress/partner").json()["charts"] == []


def test_a_counsellor_token_is_refused_on_the_partner_routes(api_for, make_user, alex):
    from mendwell.counsel.tests.factories import counsellor_for

    dana = make_user("dana@example.com", "Dana")
    counsellor_for(alex, dana)
    assert api_for(dana).get("/progress").status_code == 401
