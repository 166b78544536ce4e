"""Step 9's counsellor access in Chromium: invite, sign up, grant two items, revoke one.

Alex (linked with Sam) invites a counsellor with a single-use link; Dana opens it
signed out, signs up with her own account, and accepts. Alex grants two of three
shared check-ins; Dana sees exactly those two. Alex stops sharing one: Dana's
next request for it is a 404, and the other still opens.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from playwright.sync_api import expect

from mendwell.checkins.models import CheckIn
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from tests.browser.conftest import Browsers
from tests.browser.test_journey import sign_up

pytestmark = pytest.mark.browser

DANA = {"name": "Dana", "email": "dana@example.com", "zone": "Europe/Dublin"}
NOTES = ("A calmer evening together", "We walked after dinner", "Not granted to anyone")
NAMES = ("Alex", "Sam", "Dana", "alex@example.com", "dana@example.com")


def _shared_checkins(alex: Any) -> list[CheckIn]:
    return [
        CheckIn.objects.create(
            author=alex,
            couple=couple_for_user(alex),
            visibility=Visibility.SHARED,
            day=date(2026, 3, day),
            mood=4,
            closeness=4,
            note=note,
        )
        for day, note in enumerate(NOTES, start=1)
    ]


def test_a_counsellor_sees_exactly_what_alex_grants_until_alex_revokes_it(
    browsers: Browsers, alex: Any, sam: Any, mailoutbox: Any
) -> None:
    base = browsers.base_url
    first, second, third = _shared_checkins(alex)

    # Alex makes a single-use link; it is shown once.
    alex_page = browsers.page(alex)
    alex_page.goto(f"{base}/counsellor/")
    alex_page.get_by_role("button", name="Make an invitation link").click()
    link = alex_page.locator(".code--link").inner_text().strip()
    assert re.search(r"/counsellor/join/[\w-]+/$", link), link
    browsers.assert_page_ok(alex_page, forbidden_in_title=NAMES)

    # Dana opens it signed out: she is asked to sign in, signs up instead, then accepts.
    dana_context = browsers.context(timezone_id=DANA["zone"])
    dana_page = dana_context.new_page()
    dana_page.goto(link)
    expect(dana_page).to_have_url(re.compile(r"/accounts/login/"))
    dana_page.close()
    dana_page = sign_up(browsers, dana_context, DANA, mailoutbox)
    dana_page.goto(link)
    browsers.assert_page_ok(dana_page, forbidden_in_title=NAMES)
    dana_page.get_by_role("button", name="Accept the invitation").click()
    expect(dana_page).to_have_url(re.compile(r"/counsellor/clients/$"))
    dana_page.get_by_role("link", name=re.compile("^Alex, since")).click()
    expect(dana_page.get_by_text("Nothing is shared with you at the moment.")).to_be_visible()

    # The link worked once: opened again, it says so and offers nothing to press.
    dana_page.goto(link)
    expect(dana_page.get_by_text(re.compile("This invitation link doesn.t work"))).to_be_visible()
    expect(dana_page.get_by_role("button", name="Accept the invitation")).to_have_count(0)
    browsers.assert_page_ok(dana_page, forbidden_in_title=NAMES)
    dana_page.goto(f"{base}/counsellor/clients/")
    dana_page.get_by_role("link", name=re.compile("^Alex, since")).click()

    # Alex grants two of the three check-ins.
    alex_page.goto(f"{base}/counsellor/")
    alex_page.get_by_role("link", name=re.compile("^Dana, since")).click()
    alex_page.get_by_label(re.compile(NOTES[0])).check()
    alex_page.get_by_label(re.compile(NOTES[1])).check()
    alex_page.get_by_role("button", name="Share", exact=True).click()
    expect(alex_page.get_by_text("Shared with your counsellor.")).to_be_visible()
    browsers.assert_page_ok(alex_page, forbidden_in_title=NAMES)

    # Dana sees exactly those two.
    dana_page.reload()
    items = dana_page.locator("a[href^='/counsellor/items/']")
    expect(items).to_have_count(2)
    hrefs = sorted(items.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    assert hrefs == sorted(f"/counsellor/items/{item.pk}/" for item in (first, second))
    dana_page.goto(f"{base}/counsellor/items/{first.pk}/")
    expect(dana_page.get_by_text(NOTES[0])).to_be_visible()
    browsers.assert_page_ok(dana_page, forbidden_in_title=NAMES)
    hidden = dana_page.goto(f"{base}/counsellor/items/{third.pk}/")
    assert hidden is not None and hidden.status == 404

    # Alex stops sharing the first; the audit shows it was opened.
    alex_page.reload()
    expect(alex_page.get_by_text("Your counsellor opened an item (Daily check-in)")).to_be_visible()
    alex_page.get_by_role("button", name="Stop sharing").first.click()
    expect(alex_page.get_by_text("Your counsellor can no longer see that.")).to_be_visible()

    # At once: Dana's next request for it is a 404; the other still opens.
    still_granted = [
        pk
        for pk in (first.pk, second.pk)
        if dana_page.goto(f"{base}/counsellor/items/{pk}/").status == 200  # type: ignore[union-attr]
    ]
    assert len(still_granted) == 1
    dana_page.goto(f"{base}/counsellor/clients/")
    dana_page.get_by_role("link", name=re.compile("^Alex, since")).click()
    expect(dana_page.locator("a[href^='/counsellor/items/']")).to_have_count(1)

    # Sam, the partner, is told nothing.
    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/counsellor/")
    expect(sam_page.get_by_text("No counsellor is connected.")).to_be_visible()
