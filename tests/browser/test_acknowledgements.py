"""Step 1's acknowledgement composer in two browsers: Alex writes and revises, Sam answers."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from mendwell.journal.acknowledgements.services import (
    acknowledgement_create,
    acknowledgement_respond,
    acknowledgement_send,
)
from mendwell.journal.models import Acknowledgement
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


COMPOSER = "/log/acknowledgements/new/"
HURTFUL = "You always ignore me when I talk about my day."


def test_with_hints_on_a_hint_appears_while_alex_types_without_sending_anything(
    browsers: Browsers, alex: Any
) -> None:
    alex.coach_enabled = True
    alex.save()
    page = browsers.page(alex)
    page.goto(browsers.base_url + COMPOSER)
    expect(page.get_by_role("button", name="Turn on wording hints")).to_have_count(0)

    page.get_by_label("Name the impact").press_sequentially(HURTFUL)

    hints = page.locator("#draft-hints")
    expect(hints.get_by_role("heading", name="Wording hints")).to_be_visible()
    expect(hints).to_contain_text("Name the impact: “You always”")
    expect(hints).to_contain_text("judgement")
    assert page.url == browsers.base_url + COMPOSER  # nothing was submitted
    assert not Acknowledgement.objects.exists()
    browsers.assert_page_ok(page)


def test_with_hints_off_no_hint_appears_and_turning_them_on_from_the_offer_keeps_the_draft(
    browsers: Browsers, alex: Any
) -> None:
    page = browsers.page(alex)
    page.goto(browsers.base_url + COMPOSER)
    offer = page.get_by_role("button", name="Turn on wording hints")
    expect(offer).to_be_visible()
    expect(page.get_by_text("never shown to your partner")).to_be_visible()
    browsers.assert_page_ok(page)

    impact = page.get_by_label("Name the impact")
    with page.expect_response(lambda response: response.url.endswith("/hints/")) as answered:
        impact.press_sequentially(HURTFUL)
    assert answered.value.ok
    expect(page.locator("#draft-hints .coach-hints")).to_have_count(0)
    expect(page.locator("#draft-hints")).not_to_contain_text("You always")

    offer.click()
    expect(page.get_by_text("Wording hints are on.")).to_be_visible()
    # Still the composer, with what Alex typed, and the hint for it shows at once.
    assert page.url == browsers.base_url + COMPOSER
    expect(impact).to_have_value(HURTFUL)
    expect(page.locator("#draft-hints")).to_contain_text("“You always”")
    alex.refresh_from_db()
    assert alex.coach_enabled
    browsers.assert_page_ok(page)

    # Coming back later: no offer any more, and the hints keep working.
    page.goto(browsers.base_url + COMPOSER)
    expect(offer).to_have_count(0)
    page.get_by_label("Own it").press_sequentially("You never listen.")
    expect(page.locator("#draft-hints")).to_contain_text("“You never”")


def test_without_javascript_the_offer_goes_back_to_the_composer(
    browsers: Browsers, alex: Any
) -> None:
    page = browsers.page(alex, java_script_enabled=False)
    page.goto(browsers.base_url + COMPOSER)
    page.get_by_role("button", name="Turn on wording hints").click()
    page.wait_for_url(browsers.base_url + COMPOSER)
    expect(page.get_by_text("Wording hints are on.")).to_be_visible()
    expect(page.get_by_role("button", name="Turn on wording hints")).to_have_count(0)
    alex.refresh_from_db()
    assert alex.coach_enabled


def test_not_now_stops_the_offer_and_leaves_hints_off(browsers: Browsers, alex: Any) -> None:
    page = browsers.page(alex)
    page.goto(browsers.base_url + COMPOSER)
    page.get_by_role("button", name="Not now").click()
    expect(page.get_by_text("We won't offer wording hints again.")).to_be_visible()
    page.goto(browsers.base_url + COMPOSER)
    expect(page.get_by_role("button", name="Turn on wording hints")).to_have_count(0)
    expect(page.get_by_text("Wording hints are off.")).to_be_visible()
    alex.refresh_from_db()
    assert (alex.coach_enabled, alex.coach_offer_dismissed) == (False, True)


def test_sam_changes_not_yet_to_heard_and_alex_sees_the_earlier_answer_too(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
    thread = acknowledgement_create(
        user=alex,
        thread_id=uuid.uuid4(),
        own_it="I chose work over your birthday dinner.",
        impact="You sat alone, waiting.",
        change="Birthdays are in my calendar, blocked.",
        entries=[],
    )
    acknowledgement_send(thread=thread)
    acknowledgement_respond(
        user=sam,
        thread=thread,
        sent=thread.sent_copies.get(),
        kind="not_yet",
        missing="That it wasn't only that one night.",
    )
    thread_url = f"{browsers.base_url}/log/acknowledgements/{thread.id}/"

    sam_page = browsers.page(sam)
    sam_page.goto(thread_url)
    sam_page.get_by_role("link", name="Change my answer").click()
    expect(sam_page.get_by_label("I feel heard")).to_be_visible()
    browsers.assert_page_ok(sam_page)
    sam_page.get_by_label("I feel heard").check()
    sam_page.get_by_role("button", name="Send my new answer").click()
    expect(sam_page.get_by_text("Your answer is changed.")).to_be_visible()

    page = browsers.page(alex)
    page.goto(thread_url)
    expect(page.get_by_text("I feel heard.")).to_be_visible()
    expect(page.get_by_text("Changed on")).to_be_visible()
    expect(page.get_by_role("link", name="Change my answer")).to_have_count(0)
    page.get_by_text("Earlier answers").click()
    expect(page.get_by_text("That it wasn't only that one night.")).to_be_visible()
    browsers.assert_page_ok(page)
