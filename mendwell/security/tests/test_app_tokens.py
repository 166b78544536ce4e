"""App tokens for the API (TS27): made and revoked on the devices page, stored
only as a hash, refused once revoked, expired or after a password change."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import time_machine
from django.db import connection
from django.test import Client
from django.utils import timezone

from conftest import PASSWORD, sudo
from mendwell.security.models import AppToken
from mendwell.security.tokens import LIFETIME, MAX_ACTIVE, token_create

TOKEN = re.compile(r"mw_[A-Za-z0-9_-]{40,}")


def make_on_page(client: Client, name: str = "My phone") -> str:
    page = client.post("/security/tokens/", {"name": name})
    assert page.status_code == 200
    found = TOKEN.findall(page.content.decode())
    assert len(found) == 1
    return found[0]


def api_me(token: str) -> Any:
    return Client().get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_ts27_a_token_is_shown_once_stored_as_a_hash_and_opens_the_api(
    alex: Any, client_for: Any
) -> None:
    client = sudo(client_for(alex), alex)
    token = make_on_page(client)

    answer = api_me(token)
    assert answer.status_code == 200
    assert answer.json()["id"] == str(alex.public_id)
    listed = client.get("/security/").content.decode()
    assert "My phone" in listed and token not in listed  # listed, never shown again
    row = AppToken.objects.get(user=alex)
    assert token not in {row.token_hash, row.name}
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM security_apptoken")
        assert token not in repr(cursor.fetchall())


def test_ts27_a_revoked_token_gets_401_on_the_next_call(alex: Any, client_for: Any) -> None:
    client = sudo(client_for(alex), alex)
    token = make_on_page(client, "Kitchen tablet")
    assert api_me(token).status_code == 200
    row = AppToken.objects.get(user=alex)

    assert client.post("/security/tokens/revoke/", {"token": row.pk}).status_code == 302
    assert api_me(token).status_code == 401
    assert "Kitchen tablet" not in client.get("/security/").content.decode()


def test_ts27_a_password_change_revokes_every_token_and_the_device_stays_signed_in(
    alex: Any,
) -> None:
    _row, first = token_create(user=alex, name="Phone")
    _row, second = token_create(user=alex, name="Tablet")
    device = Client()
    device.post("/accounts/login/", {"login": alex.email, "password": PASSWORD}, secure=True)
    device.post(
        "/accounts/password/change/",
        {
            "oldpassword": PASSWORD,
            "password1": "a fresh passphrase 77",
            "password2": "a fresh passphrase 77",
        },
        secure=True,
    )
    assert api_me(first).status_code == 401
    assert api_me(second).status_code == 401
    assert device.get("/security/", secure=True).status_code == 200


def test_ts27_a_password_reset_revokes_every_token(alex: Any) -> None:
    from allauth.account.signals import password_reset
    from django.test import RequestFactory

    _row, token = token_create(user=alex, name="Phone")
    password_reset.send(type(alex), request=RequestFactory().get("/"), user=alex)
    assert api_me(token).status_code == 401


def test_a_token_stops_working_after_90_days(alex: Any) -> None:
    _row, token = token_create(user=alex, name="Phone")
    with time_machine.travel(timezone.now() + LIFETIME + timedelta(minutes=1)):
        assert api_me(token).status_code == 401


def test_made_up_malformed_and_other_schemes_get_401(alex: Any) -> None:
    for header in ("Bearer mw_madeup", "Bearer ", "Bearer " + "x" * 500, "Basic YWxleDpwdw=="):
        answer = Client().get("/api/v1/me", HTTP_AUTHORIZATION=header)
        assert answer.status_code == 401, header


def test_a_partner_can_neither_see_nor_revoke_alexs_token(
    alex: Any, sam: Any, client_for: Any
) -> None:
    row, token = token_create(user=alex, name="Alex's phone")
    sams = sudo(client_for(sam), sam)
    assert "Alex&#x27;s phone" not in sams.get("/security/").content.decode()
    assert sams.post("/security/tokens/revoke/", {"token": row.pk}).status_code == 404
    assert sams.post("/security/tokens/revoke/", {"token": "not a number"}).status_code == 404
    assert api_me(token).status_code == 200


def test_a_counsellors_token_opens_nothing(alex: Any, make_user: Any) -> None:
    from mendwell.couples.grants import CounsellorProfile

    dana = make_user("dana@example.com", "Dana")
    CounsellorProfile.objects.create(user=dana)
    _row, token = token_create(user=dana, name="Office")
    assert api_me(token).status_code == 401


def test_making_a_token_needs_the_password_again(alex: Any, client_for: Any) -> None:
    answer = client_for(alex).post("/security/tokens/", {"name": "Phone"})
    assert answer.status_code == 302
    assert "/accounts/reauthenticate/" in answer["Location"]
    assert not AppToken.objects.exists()


def test_a_blank_or_long_name_is_refused_by_name_and_nothing_is_made(
    alex: Any, client_for: Any
) -> None:
    client = sudo(client_for(alex), alex)
    blank = client.post("/security/tokens/", {"name": "   "}).content.decode()
    assert "Give the app a name." in blank or "This field is required." in blank
    long = client.post("/security/tokens/", {"name": "x" * 61}).content.decode()
    assert "at most 60 characters" in long
    assert 'value="' + "x" * 61 + '"' in long  # what was typed stays
    assert not AppToken.objects.exists()


def test_at_most_ten_tokens_at_once(alex: Any, client_for: Any) -> None:
    for number in range(MAX_ACTIVE):
        token_create(user=alex, name=f"App {number}")
    page = sudo(client_for(alex), alex).post("/security/tokens/", {"name": "One more"})
    assert "revoke one you no longer use first" in page.content.decode()
    assert AppToken.objects.filter(user=alex).count() == MAX_ACTIVE
