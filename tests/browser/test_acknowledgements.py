"""Step 1's acknowledgement composer in two browsers: Alex writes and revises, Sam answers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from mendwell.journal.services import log_entry_create
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_alex_sends_an_acknowledgement_sam_answers_and_alex_revises_until_sam_feels_heard(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    base = browsers.base_url
    safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
    log_entry_create(
        user=alex,
        entry_id=uuid.uuid4(),
        happened_on=None,
        rough_period="last spring",
        what_happened="I skipped the hospital visit for a work call.",
        impact="",
        differently="",
        tags=["time"],
    )

    page = browsers.page(alex)
    page.goto(f"{base}/log/")
    page.get_by_role("link", name="Acknowledgements").click()
    page.get_by_role("link", name="Write an acknowledgement").click()
    page.get_by_label("I skipped the hospital visit for a work call.").check()
    page.get_by_label("Own it").fill("I chose a work call over being with you at the hospital.")
    page.get_by_label("Name the impact").fill("You waited on your own, frightened.")
    page.get_by_label("What will change").fill("When you need me, I'll say no to work first.")
    browsers.assert_page_ok(page)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("Your draft is saved.")).to_be_visible()
    page.get_by_role("button", name="Send to my partner").click()
    expect(page.get_by_text("Sent. Your partner can read it now.")).to_be_visible()
    browsers.assert_page_ok(page)
    thread_url = page.url

    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/log/acknowledgements/")
    sam_page.get_by_role("link", name="Read").click()
    expect(sam_page.get_by_text("You waited on your own, frightened.")).to_be_visible()
    expect(sam_page.get_by_text("I skipped the hospital visit")).to_have_count(0)
    browsers.assert_page_ok(sam_page)
    sam_page.get_by_label("Not yet — here is what's missing").check()
    sam_page.get_by_label("What's missing for you").fill("That it has happened before.")
    sam_page.get_by_role("button", name="Send my answer").click()
    expect(sam_page.get_by_text("Your answer is sent.")).to_be_visible()

    page.goto(thread_url)
    expect(page.get_by_text("That it has happened before.")).to_be_visible()
    page.get_by_role("link", name="Revise and send again").click()
    page.get_by_label("Own it").fill("It wasn't only that call: I've put work first for a year.")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_role("button", name="Send the revised version").click()
    expect(page.get_by_text("Version 2")).to_be_visible()

    sam_page.goto(thread_url)
    expect(sam_page.get_by_text("I've put work first for a year.")).to_be_visible()
    sam_page.get_by_label("I feel heard").check()
    sam_page.get_by_role("button", name="Send my answer").click()
    expect(sam_page.get_by_text("Your answer is sent.")).to_be_visible()

    page.goto(thread_url)
    expect(page.get_by_text("I feel heard.")).to_be_visible()
    expect(page.get_by_text("That it has happened before.")).to_be_visible()
    browsers.assert_page_ok(page)
