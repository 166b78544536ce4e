"""The signed-in devices page: one's own sessions only, signed out at once (TS24, TS25)."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.usersessions.models import UserSession

from conftest import PASSWORD
from mendwell.security.tests.support import (
    SAFARI_MAC,
    browser,
    is_signed_in,
    sign_in,
)

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a brand new passphrase 88"


def other_session_pk(client: Any, user: Any) -> int:
    current = client.session.session_key
    return UserSession.objects.filter(user=user).exclude(session_key=current).get().pk


def test_ts24_a_person_on_two_devices_sees_both_and_which_one_this_is(alex: Any) -> None:
    """TS24: A signed in on devices 1 and 2 sees both sessions, this one marked."""
    device_1 = sign_in(alex)
    sign_in(alex, browser(SAFARI_MAC, ip="198.51.100.20"))

    page = device_1.get("/security/", secure=True).content.decode()

    assert "Firefox on Android" in page
    assert "Safari on a Mac" in page
    assert page.count("This device") == 1
    assert "203.0.113.7" in page and "198.51.100.20" in page


def test_ts24_another_persons_sessions_never_show_on_my_list(alex: Any, sam: Any) -> None:
    """TS24: B's session list never shows A's sessions (nor their addresses)."""
    sign_in(alex, browser(SAFARI_MAC, ip="198.51.100.20"))
    sams = sign_in(sam, browser(ip="192.0.2.55"))

    page = sams.get("/security/", secure=True).content.decode()

    assert "192.0.2.55" in page
    assert "Safari on a Mac" not in page
    assert "198.51.100.20" not in page


def test_ts24_signing_out_device_2_makes_its_next_request_anonymous(alex: Any) -> None:
    """TS24: device 1 signs device 2 out (a fresh sign-in counts as re-auth) → device 2 anonymous."""
    device_1, device_2 = sign_in(alex), sign_in(alex, browser(SAFARI_MAC))

    response = device_1.post(
        "/security/sign-out/", {"session": other_session_pk(device_1, alex)}, secure=True
    )

    assert response.status_code == 302 and response["Location"] == "/security/"
    assert "That device is signed out." in device_1.get("/security/", secure=True).content.decode()
    assert not is_signed_in(device_2)
    assert is_signed_in(device_1)


def test_signing_out_needs_a_recent_password_and_asks_for_it(alex: Any, client_for: Any) -> None:
    """Sudo mode: without a password in the last 15 minutes the POST goes to "confirm it's you"."""
    device_2 = sign_in(alex, browser(SAFARI_MAC))
    device_1 = client_for(alex)  # signed in, but no password typed in this session
    device_1.get("/security/", secure=True)  # the session shows up in the list

    response = device_1.post(
        "/security/sign-out/", {"session": other_session_pk(device_1, alex)}, secure=True
    )

    assert response.status_code == 302
    assert response["Location"] == "/accounts/reauthenticate/?next=%2Fsecurity%2Fsign-out%2F"
    assert is_signed_in(device_2)


def test_after_confirming_the_password_the_sign_out_goes_through(
    alex: Any, client_for: Any
) -> None:
    """TS24: revoking after re-authentication; the held POST is replayed by allauth."""
    device_2 = sign_in(alex, browser(SAFARI_MAC))
    device_1 = client_for(alex)
    device_1.get("/security/", secure=True)
    device_1.post("/security/sign-out/", {"session": other_session_pk(device_1, alex)}, secure=True)

    device_1.post(
        "/accounts/reauthenticate/?next=/security/sign-out/", {"password": PASSWORD}, secure=True
    )

    assert not is_signed_in(device_2)


def test_a_wrong_password_on_the_confirm_page_signs_nobody_out(alex: Any, client_for: Any) -> None:
    device_2 = sign_in(alex, browser(SAFARI_MAC))
    device_1 = client_for(alex)
    device_1.get("/security/", secure=True)
    device_1.post("/security/sign-out/", {"session": other_session_pk(device_1, alex)}, secure=True)

    page = device_1.post(
        "/accounts/reauthenticate/?next=/security/sign-out/",
        {"password": "not the password 123"},
        secure=True,
    )

    assert page.status_code == 200
    assert "Incorrect password." in page.content.decode()
    assert is_signed_in(device_2)


def test_someone_elses_session_id_is_a_404_and_signs_nobody_out(alex: Any, sam: Any) -> None:
    alexs = sign_in(alex, browser(SAFARI_MAC))
    sams = sign_in(sam)
    alex_session = UserSession.objects.get(user=alex).pk

    response = sams.post("/security/sign-out/", {"session": alex_session}, secure=True)

    assert response.status_code == 404
    assert is_signed_in(alexs)


@pytest.mark.parametrize("value", ["", "not-a-number", "999999"])
def test_a_made_up_session_id_is_a_calm_404(alex: Any, value: str) -> None:
    device = sign_in(alex)
    assert device.post("/security/sign-out/", {"session": value}, secure=True).status_code == 404


def test_signing_out_this_device_from_the_list_is_pointed_to_sign_out(alex: Any) -> None:
    device = sign_in(alex)
    own = UserSession.objects.get(session_key=device.session.session_key).pk

    page = device.post("/security/sign-out/", {"session": own}, secure=True, follow=True)

    assert "use “Sign out” in the menu" in page.content.decode()
    assert is_signed_in(device)


def test_sign_out_every_other_device_keeps_this_one(alex: Any) -> None:
    device_1 = sign_in(alex)
    others = [sign_in(alex, browser(SAFARI_MAC)), sign_in(alex, browser(ip="192.0.2.9"))]

    device_1.post("/security/sign-out-others/", secure=True)

    assert [is_signed_in(other) for other in others] == [False, False]
    assert is_signed_in(device_1)
    page = device_1.get("/security/", secure=True).content.decode()
    assert page.count("Sign out this device") == 0


def test_sign_out_every_other_device_needs_a_recent_password(alex: Any, client_for: Any) -> None:
    other = sign_in(alex, browser(SAFARI_MAC))
    response = client_for(alex).post("/security/sign-out-others/", secure=True)
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert is_signed_in(other)


@pytest.mark.parametrize("path", ["/security/sign-out/", "/security/sign-out-others/"])
def test_signing_out_is_post_only(alex: Any, path: str) -> None:
    assert sign_in(alex).get(path, secure=True).status_code == 405


def test_ts25_password_change_on_device_1_leaves_only_device_1_listed(alex: Any) -> None:
    """TS25: a password change signs device 2 out; device 1 stays and lists itself alone."""
    device_1, device_2 = sign_in(alex), sign_in(alex, browser(SAFARI_MAC))

    device_1.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
        secure=True,
    )

    assert not is_signed_in(device_2)
    page = device_1.get("/security/", secure=True).content.decode()
    assert "Safari on a Mac" not in page
    assert page.count("This device") == 1


def test_the_page_has_a_place_for_app_tokens(alex: Any) -> None:
    page = sign_in(alex).get("/security/", secure=True).content.decode()
    assert "App tokens" in page and "No app tokens." in page


def test_allauths_own_session_list_leads_to_this_page(alex: Any) -> None:
    """Its form would sign devices out without asking for the password again."""
    response = sign_in(alex).get("/accounts/sessions/", secure=True)
    assert response.status_code == 302 and response["Location"] == "/security/"


def test_the_profile_page_links_to_the_devices(alex: Any) -> None:
    assert 'href="/security/"' in sign_in(alex).get("/profile/", secure=True).content.decode()
