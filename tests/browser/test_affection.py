"""Step 7 in Chromium: Alex and Sam, each on their own device, consent first."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser

WAITING = "Affection tools open once you have both chosen to."


def _open(page: Page, base: str) -> None:
    page.goto(f"{base}/affection/")


def _opt_in(page: Page, base: str) -> None:
    _open(page, base)
    page.get_by_role("button", name="Yes, I'd like to use these").click()
    expect(page.get_by_text("Only you can see your choice")).to_be_visible()


def _open_to(page: Page, *labels: str) -> None:
    page.get_by_role("link", name="Change my comfort settings").click()
    for label in labels:
        page.get_by_label(label).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. Only you can see these settings.")).to_be_visible()


def test_consent_comfort_and_a_day_of_the_challenge_for_two(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    base = browsers.base_url
    alex_page, sam_page = browsers.page(alex), browsers.page(sam)

    # Alex says yes; Sam has not decided. Both see only that it takes both of them.
    _opt_in(alex_page, base)
    expect(alex_page.get_by_text(WAITING)).to_be_visible()
    _open(sam_page, base)
    expect(sam_page.get_by_text(WAITING)).to_be_visible()
    expect(sam_page.get_by_role("heading", name="Seven days of small touches")).to_have_count(0)
    browsers.assert_page_ok(sam_page)

    # Sam says yes too: the tools open for both.
    _opt_in(sam_page, base)
    expect(sam_page.get_by_role("heading", name="Seven days of small touches")).to_be_visible()
    _open(alex_page, base)
    expect(alex_page.get_by_role("heading", name="Seven days of small touches")).to_be_visible()

    # Each marks what they are open to; only the overlap (a hug) is ever suggested.
    _open_to(alex_page, "A hug", "A kiss on the forehead")
    _open_to(sam_page, "A hug", "Cuddling")
    expect(sam_page.get_by_text("A kiss on the forehead")).to_have_count(0)

    alex_page.get_by_role("button", name="Start the seven days").click()
    hug = "Share one slow hug today"
    expect(alex_page.get_by_text(hug)).to_be_visible()
    sam_page.reload()
    expect(sam_page.get_by_text("Day 1 of 7")).to_be_visible()
    expect(sam_page.get_by_text(hug)).to_be_visible()
    browsers.assert_page_ok(sam_page)

    # Sam says "not now": Sam's page acknowledges it; Alex's page does not change.
    alex_before = alex_page.locator("main").inner_text()
    sam_page.get_by_role("button", name="Not now").click()
    expect(sam_page.get_by_text("Not now is a complete answer")).to_be_visible()
    alex_page.reload()
    assert alex_page.locator("main").inner_text() == alex_before
    expect(alex_page.get_by_role("button", name="We did this")).to_be_visible()

    # Alex pauses; Sam sees it is paused, not who paused it, and picks it up again.
    alex_page.get_by_role("button", name="Pause the challenge").click()
    sam_page.reload()
    expect(sam_page.get_by_text("The challenge is paused.")).to_be_visible()
    expect(sam_page.get_by_text(hug)).to_have_count(0)
    browsers.assert_page_ok(sam_page)
    sam_page.get_by_role("button", name="Pick it up again").click()
    expect(sam_page.get_by_text(hug)).to_be_visible()

    # Alex keeps a note and shares it; it is the only record, and Sam reads it.
    alex_page.reload()
    alex_page.get_by_role("link", name="Write a note").click()
    alex_page.get_by_label("A note, if you'd like to keep one").fill("That hug by the door.")
    alex_page.get_by_label("Share this note with my partner").check()
    alex_page.get_by_role("button", name="Save the note").click()
    expect(alex_page.get_by_text("Saved and shared with your partner.")).to_be_visible()
    sam_page.reload()
    expect(sam_page.get_by_text("That hug by the door.")).to_be_visible()

    # Sam withdraws: the tools close for both, and Alex sees only "both choose".
    sam_page.get_by_role("button", name="Turn affection tools off for me").click()
    alex_page.reload()
    expect(alex_page.get_by_text(WAITING)).to_be_visible()
    expect(alex_page.get_by_text(hug)).to_have_count(0)
    browsers.assert_page_ok(alex_page)
