"""Step 8's small victories in Chromium: Alex posts one, Sam sees it, Alex keeps the story."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


@pytest.fixture
def checked(alex: Any, sam: Any) -> tuple[Any, Any]:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


def test_alex_posts_a_victory_sam_sees_it_and_alex_downloads_the_story(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    base = browsers.base_url
    alex, sam = checked
    alex_page = browsers.page(alex)
    alex_page.goto(f"{base}/story/")
    alex_page.get_by_label("What happened").fill("We laughed at dinner like we used to")
    alex_page.get_by_label("When").fill(timezone.localdate().isoformat())
    alex_page.get_by_label("Part of a step (optional)").select_option(label="Step 3")
    alex_page.get_by_role("button", name="Post it").click()
    expect(alex_page.get_by_text("Posted on your shared wall.")).to_be_visible()
    expect(alex_page.get_by_text("We laughed at dinner like we used to")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/story/")
    expect(sam_page.get_by_text("We laughed at dinner like we used to")).to_be_visible()
    # Sam reads it on the shared wall; changing it is Alex's alone.
    expect(sam_page.get_by_role("link", name="Edit")).to_have_count(0)
    browsers.assert_page_ok(sam_page)

    alex_page.get_by_role("link", name="Our story").first.click()
    expect(alex_page.get_by_role("heading", name="Our story")).to_be_visible()
    with alex_page.expect_download() as download_info:
        alex_page.get_by_role("link", name="Download as text (Markdown)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("mendwell-story-")
    assert download.suggested_filename.endswith(".md")
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "# Our story" in text
    assert "We laughed at dinner like we used to" in text
    assert "Step 3" in text
