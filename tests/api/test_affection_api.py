"""Consent-first affection over the API: the same rules as step 7's page. Each
yes and each comfort setting is private; the tools open only when both said
yes; "waiting" reads the same whatever the partner chose; an answer to the
day's invitation is never stored."""

from __future__ import annotations

import typing

import pytest

from mendwell.affection.catalogue import KINDS
from mendwell.affection.models import AffectionNote, AffectionProfile, TouchChallenge
from mendwell.affection.selectors import local_today

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"


def both_in(api_for, alex, sam, alex_kinds=("hug", "forehead_kiss"), sam_kinds=("hug", "cuddle")):
    """Alex and Sam have both said yes; both are open to a hug, each to one more thing."""
    for person in (alex, sam):
        api_for(person).put("/affection/choice", {"opted_in": True})
    for person, kinds in ((alex, alex_kinds), (sam, sam_kinds)):
        api = api_for(person)
        etag = api.get("/affection/comfort")["ETag"]
        api.put("/affection/comfort", {"open_kinds": list(kinds)}, headers={"If-Match": etag})
    return api_for(alex), api_for(sam)


# --- Choosing ----------------------------------------------------------------------


def test_the_tools_stay_closed_for_both_until_both_say_yes(api_for, alex, sam):
    alexs, sams = api_for(alex), api_for(sam)
    said = alexs.put("/affection/choice", {"opted_in": True}).json()
    assert (said["state"], said["opted_in"]) == ("waiting", True)
    assert sams.get("/affection").json()["state"] == "waiting"
    assert sams.put("/affection/choice", {"opted_in": True}).json()["state"] == "open"
    assert alexs.get("/affection").json()["state"] == "open"


@pytest.mark.parametrize("alex_then_withdraws", [False, True])
def test_sams_answers_are_identical_whether_alex_has_not_decided_said_yes_or_withdrew(
    api_for, alex, sam, alex_then_withdraws
):
    sams = api_for(sam)
    before = [sams.get(path).content for path in ("/affection", "/affection/notes")]
    api_for(alex).put("/affection/choice", {"opted_in": True})
    if alex_then_withdraws:
        api_for(alex).put("/affection/choice", {"opted_in": False})
    after = [sams.get(path).content for path in ("/affection", "/affection/notes")]
    assert after == before


def test_saying_yes_alone_is_refused_with_the_pages_reason(api_for, robin):
    response = api_for(robin).put("/affection/choice", {"opted_in": True})
    assert response.status_code == 409
    assert "for a couple" in response.json()["detail"]
    assert not AffectionProfile.objects.exists()


def test_turning_the_tools_off_clears_my_choices_and_ends_the_challenge(api_for, alex, sam):
    alexs, sams = both_in(api_for, alex, sam)
    sams.post("/affection/challenge")
    off = alexs.put("/affection/choice", {"opted_in": False}).json()
    assert (off["state"], off["opted_in"]) == ("waiting", False)
    assert not AffectionProfile.objects.filter(author=alex).exists()
    assert TouchChallenge.objects.get().ended_on is not None
    assert sams.get("/affection").json()["challenge"] is None


# --- Comfort settings --------------------------------------------------------------


def test_comfort_settings_are_closed_until_both_said_yes(api_for, alex, sam):
    api = api_for(alex)
    api.put("/affection/choice", {"opted_in": True})
    assert api.get("/affection/comfort").status_code == 404
    etag = {"If-Match": "x"}
    assert api.put("/affection/comfort", {"open_kinds": ["hug"]}, headers=etag).status_code == 404


