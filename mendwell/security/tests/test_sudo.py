"""Sudo mode: a password entered in the last 15 minutes before security changes.

A fresh sign-in with the password counts (``services.mark_sign_in_fresh``);
a session that is merely still signed in does not.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from allauth.account.models import EmailAddress

from conftest import PASSWORD, sudo
from mendwell.security.tests.support import browser, is_signed_in, sign_in

pytestmark = pytest.mark.django_db

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
REAUTH = "/accounts/reauthenticate/"


def test_a_password_sign_in_counts_as_recent_for_15_minutes(alex: Any) -> None:
    with time_machine.travel(START, tick=False) as clock:
        device = sign_in(alex)
        clock.shift(timedelta(minutes=14))
        assert device.get("/security/", secure=True).status_code == 200
        assert device.post("/security/sign-out-others/", secure=True)["Location"] == "/security/"
        clock.shift(timedelta(minutes=2))
        response = device.post("/security/sign-out-others/", secure=True)
        assert response["Location"].startswith(REAUTH)


def test_a_session_signed_in_without_a_password_is_not_recent(alex: Any, client_for: Any) -> None:
    response = client_for(alex).post("/security/sign-out-others/", secure=True)
    assert response["Location"].startswith(REAUTH)


def test_the_confirm_page_says_why_it_asks(alex: Any, client_for: Any) -> None:
    page = client_for(alex).get(REAUTH + "?next=/security/", secure=True).content.decode()
    assert "<h1>Confirm it's you</h1>" in page
    assert "someone who finds your account open on a device cannot do it" in page
    assert "15 minutes" in page
    assert "<title>Confirm it's you · Mendwell</title>" in page


def test_adding_an_email_address_needs_a_recent_password(alex: Any, client_for: Any) -> None:
    response = client_for(alex).post(
        "/accounts/email/", {"action_add": "", "email": "alex.new@example.com"}, secure=True
    )
    assert response.status_code == 302 and response["Location"].startswith(REAUTH)
    assert not EmailAddress.objects.filter(email="alex.new@example.com").exists()


def test_adding_an_email_address_works_in_sudo_mode(alex: Any, client_for: Any) -> None:
    client = sudo(client_for(alex), alex)
    client.post(
        "/accounts/email/", {"action_add": "", "email": "alex.new@example.com"}, secure=True
    )
    assert EmailAddress.objects.filter(user=alex, email="alex.new@example.com").exists()


def test_removing_an_email_address_needs_a_recent_password(alex: Any, client_for: Any) -> None:
    EmailAddress.objects.create(user=alex, email="alex.old@example.com", verified=True)
    response = client_for(alex).post(
        "/accounts/email/", {"action_remove": "", "email": "alex.old@example.com"}, secure=True
    )
    assert response["Location"].startswith(REAUTH)
    assert EmailAddress.objects.filter(email="alex.old@example.com").exists()


def test_setting_up_two_step_sign_in_needs_a_recent_password(alex: Any, client_for: Any) -> None:
    response = client_for(alex).get("/accounts/2fa/totp/activate/", secure=True)
    assert response.status_code == 302 and response["Location"].startswith(REAUTH)


def test_new_recovery_codes_need_a_recent_password(alex: Any, client_for: Any) -> None:
    response = client_for(alex).get("/accounts/2fa/recovery-codes/generate/", secure=True)
    assert response.status_code == 302 and response["Location"].startswith(REAUTH)


def test_changing_the_password_needs_the_current_one_typed_there_and_then(alex: Any) -> None:
    """The change form's "current password" is the re-authentication: wrong → nothing changes."""
    device, other = sign_in(alex), sign_in(alex, browser(ip="192.0.2.3"))
    page = device.post(
        "/accounts/password/change/",
        {"oldpassword": "not it at all 123", "password1": "x" * 20, "password2": "x" * 20},
        secure=True,
    )
    assert page.status_code == 200
    assert "oldpassword" in page.context["form"].errors
    alex.refresh_from_db()
    assert alex.check_password(PASSWORD)
    assert is_signed_in(other)


def test_leaving_the_couple_needs_a_recent_password(alex: Any, sam: Any, client_for: Any) -> None:
    from mendwell.couples.selectors import partner_of

    response = client_for(sam).post("/couple/leave/", secure=True)
    assert response["Location"].startswith(REAUTH)
    assert partner_of(sam) == alex


def test_making_a_report_needs_a_recent_password(alex: Any, client_for: Any) -> None:
    from mendwell.report.models import ReportLink

    response = client_for(alex).post("/report/", {"parts": ["victories"]}, secure=True)
    assert response["Location"].startswith(REAUTH)
    assert not ReportLink.objects.exists()
