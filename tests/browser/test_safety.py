"""The private safety check and the neutral pause, in two real browsers."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_a_worrying_answer_leads_to_support_and_the_partner_sees_only_paused(
    browsers: Browsers, alex: Any, sam: Any, mailoutbox: Any
) -> None:
    base = browsers.base_url
    alex_page = browsers.page(alex)
    alex_page.goto(f"{base}/")
    alex_page.get_by_role("link", name="Start the check").click()
    fear = alex_page.get_by_role("group", name="Do you ever feel afraid of your partner?")
    fear.get_by_label("Yes").check()
    alex_page.get_by_role("button", name="Save my answers").click()
    expect(alex_page.get_by_role("heading", name="Your safety comes first")).to_be_visible()
    expect(alex_page.get_by_role("link", name="Planning for your safety")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/")
    expect(sam_page.get_by_role("heading", name="The couple program is paused")).to_be_visible()
    expect(sam_page.get_by_text("afraid")).to_have_count(0)
    assert mailoutbox == []


def test_get_help_now_offers_tap_to_call_for_the_chosen_country(browsers: Browsers) -> None:
    page = browsers.page()
    page.goto(f"{browsers.base_url}/help-now/")
    page.get_by_label("Show lines for another country").select_option("AU")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("link", name="Call 000")).to_have_attribute("href", "tel:000")
    expect(page.get_by_role("link", name="Call 13 11 14")).to_be_visible()
    browsers.assert_page_ok(page)
