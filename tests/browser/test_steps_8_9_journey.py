"""Steps 8 and 9 end to end in Chromium, as the issue's "done when" describes.

Alex takes the baseline; six weekly pulses pass (seeded through time travel);
Alex answers this week's and reads an honest trend; invites a counsellor, who
signs up with her own account; grants two shared check-ins, which are exactly
what the counsellor sees; revokes one, which is gone at once; and downloads a
report whose text holds what Alex chose and nothing else.
"""

from __future__ import annotations

import io
import re
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from conftest import PASSWORD
from mendwell.checkins.models import CheckIn
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.progress import registry, services
from mendwell.progress.models import PulseResponse
from tests.browser.conftest import Browsers
from tests.browser.test_journey import sign_up

pytestmark = pytest.mark.browser

DANA = {"name": "Dana", "email": "dana@example.com", "zone": "Europe/Dublin"}
SHARED = ("A calmer evening together", "We walked after dinner", "Not granted to anyone")


def _fill(page: Any, level: int) -> None:
    for item in registry.pulse().items:
        page.get_by_label(item.text).fill(str(level))


def _checkins(alex: Any) -> list[CheckIn]:
    today = timezone.localdate()
    rows = [
        CheckIn.objects.create(
            author=alex,
            couple=couple_for_user(alex),
            visibility=Visibility.SHARED,
            day=today - timedelta(days=days_ago),
            mood=4,
            closeness=4,
            note=note,
        )
        for days_ago, note in enumerate(SHARED, start=3)
    ]
    CheckIn.objects.create(
        author=alex, day=today - timedelta(days=10), mood=2, closeness=2, note="Only for me"
    )
    return rows


def test_baseline_pulses_trend_counsellor_grants_revoke_and_report(
    browsers: Browsers, checked: tuple[Any, Any], mailoutbox: Any
) -> None:
    alex, _sam = checked
    base = browsers.base_url
    page = browsers.page(alex)

    # Step 8: the baseline first, from the private log.
    page.goto(f"{base}/log/")
    page.get_by_role("link", name="Take the baseline").click()
    _fill(page, 3)
    page.get_by_role("button", name="Save my starting point").click()
    expect(page.get_by_text("Saved. Only you can see your answers.")).to_be_visible()

    # Six weeks pass, one pulse each.
    now = timezone.now()
    PulseResponse.objects.filter(author=alex, kind="baseline").update(
        week_of=services.week_of(timezone.localdate() - timedelta(weeks=7))
    )
    items = registry.pulse().item_ids
    for weeks_ago, level in zip(range(6, 0, -1), [3, 4, 3, 5, 6, 7], strict=True):
        with time_machine.travel(now - timedelta(weeks=weeks_ago), tick=False):
            services.pulse_save(user=alex, kind="weekly", answers=dict.fromkeys(items, level))
    page.goto(f"{base}/progress/pulse/")
    _fill(page, 7)
    page.get_by_role("button", name="Save this week's pulse").click()
    notes = page.locator(".pulse-chart__note")
    expect(notes.first).to_contain_text("changed more than your usual ups and downs")
    assert "because" not in " ".join(notes.all_inner_texts()).lower()  # no causal claim
    browsers.assert_page_ok(page)

    # Step 9: a counsellor, invited with a single-use link, signs up with her own account.
    first, second, third = _checkins(alex)
    page.goto(f"{base}/counsellor/")
    page.get_by_role("button", name="Make an invitation link").click()
    link = page.locator(".code--link").inner_text().strip()
    dana_context = browsers.context(timezone_id=DANA["zone"])
    dana = sign_up(browsers, dana_context, DANA, mailoutbox)
    dana.goto(link)
    dana.get_by_role("button", name="Accept the invitation").click()
    expect(dana).to_have_url(re.compile(r"/counsellor/clients/$"))

    # Alex grants two of the three shared check-ins; Dana sees exactly those.
    page.goto(f"{base}/counsellor/")
    page.get_by_role("link", name=re.compile("^Dana, since")).click()
    page.get_by_label(re.compile(SHARED[0])).check()
    page.get_by_label(re.compile(SHARED[1])).check()
    page.get_by_role("button", name="Share", exact=True).click()
    expect(page.get_by_text("Shared with your counsellor.")).to_be_visible()
    dana.goto(f"{base}/counsellor/clients/")
    dana.get_by_role("link", name=re.compile("^Alex, since")).click()
    granted = dana.locator("a[href^='/counsellor/items/']")
    expect(granted).to_have_count(2)
    hrefs = sorted(granted.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    assert hrefs == sorted(f"/counsellor/items/{row.pk}/" for row in (first, second))
    assert dana.goto(f"{base}/counsellor/items/{third.pk}/").status == 404  # type: ignore[union-attr]

    # Alex revokes one: Dana's next request for it is a 404.
    page.reload()
    page.get_by_role("button", name="Stop sharing").first.click()
    expect(page.get_by_text("Your counsellor can no longer see that.")).to_be_visible()
    statuses = sorted(
        dana.goto(f"{base}/counsellor/items/{row.pk}/").status  # type: ignore[union-attr]
        for row in (first, second)
    )
    assert statuses == [200, 404]

    # The report: the pulse and the shared check-ins, nothing else.
    page.goto(f"{base}/report/")
    page.get_by_label("My weekly pulse: the charts, their notes and my answers").check()
    page.get_by_label("My shared daily check-ins").check()
    page.get_by_label("From").fill((date.today() - timedelta(weeks=9)).isoformat())
    page.get_by_role("button", name="Make my report").click()
    expect(page.get_by_role("heading", name="Confirm it's you")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your report").click()
    pdf = PdfReader(io.BytesIO(download_info.value.path().read_bytes()))
    text = " ".join((p.extract_text() or "") for p in pdf.pages)
    text = " ".join(text.split())
    assert "My weekly pulse" in text
    for note in SHARED:
        assert note in text
    assert "Only for me" not in text  # private
    assert "Small victories" not in text  # not chosen
    assert "Dana" not in text  # the counsellor is not part of the report