def test_comfort_settings_need_if_match_and_a_stale_version_changes_nothing(api_for, alex, sam):
    alexs, _sams = both_in(api_for, alex, sam)
    read = alexs.get("/affection/comfort")
    assert read.json()["open_kinds"] == ["forehead_kiss", "hug"]
    assert alexs.put("/affection/comfort", {"open_kinds": []}).status_code == 428

    narrowed = alexs.put(
        "/affection/comfort", {"open_kinds": []}, headers={"If-Match": read["ETag"]}
    )
    assert narrowed.status_code == 200
    assert narrowed["ETag"] != read["ETag"]
    # An old tab sending the wider set must not open again what was just closed.
    stale = alexs.put(
        "/affection/comfort", {"open_kinds": ["hug", "cuddle"]}, headers={"If-Match": read["ETag"]}
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["open_kinds"] == []
    assert AffectionProfile.objects.get(author=alex).open_kinds == frozenset()


def test_an_unknown_kind_is_refused_by_name_and_saves_nothing(api_for, alex, sam):
    alexs, _sams = both_in(api_for, alex, sam)
    etag = alexs.get("/affection/comfort")["ETag"]
    response = alexs.put(
        "/affection/comfort", {"open_kinds": ["hug", "kiss"]}, headers={"If-Match": etag}
    )
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["open_kinds.1"]
    assert AffectionProfile.objects.get(author=alex).open_kinds == {"hug", "forehead_kiss"}


def test_the_documented_kinds_are_the_catalogues():
    from mendwell.api.routes.affection import KindId

    assert typing.get_args(KindId) == tuple(kind.id for kind in KINDS)


def test_neither_partner_ever_reads_the_others_settings(api_for, alex, sam):
    _alexs, sams = both_in(api_for, alex, sam)
    home = sams.get("/affection").json()
    assert [kind["id"] for kind in home["open_kinds"]] == ["cuddle", "hug"]  # Sam's own
    assert sams.get("/affection/comfort").json()["open_kinds"] == ["cuddle", "hug"]
    assert "forehead_kiss" not in sams.get("/affection").content.decode()


# --- The seven days ----------------------------------------------------------------


def test_the_challenge_starts_once_and_invites_only_what_both_are_open_to(api_for, alex, sam):
    alexs, sams = both_in(api_for, alex, sam)
    started = alexs.post("/affection/challenge", headers={"Idempotency-Key": "start"})
    assert started.status_code == 201
    challenge = started.json()["challenge"]
    assert (challenge["day"], challenge["days"]) == (1, 7)
    assert challenge["invitation"]["kind"] == "hug"  # the only kind both are open to
    assert alexs.post("/affection/challenge", headers={"Idempotency-Key": "start"}).json() == (
        started.json()
    )
    again = sams.post("/affection/challenge")
    assert again.status_code == 200
    assert again.json()["challenge"]["id"] == challenge["id"]
    assert TouchChallenge.objects.count() == 1


def test_the_challenge_cannot_start_while_waiting(api_for, alex, sam):
    api = api_for(alex)
    api.put("/affection/choice", {"opted_in": True})
    response = api.post("/affection/challenge")
    assert response.status_code == 409
    assert "both chosen" in response.json()["detail"]
    assert not TouchChallenge.objects.exists()


def test_answering_stores_nothing_and_the_partners_view_does_not_change(api_for, alex, sam):
    alexs, sams = both_in(api_for, alex, sam)
    challenge = alexs.post("/affection/challenge").json()["challenge"]
    sams_before = sams.get("/affection").content
    rows_before = [m.objects.count() for m in (AffectionProfile, TouchChallenge, AffectionNote)]

    path = f"/affection/challenge/{challenge['id']}/answer"
    answered = alexs.post(path, {"day": 1, "answer": "not_now"})
    assert answered.status_code == 200
    assert "Not now is a complete answer" in answered.json()["message"]

    assert sams.get("/affection").content == sams_before
    assert [m.objects.count() for m in (AffectionProfile, TouchChallenge, AffectionNote)] == (
        rows_before
    )
    assert alexs.get("/affection").json()["answer"] is None  # an app token has no session


def test_an_answer_for_another_day_is_refused(api_for, alex, sam):
    alexs, _sams = both_in(api_for, alex, sam)
    challenge = alexs.post("/affection/challenge").json()["challenge"]
    response = alexs.post(
        f"/affection/challenge/{challenge['id']}/answer", {"day": 2, "answer": "done"}
    )
    assert response.status_code == 409
    assert "no longer today's" in response.json()["detail"]


def test_in_the_browser_the_answer_is_acknowledged_for_the_rest_of_the_day(
    api_for, client_for, alex, sam
):
    both_in(api_for, alex, sam)
    browser = client_for(alex)
    challenge = browser.post("/api/v1/affection/challenge", {}, content_type="application/json")
    challenge_id = challenge.json()["challenge"]["id"]
    browser.post(
        f"/api/v1/affection/challenge/{challenge_id}/answer",
        {"day": 1, "answer": "done"},
        content_type="application/json",
    )
    assert browser.get("/api/v1/affection").json()["answer"] == "done"
    assert "Lovely. Nothing is recorded" in browser.get("/affection/").content.decode()


def test_pause_resume_and_end_are_open_to_either_partner(api_for, alex, sam):
    alexs, sams = both_in(api_for, alex, sam)
    challenge = alexs.post("/affection/challenge").json()["challenge"]
    base = f"/affection/challenge/{challenge['id']}"
    assert sams.post(f"{base}/pause").json()["challenge"]["paused"] is True
    answer = alexs.post(f"{base}/answer", {"day": 1, "answer": "done"})
    assert answer.status_code == 409  # nothing to answer while paused
    assert alexs.post(f"{base}/resume").json()["challenge"]["paused"] is False
    assert alexs.post(f"{base}/end").json()["challenge"] is None
    assert sams.post(f"{base}/pause").status_code == 404  # an ended challenge is gone
    assert TouchChallenge.objects.get().ended_on == local_today(alex)


def test_a_stranger_and_a_made_up_id_get_the_same_404(api_for, alex, sam, robin):
    alexs, _sams = both_in(api_for, alex, sam)
    challenge = alexs.post("/affection/challenge").json()["challenge"]
    robins = api_for(robin)
    missing = alexs.post(f"/affection/challenge/{MADE_UP}/pause")
    for action in ("pause", "end"):
        response = robins.post(f"/affection/challenge/{challenge['id']}/{action}")
        assert response.status_code == 404
        assert response.json() == missing.json()
    assert TouchChallenge.objects.get().paused_on is None


def test_while_the_program_is_paused_everything_here_is_on_hold(api_for, alex, sam):
    from mendwell.safety.services import program_pause

    alexs, sams = both_in(api_for, alex, sam)
    challenge = alexs.post("/affection/challenge").json()["challenge"]
    program_pause(user=sam)
    home = alexs.get("/affection").json()
    assert (home["state"], home["challenge"]) == ("paused", None)
    assert alexs.post(f"/affection/challenge/{challenge['id']}/end").status_code == 404
    note = alexs.post("/affection/notes", {"text": "the hug at the station"})
    assert note.status_code == 409
    assert "paused" in note.json()["detail"]
    assert not AffectionNote.objects.exists()


# --- Notes -------------------------------------------------------------------------


def test_a_shared_note_reaches_the_partner_and_a_private_one_does_not(api_for, alex, sam):
    alexs, sams = both_in(api_for, alex, sam)
    shared = alexs.post("/affection/notes", {"text": "the long hug", "share": True})
    assert shared.status_code == 201
    assert shared.json()["note"]["mine"] is True
    alexs.post("/affection/notes", {"text": "just for me"})

    seen = sams.get("/affection/notes").json()["results"]
    assert [(note["text"], note["mine"]) for note in seen] == [("the long hug", False)]
    assert [note["text"] for note in alexs.get("/affection/notes").json()["results"]] == [
        "just for me",
        "the long hug",
    ]


def test_notes_wait_for_both_to_say_yes(api_for, alex, sam):
    api = api_for(alex)
    api.put("/affection/choice", {"opted_in": True})
    response = api.post("/affection/notes", {"text": "a note"})
    assert response.status_code == 409
    assert api.get("/affection/notes").status_code == 409
    assert not AffectionNote.objects.exists()


def test_a_note_is_checked_like_the_form_and_a_retry_makes_one(api_for, alex, sam):
    alexs, _sams = both_in(api_for, alex, sam)
    empty = alexs.post("/affection/notes", {"text": ""})
    assert [error["field"] for error in empty.json()["errors"]] == ["text"]
    refused = alexs.post("/affection/notes", {"text": "x", "visibility": "shared"})
    assert [error["field"] for error in refused.json()["errors"]] == ["visibility"]
    key = {"Idempotency-Key": "note-1"}
    first = alexs.post("/affection/notes", {"text": "tea and a hug"}, headers=key)
    again = alexs.post("/affection/notes", {"text": "tea and a hug"}, headers=key)
    assert again.json() == first.json()
    assert AffectionNote.objects.count() == 1


def test_only_the_writer_deletes_a_note(api_for, alex, sam, robin):
    alexs, sams = both_in(api_for, alex, sam)
    note = alexs.post("/affection/notes", {"text": "the long hug", "share": True}).json()["note"]
    missing = alexs.delete(f"/affection/notes/{MADE_UP}")
    for other in (sam, robin):
        response = api_for(other).delete(f"/affection/notes/{note['id']}")
        assert (response.status_code, response.json()) == (404, missing.json())
    assert alexs.delete(f"/affection/notes/{note['id']}").json() == {"deleted": True}
    assert sams.get("/affection/notes").json()["results"] == []


def test_a_crisis_note_brings_the_support_lines_to_the_writer(api_for, alex, sam):
    alexs, _sams = both_in(api_for, alex, sam)
    body = alexs.post("/affection/notes", {"text": "I'm scared of my partner"}).json()
    assert body["support"]["lines"]
