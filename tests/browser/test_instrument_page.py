"""An operator's licensed questionnaire in Chromium: Alex finds it on the progress page,
answers it, and two weeks later reads the cut-off and the reliable change in plain
words; the page passes the same checks as every other (axe, layout, targets, no
request to another host) at phone and desktop size."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from mendwell.progress import registry, services
from mendwell.progress.tests.helpers import instruments_dropped_in
from tests.browser.conftest import VIEWPORTS, Browsers

pytestmark = pytest.mark.browser

# The fixture's items are f1..f3 on 1–5 with f2 reversed: 2/4/2 totals 6, 4/2/4 totals 12.
LOW = {"f1": 2, "f2": 4, "f3": 2}
HIGH = ("4", "2", "4")


@pytest.fixture
def operator_dir(tmp_path: Path, settings: Any) -> Any:
    with instruments_dropped_in(tmp_path, settings) as folder:
        yield folder


def test_a_licensed_questionnaire_is_answered_and_its_change_read_in_plain_words(
    browsers: Browsers, checked: tuple[Any, Any], operator_dir: Path
) -> None:
    alex, _sam = checked
    fixture = registry.registry().newest("test-fixture-scale")
    assert fixture is not None
    with time_machine.travel(timezone.now() - timedelta(weeks=2), tick=False):
        services.pulse_save(user=alex, kind="weekly", answers=LOW, instrument=fixture)
    page = browsers.page(alex)
    page.goto(f"{browsers.base_url}/progress/")
    page.get_by_role("link", name="Take Fixture scale (tests only)").click()
    for item, value in zip(fixture.items, HIGH, strict=True):
        page.get_by_role("spinbutton", name=item.text).fill(value)
    page.get_by_role("button").filter(has_text="Save").first.click()
    expect(page.get_by_text("Saved. Only you can see your answers.")).to_be_visible()
    body = page.locator("main").inner_text()
    assert "reliable change index is 5.37" in body
    assert "not why it moved" in body
    browsers.assert_page_ok(page)
    shots = os.environ.get("MENDWELL_SHOTS")  # for a person looking at the page, not CI
    if shots:
        for name in ("phone", "desktop"):
            page.set_viewport_size(VIEWPORTS[name])
            page.screenshot(path=f"{shots}/instrument-{name}.png", full_page=True)
