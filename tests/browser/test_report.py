"""Step 9's printable report in Chromium: choose, confirm, download once."""

from __future__ import annotations

import io
import uuid
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD
from mendwell.progress import registry, services
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.story.services import victory_create
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser


@pytest.fixture
def alex_with_a_pulse(alex: Any, sam: Any) -> Any:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    services.pulse_save(
        user=alex, kind="weekly", answers=dict.fromkeys(registry.pulse().item_ids, 6)
    )
    today = timezone.localdate()
    victory_create(
        user=alex,
        victory_id=uuid.uuid4(),
        text="We laughed at dinner again",
        happened_on=today - timedelta(days=2),
        step=None,
    )
    return alex


def test_alex_downloads_the_report_once_and_the_link_is_then_gone(
    browsers: Browsers, alex_with_a_pulse: Any
) -> None:
    page = browsers.page(alex_with_a_pulse)
    page.goto(f"{browsers.base_url}/report/")
    page.get_by_label("My weekly pulse: the charts, their notes and my answers").check()
    page.get_by_label("Small victories I can see").check()
    page.get_by_role("button", name="Make my report").click()
    # Sudo mode: the password is asked for first, then the choices go through.
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    link = page.get_by_role("link", name="Download your report")
    expect(link).to_be_visible()
    browsers.assert_page_ok(page)
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    today = timezone.localdate(timezone=ZoneInfo(alex_with_a_pulse.time_zone))
    assert download.suggested_filename == f"mendwell-report-{today.isoformat()}.pdf"
    pdf = PdfReader(io.BytesIO(download.path().read_bytes()))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "My weekly pulse" in text and "We laughed at dinner again" in text
    assert "My shared daily check-ins" not in text

    # The same link a second time: the plain not-found page.
    href = link.get_attribute("href")
    response = page.goto(f"{browsers.base_url}{href}")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="We couldn't find that page")).to_be_visible()
    browsers.assert_page_ok(page)
