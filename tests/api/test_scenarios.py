"""SECURITY.md's scenarios over the API: TS1–TS13 (object and field level),
TS27 (tokens) and TS95 (retries). The generated matrix (test_api_matrix.py)
covers every route; these follow one person's story through each rule."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from conftest import link
from mendwell.checkins.models import CheckIn
from mendwell.couples.services import couple_leave
from mendwell.journal.models import LogEntry
from mendwell.security.models import AppToken
from mendwell.story.models import Victory

pytestmark = pytest.mark.django_db

VICTORY = {"text": "we cooked together", "happened_on": "2026-11-20"}
VOLATILE = {"date", "x-request-id", "content-length"}


def _headers(response: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in response.items() if name.lower() not in VOLATILE}


def _shared_victory(api: Any) -> dict[str, Any]:
    response = api.post("/story/victories", VICTORY)
    assert response.status_code == 201
    body = response.json()
    return body.get("victory", body)


# --- Object level ----------------------------------------------------------------------


def test_ts1_a_private_entry_looks_exactly_like_a_missing_or_deleted_one(api_for, alex, sam):
    private = LogEntry.objects.create(author=alex, what_happened="only mine")
    deleted = LogEntry.objects.create(author=sam, what_happened="gone soon")
    deleted_id = deleted.pk
    deleted.delete()
    sams = api_for(sam)
    answers = [
        sams.get(f"/log/{object_id}") for object_id in (private.pk, uuid.uuid4(), deleted_id)
    ]
    assert {answer.status_code for answer in answers} == {404}
    assert len({answer.content for answer in answers}) == 1
    assert len({tuple(sorted(_headers(answer).items())) for answer in answers}) == 1
    assert all("ETag" not in answer and "Last-Modified" not in answer for answer in answers)


def test_ts2_the_partner_cannot_change_or_delete_a_private_check_in(api_for, checked):
    alex, sam = checked
    row = CheckIn.objects.create(author=alex, day="2026-11-01", mood=2, closeness=2, note="mine")
    before = CheckIn.objects.filter(pk=row.pk).values().get()
    sams = api_for(sam)
    assert sams.put(f"/check-ins/{row.pk}/sharing", {"share": True}).status_code == 404
    assert sams.delete(f"/check-ins/{row.pk}").status_code == 404
    assert CheckIn.objects.filter(pk=row.pk).values().get() == before


def test_ts3_someone_from_another_couple_finds_nothing_of_a_shared_victory(api_for, checked, robin):
    alex, _sam = checked
    victory = _shared_victory(api_for(alex))
    robins = api_for(robin)
    path = f"/story/victories/{victory['id']}"
    assert robins.get(path).status_code == 404
    assert robins.put(path, VICTORY, headers={"If-Match": '"v1"'}).status_code == 404
    assert robins.delete(path).status_code == 404
    assert Victory.objects.filter(pk=victory["id"]).exists()


def test_ts4_an_ex_partners_open_app_loses_what_was_shared_at_once(api_for, checked):
    alex, sam = checked
    victory = _shared_victory(api_for(alex))
    sams = api_for(sam)  # the app Sam had open, token and all
    assert sams.get(f"/story/victories/{victory['id']}").status_code == 200
    couple_leave(user=alex)
    assert sams.get(f"/story/victories/{victory['id']}").status_code == 404
    assert sams.get("/story/victories").json()["results"] == []


def test_ts5_anonymous_callers_learn_nothing_from_a_real_id(api_for, alex):
    entry = LogEntry.objects.create(author=alex, what_happened="only mine")
    nobody = api_for(None)
    real, made_up = nobody.get(f"/log/{entry.pk}"), nobody.get(f"/log/{uuid.uuid4()}")
    assert real.status_code == made_up.status_code == 401
    assert real.content == made_up.content


def test_ts6_staff_accounts_have_no_reach_into_anyones_writing(api_for, alex, staff):
    entry = LogEntry.objects.create(author=alex, what_happened="only mine")
    assert api_for(staff).get(f"/log/{entry.pk}").status_code == 404


PARTNER_VIEWS = (
    "/me",
    "/today",
    "/check-ins/partner",
    "/story/victories",
    "/loved/partner",
    "/promises/to-me",
    "/notifications",
    "/acknowledgements/received",
)


def test_ts7_the_partners_answers_do_not_change_when_private_things_come_and_go(api_for, checked):
    alex, sam = checked
    sams, alexs = api_for(sam), api_for(alex)

    def snapshot() -> list[bytes]:
        return [sams.get(path).content for path in PARTNER_VIEWS]

    before = snapshot()
    entry = alexs.post("/log", {"what_happened": "a private memory"}).json()["entry"]
    alexs.post("/check-ins", {"mood": 1, "closeness": 1, "note": "hard day"})
    item = alexs.post("/loved/items", {"text": "only for me"}).json()["item"]
    assert snapshot() == before
    etag = alexs.get(f"/log/{entry['id']}")["ETag"]
    alexs.put(f"/log/{entry['id']}", {"what_happened": "edited"}, headers={"If-Match": etag})
    alexs.delete(f"/log/{entry['id']}")
    alexs.delete(f"/loved/items/{item['id']}")
    assert snapshot() == before


def test_ts9_ids_are_random_version_4_uuids(api_for, alex):
    api = api_for(alex)
    ids = [
        uuid.UUID(api.post("/log", {"what_happened": f"memory {n}"}).json()["entry"]["id"])
        for n in range(2)
    ]
    assert all(value.version == 4 for value in ids)
    assert abs(ids[0].int - ids[1].int) > 1_000_000


# --- Field level and write-side references ------------------------------------------


def test_ts10_a_create_naming_another_author_is_refused_and_saves_nothing(api_for, alex, sam):
    response = api_for(alex).post("/story/victories", {**VICTORY, "author": str(sam.public_id)})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "author"
    assert not Victory.objects.exists()


def test_ts11_visibility_and_author_cannot_be_changed_through_an_edit(api_for, checked):
    alex, sam = checked
    victory = _shared_victory(api_for(sam))
    sams = api_for(sam)
    etag = sams.get(f"/story/victories/{victory['id']}")["ETag"]
    response = sams.put(
        f"/story/victories/{victory['id']}",
        {**VICTORY, "visibility": "private", "author": str(alex.public_id)},
        headers={"If-Match": etag},
    )
    assert response.status_code == 422
    assert {error["field"] for error in response.json()["errors"]} == {"visibility", "author"}
    row = Victory.objects.get(pk=victory["id"])
    assert (row.author_id, row.visibility) == (sam.pk, "shared")


FORBIDDEN_KEYS = {"email", "ip", "ip_address", "user_agent", "last_login", "edit_history"}


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def test_ts12_what_the_partner_reads_carries_only_allowlisted_fields(api_for, checked):
    alex, sam = checked
    alexs = api_for(alex)
    _shared_victory(alexs)
    alexs.post("/check-ins", {"mood": 4, "closeness": 4, "note": "good", "share": True})
    sams = api_for(sam)
    for path in ("/story/victories", "/check-ins/partner", "/me", "/couple"):
        body = sams.get(path).json()
        assert not _keys(body) & FORBIDDEN_KEYS, path
        assert alex.email not in str(body), path


def test_ts13_a_reference_to_someone_elses_entry_creates_nothing(api_for, checked):
    alex, sam = checked
    alexs_entry = LogEntry.objects.create(author=alex, what_happened="only mine")
    sams = api_for(sam)
    draft = {"own_it": "I was away", "impact": "you were alone", "change": "home by six"}
    with_alexs = sams.post("/acknowledgements", {**draft, "entries": [str(alexs_entry.pk)]})
    with_made_up = sams.post("/acknowledgements", {**draft, "entries": [str(uuid.uuid4())]})
    assert with_alexs.status_code == with_made_up.status_code
    assert with_alexs.status_code in (404, 422)
    assert with_alexs.json() == with_made_up.json()
    from mendwell.journal.models import Acknowledgement

    assert not Acknowledgement.objects.filter(author=sam).exists()


def test_ts13_a_turn_cannot_be_added_to_another_couples_conversation(api_for, checked, make_user):
    from mendwell.conversations.models import Turn
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    alex, sam = checked
    kim, lee = make_user("kim@example.com", "Kim"), make_user("lee@example.com", "Lee")
    link(kim, lee)
    for person in (kim, lee):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    theirs = api_for(kim).post("/talk", {}).json()
    talk_id = theirs.get("id") or theirs["conversation"]["id"]
    response = api_for(sam).post(f"/talk/{talk_id}/turns", {"text": "hello", "seq": 1})
    made_up = api_for(sam).post(f"/talk/{uuid.uuid4()}/turns", {"text": "hello", "seq": 1})
    assert response.status_code == made_up.status_code == 404
    assert response.content == made_up.content
    assert not Turn.objects.filter(author=sam).exists()


# --- Tokens (TS27) and retries (TS95) -----------------------------------------------


def test_ts27_a_token_is_stored_hashed_listed_revocable_and_ends_on_reset(api_for, alex, client):
    from mendwell.security.tokens import token_create

    row, token = token_create(user=alex, name="phone")
    with connection.cursor() as cursor:
        cursor.execute("SELECT token_hash FROM security_apptoken")
        stored = [value for (value,) in cursor.fetchall()]
    assert token not in stored and row.token_hash in stored
    phone = api_for(None)
    phone.client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    assert phone.get("/me").status_code == 200
    listed = api_for(alex).get("/security/tokens").json()
    assert "phone" in str(listed)
    AppToken.objects.filter(pk=row.pk).update(revoked_at=timezone.now())
    assert phone.get("/me").status_code == 401
    # A password reset revokes every token, through the same signal the web uses.
    _row, second = token_create(user=alex, name="tablet")
    tablet = api_for(None)
    tablet.client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {second}"
    assert tablet.get("/me").status_code == 200
    from allauth.account.signals import password_reset

    password_reset.send(sender=type(alex), request=None, user=alex)
    assert tablet.get("/me").status_code == 401


def test_ts95_a_retry_after_a_timeout_saves_one_victory_and_answers_the_same(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = api.post("/story/victories", VICTORY, headers=key)
    retry = api.post("/story/victories", VICTORY, headers=key)
    assert first.status_code == retry.status_code == 201
    assert first.content == retry.content
    assert Victory.objects.filter(author=alex).count() == 1
