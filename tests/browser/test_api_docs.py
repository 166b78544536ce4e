"""The interactive API docs render in a real browser, from this instance alone
(no CDN, nothing blocked by the content security policy), and a signed-in
person can try an operation with their own session."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Browsers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_list_every_group_and_load_nothing_from_elsewhere(
    browsers: Browsers, make_user: Any
) -> None:
    alex = make_user("alex@example.com", "Alex")
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/api/v1/docs")
    expect(page.get_by_role("heading", name="Mendwell API")).to_be_visible()
    for group in ("check-ins", "log", "today", "counsellor"):
        expect(page.locator(f"#operations-tag-{group}")).to_be_visible()
    expect(page.get_by_text("Parser error")).to_have_count(0)
    errors, external = browsers.watch_for(page).take()
    assert errors == []
    assert external == []


def test_a_signed_in_person_can_try_an_operation_from_the_docs(
    browsers: Browsers, make_user: Any
) -> None:
    alex = make_user("alex@example.com", "Alex")
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/api/v1/docs#/me")
    operation = page.locator("#operations-me-mendwell_api_routes_me_me")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    answer = operation.locator(".live-responses-table .response")
    expect(answer.locator(".response-col_status")).to_contain_text("200")
    expect(answer.locator(".response-col_description")).to_contain_text('"display_name": "Alex"')
