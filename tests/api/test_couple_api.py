"""Linking over the API: a single-use code shown once to its maker, joining with
it, and leaving alone (behind the password) with nobody told, as on /couple/."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import PASSWORD
from mendwell.checkins.models import CheckIn
from mendwell.couples.models import Invite
from mendwell.couples.selectors import partner_of
from mendwell.notify.models import Notification
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

MADE_UP = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_on_my_own_i_am_not_linked_and_have_no_code(api_for, alex):
    assert api_for(alex).get("/couple").json() == {
        "linked": False,
        "partner_display_name": None,
        "pending_invite": None,
    }


def test_a_code_is_shown_once_then_only_that_one_is_waiting(api_for, alex):
    api = api_for(alex)
    made = api.post("/couple/invite")
    assert made.status_code == 201
    body = made.json()
    assert body["join_url"].endswith("/couple/join/?code=" + body["code"])
    waiting = api.get("/couple").json()["pending_invite"]
    assert waiting["id"] == body["id"]
    assert "code" not in waiting
    assert api.get("/couple/invite").json()["id"] == body["id"]
    # A new code replaces the old one, which stops working.
    newer = api.post("/couple/invite").json()
    assert api.get("/couple/invite").json()["id"] == newer["id"]
    assert Invite.objects.get(pk=body["id"]).revoked_at is not None


def test_the_partner_joins_with_the_code_and_both_see_the_link(api_for, alex, make_user):
    sam = make_user("sam@example.com", "Sam")
    code = api_for(alex).post("/couple/invite").json()["code"]
    joined = api_for(sam).post("/couple/join", {"code": code.lower()})
    assert joined.status_code == 201
    assert joined.json()["linked"] is True
    assert joined.json()["partner_display_name"] == "Alex"
    mine = api_for(alex).get("/couple")
    assert mine.json()["partner_display_name"] == "Sam"
    assert mine.json()["pending_invite"] is None
    assert "@" not in mine.content.decode()


def test_a_wrong_code_is_refused_on_the_code_field_and_links_nobody(api_for, alex, robin):
    api_for(alex).post("/couple/invite")
    response = api_for(robin).post("/couple/join", {"code": "ABCD-EFGH"})
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "code"
    assert error["message"].startswith("That code doesn't work.")
    assert partner_of(robin) is None


def test_my_own_code_cannot_link_me_to_myself(api_for, alex):
    api = api_for(alex)
    code = api.post("/couple/invite").json()["code"]
    response = api.post("/couple/join", {"code": code})
    assert response.status_code == 422
    assert "your own invite" in response.json()["errors"][0]["message"]


def test_a_retried_join_with_the_same_key_answers_the_same_and_links_once(api_for, alex, make_user):
    sam = make_user("sam@example.com", "Sam")
    code = api_for(alex).post("/couple/invite").json()["code"]
    sams = api_for(sam)
    key = {"Idempotency-Key": "join-1"}
    first = sams.post("/couple/join", {"code": code}, headers=key)
    again = sams.post("/couple/join", {"code": code}, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    other = sams.post("/couple/join", {"code": "something-else"}, headers=key)
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"


def test_making_a_code_while_linked_is_refused(api_for, alex, sam):
    response = api_for(alex).post("/couple/invite")
    assert response.status_code == 409
    assert "already linked" in response.json()["detail"]


def test_only_the_maker_can_cancel_a_code_and_others_see_a_plain_404(api_for, alex, robin):
    code_id = api_for(alex).post("/couple/invite").json()["id"]
    robins = api_for(robin)
    theirs = robins.delete(f"/couple/invite/{code_id}")
    made_up = robins.delete(f"/couple/invite/{MADE_UP}")
    assert theirs.status_code == made_up.status_code == 404
    assert theirs.json() == made_up.json()
    assert Invite.objects.get(pk=code_id).revoked_at is None
    cancelled = api_for(alex).delete(f"/couple/invite/{code_id}")
    assert cancelled.json() == {"deleted": True}
    assert Invite.objects.get(pk=code_id).revoked_at is not None
    assert api_for(alex).get("/couple/invite").json() is None


# --- Leaving ---------------------------------------------------------------------


def test_leaving_needs_the_password(api_for, alex, sam):
    response = api_for(alex).post("/couple/leave", {})
    assert response.status_code == 403
    assert response.json()["errors"][0]["field"] == "password"
    assert partner_of(alex) == sam


def test_leaving_ends_the_link_for_both_and_tells_the_partner_nothing(api_for, alex, sam):
    response = api_for(alex).post("/couple/leave", {"password": PASSWORD})
    assert response.status_code == 200
    assert response.json()["linked"] is False
    assert api_for(sam).get("/couple").json()["linked"] is False
    assert not Notification.objects.filter(recipient=sam).exists()
    again = api_for(alex).post("/couple/leave", {"password": PASSWORD})
    assert again.status_code == 409
    assert again.json()["detail"] == "You're not linked with anyone right now."


def test_before_leaving_i_can_keep_what_my_partner_shared_but_not_their_private_days(
    api_for, checked
):
    from datetime import date

    alex, sam = checked
    api_for(sam).post("/check-ins", {"mood": 4, "closeness": 4, "note": "shared", "share": True})
    CheckIn.objects.create(author=sam, day=date(2026, 1, 2), mood=2, closeness=2, note="mine")
    body = api_for(alex).get("/couple/shared-with-me").json()
    assert [item["note"] for item in body["items"]] == ["shared"]


def test_with_nobody_linked_there_is_nothing_shared_to_keep(api_for, robin):
    assert api_for(robin).get("/couple/shared-with-me").status_code == 404
