"""Finding a counsellor, in a real browser: from Get help now signed out, and from step 9."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_someone_signed_out_finds_counsellors_for_their_country(browsers: Browsers) -> None:
    page = browsers.page()
    page.goto(f"{browsers.base_url}/help-now/?country=GB")
    page.get_by_role("link", name="Finding a counsellor or couples therapist").click()

    expect(
        page.get_by_role("heading", name="Finding professional support", level=1)
    ).to_be_visible()
    expect(page.get_by_text("Couples therapy is usually not advised")).to_be_visible()
    expect(page.get_by_role("link", name="Call 0808 2000 247")).to_have_attribute(
        "href", "tel:08082000247"
    )
    bacp = page.get_by_role("link", name="Visit their website BACP Find a Therapist")
    expect(bacp).to_have_attribute("rel", "noopener noreferrer")
    browsers.assert_page_ok(page)

    page.get_by_label("Show support for another country").select_option("NZ")
    page.get_by_role("button", name="Show").click()
    nzac = page.get_by_role(
        "link", name="Visit their website New Zealand Association of Counsellors (NZAC)"
    )
    expect(nzac).to_have_attribute("href", "https://www.nzac.org.nz")
    expect(page.get_by_role("link", name="Call 0800 733 843")).to_be_visible()
    browsers.assert_page_ok(page)


def test_step_nine_leads_to_professional_support(browsers: Browsers, alex: Any) -> None:
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/steps/9/")
    page.get_by_role("link", name="Finding professional support").first.click()
    expect(
        page.get_by_role("heading", name="Finding professional support", level=1)
    ).to_be_visible()
    expect(page.get_by_role("link", name="Get help now").first).to_be_visible()
