"""Quick exit, in a real browser: the button, Shift three times, and with JavaScript off.

The neutral site (settings.QUICK_EXIT_URL) is answered on this machine, so no
request leaves it. Playwright's ``page.route`` cannot do that here: it never
sees a request the browser makes by following a redirect (documented, see
microsoft/playwright#3993 and #17161), and /exit/ reaches the neutral site by
a 302. Chromium's own request interception (CDP ``Fetch``) does pause
redirected requests, so ``NeutralSite`` uses it for that one URL. The browser's
host-resolver rule (conftest) would stop a real request anyway.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from tests.browser.conftest import Browsers, session_cookie

pytestmark = pytest.mark.browser

NEUTRAL_PAGE = b"<!doctype html><title>Weather</title><h1>Weather forecast</h1>"

# Reports, the moment quick exit marks the page, what a person would see:
# still the old document (navigation has not committed), but blanked.
REPORT_BLANKING = """
new MutationObserver(function () {
  var root = document.documentElement;
  if (root && root.classList.contains("is-exiting") && !window.__reported) {
    window.__reported = true;
    window.__quickExitSeen({
      exiting: true,
      bodyVisibility: getComputedStyle(document.body).visibility,
      title: document.title,
      stillHere: location.pathname,
    });
  }
}).observe(document, {attributes: true, attributeFilter: ["class"], subtree: true});
"""


class NeutralSite:
    """Answers settings.QUICK_EXIT_URL locally, and notes how the page looked as it left."""

    def __init__(self, page: Page) -> None:
        self.visits: list[str] = []
        self.page_when_leaving: list[dict[str, Any]] = []
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.on("Fetch.requestPaused", self._answer)
        self.cdp.send("Fetch.enable", {"patterns": [{"urlPattern": settings.QUICK_EXIT_URL}]})
        page.expose_function("__quickExitSeen", self._seen)
        page.add_init_script(REPORT_BLANKING)

    def _seen(self, state: dict[str, Any]) -> None:
        self.page_when_leaving.append(state)

    def _answer(self, event: dict[str, Any]) -> None:
        self.visits.append(event["request"]["url"])
        self.cdp.send(
            "Fetch.fulfillRequest",
            {
                "requestId": event["requestId"],
                "responseCode": 200,
                "responseHeaders": [{"name": "Content-Type", "value": "text/html"}],
                "body": base64.b64encode(NEUTRAL_PAGE).decode(),
            },
        )


def press_shift_three_times(page: Page) -> None:
    for _ in range(3):
        page.keyboard.press("Shift")


def click_the_button(page: Page) -> None:
    page.get_by_role("link", name=re.compile("^Quick exit")).click()


TRIGGERS: dict[str, Callable[[Page], None]] = {
    "button": click_the_button,
    "shift three times": press_shift_three_times,
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_quick_exit_blanks_the_page_signs_out_and_leaves_no_way_back(
    trigger: str, browsers: Browsers, alex: Any, sam: Any
) -> None:
    """TS47."""
    page = browsers.page(alex)
    site = NeutralSite(page)
    page.goto(f"{browsers.base_url}/steps/3/")
    page.goto(f"{browsers.base_url}/")
    expect(page.get_by_role("heading", name="Hello, Alex")).to_be_visible()
    history_before = page.evaluate("history.length")
    old_cookie = session_cookie(page.context)
    assert old_cookie is not None

    TRIGGERS[trigger](page)

    page.wait_for_url(settings.QUICK_EXIT_URL)
    # Blank before anything loaded: the class hides the page, the tab title is gone.
    assert site.page_when_leaving == [
        {"exiting": True, "bodyVisibility": "hidden", "title": "", "stillHere": "/"}
    ]
    expect(page.get_by_role("heading", name="Weather forecast")).to_be_visible()
    assert site.visits == [settings.QUICK_EXIT_URL]  # answered here, not by the real site
    # The app page was replaced in history, not added to it.
    assert page.evaluate("history.length") == history_before

    # Back skips the page that was open (Today) and lands on the one before,
    # which the browser must fetch again (no-store) and which now asks to sign in.
    page.go_back()
    assert re.search(r"/accounts/login/\?next=/steps/3/$", page.url), page.url
    expect(page.get_by_text("Hello, Alex")).to_have_count(0)
    expect(page.get_by_text("Step 3 of 10")).to_have_count(0)

    # Signed out for good: the browser dropped the cookie, and the old session
    # is dead on the server too (a copy of the cookie gets the welcome page).
    assert session_cookie(page.context) is None
    other = browsers.context()
    other.add_cookies([{**old_cookie, "expires": -1}])  # type: ignore[list-item]
    replay = other.new_page()
    replay.goto(f"{browsers.base_url}/")
    expect(replay.get_by_role("link", name="Create an account")).to_be_visible()
    expect(replay.get_by_text("Hello, Alex")).to_have_count(0)


def test_quick_exit_works_without_javascript(browsers: Browsers, alex: Any, sam: Any) -> None:
    page = browsers.page(alex, java_script_enabled=False)
    site = NeutralSite(page)
    page.goto(f"{browsers.base_url}/couple/")
    expect(page.get_by_role("heading", name="Linked with Sam")).to_be_visible()

    link = page.get_by_role("link", name=re.compile("^Quick exit"))
    assert link.get_attribute("href") == "/exit/"
    link.click()

    page.wait_for_url(settings.QUICK_EXIT_URL)
    assert site.visits == [settings.QUICK_EXIT_URL]
    assert session_cookie(page.context) is None
    # Without JavaScript the exit adds a history entry; Back shows no private page.
    page.go_back()
    assert re.search(r"/accounts/login/\?next=/couple/$", page.url), page.url
    expect(page.get_by_text("Linked with Sam")).to_have_count(0)


def test_shift_used_for_capitals_does_not_exit(browsers: Browsers, alex: Any) -> None:
    """Typing an invite code in capitals presses Shift many times; only Shift alone counts."""
    page = browsers.page(alex)
    site = NeutralSite(page)
    page.goto(f"{browsers.base_url}/couple/join/")
    field = page.get_by_label("Invite code")
    field.click()
    for letter in "ABCD":
        page.keyboard.down("Shift")
        page.keyboard.press(f"Key{letter}")
        page.keyboard.up("Shift")

    # Two presses of Shift alone are not enough either.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(field).to_have_value("ABCD")
    assert not page.evaluate("document.documentElement.classList.contains('is-exiting')")
    assert site.visits == []
    assert page.url == f"{browsers.base_url}/couple/join/"
