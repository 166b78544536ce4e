"""Questionnaires an operator added, over the API: listed with our pulse, answered once a
week, read back as one's own series, and, for a validated and licensed one only, with its
cut-off and the reliable change (the same rules and words as /progress/<id>/)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import time_machine

from mendwell.couples.access import Visibility
from mendwell.progress.models import PulseResponse
from mendwell.progress.tests.helpers import answers, instruments_dropped_in

pytestmark = pytest.mark.django_db

WEEK_1 = datetime(2026, 11, 12, 12, tzinfo=UTC)
WEEK_3 = datetime(2026, 11, 26, 12, tzinfo=UTC)
LOW = {"f1": 2, "f2": 4, "f3": 2}  # f2 is reverse-scored: total 6
HIGH = {"f1": 4, "f2": 2, "f3": 4}  # total 12
VALIDATED = "/progress/instruments/test-fixture-scale"
INFORMAL = "/progress/instruments/test-informal-extra"


@pytest.fixture(autouse=True)
def operator_dir(tmp_path, settings):
    with instruments_dropped_in(tmp_path, settings) as folder:
        yield folder


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(WEEK_3, tick=False):
        yield


def _answer(api, path, answers, *, at, headers=None):
    with time_machine.travel(at, tick=False):
        return api.post(f"{path}/answers", {"answers": answers}, headers=headers)


def test_the_list_has_our_pulse_first_then_each_added_questionnaire(api_for, alex):
    listed = api_for(alex).get("/progress/instruments").json()
    assert [i["id"] for i in listed] == [
        "mendwell-pulse",
        "test-fixture-scale",
        "test-informal-extra",
    ]
    pulse, validated, informal = listed
    assert pulse["clinical"] is None and informal["clinical"] is None
    assert validated["clinical"]["cutoff"] == 9
    assert validated["citation"].startswith("Made up for Mendwell")
    assert [item["id"] for item in validated["items"]] == ["f1", "f2", "f3"]


def test_two_weeks_of_a_validated_questionnaire_give_the_cut_off_and_reliable_change(api_for, alex):
    api = api_for(alex)
    assert _answer(api, VALIDATED, LOW, at=WEEK_1).status_code == 201
    first = api.get(f"{VALIDATED}/results").json()["figures"]
    assert first["cutoff"] == 9 and first["latest_total"] == 6
    assert first["latest_below_cutoff"] is True and first["reliable_change"] is None
    saved = _answer(api, VALIDATED, HIGH, at=WEEK_3)
    assert saved.status_code == 201 and saved.json()["replaced"] is False
    body = api.get(f"{VALIDATED}/results").json()
    assert [p["total"] for p in body["points"]] == [6, 12]
    assert [p["week_of"] for p in body["points"]] == ["2026-11-09", "2026-11-23"]
    assert body["this_weeks_answers"]["answers"] == HIGH
    assert body["charts"][0]["key"] == "total"
    figures = body["figures"]
    assert figures["latest_below_cutoff"] is False
    assert "lower range" in figures["cutoff_below_means"]
    change = figures["reliable_change"]
    assert (change["first_week_of"], change["first_total"]) == ("2026-11-09", 6)
    assert (change["latest_week_of"], change["latest_total"]) == ("2026-11-23", 12)
    assert change["index"] == pytest.approx(5.37) and change["reliable"] is True
    assert change["note"] == (
        "This changed more than measurement noise. "
        "It shows how much your score moved, not why it moved."
    )


def test_an_unvalidated_questionnaire_has_no_figures(api_for, alex):
    api = api_for(alex)
    _answer(api, INFORMAL, LOW, at=WEEK_1)
    _answer(api, INFORMAL, HIGH, at=WEEK_3)
    body = api.get(f"{INFORMAL}/results").json()
    assert len(body["points"]) == 2
    assert body["figures"] is None and body["instrument"]["clinical"] is None
    text = json.dumps(body).lower()
    for word in ("cut-off", "cutoff", "percentile", 'clinical": {', "reliable"):
        assert word not in text, word


def test_an_unknown_questionnaire_is_a_404_and_saves_nothing(api_for, alex):
    api = api_for(alex)
    read = api.get("/progress/instruments/no-such-thing/results")
    write = api.post("/progress/instruments/no-such-thing/answers", {"answers": LOW})
    assert read.status_code == write.status_code == 404
    assert set(read.json()) == {"detail", "errors"}
    assert not PulseResponse.objects.exists()


def test_bad_answers_are_named_by_item_and_save_nothing(api_for, alex):
    response = api_for(alex).post(
        f"{VALIDATED}/answers", {"answers": {"f1": 9, "f3": 2, "trust": 5}}
    )
    assert response.status_code == 422
    fields = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert set(fields) == {"answers.f1", "answers.f2", "answers.trust"}
    assert "from 1 to 5" in fields["answers.f1"]
    assert "Please answer" in fields["answers.f2"]
    assert not PulseResponse.objects.exists()


def test_a_second_answer_in_the_same_week_replaces_the_first(api_for, alex):
    api = api_for(alex)
    assert api.post(f"{VALIDATED}/answers", {"answers": LOW}).status_code == 201
    again = api.post(f"{VALIDATED}/answers", {"answers": HIGH})
    assert again.status_code == 200 and again.json()["replaced"] is True
    assert PulseResponse.objects.get(author=alex).answers == HIGH
    assert api.get("/progress").json()["pulse_due"] is True  # not our pulse


def test_a_retry_with_the_same_key_answers_the_same_and_saves_once(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "fixture-1"}
    first = api.post(f"{VALIDATED}/answers", {"answers": LOW}, headers=key)
    replay = api.post(f"{VALIDATED}/answers", {"answers": LOW}, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay["Idempotent-Replayed"] == "true"
    other = api.post(f"{INFORMAL}/answers", {"answers": LOW}, headers=key)
    assert other.status_code == 422  # same key, another request
    assert PulseResponse.objects.filter(author=alex).count() == 1


def test_answers_are_the_persons_own_and_never_reach_the_partner(api_for, checked):
    alex, sam = checked
    api_for(alex).put("/progress/sharing", {"items": ["trust"]})
    _answer(api_for(alex), VALIDATED, LOW, at=WEEK_3)
    row = PulseResponse.objects.get(author=alex)
    assert row.visibility == Visibility.PRIVATE and row.shared_answers == {}
    sams = api_for(sam)
    assert sams.get(f"{VALIDATED}/results").json()["points"] == []
    assert sams.get("/progress/partner").json()["charts"] == []


def test_our_pulse_answered_here_is_the_same_as_this_weeks_pulse(api_for, alex):
    api = api_for(alex)
    saved = api.post("/progress/instruments/mendwell-pulse/answers", {"answers": answers(6)})
    assert saved.status_code == 201
    assert api.get("/progress/pulse").json()["answers"] == answers(6)
    body = api.get("/progress/instruments/mendwell-pulse/results").json()
    assert body["figures"] is None and len(body["points"]) == 1


def test_a_counsellor_token_is_refused(api_for, make_user, alex):
    from mendwell.counsel.tests.factories import counsellor_for

    dana = make_user("dana@example.com", "Dana")
    counsellor_for(alex, dana)
    assert api_for(dana).get(f"{VALIDATED}/results").status_code == 401
    assert api_for(None).get(f"{VALIDATED}/results").status_code == 401
