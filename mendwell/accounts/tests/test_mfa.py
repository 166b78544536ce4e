"""Two-step sign-in, end to end, the way a person does it (allauth.mfa behind our frame).

The person signs in through the real login form, confirms their password when
allauth asks again, turns on an authenticator app by typing the code their app
would show (computed here per RFC 6238 from the secret on the page, as any app
does), keeps the recovery codes, and from then on needs the second step to get in.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import re
import struct
import time
from typing import Any

import pytest
from django.test import Client

from conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOGOUT = "/accounts/logout/"
MFA_INDEX = "/accounts/2fa/"
ACTIVATE = "/accounts/2fa/totp/activate/"
DEACTIVATE = "/accounts/2fa/totp/deactivate/"
AUTHENTICATE = "/accounts/2fa/authenticate/"
RECOVERY_CODES = "/accounts/2fa/recovery-codes/"
GENERATE_CODES = "/accounts/2fa/recovery-codes/generate/"
REAUTHENTICATE = "/accounts/reauthenticate/"
A_PRIVATE_PAGE = "/couple/"  # any page that needs a signed-in person
INCORRECT_CODE = "Incorrect code."
SECRET_INPUT = re.compile(r'<input[^>]*id="authenticator_secret"[^>]*>', re.S)
VALUE = re.compile(r'value="([^"]*)"')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


# --- What an authenticator app does (RFC 6238, SHA-1, 6 digits, 30 s) -----------------


def totp(secret: str, at: float | None = None, *, step: int = 30, digits: int = 6) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // step)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 10**digits:0{digits}d}"


def code_now(secret: str) -> str:
    """The code the app shows now; like a person, wait for a fresh one if it is about to change."""
    if 30 - time.time() % 30 < 3:
        time.sleep(30 - time.time() % 30 + 0.1)
    return totp(secret)


def a_wrong_code(secret: str) -> str:
    right = int(totp(secret))
    return f"{(right + 500_000) % 1_000_000:06d}"


# --- Reading pages ----------------------------------------------------------------------


def text_of(response: Any) -> str:
    return html.unescape(response.content.decode())


def title_of(response: Any) -> str:
    match = TITLE.search(response.content.decode())
    assert match, "the page has no <title>"
    return " ".join(html.unescape(match.group(1)).split())


def secret_on(response: Any) -> str:
    match = SECRET_INPUT.search(response.content.decode())
    assert match, "the activation page shows no authenticator secret"
    value = VALUE.search(match.group(0))
    assert value
    return html.unescape(value.group(1))


def recovery_codes_on(response: Any) -> list[str]:
    match = re.search(
        r'<textarea[^>]*id="recovery_codes"[^>]*>(.*?)</textarea>', text_of(response), re.S
    )
    assert match, "the recovery-codes page lists no codes"
    return match.group(1).split()


def signed_in(client: Client) -> bool:
    response = client.get(A_PRIVATE_PAGE)
    return response.status_code == 200


# --- What a person does ---------------------------------------------------------------------


def sign_in_with_password(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post(LOGIN, {"login": email, "password": password})


def sign_out(client: Client) -> None:
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert not signed_in(client)


def open_confirming_password(client: Client, path: str, password: str = PASSWORD) -> Any:
    """Open a security page; when allauth asks to confirm the password first, do so."""
    response = client.get(path)
    if response.status_code == 302 and response["Location"].startswith(REAUTHENTICATE):
        confirm_page = client.get(response["Location"])
        assert confirm_page.status_code == 200
        assert "Password" in text_of(confirm_page)
        response = client.post(response["Location"], {"password": password})
        assert response.status_code == 302, "confirming the password did not go through"
        response = client.get(response["Location"])
    return response


def turn_on_authenticator_app(client: Client) -> tuple[str, list[str], list[Any]]:
    """Activate TOTP; returns the secret, the recovery codes and the pages seen on the way."""
    activate = open_confirming_password(client, ACTIVATE)
    assert activate.status_code == 200
    page = text_of(activate)
    assert 'src="data:image/svg+xml;base64,' in page, "no QR code to scan"
    secret = secret_on(activate)
    assert re.fullmatch(r"[A-Z2-7]{32}", secret), secret

    done = client.post(ACTIVATE, {"code": code_now(secret)})
    assert done.status_code == 302, text_of(done)
    codes_page = client.get(done["Location"])
    assert codes_page.status_code == 200
    codes = recovery_codes_on(codes_page)
    assert len(codes) == 10
    assert all(re.fullmatch(r"\d{8}", code) for code in codes), codes
    assert len(set(codes)) == 10
    return secret, codes, [activate, codes_page]


def start_sign_in(client: Client, email: str) -> Any:
    """Password first; with two steps on, the browser is sent to the code page, not in."""
    response = sign_in_with_password(client, email)
    assert response.status_code == 302
    assert response["Location"] == AUTHENTICATE
    code_page = client.get(AUTHENTICATE)
    assert code_page.status_code == 200
    assert "authenticator code" in text_of(code_page)
    assert not signed_in(client), "the password alone let the person in"
    return code_page


def enter_code(client: Client, code: str) -> Any:
    return client.post(AUTHENTICATE, {"code": code})


def refused(response: Any) -> bool:
    return response.status_code == 200 and INCORRECT_CODE in text_of(response)


# --- The journey --------------------------------------------------------------------------


def test_a_person_turns_on_two_steps_and_then_needs_the_code_to_sign_in(alex):
    browser = Client()
    first = sign_in_with_password(browser, alex.email)
    assert first.status_code == 302
    assert signed_in(browser)

    secret, recovery_codes, _ = turn_on_authenticator_app(browser)
    index = text_of(browser.get(MFA_INDEX))
    assert "Authentication using an authenticator app is active." in index
    assert "There are 10 out of 10 recovery codes available." in index
    sign_out(browser)

    # Signing in again: the password is no longer enough.
    code_page = start_sign_in(browser, alex.email)
    assert 'autocomplete="one-time-code"' in code_page.content.decode()

    wrong = enter_code(browser, a_wrong_code(secret))
    assert refused(wrong), "a wrong code was not refused with a clear message"
    assert 'class="field__error"' in wrong.content.decode()  # shown beside the code box
    assert not signed_in(browser)

    right_code = code_now(secret)
    right = enter_code(browser, right_code)
    assert right.status_code == 302
    assert right["Location"] == "/"
    assert signed_in(browser)
    sign_out(browser)

    # A code that has been used once cannot be used again (someone watching cannot replay it).
    start_sign_in(browser, alex.email)
    assert refused(enter_code(browser, right_code))
    assert not signed_in(browser)

    # A recovery code gets the person in once ...
    recovery_code = recovery_codes[3]
    used = enter_code(browser, recovery_code)
    assert used.status_code == 302
    assert signed_in(browser)
    remaining = text_of(open_confirming_password(browser, RECOVERY_CODES))
    assert "There are 9 out of 10 recovery codes available." in remaining
    assert recovery_code not in recovery_codes_on(browser.get(RECOVERY_CODES))
    sign_out(browser)

    # ... and never a second time.
    start_sign_in(browser, alex.email)
    assert refused(enter_code(browser, recovery_code))
    assert not signed_in(browser)
    # The other codes still work.
    assert enter_code(browser, recovery_codes[4]).status_code == 302
    assert signed_in(browser)


def test_the_code_page_cannot_be_skipped_by_going_elsewhere(alex):
    browser = Client()
    sign_in_with_password(browser, alex.email)
    secret, _, _ = turn_on_authenticator_app(browser)
    sign_out(browser)

    start_sign_in(browser, alex.email)
    # Half-way through, the person is not signed in anywhere in the app.
    for path in (A_PRIVATE_PAGE, MFA_INDEX, "/profile/"):
        response = browser.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN)
    # A wrong password with two steps on does not reach the code page.
    bad = sign_in_with_password(Client(), alex.email, password="not the password at all 9")
    assert bad.status_code == 200
    assert AUTHENTICATE not in bad.get("Location", "")


# --- The secret stays with its owner ---------------------------------------------------------


def test_the_authenticator_secret_is_shown_to_no_one_else(alex, sam, robin, mailoutbox):
    alex_browser = Client()
    sign_in_with_password(alex_browser, alex.email)
    activate = open_confirming_password(alex_browser, ACTIVATE)
    secret = secret_on(activate)

    # While Alex is setting it up, his partner and a stranger each get their own, different secret.
    for person in (sam, robin):
        other = Client()
        sign_in_with_password(other, person.email)
        their_page = open_confirming_password(other, ACTIVATE)
        assert their_page.status_code == 200
        assert secret_on(their_page) != secret
        assert secret not in text_of(their_page)
        for path in (MFA_INDEX, A_PRIVATE_PAGE, "/profile/", "/"):
            assert secret not in text_of(other.get(path, follow=True)), path

    # Signed out, the activation page sends people to sign in and shows nothing.
    anonymous = Client().get(ACTIVATE)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(LOGIN)

    # Once it is on, the secret is not shown again, not even to Alex.
    done = alex_browser.post(ACTIVATE, {"code": code_now(secret)})
    assert done.status_code == 302
    for path in (ACTIVATE, DEACTIVATE, MFA_INDEX, RECOVERY_CODES, "/profile/", "/"):
        page = open_confirming_password(alex_browser, path)
        if page.status_code == 302:
            page = alex_browser.get(page["Location"])
        assert page.status_code == 200, path
        assert secret not in text_of(page), path
    # (ACCOUNT_EMAIL_NOTIFICATIONS is off today, so usually no mail; should any be sent, none may carry it.)
    for mail in mailoutbox:
        assert secret not in mail.subject + mail.body
        assert mail.to == [alex.email]


def test_another_persons_session_cannot_finish_someone_elses_setup(alex, robin):
    """A secret seen over someone's shoulder is no use in one's own session."""
    alex_browser = Client()
    sign_in_with_password(alex_browser, alex.email)
    alex_secret = secret_on(open_confirming_password(alex_browser, ACTIVATE))

    robin_browser = Client()
    sign_in_with_password(robin_browser, robin.email)
    open_confirming_password(robin_browser, ACTIVATE)
    attempt = robin_browser.post(ACTIVATE, {"code": code_now(alex_secret)})
    assert refused(attempt)
    assert "An authenticator app is not active." in text_of(robin_browser.get(MFA_INDEX))


# --- Neutral titles -----------------------------------------------------------------------------


def test_two_step_pages_have_neutral_titles(alex):
    browser = Client()
    sign_in_with_password(browser, alex.email)
    pages: dict[str, Any] = {"index": browser.get(MFA_INDEX)}
    # A password sign-in a moment ago counts as recent (mendwell/security), so
    # the confirm page is opened directly rather than by being sent there.
    pages["confirm password"] = browser.get(f"/accounts/reauthenticate/?next={ACTIVATE}")
    _, _, seen = turn_on_authenticator_app(browser)
    pages["activate"], pages["recovery codes"] = seen
    pages["new recovery codes"] = open_confirming_password(browser, GENERATE_CODES)
    pages["turn off"] = open_confirming_password(browser, DEACTIVATE)
    pages["security keys"] = open_confirming_password(browser, "/accounts/2fa/webauthn/")
    pages["add security key"] = open_confirming_password(browser, "/accounts/2fa/webauthn/add/")
    sign_out(browser)
    pages["code"] = start_sign_in(browser, alex.email)
    pages["wrong code"] = enter_code(browser, "12345678")

    for label, response in pages.items():
        assert response.status_code == 200, label
        title = title_of(response)
        assert title.endswith(" · Mendwell"), (label, title)
        page_name = title.removesuffix(" · Mendwell").strip()
        assert page_name, (label, title)
        for private in (alex.display_name, alex.email, str(alex.public_id), "user "):
            assert private not in title, (label, title)
