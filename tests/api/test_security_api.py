"""Devices and app tokens over the API, as on /security/: only one's own are
ever found, and signing out or making and revoking a token needs the password
(or a browser session that just entered it)."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client

from conftest import PASSWORD, ApiClient
from mendwell.security.models import AppToken
from mendwell.security.tests.support import is_signed_in, sign_in
from mendwell.security.tokens import MAX_ACTIVE, token_create
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _session_id(user: Any) -> int:
    return UserSession.objects.filter(user=user).latest("created_at").pk


# --- Devices ---------------------------------------------------------------------


def test_my_signed_in_browsers_are_listed_to_me_alone(api_for, alex, robin):
    sign_in(alex)
    sign_in(robin)
    devices = api_for(alex).get("/security/devices").json()
    assert [device["browser"] for device in devices] == ["Firefox on Android"]
    assert devices[0]["is_current"] is False
    assert devices[0]["last_used_at"] is not None


def test_signing_a_device_out_needs_the_password(api_for, alex):
    browser = sign_in(alex)
    api = api_for(alex)
    refused = api.post("/security/devices/sign-out", {"device_id": _session_id(alex)})
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["field"] == "password"
    wrong = api.post(
        "/security/devices/sign-out",
        {"device_id": _session_id(alex), "password": "not my password"},
    )
    assert wrong.status_code == 403
    assert is_signed_in(browser)


def test_with_the_password_a_device_is_signed_out_at_once(api_for, alex):
    browser = sign_in(alex)
    response = api_for(alex).post(
        "/security/devices/sign-out", {"device_id": _session_id(alex), "password": PASSWORD}
    )
    assert response.status_code == 200
    assert not is_signed_in(browser)
    assert api_for(alex).get("/security/devices").json() == []


def test_someone_elses_device_is_the_same_404_as_a_made_up_one(api_for, alex, robin):
    robins_browser = sign_in(robin)
    api = api_for(alex)
    theirs = api.post(
        "/security/devices/sign-out", {"device_id": _session_id(robin), "password": PASSWORD}
    )
    made_up = api.post("/security/devices/sign-out", {"device_id": 999999, "password": PASSWORD})
    assert theirs.status_code == made_up.status_code == 404
    assert theirs.json() == made_up.json()
    assert is_signed_in(robins_browser)


def test_every_browser_can_be_signed_out_at_once(api_for, alex):
    first, second = sign_in(alex), sign_in(alex)
    left = api_for(alex).post("/security/devices/sign-out-others", {"password": PASSWORD})
    assert left.status_code == 200
    assert left.json() == []
    assert not is_signed_in(first)
    assert not is_signed_in(second)


def test_a_browser_that_just_signed_in_keeps_itself_and_signs_out_the_rest(alex):
    other = sign_in(alex)
    browser = sign_in(alex)  # a fresh sign-in counts as sudo, as on the web
    mine = browser.get("/api/v1/security/devices").json()
    assert [device["is_current"] for device in mine] == [True, False]
    assert mine[0]["last_used_at"] is None  # "Now"
    itself = browser.post(
        "/api/v1/security/devices/sign-out",
        {"device_id": mine[0]["id"]},
        content_type="application/json",
    )
    assert itself.status_code == 409
    others = browser.post(
        "/api/v1/security/devices/sign-out-others", {}, content_type="application/json"
    )
    assert [device["is_current"] for device in others.json()] == [True]
    assert not is_signed_in(other)
    assert is_signed_in(browser)


def test_an_app_signed_in_through_headless_keeps_its_own_session(alex):
    browser = sign_in(alex)
    app = Client()
    login = app.post(
        "/_allauth/app/v1/auth/login",
        {"email": alex.email, "password": PASSWORD},
        content_type="application/json",
    )
    headers = {"X-Session-Token": login.json()["meta"]["session_token"]}
    mine = app.get("/api/v1/security/devices", headers=headers).json()
    assert sorted(device["is_current"] for device in mine) == [False, True]
    left = app.post(
        "/api/v1/security/devices/sign-out-others",
        {"password": PASSWORD},
        content_type="application/json",
        headers=headers,
    )
    assert [device["is_current"] for device in left.json()] == [True]
    assert app.get("/api/v1/me", headers=headers).status_code == 200
    assert not is_signed_in(browser)


# --- App tokens ------------------------------------------------------------------


def test_making_a_token_needs_the_password(api_for, alex):
    api = api_for(alex)
    assert api.post("/security/tokens", {"name": "Tablet"}).status_code == 403
    assert AppToken.objects.filter(user=alex).count() == 1  # the test client's own


def test_a_new_token_is_shown_once_works_and_is_listed_without_its_value(api_for, alex):
    api = api_for(alex)
    made = api.post("/security/tokens", {"name": "  My   tablet ", "password": PASSWORD})
    assert made.status_code == 201
    token = made.json()["token"]
    assert made.json()["item"]["name"] == "My tablet"
    assert ApiClient(token).get("/me").status_code == 200
    listed = api.get("/security/tokens")
    assert [row["name"] for row in listed.json()] == ["My tablet", "tests"]
    assert token not in listed.content.decode()


def test_a_blank_name_is_refused_by_name(api_for, alex):
    response = api_for(alex).post("/security/tokens", {"name": "   ", "password": PASSWORD})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["name"]
    assert AppToken.objects.filter(user=alex).count() == 1


def test_past_the_limit_the_name_field_says_to_revoke_one_first(api_for, alex):
    api = api_for(alex)
    for number in range(MAX_ACTIVE - 1):
        token_create(user=alex, name=f"app {number}")
    response = api.post("/security/tokens", {"name": "One more", "password": PASSWORD})
    assert response.status_code == 422
    assert "revoke one you no longer use first" in response.json()["errors"][0]["message"]
    assert AppToken.objects.filter(user=alex).count() == MAX_ACTIVE


def test_a_revoked_token_stops_working_at_once(api_for, alex):
    api = api_for(alex)
    made = api.post("/security/tokens", {"name": "Tablet", "password": PASSWORD}).json()
    refused = api.post("/security/tokens/revoke", {"token_id": made["item"]["id"]})
    assert refused.status_code == 403
    revoked = api.post(
        "/security/tokens/revoke", {"token_id": made["item"]["id"], "password": PASSWORD}
    )
    assert revoked.status_code == 200
    assert ApiClient(made["token"]).get("/me").status_code == 401
    assert [row["name"] for row in api.get("/security/tokens").json()] == ["tests"]


def test_someone_elses_token_is_the_same_404_as_a_made_up_one(api_for, alex, robin):
    robins_row, robins_token = token_create(user=robin, name="Robin's phone")
    api = api_for(alex)
    theirs = api.post("/security/tokens/revoke", {"token_id": robins_row.pk, "password": PASSWORD})
    made_up = api.post("/security/tokens/revoke", {"token_id": 999999, "password": PASSWORD})
    assert theirs.status_code == made_up.status_code == 404
    assert theirs.json() == made_up.json()
    assert ApiClient(robins_token).get("/me").status_code == 200


# --- Recent account activity ------------------------------------------------------


def test_account_changes_are_listed_to_me_without_any_content(api_for, alex, sam):
    api_for(alex).post("/couple/leave", {"password": PASSWORD})
    alerts = api_for(alex).get("/security/alerts").json()
    assert [alert["kind"] for alert in alerts] == ["couple_left"]
    assert alerts[0]["title"] == "Link ended"
    assert api_for(sam).get("/security/alerts").json() == []


def test_nobody_signed_in_is_refused(alex):
    assert Client().get("/api/v1/security/devices").status_code == 401
