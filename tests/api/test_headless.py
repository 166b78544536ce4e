"""Sign-up, sign-in and the second step for apps, through allauth headless
(``/_allauth/app/v1/``), ending in an ``X-Session-Token`` the API accepts."""

from __future__ import annotations

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, hotp_value
from django.core import mail

from conftest import PASSWORD
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

BASE = "/_allauth/app/v1"


def _post(client, path, body, token=None):
    headers = {"X-Session-Token": token} if token else {}
    return client.post(f"{BASE}{path}", body, content_type="application/json", headers=headers)


def _me(client, token):
    return client.get("/api/v1/me", headers={"X-Session-Token": token})


def test_an_app_signs_in_with_a_password_and_calls_the_api(client, alex):
    response = _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    assert response.status_code == 200
    token = response.json()["meta"]["session_token"]
    assert _me(client, token).json()["display_name"] == "Alex"


def test_a_wrong_password_gives_no_token_and_no_access(client, alex):
    response = _post(client, "/auth/login", {"email": "alex@example.com", "password": "nope" * 4})
    assert response.status_code == 400
    assert "session_token" not in response.json().get("meta", {})
    assert _me(client, "made-up-token").status_code == 401


def test_signing_out_ends_the_token(client, alex):
    token = _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    token = token.json()["meta"]["session_token"]
    client.delete(f"{BASE}/auth/session", headers={"X-Session-Token": token})
    assert _me(client, token).status_code == 401


def test_signup_over_the_api_needs_the_emailed_key_first(client):
    response = _post(client, "/auth/signup", {"email": "kim@example.com", "password": PASSWORD})
    assert response.status_code == 401  # not signed in until the address is confirmed
    token = response.json()["meta"]["session_token"]
    assert _me(client, token).status_code == 401
    key = re.search(r"/accounts/confirm-email/([^/\s]+)/", mail.outbox[-1].body).group(1)
    verified = _post(client, "/auth/email/verify", {"key": key}, token=token)
    assert verified.status_code == 200
    # Signing in starts a new session: the app keeps the token it is handed now.
    assert _me(client, verified.json()["meta"]["session_token"]).status_code == 200


def test_an_account_with_a_second_factor_needs_the_code(client, alex):
    from allauth.mfa.totp.internal.auth import generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(alex, secret)
    first = _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    assert first.status_code == 401
    token = first.json()["meta"]["session_token"]
    assert _me(client, token).status_code == 401
    wrong = _post(client, "/auth/2fa/authenticate", {"code": "000000"}, token=token)
    assert wrong.status_code == 400
    import time

    code = format(hotp_value(secret, int(time.time()) // 30), "06d")
    done = _post(client, "/auth/2fa/authenticate", {"code": code}, token=token)
    assert done.status_code == 200
    assert _me(client, done.json()["meta"]["session_token"]).status_code == 200


def test_a_counsellor_token_opens_no_partner_route(client, make_user):
    from mendwell.couples.grants import CounsellorProfile

    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    token = _post(client, "/auth/login", {"email": "dana@example.com", "password": PASSWORD})
    token = token.json()["meta"]["session_token"]
    assert _me(client, token).status_code == 401


def test_the_headless_session_list_is_not_a_way_around_re_authentication(client, alex):
    token = _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    token = token.json()["meta"]["session_token"]
    response = client.delete(
        f"{BASE}/auth/sessions",
        {"sessions": [1]},
        content_type="application/json",
        headers={"X-Session-Token": token},
    )
    assert response.status_code == 404


def test_a_password_reset_ends_every_app_session(client, alex):
    token = _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    token = token.json()["meta"]["session_token"]
    alex.set_password("a brand new passphrase 42")
    alex.save()
    assert _me(client, token).status_code == 401


def test_an_app_session_is_listed_on_the_devices_page(client, client_for, alex):
    from allauth.usersessions.models import UserSession

    _post(client, "/auth/login", {"email": "alex@example.com", "password": PASSWORD})
    assert UserSession.objects.filter(user=alex).count() == 1
