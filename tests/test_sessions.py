"""Sessions and sign-in abuse (SECURITY.md AUTH-4, AUTH-6, SESS-2, SESS-4, SESS-6, T6).

Scenarios TS20 (session rotation), TS23 (lockout), TS25 (password change ends
other devices), TS26 (logout replay), TS28 (account pre-hijacking). Every
sign-in here goes through the real allauth forms, not ``force_login``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from conftest import PASSWORD
from tests.security_support import (
    differences,
    fresh_rate_limits,  # noqa: F401  (fixture)
    is_signed_in,
    normalise,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

NEW_PASSWORD = "a brand new passphrase 88"


@pytest.fixture
def outbox(db: Any, mailoutbox: list[Any]) -> list[Any]:
    # Ask for the database first: the db fixture starts a Django TestCase, which
    # replaces mail.outbox, so a mailoutbox taken earlier would stay empty.
    return mailoutbox


def session_cookie(client: Client) -> str:
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def browser_with_cookie(value: str) -> Client:
    """Another browser that presents a copied session cookie."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = value
    return client


def log_in(client: Client, email: str, password: str, **extra: Any) -> Any:
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, secure=True, **extra
    )


def reset_link(outbox: list[Any]) -> str:
    (message,) = [m for m in outbox if "/accounts/password/reset/key/" in m.body]
    return re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", message.body).group(1)


def reset_password_by_email(email: str, new_password: str, outbox: list[Any]) -> Client:
    """Do the whole "forgot password" flow in a new browser, as the mailbox owner."""
    browser = Client()
    browser.post("/accounts/password/reset/", {"email": email}, secure=True)
    opened = browser.get(reset_link(outbox), secure=True)
    assert opened.status_code == 302, "the emailed reset link did not open"
    done = browser.post(
        opened["Location"], {"password1": new_password, "password2": new_password}, secure=True
    )
    assert done.status_code == 302 and done["Location"] == "/accounts/password/reset/key/done/"
    return browser


# --- Session fixation (TS20, SESS-2) --------------------------------------------------


def test_signing_in_gives_the_browser_a_new_session_key(alex: Any) -> None:
    browser = Client()
    planted = browser.session  # a session that exists before sign-in, e.g. one an attacker fixed
    planted["planted"] = True
    planted.save()
    before = session_cookie(browser)

    log_in(browser, alex.email, PASSWORD)

    assert session_cookie(browser) != before


def test_a_session_cookie_from_before_sign_in_does_not_become_signed_in(alex: Any) -> None:
    browser = Client()
    planted = browser.session
    planted["planted"] = True
    planted.save()
    attacker = browser_with_cookie(session_cookie(browser))

    log_in(browser, alex.email, PASSWORD)

    assert is_signed_in(browser)
    assert not is_signed_in(attacker)


# --- Password change and reset end other sessions (TS25, SESS-6) ---------------------


def change_password(client: Client) -> Any:
    return client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        secure=True,
    )


def test_changing_the_password_signs_out_the_other_device(alex: Any) -> None:
    device_1, device_2 = sign_in(alex), sign_in(alex)
    assert is_signed_in(device_2)

    assert change_password(device_1).status_code == 302

    assert not is_signed_in(device_2)


def test_changing_the_password_keeps_this_device_signed_in(alex: Any) -> None:
    device_1 = sign_in(alex)
    sign_in(alex)

    assert change_password(device_1).status_code == 302

    assert is_signed_in(device_1)


def test_resetting_the_password_by_email_signs_out_every_device(alex: Any, outbox: Any) -> None:
    devices = [sign_in(alex), sign_in(alex)]

    reset_password_by_email(alex.email, NEW_PASSWORD, outbox)

    assert [is_signed_in(device) for device in devices] == [False, False]


def test_the_old_password_stops_working_after_a_reset(alex: Any, outbox: Any) -> None:
    reset_password_by_email(alex.email, NEW_PASSWORD, outbox)
    response = log_in(Client(), alex.email, PASSWORD)
    assert response.status_code == 200
    assert "are not correct" in response.content.decode()


# --- Logout (TS26, SESS-4) ----------------------------------------------------------


def test_a_session_cookie_replayed_after_logout_is_anonymous(alex: Any) -> None:
    browser = sign_in(alex)
    copied = session_cookie(browser)

    assert browser.post("/accounts/logout/", secure=True).status_code == 302

    assert not is_signed_in(browser_with_cookie(copied))


def test_logout_deletes_the_session_on_the_server(alex: Any) -> None:
    browser = sign_in(alex)
    key = session_cookie(browser)

    browser.post("/accounts/logout/", secure=True)

    assert not Session.objects.filter(session_key=key).exists()


def test_quick_exit_ends_the_session_on_the_server(alex: Any) -> None:
    browser = sign_in(alex)
    copied = session_cookie(browser)

    browser.get("/exit/", secure=True)

    assert not is_signed_in(browser_with_cookie(copied))


