"""Step 2's question of the day in two browsers: answers stay hidden until both have answered."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_both_answers_are_revealed_only_once_both_have_answered(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    base = browsers.base_url
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    alex_page, sam_page = browsers.page(alex), browsers.page(sam)
    sam_page.goto(f"{base}/questions/")
    before = sam_page.locator("main").inner_text()

    alex_page.goto(f"{base}/questions/")
    alex_page.get_by_label("Your answer").fill("ALEX: the walk by the river.")
    alex_page.get_by_role("button", name="Save my answer").click()
    expect(alex_page.get_by_text("Your answer is saved.")).to_be_visible()
    expect(alex_page.get_by_text("once you have both answered")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    # Nothing tells Sam that Alex has answered.
    sam_page.reload()
    assert sam_page.locator("main").inner_text() == before
    sam_page.get_by_label("Your answer").fill("SAM: cooking together on Sunday.")
    sam_page.get_by_role("button", name="Save my answer").click()
    expect(sam_page.get_by_text("ALEX: the walk by the river.")).to_be_visible()

    alex_page.reload()
    expect(alex_page.get_by_text("SAM: cooking together on Sunday.")).to_be_visible()
    browsers.assert_page_ok(alex_page)
