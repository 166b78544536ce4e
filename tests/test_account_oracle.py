"""No account-existence oracle (SECURITY.md T7, IPV-6, TS30–TS33).

A controlling partner who knows someone's email address must not be able to
find out from Mendwell whether that person uses it: login, signup, password
reset and joining a couple answer the same way whether or not an account (or
a code) exists. The owner of an address learns about attempts by email.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django.utils.http import int_to_base36

from conftest import PASSWORD
from mendwell.couples.models import Invite
from mendwell.couples.selectors import partner_of
from mendwell.couples.services import INVALID_CODE, couple_leave, invite_accept, invite_create
from tests.security_support import (
    differences,
    fresh_rate_limits,  # noqa: F401  (fixture)
    normalise,
    sign_in,
)

pytestmark = pytest.mark.usefixtures("fresh_rate_limits")

KNOWN = "alex@example.com"
UNKNOWN = "nobody-here@example.com"
NEW_PERSON = {
    "display_name": "Jordan",
    "password1": "a calm long passphrase 7",
    "time_zone": "Europe/London",
    "consent": "on",
}


@pytest.fixture
def outbox(db: Any, mailoutbox: list[Any]) -> list[Any]:
    # Ask for the database first: the db fixture starts a Django TestCase, which
    # replaces mail.outbox, so a mailoutbox taken earlier would stay empty.
    return mailoutbox


def post(path: str, data: dict[str, str]) -> Any:
    """One request from a new browser, as someone probing addresses would send it."""
    return Client().post(path, data, secure=True)


def post_and_follow(path: str, data: dict[str, str]) -> tuple[Any, Any]:
    client = Client()
    response = client.post(path, data, secure=True)
    landing = client.get(response["Location"], secure=True)
    return response, landing


# --- Login (TS30) -------------------------------------------------------------------


def test_login_with_an_unknown_email_looks_like_a_wrong_password(alex: Any) -> None:
    known = post("/accounts/login/", {"login": KNOWN, "password": "not the password 1"})
    unknown = post("/accounts/login/", {"login": UNKNOWN, "password": "not the password 1"})
    assert known.status_code == unknown.status_code == 200
    assert normalise(known, {KNOWN: "<email>"}) == normalise(unknown, {UNKNOWN: "<email>"})


def test_login_failures_set_the_same_cookies_for_unknown_and_known_emails(alex: Any) -> None:
    known = post("/accounts/login/", {"login": KNOWN, "password": "not the password 1"})
    unknown = post("/accounts/login/", {"login": UNKNOWN, "password": "not the password 1"})
    assert sorted(known.cookies) == sorted(unknown.cookies)


def test_login_failure_message_does_not_say_which_part_was_wrong(alex: Any) -> None:
    page = post("/accounts/login/", {"login": KNOWN, "password": "not the password 1"})
    text = page.content.decode()
    assert "The email address and/or password you specified are not correct." in text


def test_an_unknown_address_is_locked_out_exactly_like_a_real_account(alex: Any) -> None:
    # The lockout itself must not be the oracle (TS23 meets TS30).
    def sixth_attempt(email: str) -> Any:
        for attempt in range(5):
            post("/accounts/login/", {"login": email, "password": f"wrong guess {attempt}"})
        return post("/accounts/login/", {"login": email, "password": "wrong guess 6"})

    known, unknown = sixth_attempt(KNOWN), sixth_attempt(UNKNOWN)
    assert "Too many failed login attempts" in known.content.decode()
    assert normalise(known, {KNOWN: "<email>"}) == normalise(unknown, {UNKNOWN: "<email>"})


# --- Signup (TS32) -------------------------------------------------------------------


def test_signup_with_a_registered_email_looks_like_a_fresh_signup(alex: Any, outbox: Any) -> None:
    taken, taken_page = post_and_follow("/accounts/signup/", {**NEW_PERSON, "email": KNOWN})
    fresh, fresh_page = post_and_follow("/accounts/signup/", {**NEW_PERSON, "email": UNKNOWN})
    assert taken.status_code == fresh.status_code == 302
    assert taken["Location"] == fresh["Location"]
    assert sorted(taken.cookies) == sorted(fresh.cookies)
    assert normalise(taken_page, {KNOWN: "<email>"}) == normalise(fresh_page, {UNKNOWN: "<email>"})


def test_signup_with_a_registered_email_tells_the_owner_by_email(alex: Any, outbox: Any) -> None:
    post("/accounts/signup/", {**NEW_PERSON, "email": KNOWN})
    assert [message.to for message in outbox] == [[KNOWN]]
    assert "/accounts/confirm-email/" not in outbox[0].body  # nothing to click through


def test_signup_with_a_registered_email_creates_no_account(alex: Any) -> None:
    post("/accounts/signup/", {**NEW_PERSON, "email": KNOWN})
    assert get_user_model().objects.filter(email__iexact=KNOWN).count() == 1
    assert EmailAddress.objects.filter(email__iexact=KNOWN).count() == 1


def test_signup_with_a_registered_email_leaves_the_owners_account_alone(alex: Any) -> None:
    post("/accounts/signup/", {**NEW_PERSON, "email": KNOWN.upper()})
    alex.refresh_from_db()
    assert alex.check_password(PASSWORD)
    assert alex.display_name == "Alex"


# --- Password reset (TS31) -----------------------------------------------------------


def test_password_reset_answers_the_same_for_unknown_and_known_addresses(alex: Any) -> None:
    known, known_page = post_and_follow("/accounts/password/reset/", {"email": KNOWN})
    unknown, unknown_page = post_and_follow("/accounts/password/reset/", {"email": UNKNOWN})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert sorted(known.cookies) == sorted(unknown.cookies)
    assert normalise(known_page, {KNOWN: "<email>"}) == normalise(
        unknown_page, {UNKNOWN: "<email>"}
    )


def test_password_reset_mails_only_a_known_address(alex: Any, outbox: Any) -> None:
    post("/accounts/password/reset/", {"email": UNKNOWN})
    post("/accounts/password/reset/", {"email": KNOWN})
    assert [message.to for message in outbox] == [[KNOWN]]


def test_a_bad_reset_link_looks_the_same_for_a_real_and_an_unknown_account(alex: Any) -> None:
    # The user id is part of the link: guessing it must not confirm an account.
    real_link = f"/accounts/password/reset/key/{int_to_base36(alex.pk)}-made-up-token/"
    unknown_link = "/accounts/password/reset/key/zzzzzz-made-up-token/"
    first = normalise(Client().get(real_link, secure=True), {real_link: "<link>"})
    second = normalise(Client().get(unknown_link, secure=True), {unknown_link: "<link>"})
    assert first == second, differences(first, second)


# --- Joining a couple with a code (TS33, TS41) --------------------------------------


def test_forged_expired_used_and_revoked_codes_all_get_the_same_answer(
    make_user: Any, alex: Any, robin: Any
) -> None:
    casey, sam, jordan = (
        make_user("casey@example.com"),
        make_user("sam@example.com"),
        make_user("jordan@example.com"),
    )
    revoked = invite_create(user=casey).code
    invite_create(user=casey)  # a new code makes the old one stop working
    expired = invite_create(user=jordan)
    Invite.objects.filter(pk=expired.invite.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    used = invite_create(user=alex).code
    invite_accept(user=sam, code=used)
    forged = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"

    robin_client = sign_in(robin)
    codes = {"forged": forged, "expired": expired.code, "used": used, "revoked": revoked}
    answers = {
        name: normalise(
            robin_client.post("/couple/join/", {"code": code}, secure=True), {code: "<code>"}
        )
        for name, code in codes.items()
    }
    assert answers["forged"].status == 200
    assert str(INVALID_CODE).replace("'", "&#x27;") in answers["forged"].body
    for name in ("expired", "used", "revoked"):
        assert answers[name] == answers["forged"], differences(answers[name], answers["forged"])


def test_an_ex_partner_cannot_relink_with_the_code_they_once_used(
    make_user: Any, alex: Any
) -> None:
    sam = make_user("sam@example.com", "Sam")
    code = invite_create(user=alex).code
    invite_accept(user=sam, code=code)
    couple_leave(user=alex)

    response = sign_in(sam).post("/couple/join/", {"code": code}, secure=True)

    assert str(INVALID_CODE).replace("'", "&#x27;") in response.content.decode()
    assert partner_of(sam) is None
