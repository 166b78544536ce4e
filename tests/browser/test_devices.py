"""Signed-in devices in a real browser: one device signs the other out (TS24)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_one_device_signs_the_other_out_after_confirming_the_password(
    browsers: Browsers, alex: Any
) -> None:
    """TS24: device 1 lists both sessions and, after re-entering the password, signs
    device 2 out; device 2's next page load is the login page."""
    base = browsers.base_url
    # Device 2 signs in through the login form, ticking "this is a shared device".
    second = browsers.page()
    second.goto(f"{base}/accounts/login/")
    second.get_by_label("Email").fill(alex.email)
    second.get_by_label("Password").fill(PASSWORD)
    second.get_by_label("This is a shared device").check()
    second.get_by_role("button", name="Sign In", exact=True).click()
    second.wait_for_url(f"{base}/")
    second.goto(f"{base}/security/")
    expect(second.get_by_role("heading", name="Signed-in devices")).to_be_visible()

    # Device 1 has been signed in for a while: no password typed in this session.
    first = browsers.page(alex)
    first.goto(f"{base}/security/")
    devices = first.locator(".device")
    expect(devices).to_have_count(2)
    expect(first.locator(".device__current")).to_have_count(1)
    browsers.assert_page_ok(first)

    first.get_by_role("button", name="Sign out this device").click()
    expect(first.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    browsers.assert_page_ok(first)
    first.get_by_label("Password").fill(PASSWORD)
    first.get_by_role("button", name="Confirm").click()

    first.wait_for_url(f"{base}/security/")
    expect(first.get_by_text("That device is signed out.")).to_be_visible()
    expect(devices).to_have_count(1)

    second.reload()
    expect(second).to_have_url(re.compile(r"/accounts/login/"))
    expect(second.get_by_label("Password")).to_be_visible()


def test_an_app_token_is_made_shown_once_and_revoked(browsers: Browsers, alex: Any) -> None:
    """TS27 in the browser: the token appears once, in a readable page, then only its name."""
    base = browsers.base_url
    page = browsers.page()
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email").fill(alex.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(f"{base}/")
    page.goto(f"{base}/security/")

    page.get_by_role("button", name="Make an app token").click()
    expect(
        page.get_by_text("Give the app a name.").or_(page.get_by_text("This field is required."))
    ).to_be_visible()
    page.get_by_label("Name this app").fill("Kitchen tablet")
    page.get_by_role("button", name="Make an app token").click()
    token = page.locator(".token-value")
    expect(token).to_have_text(re.compile(r"^mw_"))
    browsers.assert_page_ok(page)

    page.goto(f"{base}/security/")
    expect(page.locator(".token-value")).to_have_count(0)
    page.get_by_role("button", name="Revoke “Kitchen tablet”").click()
    expect(page.get_by_text("That app token no longer works.")).to_be_visible()
    expect(page.get_by_text("No app tokens.")).to_be_visible()
    browsers.assert_page_ok(page)
