"""Profile, settings and deleting the account over the API: the same form rules
as /profile/, edits that never overwrite a newer save, and deletion behind the
password and the same confirmation as /delete/account/."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from conftest import PASSWORD
from mendwell.checkins.models import CheckIn
from mendwell.couples.selectors import partner_of
from tests.security_support import fresh_rate_limits  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    # Sudo checks the password on every call; how it is hashed is tested elsewhere.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _read(api: Any) -> tuple[dict[str, Any], str]:
    response = api.get("/account")
    assert response.status_code == 200
    return response.json(), response["ETag"]


def test_the_profile_reads_my_settings_and_never_my_email(api_for, alex):
    body, etag = _read(api_for(alex))
    assert body["display_name"] == "Alex"
    assert body["time_zone"] == "Europe/London"
    assert body["discreet_mode"] is False
    assert etag == f'"{body["version"]}"'
    assert "@" not in str(body)


def test_an_edit_with_the_etag_saves_only_what_was_sent_and_moves_the_etag(api_for, alex):
    api = api_for(alex)
    _body, etag = _read(api)
    response = api.patch(
        "/account",
        {"display_name": "Lex", "time_zone": "Asia/Tokyo", "discreet_mode": True},
        headers={"If-Match": etag},
    )
    assert response.status_code == 200
    assert response.json()["display_name"] == "Lex"
    assert response["ETag"] != etag
    alex.refresh_from_db()
    assert (alex.display_name, alex.time_zone, alex.discreet_mode) == ("Lex", "Asia/Tokyo", True)
    assert alex.locale == "en"  # not sent, not changed


def test_an_edit_without_if_match_is_refused_and_saves_nothing(api_for, alex):
    response = api_for(alex).patch("/account", {"display_name": "Lex"})
    assert response.status_code == 428
    alex.refresh_from_db()
    assert alex.display_name == "Alex"


def test_an_edit_from_a_stale_read_gets_412_with_the_newer_profile(api_for, alex):
    phone, laptop = api_for(alex), api_for(alex)
    _body, old = _read(phone)
    _body, same = _read(laptop)
    saved = laptop.patch("/account", {"display_name": "Lex"}, headers={"If-Match": same})
    assert saved.status_code == 200
    stale = phone.patch("/account", {"display_name": "Al"}, headers={"If-Match": old})
    assert stale.status_code == 412
    assert stale.json()["current"]["display_name"] == "Lex"
    alex.refresh_from_db()
    assert alex.display_name == "Lex"


def test_an_unknown_time_zone_is_refused_by_name_and_saves_nothing(api_for, alex):
    api = api_for(alex)
    _body, etag = _read(api)
    response = api.patch(
        "/account",
        {"display_name": "Lex", "time_zone": "Mars/Olympus"},
        headers={"If-Match": etag},
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["time_zone"]
    assert "isn't a time zone we know" in errors[0]["message"]
    alex.refresh_from_db()
    assert (alex.display_name, alex.time_zone) == ("Alex", "Europe/London")


def test_an_empty_name_gets_the_web_pages_message(api_for, alex):
    api = api_for(alex)
    _body, etag = _read(api)
    response = api.patch("/account", {"display_name": ""}, headers={"If-Match": etag})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "display_name", "message": "Please tell us what to call you."}
    ]


def test_email_and_password_are_not_changed_here(api_for, alex):
    api = api_for(alex)
    _body, etag = _read(api)
    response = api.patch("/account", {"email": "someone@example.com"}, headers={"If-Match": etag})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["email"]
    alex.refresh_from_db()
    assert alex.email == "alex@example.com"


def test_wording_hints_can_be_declined_for_now(api_for, alex):
    api = api_for(alex)
    body = api.put("/account/wording-hints", {"choice": "not_now"}).json()
    assert (body["coach_enabled"], body["coach_offer_dismissed"]) == (False, True)
    assert api.put("/account/wording-hints", {"choice": "on"}).json()["coach_enabled"] is True
    refused = api.put("/account/wording-hints", {"choice": "always"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "choice"


def test_the_choices_list_time_zones_and_languages(api_for, alex):
    body = api_for(alex).get("/account/choices").json()
    assert "Europe/London" in body["time_zones"]
    assert {"code": "en", "name": "English"} in body["languages"]


# --- Deleting the account ------------------------------------------------------------


def test_the_deletion_summary_counts_only_my_own_rows(api_for, checked):
    from datetime import date

    alex, sam = checked
    CheckIn.objects.create(author=alex, day=date(2026, 1, 1), mood=3, closeness=3)
    CheckIn.objects.create(author=sam, day=date(2026, 1, 1), mood=3, closeness=3)
    body = api_for(alex).get("/account/deletion").json()
    assert [kind["count"] for kind in body["items"]] == [1]
    assert body["has_partner"] is True


def test_deleting_needs_the_password(api_for, alex):
    api = api_for(alex)
    missing = api.delete("/account", {"understood": True})
    assert missing.status_code == 403
    assert missing.json()["errors"][0]["field"] == "password"
    wrong = api.delete("/account", {"understood": True, "password": "not it at all"})
    assert wrong.status_code == 403
    assert get_user_model().objects.filter(pk=alex.pk).exists()


def test_deleting_needs_the_box_ticked_as_on_the_web(api_for, alex):
    response = api_for(alex).delete("/account", {"password": PASSWORD})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "understood", "message": "Tick the box to confirm that you want to delete it."}
    ]
    assert get_user_model().objects.filter(pk=alex.pk).exists()


def test_deleting_removes_the_account_ends_its_tokens_and_leaves_the_partner_alone(
    api_for, alex, sam
):
    api = api_for(alex)
    response = api.delete("/account", {"understood": True, "password": PASSWORD})
    assert response.status_code == 200
    assert response.json() == {"deleted": True}
    assert not get_user_model().objects.filter(pk=alex.pk).exists()
    assert api.get("/me").status_code == 401
    assert partner_of(sam) is None
    assert api_for(sam).get("/me").status_code == 200
