"""The counsellor's side over the API: only counsellor accounts get in, they read
only what a client granted (checked on every request), and leave notes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mendwell.checkins.models import CheckIn
from mendwell.counsel import services
from mendwell.counsel.models import CounsellorNote, GrantView
from mendwell.counsel.tests.factories import counsellor_for, shared_checkins
from mendwell.couples.grants import is_counsellor

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dana(make_user):
    return make_user("dana@example.com", "Dana")


@pytest.fixture
def link(checked, dana):
    alex, _sam = checked
    return counsellor_for(alex, dana)


def grant(link, *, items=(), categories=()):
    return services.grant_create(
        client=link.client,
        link=link,
        categories=list(categories),
        item_ids=[item.pk for item in items],
        until=timezone.localdate() + timedelta(days=30),
    )


def test_partners_get_401_here_and_counsellors_get_401_on_partner_routes(api_for, link, dana):
    assert api_for(link.client).get("/counsellor/clients").status_code == 401
    assert api_for(dana).get("/counsellor/clients").status_code == 200
    assert api_for(dana).get("/check-ins").status_code == 401
    assert api_for(dana).get("/counsel/counsellors").status_code == 401


def test_joining_makes_a_counsellor_account_with_this_client(api_for, alex, dana):
    token = services.invite_create(client=alex).token
    joined = api_for(dana).post("/counsellor/join", {"token": token})
    assert joined.status_code == 201
    assert joined.json()["name"] == "Alex"
    assert is_counsellor(dana)
    assert [c["name"] for c in api_for(dana).get("/counsellor/clients").json()] == ["Alex"]


def test_a_partner_account_cannot_become_a_counsellor(api_for, checked):
    alex, sam = checked
    token = services.invite_create(client=alex).token
    refused = api_for(sam).post("/counsellor/join", {"token": token})
    assert refused.status_code == 422
    assert "uses Mendwell as a partner" in refused.json()["errors"][0]["message"]
    assert not is_counsellor(sam)


def test_the_client_page_lists_only_granted_items_by_kind_and_day(api_for, link, dana):
    granted, other = shared_checkins(link.client, 2)
    grant(link, items=[granted])
    body = api_for(dana).get(f"/counsellor/clients/{link.pk}").json()
    assert body["name"] == "Alex"
    assert [item["id"] for item in body["items"]] == [str(granted.pk)]
    # Kinds and days only: the words are read by opening the item, which is recorded.
    assert "preview" not in body["items"][0]
    assert not GrantView.objects.exists()


def test_opening_a_granted_item_shows_its_words_and_is_recorded(api_for, link, dana):
    item = shared_checkins(link.client, 1)[0]
    grant(link, items=[item])
    body = api_for(dana).get(f"/counsellor/items/{item.pk}").json()
    assert body["client_id"] == str(link.pk)
    assert "A calmer evening than last week." in [field["value"] for field in body["fields"]]
    assert GrantView.objects.filter(link=link, item_id=item.pk).count() == 1


def test_items_not_granted_private_or_the_partners_answer_like_a_made_up_id(api_for, link, dana):
    alex = link.client
    not_granted = shared_checkins(alex, 2)[1]
    sams = CheckIn.objects.create(
        author=_partner(alex),
        couple=not_granted.couple,
        visibility="shared",
        day=not_granted.day,
        mood=3,
        closeness=3,
        note="Sam's words",
    )
    grant(link, categories=["checkins.checkin"])
    not_granted.visibility, not_granted.couple = "private", None
    not_granted.save()
    danas = api_for(dana)
    made_up = danas.get(f"/counsellor/items/{MADE_UP}")
    assert made_up.status_code == 404
    for hidden in (not_granted, sams):
        assert danas.get(f"/counsellor/items/{hidden.pk}").json() == made_up.json()
    assert danas.get(f"/counsellor/clients/{MADE_UP}").json() == made_up.json()


def test_an_expired_grant_stops_on_the_next_request(api_for, link, dana):
    item = shared_checkins(link.client, 1)[0]
    [made] = grant(link, items=[item])
    danas = api_for(dana)
    assert danas.get(f"/counsellor/items/{item.pk}").status_code == 200
    made.expires_at = timezone.now() - timedelta(seconds=1)
    made.save()
    assert danas.get(f"/counsellor/items/{item.pk}").status_code == 404
    assert danas.get(f"/counsellor/clients/{link.pk}").json()["items"] == []


def test_a_note_with_a_suggested_exercise_is_saved_once_per_key(api_for, link, dana):
    danas = api_for(dana)
    key = {"Idempotency-Key": "note-1"}
    body = {"text": "Try the ten-minute talk", "suggested_step": 2}
    first = danas.post(f"/counsellor/clients/{link.pk}/notes", body, headers=key)
    replay = danas.post(f"/counsellor/clients/{link.pk}/notes", body, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert first.json()["suggested_step"] == 2
    assert CounsellorNote.objects.count() == 1
    notes = danas.get(f"/counsellor/clients/{link.pk}").json()["notes"]
    assert [note["text"] for note in notes] == ["Try the ten-minute talk"]


def test_a_bad_note_names_its_fields_and_saves_nothing(api_for, link, dana):
    refused = api_for(dana).post(
        f"/counsellor/clients/{link.pk}/notes", {"text": "", "suggested_step": 42}
    )
    assert refused.status_code == 422
    assert sorted(e["field"] for e in refused.json()["errors"]) == ["suggested_step", "text"]
    assert not CounsellorNote.objects.exists()


def test_another_counsellor_cannot_write_to_this_client(api_for, link, make_user, robin):
    other = make_user("eli@example.com", "Eli")
    counsellor_for(robin, other)
    refused = api_for(other).post(f"/counsellor/clients/{link.pk}/notes", {"text": "hello"})
    assert refused.status_code == 404
    assert not CounsellorNote.objects.exists()


def test_the_counsellor_can_end_the_link(api_for, link, dana):
    danas = api_for(dana)
    assert danas.delete(f"/counsellor/clients/{link.pk}").json() == {"deleted": True}
    assert danas.get("/counsellor/clients").json() == []
    assert api_for(link.client).get("/counsel/counsellors").json() == []


def _partner(user):
    from mendwell.couples.selectors import partner_of

    return partner_of(user)


def test_joining_from_the_browser_fences_off_the_partner_pages(client_for, alex, dana):
    import json

    from mendwell.counsel.middleware import COUNSELLOR_SESSION_KEY

    browser = client_for(dana)
    assert browser.get("/check-in/").status_code == 200
    token = services.invite_create(client=alex).token
    joined = browser.post(
        "/api/v1/counsellor/join", json.dumps({"token": token}), content_type="application/json"
    )
    assert joined.status_code == 201
    assert browser.session[COUNSELLOR_SESSION_KEY] is True
    assert browser.get("/check-in/").status_code == 404
