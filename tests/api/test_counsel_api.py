"""The client's side of counsellor access over the API: invite, grant, revoke, the
record of it all, and the counsellor's notes. The partner never reaches any of it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mendwell.counsel import services
from mendwell.counsel.models import CounsellorInvite
from mendwell.counsel.tests.factories import counsellor_for, shared_checkins
from mendwell.couples.grants import Grant

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


def until(days: int = 30) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_an_invitation_link_is_shown_once_and_works_for_the_counsellor(api_for, alex, dana):
    api = api_for(alex)
    made = api.post("/counsel/invites")
    assert made.status_code == 201
    body = made.json()
    assert f"/counsellor/join/{body['token']}/" in body["url"]
    listed = api.get("/counsel/invites").json()
    assert [invite["id"] for invite in listed] == [body["invite"]["id"]]
    assert "token" not in listed[0]
    joined = api_for(dana).post("/counsellor/join", {"token": body["token"]})
    assert joined.status_code == 201
    assert [c["name"] for c in api.get("/counsel/counsellors").json()] == ["Dana"]
    assert api.get("/counsel/invites").json() == []


def test_a_cancelled_link_no_longer_works(api_for, alex, dana):
    api = api_for(alex)
    body = api.post("/counsel/invites").json()
    assert api.delete(f"/counsel/invites/{body['invite']['id']}").json() == {"deleted": True}
    refused = api_for(dana).post("/counsellor/join", {"token": body["token"]})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "token"
    assert api.get("/counsel/counsellors").json() == []


def test_a_retried_invite_with_the_same_key_makes_one_link(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "invite-1"}
    first, replay = (
        api.post("/counsel/invites", headers=key),
        api.post("/counsel/invites", headers=key),
    )
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert CounsellorInvite.objects.filter(client=alex).count() == 1


def test_a_fourth_waiting_link_is_refused_with_a_clear_message(api_for, alex):
    api = api_for(alex)
    for _ in range(3):
        assert api.post("/counsel/invites").status_code == 201
    refused = api.post("/counsel/invites")
    assert refused.status_code == 409
    assert "Cancel one" in refused.json()["detail"]
    assert CounsellorInvite.objects.filter(client=alex).count() == 3


def test_granting_items_shows_them_in_the_list_and_the_record(api_for, link, dana):
    alex = link.client
    items = shared_checkins(alex)
    api = api_for(alex)
    offered = api.get("/counsel/grantable").json()
    assert {item["id"] for item in offered["items"]} >= {str(row.pk) for row in items}
    assert "checkins.checkin" in [kind["category"] for kind in offered["kinds"]]
    made = api.post(
        f"/counsel/counsellors/{link.pk}/grants",
        {"items": [str(items[0].pk)], "until": until()},
    )
    assert made.status_code == 201
    [grant] = made.json()["grants"]
    assert grant["item_id"] == str(items[0].pk)
    api_for(dana).get(f"/counsellor/items/{items[0].pk}")
    detail = api.get(f"/counsel/counsellors/{link.pk}").json()
    assert [g["id"] for g in detail["grants"]] == [grant["id"]]
    assert sorted(line["what"] for line in detail["audit"]) == ["granted", "viewed"]


def test_a_time_box_beyond_90_days_or_an_empty_choice_is_refused(api_for, link):
    alex = link.client
    item = shared_checkins(alex, 1)[0]
    api = api_for(alex)
    too_long = api.post(
        f"/counsel/counsellors/{link.pk}/grants", {"items": [str(item.pk)], "until": until(91)}
    )
    assert too_long.status_code == 422
    assert [e["field"] for e in too_long.json()["errors"]] == ["until"]
    empty = api.post(f"/counsel/counsellors/{link.pk}/grants", {"until": until()})
    assert [e["field"] for e in empty.json()["errors"]] == ["items"]
    assert not Grant.objects.exists()


def test_the_partners_item_or_a_private_one_cannot_be_granted(api_for, link):
    alex = link.client
    sams_item = shared_checkins(_partner(alex), 1)[0]
    private = shared_checkins(alex, 1)[0]
    private.visibility, private.couple = "private", None
    private.save()
    api = api_for(alex)
    for item in (sams_item, private):
        refused = api.post(
            f"/counsel/counsellors/{link.pk}/grants", {"items": [str(item.pk)], "until": until()}
        )
        assert refused.status_code == 422
        assert refused.json()["errors"][0]["field"] == "items"
    assert not Grant.objects.exists()


def test_a_revoked_grant_stops_the_counsellor_on_the_next_request(api_for, link, dana):
    alex = link.client
    item = shared_checkins(alex, 1)[0]
    api = api_for(alex)
    grant = api.post(
        f"/counsel/counsellors/{link.pk}/grants",
        {"categories": ["checkins.checkin"], "until": until()},
    ).json()["grants"][0]
    danas = api_for(dana)
    assert danas.get(f"/counsellor/items/{item.pk}").status_code == 200
    assert api.delete(f"/counsel/grants/{grant['id']}").json() == {"deleted": True}
    assert danas.get(f"/counsellor/items/{item.pk}").status_code == 404
    assert api.get(f"/counsel/counsellors/{link.pk}").json()["grants"] == []


def test_the_partner_reaches_none_of_it(api_for, link):
    alex = link.client
    sam = _partner(alex)
    grant = services.grant_create(
        client=alex,
        link=link,
        categories=["checkins.checkin"],
        item_ids=[],
        until=timezone.localdate() + timedelta(days=5),
    )[0]
    sams = api_for(sam)
    made_up = sams.get(f"/counsel/counsellors/{MADE_UP}")
    assert made_up.status_code == 404
    assert sams.get(f"/counsel/counsellors/{link.pk}").json() == made_up.json()
    assert sams.delete(f"/counsel/grants/{grant.pk}").json() == made_up.json()
    assert sams.delete(f"/counsel/counsellors/{link.pk}").json() == made_up.json()
    assert sams.get("/counsel/counsellors").json() == []
    assert Grant.objects.get().revoked_at is None


def test_notes_from_the_counsellor_reach_the_client_alone(api_for, link, dana):
    alex = link.client
    api_for(dana).post(
        f"/counsellor/clients/{link.pk}/notes", {"text": "Try the talk twice", "suggested_step": 2}
    )
    [note] = api_for(alex).get("/counsel/notes").json()["results"]
    assert note["text"] == "Try the talk twice"
    assert note["suggested_step"] == 2 and note["suggested_step_title"]
    assert note["counsellor_name"] == "Dana"
    assert api_for(_partner(alex)).get("/counsel/notes").json()["results"] == []


def test_ending_the_link_closes_it_for_the_counsellor(api_for, link, dana):
    alex = link.client
    assert api_for(alex).delete(f"/counsel/counsellors/{link.pk}").json() == {"deleted": True}
    assert api_for(dana).get(f"/counsellor/clients/{link.pk}").status_code == 404
    assert api_for(alex).get("/counsel/counsellors").json() == []


def _partner(user):
    from mendwell.couples.selectors import partner_of

    return partner_of(user)
