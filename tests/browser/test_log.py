"""Step 1's private log in a real browser: write, see, edit, and the private support panel."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_a_person_writes_in_their_log_and_the_partner_never_sees_it(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    base = browsers.base_url
    page = browsers.page(alex)
    page.goto(f"{base}/steps/1/")
    page.get_by_role("link", name="Open your private log").click()
    page.get_by_role("link", name="Add an entry").click()
    page.get_by_label("What happened").fill("I answered emails all through our walk.")
    page.get_by_label("Or roughly when").fill("last Sunday")
    page.get_by_label("Attention").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved. Only you can see this entry.")).to_be_visible()
    expect(page.get_by_text("I answered emails all through our walk.")).to_be_visible()
    browsers.assert_page_ok(page)

    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/log/")
    expect(sam_page.get_by_text("I answered emails")).to_have_count(0)


def test_a_draft_with_words_of_crisis_shows_support_to_the_writer_only(
    browsers: Browsers, alex: Any
) -> None:
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/log/new/")
    page.get_by_label("What happened").fill("Some nights I don't want to be alive anymore.")
    page.get_by_label("What happened").press("End")  # a keyup starts the quiet check
    expect(page.get_by_role("heading", name="You don't have to carry this alone")).to_be_visible()
    browsers.assert_page_ok(page)
