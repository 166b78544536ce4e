"""The private safety check and the program's pause over the API, with the web's
rules: answers are never read back, a pathway outcome pauses the program, the
partner sees at most a neutral "paused" and is told nothing, and leaving the
pathway needs a check that no longer points to it."""

from __future__ import annotations

import pytest

from mendwell.api.models import IdempotencyRecord
from mendwell.api.routes.safety import SafetyCheckIn
from mendwell.notify.models import Notification
from mendwell.safety.models import SafetyCheck
from mendwell.safety.questions import ITEM_KEYS

pytestmark = pytest.mark.django_db

CLEAR = dict.fromkeys(ITEM_KEYS, "no")
AFRAID = {**CLEAR, "fear": "yes"}


def test_before_the_check_it_is_due_and_nothing_is_done(api_for, alex, sam):
    body = api_for(alex).get("/safety").json()
    assert body["check_done"] is False
    assert body["check_due"] is True
    assert body["on_pathway"] is False
    assert (body["program"], body["can_pause"], body["can_resume"]) == ("active", True, False)


def test_the_questions_are_the_checks_own_and_each_is_a_field(api_for, alex):
    body = api_for(alex).get("/safety/check").json()
    assert [question["key"] for question in body["questions"]] == list(ITEM_KEYS)
    assert set(SafetyCheckIn.model_fields) == set(ITEM_KEYS)
    assert [answer["value"] for answer in body["answers"]] == ["yes", "no", "unsure"]


def test_a_clear_check_is_recorded_and_not_due_again_for_now(api_for, alex):
    response = api_for(alex).post("/safety/check", CLEAR)
    assert response.status_code == 201
    body = response.json()
    assert body["pathway"] is False
    assert body["state"]["check_done"] is True
    assert body["state"]["check_due"] is False
    assert body["state"]["last_check_on"] is not None


def test_every_question_may_be_left_out(api_for, alex):
    response = api_for(alex).post("/safety/check", {})
    assert response.status_code == 201
    assert SafetyCheck.objects.filter(user=alex).count() == 1


def test_a_pathway_answer_pauses_the_program_and_the_partner_sees_only_paused(api_for, alex, sam):
    body = api_for(alex).post("/safety/check", AFRAID).json()
    assert body["pathway"] is True
    assert body["state"]["on_pathway"] is True
    assert body["state"]["program"] == "paused"
    sams = api_for(sam)
    theirs = sams.get("/safety").json()
    # Sam's own state: not on a pathway, no check done, nothing about why or who.
    assert (theirs["program"], theirs["on_pathway"], theirs["check_done"]) == (
        "paused",
        False,
        False,
    )
    assert sams.get("/me").json()["program"] == "paused"
    assert not Notification.objects.filter(recipient=sam).exists()


def test_the_answers_are_never_read_back(api_for, alex):
    api = api_for(alex)
    api.post("/safety/check", AFRAID)
    for path in ("/safety", "/safety/pathway", "/me"):
        text = api.get(path).content.decode()
        assert '"fear"' not in text
        assert '"yes"' not in text


def test_the_check_keeps_no_idempotency_record_of_the_answers(api_for, alex):
    api = api_for(alex)
    api.post("/safety/check", AFRAID, headers={"Idempotency-Key": "check-1"})
    # A hash of so few possible answers would say what they were.
    assert not IdempotencyRecord.objects.exists()


def test_an_answer_that_is_not_offered_is_refused_by_name_and_nothing_is_saved(api_for, alex):
    response = api_for(alex).post("/safety/check", {**CLEAR, "fear": "maybe"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["fear"]
    unknown = api_for(alex).post("/safety/check", {**CLEAR, "partner_fear": "yes"})
    assert unknown.status_code == 422
    assert not SafetyCheck.objects.exists()


def test_resuming_from_the_pathway_needs_a_check_that_no_longer_points_to_it(api_for, alex, sam):
    api = api_for(alex)
    api.post("/safety/check", AFRAID)
    refused = api.post("/safety/resume")
    assert refused.status_code == 409
    assert "take the check again first" in refused.json()["detail"]
    assert api.get("/safety").json()["program"] == "paused"
    api.post("/safety/check", CLEAR)
    resumed = api.post("/safety/resume")
    assert resumed.status_code == 200
    assert resumed.json()["program"] == "active"


def test_a_pause_by_choice_reads_the_same_to_the_partner_and_lifts_with_resume(api_for, alex, sam):
    api = api_for(alex)
    paused = api.post("/safety/pause").json()
    assert (paused["program"], paused["can_resume"], paused["on_pathway"]) == (
        "paused",
        True,
        False,
    )
    theirs = api_for(sam).get("/safety").json()
    assert (theirs["program"], theirs["can_resume"]) == ("paused", False)
    assert api.post("/safety/resume").json()["program"] == "active"


def test_skipping_records_nothing_about_answers_and_the_check_stays_due(api_for, alex):
    body = api_for(alex).post("/safety/check/skip").json()
    assert body["check_done"] is False
    assert body["check_due"] is True
    assert not SafetyCheck.objects.exists()


# --- Support lines ---------------------------------------------------------------


def test_choosing_a_country_shows_its_lines(api_for, alex):
    api = api_for(alex)
    assert api.put("/safety/country", {"country": "GB"}).json()["country"] == "GB"
    help_now = api.get("/safety/help").json()
    assert help_now["country"]["code"] == "GB"
    assert help_now["emergency_number"]
    assert help_now["crisis_lines"]


def test_a_country_not_in_the_list_is_refused_by_name(api_for, alex):
    response = api_for(alex).put("/safety/country", {"country": "XX"})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "country", "message": "Please choose a country from the list."}
    ]
    alex.refresh_from_db()
    assert alex.country == ""


def test_help_is_open_to_anyone_as_on_the_web(api_for):
    anyone = api_for(None)
    body = anyone.get("/safety/help?country=US").json()
    assert body["country"]["code"] == "US"
    assert body["abuse_lines"]
    assert anyone.get("/safety/professional-help?country=GB").status_code == 200
    assert {"code": "INTL", "name": "Somewhere else"} in anyone.get("/safety/countries").json()
    # Everything about a person still needs them signed in.
    assert anyone.get("/safety").status_code == 401


def test_the_pathway_lists_specialist_lines(api_for, alex):
    api = api_for(alex)
    api.post("/safety/check", AFRAID)
    body = api.get("/safety/pathway").json()
    assert body["on_pathway"] is True
    assert body["abuse_lines"]


def test_a_draft_that_reads_like_a_crisis_brings_support_to_the_writer(api_for, alex):
    api = api_for(alex)
    crisis = api.post("/safety/signpost", {"text": "I want to kill myself"}).json()
    assert crisis["support"]["lines"]
    calm = api.post("/safety/signpost", {"text": "We cooked together tonight"}).json()
    assert calm == {"support": None}


def test_staff_actions_on_my_account_are_listed_to_me(api_for, alex, staff):
    from mendwell.staff.models import AuditRecord

    AuditRecord.objects.create(
        subject=alex,
        subject_public_id=alex.public_id,
        actor=staff,
        actor_label="staff@example.com",
        action=AuditRecord._meta.get_field("action").choices[0][0],
    )
    body = api_for(alex).get("/safety/staff-actions").json()
    assert [row["by"] for row in body["results"]] == ["staff@example.com"]
