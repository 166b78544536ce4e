"""Acknowledgements over the API: a private draft, sent as copies the partner
reads and answers, the same rules as the web pages (the partner never reads a
draft, sending waits for the private check, edits never overwrite a newer save)."""

from __future__ import annotations

import pytest

from mendwell.journal.models import (
    Acknowledgement,
    AcknowledgementResponse,
    AcknowledgementSent,
    LogEntry,
)

pytestmark = pytest.mark.django_db

DRAFT = {
    "own_it": "I kept working through our evenings.",
    "impact": "You ate alone and felt second.",
    "change": "Laptop shut at seven, every weekday.",
}
MADE_UP = "00000000-0000-4000-8000-000000000000"


def _draft(api, **changes):
    response = api.post("/acknowledgements", {**DRAFT, **changes})
    assert response.status_code == 201, response.json()
    return response.json()["acknowledgement"]


def test_a_draft_is_written_revised_sent_and_answered(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    entry = LogEntry.objects.create(author=alex, what_happened="Worked late again")
    draft = _draft(alexs, entries=[str(entry.pk)])
    assert draft["draft"]["entries"] == [str(entry.pk)]
    assert draft["draft"]["unsent_changes"] is True
    assert sams.get(f"/acknowledgements/{draft['id']}").status_code == 404  # a draft is private

    sent = alexs.post(f"/acknowledgements/{draft['id']}/send")
    assert sent.status_code == 201
    assert [copy["number"] for copy in sent.json()["copies"]] == [1]
    # Sending the same draft again makes no second copy.
    assert alexs.post(f"/acknowledgements/{draft['id']}/send").status_code == 200
    assert AcknowledgementSent.objects.count() == 1

    received = sams.get("/acknowledgements/received").json()["results"]
    assert [row["own_it"] for row in received] == [DRAFT["own_it"]]
    seen = sams.get(f"/acknowledgements/{draft['id']}")
    assert "ETag" not in seen
    body = seen.json()
    assert body["draft"] is None and body["mine"] is False and body["can_answer"] == 1

    answered = sams.post(
        f"/acknowledgements/{draft['id']}/answers",
        {"sent": 1, "kind": "not_yet", "missing": "When will it start?"},
    )
    assert answered.status_code == 201
    assert answered.json()["kind"] == "not_yet"
    again = sams.post(f"/acknowledgements/{draft['id']}/answers", {"sent": 1, "kind": "heard"})
    assert again.status_code == 409
    assert AcknowledgementResponse.objects.count() == 1

    mine = alexs.get(f"/acknowledgements/{draft['id']}").json()
    (history,) = mine["copies"][0]["answers"]
    assert history["current"]["missing"] == "When will it start?" and history["mine"] is False


def test_the_partner_reads_the_sent_copy_never_the_revised_draft(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    draft = _draft(alexs)
    alexs.post(f"/acknowledgements/{draft['id']}/send")
    etag = alexs.get(f"/acknowledgements/{draft['id']}")["ETag"]
    revised = alexs.put(
        f"/acknowledgements/{draft['id']}",
        {**DRAFT, "change": "A secret rewrite"},
        {"If-Match": etag},
    )
    assert revised.status_code == 200
    assert revised["ETag"] != etag
    assert revised.json()["acknowledgement"]["draft"]["unsent_changes"] is True
    partners = sams.get(f"/acknowledgements/{draft['id']}").content.decode()
    assert "A secret rewrite" not in partners
    assert "A secret rewrite" not in sams.get("/acknowledgements/received").content.decode()


def test_changing_an_answer_keeps_the_earlier_one(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    draft = _draft(alexs)
    alexs.post(f"/acknowledgements/{draft['id']}/send")
    first = sams.post(
        f"/acknowledgements/{draft['id']}/answers",
        {"sent": 1, "kind": "not_yet", "missing": "Not sure yet"},
    ).json()
    changed = sams.post(f"/acknowledgements/answers/{first['id']}/change", {"kind": "heard"})
    assert changed.status_code == 201
    assert changed.json()["kind"] == "heard"
    # The same words again (a double submit) change nothing.
    same = sams.post(f"/acknowledgements/answers/{changed.json()['id']}/change", {"kind": "heard"})
    assert (same.status_code, same.json()["id"]) == (200, changed.json()["id"])
    # The old answer is history now: changing it again from a stale screen is refused.
    stale = sams.post(
        f"/acknowledgements/answers/{first['id']}/change",
        {"kind": "not_yet", "missing": "Changed my mind"},
    )
    assert stale.status_code == 409
    assert stale.json()["current"]["kind"] == "heard"
    (history,) = alexs.get(f"/acknowledgements/{draft['id']}").json()["copies"][0]["answers"]
    assert history["current"]["kind"] == "heard"
    assert [row["missing"] for row in history["earlier"]] == ["Not sure yet"]
    # The writer cannot change the partner's answer.
    assert (
        alexs.post(f"/acknowledgements/answers/{first['id']}/change", {"kind": "heard"}).status_code
        == 404
    )


def test_sending_waits_for_the_private_check_and_keeps_the_draft(api_for, alex, sam):
    alexs = api_for(alex)
    draft = _draft(alexs)
    assert draft["draft"]["send_refusal"] == "check_needed"
    refused = alexs.post(f"/acknowledgements/{draft['id']}/send")
    assert refused.status_code == 409
    assert "private check" in refused.json()["detail"]
    assert not AcknowledgementSent.objects.exists()
    assert Acknowledgement.objects.get().own_it == DRAFT["own_it"]


def test_sending_without_a_partner_is_refused(api_for, alex):
    alexs = api_for(alex)
    draft = _draft(alexs)
    refused = alexs.post(f"/acknowledgements/{draft['id']}/send")
    assert refused.status_code == 409
    assert "linked partner" in refused.json()["detail"]


def test_a_missing_part_or_someone_elses_log_entry_is_refused(api_for, alex, robin):
    alexs = api_for(alex)
    empty = alexs.post("/acknowledgements", {**DRAFT, "impact": ""})
    assert empty.status_code == 422
    assert [error["field"] for error in empty.json()["errors"]] == ["impact"]
    robins = LogEntry.objects.create(author=robin, what_happened="Robin's own")
    theirs = alexs.post("/acknowledgements", {**DRAFT, "entries": [str(robins.pk)]})
    assert theirs.status_code == 422
    assert theirs.json()["errors"][0]["field"] == "entries"
    assert not Acknowledgement.objects.exists()


def test_not_yet_needs_what_is_missing(api_for, checked):
    alex, sam = checked
    draft = _draft(api_for(alex))
    api_for(alex).post(f"/acknowledgements/{draft['id']}/send")
    refused = api_for(sam).post(
        f"/acknowledgements/{draft['id']}/answers", {"sent": 1, "kind": "not_yet"}
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "missing"
    assert not AcknowledgementResponse.objects.exists()


def test_others_meet_the_same_404_as_a_made_up_id(api_for, checked, robin):
    alex, sam = checked
    alexs = api_for(alex)
    draft = _draft(alexs)
    alexs.post(f"/acknowledgements/{draft['id']}/send")
    made_up = api_for(robin).get(f"/acknowledgements/{MADE_UP}")
    assert made_up.status_code == 404
    robins = api_for(robin)
    read = robins.get(f"/acknowledgements/{draft['id']}")
    assert (read.status_code, read.json()) == (404, made_up.json())
    assert (
        robins.post(
            f"/acknowledgements/{draft['id']}/answers", {"sent": 1, "kind": "heard"}
        ).status_code
        == 404
    )
    # The partner reads a sent thread but may not revise, send or delete it.
    sams = api_for(sam)
    headers = {"If-Match": '"v1"'}
    assert sams.put(f"/acknowledgements/{draft['id']}", DRAFT, headers).status_code == 404
    assert sams.post(f"/acknowledgements/{draft['id']}/send").status_code == 404
    assert sams.delete(f"/acknowledgements/{draft['id']}").status_code == 404
    # The writer cannot answer their own.
    assert (
        alexs.post(
            f"/acknowledgements/{draft['id']}/answers", {"sent": 1, "kind": "heard"}
        ).status_code
        == 404
    )
    assert Acknowledgement.objects.get().own_it == DRAFT["own_it"]


def test_a_stale_edit_is_refused_and_the_saved_draft_stays(api_for, alex):
    alexs = api_for(alex)
    draft = _draft(alexs)
    path = f"/acknowledgements/{draft['id']}"
    assert alexs.put(path, DRAFT).status_code == 428
    assert alexs.put(path, {**DRAFT, "own_it": "newer"}, {"If-Match": '"v1"'}).status_code == 200
    stale = alexs.put(path, {**DRAFT, "own_it": "older tab"}, {"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert stale.json()["current"]["own_it"] == "newer"
    assert Acknowledgement.objects.get().own_it == "newer"


def test_creating_with_the_same_idempotency_key_makes_one_draft(api_for, alex):
    alexs = api_for(alex)
    key = {"Idempotency-Key": "ack-1"}
    first = alexs.post("/acknowledgements", DRAFT, key)
    again = alexs.post("/acknowledgements", DRAFT, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Acknowledgement.objects.count() == 1
    assert alexs.post("/acknowledgements", {**DRAFT, "own_it": "other"}, key).status_code == 422


def test_wording_hints_come_only_when_switched_on_and_save_nothing(api_for, alex):
    alexs = api_for(alex)
    body = {"impact": "You always nag me about it."}
    assert alexs.post("/acknowledgements/hints", body).json()["hints"] == []
    alex.coach_enabled = True
    alex.save()
    hints = alexs.post("/acknowledgements/hints", body).json()["hints"]
    assert hints and hints[0]["words"] == "You always"
    assert not Acknowledgement.objects.exists()


def test_a_crisis_draft_brings_the_support_lines(api_for, alex):
    saved = api_for(alex).post("/acknowledgements", {**DRAFT, "change": "I want to kill myself"})
    assert saved.json()["support"]["lines"]


def test_the_writer_lists_and_deletes_a_draft(api_for, alex):
    alexs = api_for(alex)
    draft = _draft(alexs)
    listed = alexs.get("/acknowledgements").json()["results"]
    assert [(row["id"], row["times_sent"]) for row in listed] == [(draft["id"], 0)]
    assert alexs.delete(f"/acknowledgements/{draft['id']}").json() == {"deleted": True}
    assert not Acknowledgement.objects.exists()
