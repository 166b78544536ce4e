"""Two people find each other in the app, end to end, in a real browser.

Sign up (the time zone comes from the browser), confirm the email from the
link the app sent, invite, join, and leave again — with JavaScript and without.
Where a form answers with an error, the page gets the same checks as the crawl.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from conftest import PASSWORD
from tests.browser.conftest import Browsers, wait_briefly_for

pytestmark = pytest.mark.browser

FIRST = {"name": "Jordan", "email": "jordan@example.com", "zone": "America/Chicago"}
SECOND = {"name": "Riley", "email": "riley@example.com", "zone": "Europe/Berlin"}
NEW_PASSWORD = "a quiet walk by the river 7"
NAMES = ("Jordan", "Riley", "jordan@example.com", "riley@example.com")


def sign_up(
    browsers: Browsers, context: BrowserContext, person: dict[str, str], mailoutbox: Any
) -> Page:
    """Create an account, confirm the email from the link sent, and land signed in."""
    page = context.new_page()
    page.goto(f"{browsers.base_url}/accounts/signup/")
    # The time zone starts as the browser's own, not UTC.
    expect(page.get_by_label("Your time zone")).to_have_value(person["zone"])
    page.get_by_label("Your name").fill(person["name"])
    page.get_by_label("Email").fill(person["email"])
    page.get_by_label("Password").fill(NEW_PASSWORD)

    # Forgetting the consent box: a kind message, and nothing typed is lost.
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Please tick this box to create an account.")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value(person["name"])
    expect(page.get_by_label("Email")).to_have_value(person["email"])
    browsers.assert_page_ok(page, forbidden_in_title=NAMES)

    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_label(re.compile("^I agree")).check()
    sent_before = len(mailoutbox)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))

    def confirmation() -> Any:
        return next((m for m in mailoutbox[sent_before:] if person["email"] in m.to), None)

    assert wait_briefly_for(lambda: confirmation() is not None), "no confirmation email arrived"
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", confirmation().body)
    assert match, confirmation().body
    page.goto(browsers.base_url + match.group(1))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{browsers.base_url}/")
    expect(page.get_by_role("heading", name=f"Hello, {person['name']}")).to_be_visible()
    return page


def open_couple_page(browsers: Browsers, page: Page) -> None:
    page.goto(f"{browsers.base_url}/couple/")


def make_invite_code(browsers: Browsers, page: Page) -> str:
    open_couple_page(browsers, page)
    expect(page.get_by_role("heading", name="Not linked")).to_be_visible()
    page.get_by_role("button", name="Make an invite code").click()
    code = page.get_by_label("Invite code", exact=True).first.inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{1,4})+", code), code
    return code


def join_with(browsers: Browsers, page: Page, code: str, *, check: bool = True) -> None:
    page.goto(f"{browsers.base_url}/couple/join/")
    # A mistyped code first: the message says what to do, the page stays usable.
    page.get_by_label("Invite code").fill("ABCD-EFGH")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("That code doesn't work.")).to_be_visible()
    if check:
        browsers.assert_page_ok(page, forbidden_in_title=NAMES)
    page.get_by_label("Invite code").fill(code)
    page.get_by_role("button", name="Join").click()
    page.wait_for_url(f"{browsers.base_url}/couple/")
    expect(page.get_by_text("You're linked. Welcome to your shared space.")).to_be_visible()


def leave(browsers: Browsers, page: Page, password: str, *, check: bool = True) -> None:
    open_couple_page(browsers, page)
    page.get_by_role("link", name="Leave the couple space").click()
    page.wait_for_url(f"{browsers.base_url}/couple/leave/")
    page.get_by_role("button", name="Leave now").click()
    # Sudo mode: no password in the last 15 minutes, so it is asked for first.
    page.wait_for_url(re.compile(r"/accounts/reauthenticate/"))
    # The wrong password changes nothing.
    page.get_by_label("Password").fill("not my password at all")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Incorrect password.")).to_be_visible()
    if check:
        browsers.assert_page_ok(page, forbidden_in_title=NAMES)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"{browsers.base_url}/couple/")
    expect(page.get_by_text("You've left the couple space.")).to_be_visible()
    expect(page.get_by_role("heading", name="Not linked")).to_be_visible()


def test_two_people_sign_up_link_and_one_leaves(browsers: Browsers, mailoutbox: Any) -> None:
    from django.contrib.auth import get_user_model

    first = sign_up(browsers, browsers.context(timezone_id=FIRST["zone"]), FIRST, mailoutbox)
    assert get_user_model().objects.get(email=FIRST["email"]).time_zone == FIRST["zone"]
    code = make_invite_code(browsers, first)
    browsers.assert_page_ok(first, forbidden_in_title=NAMES)  # the page showing the code

    second = sign_up(browsers, browsers.context(timezone_id=SECOND["zone"]), SECOND, mailoutbox)
    assert get_user_model().objects.get(email=SECOND["email"]).time_zone == SECOND["zone"]
    join_with(browsers, second, code)
    expect(second.get_by_role("heading", name="Linked with Jordan")).to_be_visible()

    open_couple_page(browsers, first)
    expect(first.get_by_role("heading", name="Linked with Riley")).to_be_visible()
    first.goto(f"{browsers.base_url}/")
    expect(first.get_by_text("You're using Mendwell on your own")).to_have_count(0)

    leave(browsers, second, NEW_PASSWORD)

    # Jordan simply sees that they are not linked; nothing says who left or when.
    open_couple_page(browsers, first)
    expect(first.get_by_role("heading", name="Not linked")).to_be_visible()
    expect(first.get_by_text("Linked with Riley")).to_have_count(0)
    expect(first.locator(".messages")).to_have_count(0)
    expect(first.get_by_text(re.compile(r"\bleft\b", re.I))).to_have_count(0)


def test_join_and_leave_work_without_javascript(browsers: Browsers, alex: Any, robin: Any) -> None:
    inviter = browsers.page(alex, java_script_enabled=False)
    code = make_invite_code(browsers, inviter)

    joiner = browsers.page(robin, java_script_enabled=False)
    join_with(browsers, joiner, code, check=False)
    expect(joiner.get_by_role("heading", name="Linked with Alex")).to_be_visible()
    open_couple_page(browsers, inviter)
    expect(inviter.get_by_role("heading", name="Linked with Robin")).to_be_visible()

    leave(browsers, joiner, PASSWORD, check=False)
    open_couple_page(browsers, inviter)
    expect(inviter.get_by_role("heading", name="Not linked")).to_be_visible()
