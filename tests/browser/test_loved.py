"""Step 5 in Chromium: Alex and Sam rate the five ways, keep lists, share, and compare."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


@pytest.fixture
def checked(alex: Any, sam: Any) -> tuple[Any, Any]:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


def _rate(page: Page, base: str, *, time_together: str) -> None:
    page.goto(f"{base}/loved/")
    page.get_by_role("link", name=re.compile("Rate the five ways|Change my ratings")).click()
    groups = page.locator("fieldset")
    expect(groups).to_have_count(10)
    for index in range(10):
        groups.nth(index).get_by_label("2 · Somewhat").check()
    receiving_time = page.get_by_role("group", name="Time together (quality time)").first
    receiving_time.get_by_label(time_together).check()
    page.get_by_role("button", name="Save my ratings").click()
    expect(page.get_by_text("Your ratings are saved.")).to_be_visible()


def _add(page: Page, text: str, *, this_week: bool = False) -> None:
    page.get_by_label("Something that makes me feel loved").fill(text)
    if this_week:
        page.get_by_label("This week I'd love this one most").check()
    page.get_by_role("button", name="Add to my list").click()
    expect(page.get_by_text("Saved to your list.")).to_be_visible()


def test_alex_and_sam_share_what_helps_and_see_it_side_by_side(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    base = browsers.base_url
    alex, sam = checked
    alex_page = browsers.page(alex)
    sam_page = browsers.page(sam)

    _rate(alex_page, base, time_together="4 · A lot")
    expect(alex_page.get_by_role("row", name="Time together 4 of 4 2 of 4")).to_be_visible()
    _add(alex_page, "A text at lunch")
    _add(alex_page, "A walk after dinner, just us", this_week=True)
    # The second line goes to the top without JavaScript's help.
    alex_page.get_by_role("button", name=re.compile("^Move up")).click()
    lines = alex_page.locator(".loved-item__text")
    expect(lines).to_have_text(["A walk after dinner, just us", "A text at lunch"])
    browsers.assert_page_ok(alex_page)

    # Nothing shared yet: Sam sees nothing of it.
    sam_page.goto(f"{base}/loved/partner/")
    expect(sam_page.get_by_text("Nothing shared here yet.")).to_have_count(2)
    expect(sam_page.get_by_text("A walk after dinner")).to_have_count(0)

    alex_page.get_by_role("button", name="Share my ratings with my partner").click()
    alex_page.get_by_role("button", name="Share my list with my partner").click()
    expect(alex_page.get_by_role("button", name="Stop sharing my list")).to_be_visible()

    sam_page.reload()
    expect(sam_page.get_by_role("heading", name="What Alex shared")).to_be_visible()
    expect(sam_page.get_by_text("A walk after dinner, just us")).to_be_visible()
    expect(sam_page.get_by_text("This week they'd love this one most")).to_be_visible()
    expect(
        sam_page.get_by_text("Why this one: Alex rated time together 4 of 4").first
    ).to_be_visible()
    browsers.assert_page_ok(sam_page)

    # Side by side shows once both share.
    sam_page.goto(f"{base}/loved/side-by-side/")
    expect(sam_page.get_by_text("once you have both shared")).to_be_visible()
    _rate(sam_page, base, time_together="1 · A little")
    sam_page.get_by_role("button", name="Share my ratings with my partner").click()
    alex_page.goto(f"{base}/loved/side-by-side/")
    table = alex_page.get_by_role("table")
    expect(table.get_by_role("columnheader", name="Sam")).to_be_visible()
    expect(table.get_by_role("row", name="Time together 4 of 4 1 of 4")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    # Stopping is immediate.
    alex_page.goto(f"{base}/loved/")
    alex_page.get_by_role("button", name="Stop sharing my list").click()
    sam_page.goto(f"{base}/loved/partner/")
    expect(sam_page.get_by_text("A walk after dinner, just us")).to_have_count(0)


def test_a_line_too_long_is_refused_with_the_text_kept(browsers: Browsers, robin: Any) -> None:
    page = browsers.page(robin)
    page.goto(f"{browsers.base_url}/loved/list/new/")
    box = page.get_by_label("Something that makes me feel loved")
    # The browser's own maxlength stops typing past the limit; a request made by hand
    # (or an old form) still gets the server's answer, which this checks.
    box.evaluate("element => element.removeAttribute('maxlength')")
    box.fill("x" * 301)
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Please keep a line under 300 characters (this has 301).")
    ).to_be_visible()
    expect(page.get_by_label("Something that makes me feel loved")).to_have_value("x" * 301)
    browsers.assert_page_ok(page)
