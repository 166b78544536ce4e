from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

GOOD = {
    "display_name": "Jordan",
    "email": "jordan@example.com",
    "password1": "a calm long passphrase 7",
    "time_zone": "America/Chicago",
    "consent": "on",
}

pytestmark = pytest.mark.django_db


def signup(client, **changes):
    return client.post("/accounts/signup/", {**GOOD, **changes})


def test_signing_up_creates_the_profile_and_sends_a_verification_mail(client, mailoutbox):
    response = signup(client)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="jordan@example.com")
    assert user.display_name == "Jordan"
    assert user.time_zone == "America/Chicago"
    assert user.password.startswith("argon2")
    assert len(mailoutbox) == 1
    assert "/accounts/confirm-email/" in mailoutbox[0].body


def test_an_unverified_account_cannot_open_the_app(client):
    signup(client)
    response = client.post(
        "/accounts/login/", {"login": GOOD["email"], "password": GOOD["password1"]}
    )
    assert client.get("/couple/").status_code == 302
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verification" in response["Location"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        (
            "display_name",
            "x" * 10_000,
            "Please keep your name to 80 characters (this one has 10000).",
        ),
        ("display_name", "", "Please tell us what to call you."),
        ("time_zone", "Mars/Olympus", "isn&#x27;t a time zone we know"),
        ("password1", "short", "This password is too short."),
        ("password1", "password12345", "This password is too common."),
        ("consent", "", "Please tick this box to create an account."),
    ],
)
def test_bad_signup_input_is_explained_and_creates_nothing(client, field, value, message):
    data = {**GOOD, field: value}
    if not value:
        del data[field]
    response = client.post("/accounts/signup/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert not get_user_model().objects.exists()
    if field != "display_name":
        assert 'value="Jordan"' in page  # what was typed is kept


def test_a_very_long_password_is_refused_not_truncated(client):
    response = signup(client, password1="x1 " * 400)
    assert "Please use at most 1024 characters." in response.content.decode()
    assert not get_user_model().objects.exists()


def test_the_signup_page_offers_time_zone_suggestions(client):
    page = client.get("/accounts/signup/").content.decode()
    assert '<option value="Europe/London">' in page
    assert 'data-detect-time-zone="on"' in page