# --- Unverified accounts and pre-hijacking (TS28, T6) --------------------------------


def test_an_unverified_account_cannot_sign_in(make_user: Any) -> None:
    make_user("new@example.com", verified=False)
    browser = Client()

    response = log_in(browser, "new@example.com", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert not is_signed_in(browser)


def squat(email: str, password: str) -> Client:
    """Someone else signs up with this address first. They cannot open the mail."""
    squatter = Client()
    response = squatter.post(
        "/accounts/signup/",
        {
            "display_name": "Not Alex",
            "email": email,
            "password1": password,
            "time_zone": "UTC",
            "consent": "on",
        },
        secure=True,
    )
    assert response.status_code == 302
    return squatter


def test_a_squatted_account_cannot_be_used_before_the_address_is_verified(db: Any) -> None:
    squatter = squat("alex@example.com", "squatters own password 1")
    log_in(squatter, "alex@example.com", "squatters own password 1")
    assert not is_signed_in(squatter)


def test_the_owner_resetting_the_password_locks_the_squatter_out(outbox: Any) -> None:
    squatter_password = "squatters own password 1"
    squatter = squat("alex@example.com", squatter_password)
    outbox.clear()

    reset_password_by_email("alex@example.com", NEW_PASSWORD, outbox)

    response = log_in(Client(), "alex@example.com", squatter_password)
    assert "are not correct" in response.content.decode()
    assert not is_signed_in(squatter)


# --- Guessing passwords (TS23, AUTH-4) -------------------------------------------------


def parse_limits(spec: str) -> list[tuple[int, int, str]]:
    """allauth's "10/m/ip,5/5m/key" -> [(10, 60, "ip"), (5, 300, "key")]."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    limits = []
    for part in spec.split(","):
        amount, period, key = part.strip().split("/")
        match = re.fullmatch(r"(\d*)([smhd])", period)
        assert match, f"unreadable period {period!r}"
        limits.append((int(amount), int(match.group(1) or 1) * units[match.group(2)], key))
    return limits


def test_failed_logins_are_limited_per_account_and_per_address_in_settings() -> None:
    limits = parse_limits(settings.ACCOUNT_RATE_LIMITS["login_failed"])
    per_account_per_hour = [
        amount * 3600 / period for amount, period, key in limits if key == "key" and period <= 3600
    ]
    assert any(key == "ip" for _, _, key in limits)
    assert per_account_per_hour
    assert min(per_account_per_hour) <= 100  # AUTH-4: at most 100 failures an hour


def guess_wrong_until_locked(email: str) -> list[Any]:
    """Wrong passwords from changing IP addresses, as a botnet would send them."""
    return [
        log_in(Client(), email, f"wrong guess {n}", REMOTE_ADDR=f"198.51.100.{n}")
        for n in range(1, 7)
    ]


def test_many_wrong_passwords_lock_the_account(alex: Any) -> None:
    answers = guess_wrong_until_locked(alex.email)
    assert "Too many failed login attempts" in answers[-1].content.decode()


def test_the_right_password_during_a_lockout_is_refused(alex: Any) -> None:
    guess_wrong_until_locked(alex.email)
    browser = Client()

    log_in(browser, alex.email, PASSWORD, REMOTE_ADDR="203.0.113.9")

    assert not is_signed_in(browser)


def test_the_right_password_during_a_lockout_gets_the_same_answer_as_a_wrong_one(
    alex: Any,
) -> None:
    guess_wrong_until_locked(alex.email)
    right = log_in(Client(), alex.email, PASSWORD, REMOTE_ADDR="203.0.113.9")
    wrong = log_in(Client(), alex.email, "yet another guess", REMOTE_ADDR="203.0.113.9")
    first, second = normalise(right), normalise(wrong)
    assert first == second, differences(first, second)


def test_ts23_the_owner_is_told_once_that_sign_ins_were_paused(
    alex: Any, sam: Any, outbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """TS23: A receives an alert (in the app, and the one generic email); nobody else does."""
    from mendwell.notify.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        guess_wrong_until_locked(alex.email)
        log_in(Client(), alex.email, "one more guess", REMOTE_ADDR="203.0.113.9")
    from django_tasks_db.models import DBTaskResult

    blocked = Notification.objects.filter(kind="security.sign_in_blocked")
    assert [note.recipient for note in blocked] == [alex]
    emails = [
        row.args_kwargs["args"]
        for row in DBTaskResult.objects.all()
        if row.task_path.endswith(".send_email")
    ]
    assert emails == [[alex.pk, "security.alert"]]  # the one generic email, to Alex only


def test_ts23_a_locked_address_without_an_account_tells_nobody(
    db: Any, outbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    from mendwell.notify.models import Notification

    with django_capture_on_commit_callbacks(execute=True):
        guess_wrong_until_locked("nobody-here@example.com")
    from django_tasks_db.models import DBTaskResult

    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
