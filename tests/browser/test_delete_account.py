"""Deleting an account in Chromium (TS56): password again, a summary, a tick, a button.

Alex deletes the account from the profile page, lands on the neutral
confirmation, and cannot sign in again; Sam's Today page still opens.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from conftest import PASSWORD
from mendwell.erasure.tests.helpers import checkin
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def test_alex_deletes_the_account_and_sam_carries_on(
    browsers: Browsers, alex: Any, sam: Any
) -> None:
    checkin(alex, 1)
    checkin(sam, 2)
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/profile/")
    page.get_by_role("link", name="Delete my account").click()

    # Sudo mode: the password first, then the summary.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", name="Delete your account")).to_be_visible()
    row = page.get_by_role("row", name="Daily check-in 1")
    expect(row).to_be_visible()
    expect(page.get_by_text("What your partner wrote stays theirs", exact=False)).to_be_visible()
    browsers.assert_page_ok(page)

    page.get_by_label("I understand that my account and everything I wrote").check()
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_role("heading", name="Your account is deleted")).to_be_visible()
    browsers.assert_page_ok(page)

    # Signing in again fails, with the same words as any wrong password.
    page.goto(f"{browsers.base_url}/accounts/login/")
    page.get_by_label("Email").fill(alex.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    expect(page.get_by_text("are not correct", exact=False)).to_be_visible()

    sams = browsers.page(sam)
    response = sams.goto(f"{browsers.base_url}/")
    assert response is not None and response.status == 200
    expect(sams.get_by_role("heading", level=1)).to_be_visible()
    browsers.assert_page_ok(sams)


def test_the_delete_step_on_each_items_page_opens_and_works(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    """TS55 in the browser: each new "Delete…" step is usable, and deleting takes effect."""
    import uuid

    from django.utils import timezone

    from mendwell.checkins.selectors import week_of
    from mendwell.checkins.services import checkin_save, week_notes_save
    from mendwell.conversations.selectors import daily_question_for
    from mendwell.conversations.services import answer_submit
    from mendwell.dates.models import DatePlan
    from mendwell.dates.services import reflection_save
    from mendwell.erasure.tests.helpers import date_plan
    from mendwell.nudges.services import nudge_send
    from mendwell.progress import registry
    from mendwell.progress.services import pulse_save
    from mendwell.promises.models import Promise

    alex, sam = checked
    today = timezone.localdate()
    checkin_save(user=alex, day=today, mood=3, closeness=3, note="", share=True)
    week_notes_save(
        user=alex,
        week_of=week_of(today),
        texts={"went_well": "a walk", "try_next": ""},
        shares={"went_well": True},
    )
    nudge_send(user=alex, nudge_id=uuid.uuid4(), note="")
    plan = date_plan(alex)
    reflection_save(user=alex, plan=plan, day=today, connected=4, repeat_text="", share=True)
    answer_submit(user=alex, daily=daily_question_for(alex), text="an answer")
    promise = Promise.objects.create(author=alex, text="call at lunch")
    for kind in ("baseline", "weekly"):  # with no baseline, the page asks for one first
        pulse_save(user=alex, kind=kind, answers=dict.fromkeys(registry.pulse().item_ids, 4))

    page = browsers.page(alex)
    for path in (
        "/check-in/",
        "/check-in/history/",
        "/check-in/week/",
        "/thinking-of-you/",
        f"/dates/{plan.pk}/edit/",
        f"/dates/{plan.pk}/together/",
        "/questions/",
        f"/promises/{promise.pk}/",
        "/progress/",
    ):
        page.goto(browsers.base_url + path)
        steps = page.locator("details.delete-disclosure summary")
        expect(steps.first).to_be_visible()
        steps.first.click()
        expect(page.locator("details.delete-disclosure[open] button").first).to_be_visible()
        browsers.assert_page_ok(page)

    page.goto(f"{browsers.base_url}/dates/{plan.pk}/edit/")
    page.locator("details.delete-disclosure summary").click()
    page.get_by_role("button", name="Delete for good").click()
    expect(page.get_by_text("The date is deleted", exact=False)).to_be_visible()
    assert not DatePlan.objects.filter(pk=plan.pk).exists()
