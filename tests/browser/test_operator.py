"""The operator's admin in Chromium: staff act on an account, the person sees it (TS61)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser

NAME_MARKER = "Okapi-Meridian"


def test_a_staff_action_in_the_admin_shows_on_the_persons_safety_page_only(
    browsers: Browsers, make_user: Any, staff: Any
) -> None:
    """TS60, TS61: the admin lists accounts without their names; a reset link sent from
    it appears on the person's Safety page and not on the partner's."""
    from conftest import link

    alex = make_user("alex@example.com", NAME_MARKER)
    sam = make_user("sam@example.com", "Sam")
    link(alex, sam)

    operator = browsers.page(staff)
    operator.goto(f"{browsers.base_url}/operator/accounts/user/")
    expect(operator.get_by_role("link", name=str(alex.public_id))).to_be_visible()
    assert NAME_MARKER not in operator.content()
    operator.locator(f'input[name="_selected_action"][value="{alex.pk}"]').check()
    operator.locator('select[name="action"]').select_option("send_password_reset")
    operator.get_by_role("button", name="Go").click()
    expect(operator.get_by_text("Reset links sent.")).to_be_visible()

    person = browsers.page(alex)
    person.goto(f"{browsers.base_url}/safety/")
    section = person.locator("#staff-actions")
    expect(section.get_by_text("Sent a password reset link to your email")).to_be_visible()
    expect(section.get_by_text(staff.email)).to_be_visible()
    browsers.assert_page_ok(person)

    partner = browsers.page(sam)
    partner.goto(f"{browsers.base_url}/safety/")
    expect(
        partner.get_by_text("No staff member has done anything to your account.")
    ).to_be_visible()
    assert "Sent a password reset link" not in partner.content()
