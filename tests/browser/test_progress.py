"""Step 8 in Chromium: Alex takes the baseline, six weeks of pulses pass (seeded through
the services with time travel), Alex answers this week's pulse and reads an honest trend."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from mendwell.progress import registry, services
from mendwell.progress.models import PulseResponse
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


def _fill(page: Any, level: int) -> None:
    for item in registry.pulse().items:
        page.get_by_label(item.text).fill(str(level))


def test_alex_takes_the_baseline_answers_weekly_and_sees_an_honest_trend(
    browsers: Browsers, alex: Any
) -> None:
    base = browsers.base_url
    page = browsers.page(alex)
    page.goto(f"{base}/progress/")
    browsers.assert_page_ok(page)
    page.get_by_role("link", name="Take the baseline").click()

    # A mistake first: an answer off the scale is named, and what was typed stays.
    _fill(page, 3)
    page.get_by_label(registry.pulse().items[0].text).fill("12")
    page.get_by_role("button", name="Save my starting point").click()
    expect(page.get_by_text("choose a whole number from 0 to 10")).to_be_visible()
    expect(page.get_by_label(registry.pulse().items[0].text)).to_have_value("12")
    assert not PulseResponse.objects.filter(author=alex).exists()
    page.get_by_label(registry.pulse().items[0].text).fill("3")
    page.get_by_role("button", name="Save my starting point").click()
    expect(page.get_by_text("Only you can see your answers")).to_be_visible()

    # Time travel: the baseline was seven weeks ago, then six weekly pulses followed.
    now = timezone.now()
    PulseResponse.objects.filter(author=alex, kind="baseline").update(
        week_of=services.week_of(timezone.localdate() - timedelta(weeks=7))
    )
    items = registry.pulse().item_ids
    for weeks_ago, level in zip(range(6, 0, -1), [3, 4, 3, 5, 6, 7], strict=True):
        with time_machine.travel(now - timedelta(weeks=weeks_ago), tick=False):
            services.pulse_save(user=alex, kind="weekly", answers=dict.fromkeys(items, level))

    page.goto(f"{base}/progress/")
    expect(page.get_by_text("isn't enough yet").first).to_be_visible()  # 7 weeks so far
    page.get_by_role("link", name="Answer this week's pulse").click()
    _fill(page, 7)
    page.get_by_role("button", name="Save this week's pulse").click()

    # Eight weeks: the latest four against the first four, in plain words, with the numbers.
    expect(page.get_by_role("heading", name="All items together")).to_be_visible()
    notes = page.locator(".pulse-chart__note")
    expect(notes).to_have_count(len(items) + 1)
    expect(notes.first).to_contain_text("changed more than your usual ups and downs")
    expect(page.get_by_text("informal check-in").first).to_be_visible()
    body = page.content().lower()
    assert "cut-off" not in body and "clinical" not in body and "percentile" not in body
    assert page.locator("svg title").count() == len(items) + 1
    page.get_by_text("The numbers").first.click()
    expect(page.locator("table").first.locator("tbody tr")).to_have_count(8)
    browsers.assert_page_ok(page)
