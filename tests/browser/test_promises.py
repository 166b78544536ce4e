"""Step 6's promise ledger in Chromium: Alex promises, Sam marks, Alex renegotiates."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser

# htmx waits 1.5 s after the last key before asking for hints.
HINTS_TIMEOUT_MS = 5_000


@pytest.fixture
def checked(alex: Any, sam: Any) -> tuple[Any, Any]:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


def test_alex_promises_sam_marks_and_the_renegotiation_keeps_both_in_history(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    base = browsers.base_url
    alex, sam = checked
    alex.coach_enabled = True
    alex.save()
    first_evening = (timezone.localdate() + timedelta(days=1)).isoformat()

    alex_page = browsers.page(alex)
    alex_page.goto(f"{base}/promises/")
    alex_page.get_by_role("link", name="Make a promise").click()
    text = alex_page.get_by_label("I will …")
    text.press_sequentially("put my phone away at dinner, but I was busy lately")
    # The coach flags the excuse while Alex types, without a page load.
    hints = alex_page.locator("#draft-hints")
    expect(hints).to_contain_text("I will …: “I was busy”", timeout=HINTS_TIMEOUT_MS)
    text.fill("put my phone away at dinner")
    alex_page.get_by_label("By (date)").fill(first_evening)
    alex_page.get_by_label("At (time)").fill("19:00")
    alex_page.get_by_label("Every day").check()
    alex_page.get_by_label("How many times").fill("3")
    browsers.assert_page_ok(alex_page)
    alex_page.get_by_role("button", name="Make this promise").click()
    expect(alex_page.get_by_role("heading", name="Your promise")).to_be_visible()
    expect(alex_page.locator(".entry-list > li")).to_have_count(3)
    promise_url = alex_page.url

    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/promises/")
    sam_page.get_by_role("link", name="Open put my phone away at dinner").click()
    expect(sam_page.get_by_role("heading", name="A promise to you")).to_be_visible()
    first = sam_page.locator("#occurrence-1")
    first.get_by_text("Mark it").click()
    first.get_by_label("Kept").check()
    first.get_by_label("A kind word (optional)").fill("Thank you, dinner felt like ours again.")
    first.get_by_role("button", name="Save").click()
    expect(sam_page.get_by_text("Your answer is saved.")).to_be_visible()
    second = sam_page.locator("#occurrence-2")
    second.get_by_text("Mark it").click()
    second.get_by_label("Not yet").check()
    second.get_by_role("button", name="Save").click()
    expect(sam_page.locator("#occurrence-2 strong")).to_have_text("Not yet")
    browsers.assert_page_ok(sam_page)

    alex_page.goto(promise_url)
    expect(alex_page.get_by_text("Thank you, dinner felt like ours again.")).to_be_visible()
    expect(alex_page.get_by_text("Mark it")).to_have_count(0)  # never Alex's to mark
    alex_page.get_by_role("link", name="Renegotiate").click()
    alex_page.get_by_label("I will …").fill("put my phone away at dinner on weekdays")
    alex_page.get_by_label("By (date)").fill(first_evening)
    alex_page.get_by_role("button", name="Renegotiate").click()
    expect(alex_page.get_by_text("Both promises stay in the history.")).to_be_visible()
    history = alex_page.get_by_role("heading", name="History")
    expect(history).to_be_visible()
    browsers.assert_page_ok(alex_page)

    sam_page.goto(alex_page.url)
    expect(
        sam_page.get_by_text("I will put my phone away at dinner on weekdays").first
    ).to_be_visible()
    expect(sam_page.get_by_text("Renegotiated ·")).to_be_visible()
    sam_page.goto(promise_url)
    expect(sam_page.get_by_text("This promise was renegotiated into a new one.")).to_be_visible()
    expect(sam_page.get_by_text("Thank you, dinner felt like ours again.")).to_be_visible()
    browsers.assert_page_ok(sam_page)
