"""Step 10's reminders in Chromium: choose a time, and it arrives once, in the app and by email."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from mendwell.reminders.models import Kind, Reminder
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def _scheduler_and_worker_at(moment: Any) -> None:
    with time_machine.travel(moment, tick=False):
        call_command("run_scheduler", once=True)
        call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")


def test_a_reminder_chosen_on_the_page_arrives_once_in_the_app_and_by_email(
    browsers: Browsers, alex: Any
) -> None:
    base = browsers.base_url
    page = browsers.page(alex)
    page.goto(f"{base}/reminders/")
    browsers.assert_page_ok(page)
    page.get_by_label("Remind me of today's plan").check()
    page.get_by_label("Time for today's plan").fill("07:45")
    page.get_by_role("button", name="Save times").click()
    expect(page.get_by_text("Your reminder times are saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Coming up")).to_be_visible()
    expect(page.get_by_text("07:45")).to_be_visible()

    page.get_by_label("Also tell me by email").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your choice is saved.")).to_be_visible()
    expect(page.get_by_label("Also tell me by email")).to_be_checked()

    due = Reminder.objects.get(user=alex, kind=Kind.DAILY_PLAN).next_due_at
    assert due is not None
    # The moment comes, and the scheduler and the worker both look twice.
    _scheduler_and_worker_at(due + timedelta(seconds=20))
    _scheduler_and_worker_at(due + timedelta(minutes=5))

    page.goto(f"{base}/")
    expect(page.locator(".badge")).to_have_text("1 new")
    page.goto(f"{base}/notifications/")
    expect(page.get_by_text("Your plan for today is ready.")).to_have_count(1)
    (message,) = mail.outbox
    assert message.to == [alex.email]
    assert "Alex" not in message.subject + message.body


def test_a_half_filled_quiet_hours_is_refused_and_keeps_what_was_typed(
    browsers: Browsers, alex: Any
) -> None:
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/reminders/")
    page.get_by_label("Quiet hours from").fill("22:30")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Enter when quiet hours end, or clear both times.")).to_be_visible()
    expect(page.get_by_label("Quiet hours from")).to_have_value("22:30")
    browsers.assert_page_ok(page)
