"""The daily and weekly rhythm in Chromium, on two devices: Alex's and Sam's.

A real day: Today's short plan, a check-in shared for one day, a thinking-of-you
note and its badge, the connection jar's weekly draw, a date planned from the
idea library into both calendars (and changed, and cancelled), phones down and
a reflection, the weekly look back, and Today's private marks and streak.
Dates are relative to today, so the journey works on any day of the week.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import Page, expect

from mendwell.checkins.models import CheckIn
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.today.models import MarkState, TodayMark
from tests.browser.conftest import Browsers

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
TIME_LABEL = re.compile(r"^Time:?$")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture
def checked(alex: Any, sam: Any) -> tuple[Any, Any]:
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    return alex, sam


def _today() -> date:
    return timezone.localtime(timezone.now(), LONDON).date()


def _mark_button(page: Page, verb: str, title: str) -> Any:
    """A Today mark button: the verb, and (for screen readers) the item it marks."""
    name = re.compile(rf"^{re.escape(verb)}\s*:\s*{re.escape(title)}$")
    return page.get_by_role("button", name=name)


def _events(body: bytes) -> list[Any]:
    return [part for part in Calendar.from_ical(body).walk() if part.name == "VEVENT"]


def test_a_day_check_in_shared_nudge_and_todays_marks(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    base = browsers.base_url
    alex, sam = checked
    today = _today()
    # Yesterday's check-in stayed private; two earlier days had something done.
    CheckIn.objects.create(
        author=alex, day=today - timedelta(days=1), mood=2, closeness=2, note="kept to myself"
    )
    for back in (1, 2):
        TodayMark.objects.create(
            user=alex, day=today - timedelta(days=back), key="checkin", state=MarkState.DONE
        )

    alex_page = browsers.page(alex)
    alex_page.goto(f"{base}/")
    expect(alex_page.get_by_role("heading", name="Today's plan")).to_be_visible()
    items = alex_page.locator(".plan-item")
    expect(items.first).to_be_visible()
    assert 1 <= items.count() <= 5  # a short plan, never a to-do list
    expect(alex_page.get_by_role("heading", name="How are you today?")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    # Alex checks in and shares that one day.
    alex_page.get_by_role("link", name="Check in").click()
    alex_page.get_by_label("Good", exact=True).check()
    alex_page.get_by_label("Close", exact=True).check()
    alex_page.get_by_label("A note for yourself (optional)").fill("Slept well for once")
    alex_page.get_by_label("Share today's check-in with my partner").check()
    alex_page.get_by_role("button", name="Save my check-in").click()
    expect(alex_page.get_by_text("Shared with your partner.")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    # Sam sees the shared day, never the private one.
    sam_page = browsers.page(sam)
    sam_page.goto(f"{base}/check-in/")
    expect(sam_page.get_by_role("heading", name="What Alex shared")).to_be_visible()
    expect(sam_page.get_by_text("Slept well for once")).to_be_visible()
    expect(sam_page.get_by_text("Feeling: Good. Closeness: Close.")).to_be_visible()
    expect(sam_page.get_by_text("kept to myself")).to_have_count(0)
    browsers.assert_page_ok(sam_page)

    # Sam sends a thinking-of-you note; Alex sees the badge, then the note.
    sam_page.goto(f"{base}/thinking-of-you/")
    sam_page.get_by_label("Add a few words (optional)").fill("Hope the meeting goes well")
    sam_page.get_by_role("button", name="Send to Alex").click()
    expect(sam_page.get_by_role("heading", name="You sent")).to_be_visible()
    browsers.assert_page_ok(sam_page)
    alex_page.goto(f"{base}/")
    expect(alex_page.locator(".badge")).to_contain_text("1")
    alex_page.goto(f"{base}/thinking-of-you/")
    expect(alex_page.get_by_role("heading", name="For you")).to_be_visible()
    expect(alex_page.get_by_text("Hope the meeting goes well")).to_be_visible()
    browsers.assert_page_ok(alex_page)

    # Today: the check-in left the plan; Alex marks one item done and one not today.
    alex_page.goto(f"{base}/")
    expect(alex_page.get_by_role("heading", name="How are you today?")).to_have_count(0)
    _mark_button(alex_page, "Done", "Thinking of you").click()
    expect(alex_page.get_by_text("1 item set aside today")).to_be_visible()
    first_open = alex_page.locator(".plan-item h3").first.inner_text()
    _mark_button(alex_page, "Not today", first_open).click()
    expect(alex_page.get_by_text("2 items set aside today")).to_be_visible()
    alex_page.get_by_text("2 items set aside today").click()
    expect(alex_page.get_by_text("Thinking of you — done")).to_be_visible()
    expect(alex_page.get_by_text(f"{first_open} — not today")).to_be_visible()
    # Three days running (yesterday, the day before, today): Alex's own to see.
    expect(alex_page.get_by_text("You've shown up 3 days running.")).to_be_visible()
    browsers.assert_page_ok(alex_page)
    sam_page.goto(f"{base}/")
    expect(sam_page.get_by_role("heading", name="Today's plan")).to_be_visible()
    expect(sam_page.get_by_text("days running")).to_have_count(0)
    expect(sam_page.get_by_text("set aside today")).to_have_count(0)


def test_the_week_jar_draw_and_look_back(browsers: Browsers, checked: tuple[Any, Any]) -> None:
    base = browsers.base_url
    alex, sam = checked
    alex_page, sam_page = browsers.page(alex), browsers.page(sam)

    for page, act in ((alex_page, "Tea in bed on Sunday"), (sam_page, "A note in my coat pocket")):
        page.goto(f"{base}/jar/")
        page.get_by_label("Something small you would love to receive").fill(act)
        page.get_by_role("button", name="Add to my jar").click()
        expect(page.get_by_text(act)).to_be_visible()

    # The couple picks today as the draw day, so the draw opens now.
    alex_page.get_by_text("Change our draw day").click()
    alex_page.get_by_label("Our draw day").select_option(label=WEEKDAYS[_today().weekday()])
    alex_page.get_by_role("button", name="Save the day").click()
    alex_page.get_by_role("button", name="Draw one of Sam's acts").click()
    # Alex draws Sam's act, never their own.
    draw = alex_page.get_by_role("region", name="This week's draw")
    expect(draw.get_by_text("A note in my coat pocket")).to_be_visible()
    expect(draw.get_by_text("Tea in bed on Sunday")).to_have_count(0)
    browsers.assert_page_ok(alex_page)
    alex_page.get_by_role("button", name="I did it").click()
    expect(alex_page.get_by_text("Done. Thank you.")).to_be_visible()

    sam_page.goto(f"{base}/jar/")
    sam_page.get_by_role("button", name="Draw one of Alex's acts").click()
    sam_draw = sam_page.get_by_role("region", name="This week's draw")
    expect(sam_draw.get_by_text("Tea in bed on Sunday")).to_be_visible()
    expect(sam_draw.get_by_text("A note in my coat pocket")).to_have_count(0)
    done_for_sam = sam_page.get_by_role("region", name="Done for you")
    expect(done_for_sam.get_by_text("A note in my coat pocket")).to_be_visible()
    done_for_sam.get_by_role("button", name="I noticed").click()
    expect(sam_page.get_by_text("You noticed.", exact=True)).to_be_visible()
    browsers.assert_page_ok(sam_page)
    alex_page.goto(f"{base}/jar/")
    expect(alex_page.get_by_text("Sam noticed.")).to_be_visible()

    # The weekly look back: one line shared, one kept private.
    alex_page.goto(f"{base}/check-in/week/")
    alex_page.get_by_label("What went well this week?").fill("We laughed at dinner")
    alex_page.locator("input[name=share_went_well]").check()
    alex_page.get_by_label("One thing to try next week").fill("Phones away before bed")
    alex_page.get_by_role("button", name="Save", exact=True).click()
    expect(alex_page.get_by_text("We laughed at dinner").first).to_be_visible()
    browsers.assert_page_ok(alex_page)
    sam_page.goto(f"{base}/check-in/week/")
    expect(sam_page.get_by_text("We laughed at dinner")).to_be_visible()
    expect(sam_page.get_by_text("Phones away before bed")).to_have_count(0)
    browsers.assert_page_ok(sam_page)


def _upcoming_card(page: Page) -> Any:
    return page.get_by_role("region", name="Coming up").locator("li.card").first


def test_a_date_into_both_calendars_changed_then_cancelled(
    browsers: Browsers, checked: tuple[Any, Any]
) -> None:
    base = browsers.base_url
    alex, sam = checked
    next_week = _today() + timedelta(days=7)
    alex_page, sam_page = browsers.page(alex), browsers.page(sam)

    alex_page.goto(f"{base}/dates/ideas/")
    browsers.assert_page_ok(alex_page)
    idea = alex_page.locator(".date-idea p").first.inner_text().strip()
    alex_page.get_by_role("link", name="Plan this").first.click()
    expect(alex_page.get_by_role("heading", name="Plan a date")).to_be_visible()
    # The idea fills the note, which Alex can change.
    expect(alex_page.get_by_label("What you'd like to do (optional)")).to_have_value(idea)
    alex_page.get_by_label("Day").fill(next_week.isoformat())
    alex_page.get_by_label(TIME_LABEL).fill("19:30")
    alex_page.get_by_role("button", name="Plan it").click()
    when = next_week.strftime("%A ") + str(next_week.day) + next_week.strftime(" %B")
    alex_page.goto(f"{base}/dates/")
    expect(_upcoming_card(alex_page)).to_contain_text(f"{when}, 19:30")
    browsers.assert_page_ok(alex_page)

    expect(_upcoming_card(alex_page)).to_contain_text(idea)
    sam_page.goto(f"{base}/dates/")
    expect(_upcoming_card(sam_page)).to_contain_text(f"{when}, 19:30")
    expect(_upcoming_card(sam_page)).to_contain_text(idea)
    browsers.assert_page_ok(sam_page)

    # Alex's .ics download: one neutral event at 19:30 London time.
    href = _upcoming_card(alex_page).get_by_role("link", name="Add to my calendar (.ics)")
    ics = alex_page.request.get(base + (href.get_attribute("href") or ""))
    assert ics.ok and "text/calendar" in ics.headers["content-type"]
    (event,) = _events(ics.body())
    assert str(event["SUMMARY"]) == "Time together"
    start = event.decoded("DTSTART")
    assert start.astimezone(LONDON).date() == next_week
    assert start.astimezone(LONDON).time() == time(19, 30)

    # The private calendar feed serves the event to a calendar app (no sign-in).
    alex_page.goto(f"{base}/dates/calendar/")
    alex_page.get_by_role("button", name="Make my calendar link").click()
    feed_url = alex_page.locator(".code-box code").inner_text().strip()
    assert re.search(r"/dates/feed/[^/]+\.ics$", feed_url)
    calendar_app = browsers.page(None)
    feed = calendar_app.request.get(feed_url)
    assert feed.ok
    (event,) = _events(feed.body())
    assert str(event["SUMMARY"]) == "Time together"
    assert "STATUS:CANCELLED" not in feed.text()

    # Phones down on the night: the timer starts, and a reflection is kept.
    alex_page.goto(f"{base}/dates/")
    _upcoming_card(alex_page).get_by_role("link", name="Phones down").click()
    expect(alex_page.get_by_role("heading", name="Phones down")).to_be_visible()
    alex_page.get_by_role("button", name="Start the timer").click()
    expect(alex_page.locator("[data-phones-down-clock]")).to_be_visible()
    browsers.assert_page_ok(alex_page)
    alex_page.get_by_label("Quite close").check()
    alex_page.get_by_label("What would you like to do again?").fill("The walk home")
    alex_page.get_by_role("button", name="Save my reflection").click()
    looking_back = alex_page.get_by_role("region", name="Looking back")
    expect(looking_back.get_by_text("The walk home")).to_be_visible()
    expect(looking_back.get_by_text("Connected: 4 of 5")).to_be_visible()

    # Alex moves the date to 20:00: both calendars follow.
    alex_page.goto(f"{base}/dates/")
    _upcoming_card(alex_page).get_by_role("link", name="Change").click()
    expect(alex_page.get_by_role("heading", name="Change a date")).to_be_visible()
    alex_page.get_by_label(TIME_LABEL).fill("20:00")
    alex_page.get_by_role("button", name="Save changes").click()
    alex_page.goto(f"{base}/dates/")
    expect(_upcoming_card(alex_page)).to_contain_text(f"{when}, 20:00")
    sam_page.reload()
    expect(_upcoming_card(sam_page)).to_contain_text(f"{when}, 20:00")
    (event,) = _events(calendar_app.request.get(feed_url).body())
    assert event.decoded("DTSTART").astimezone(LONDON).time() == time(20)

    # Then cancels it: gone from both lists, and the feed says CANCELLED.
    _upcoming_card(alex_page).get_by_role("button", name="Cancel this date").click()
    expect(alex_page.get_by_text("Nothing planned yet.")).to_be_visible()
    sam_page.reload()
    expect(sam_page.get_by_text("Nothing planned yet.")).to_be_visible()
    feed = calendar_app.request.get(feed_url)
    assert "STATUS:CANCELLED" in feed.text()
    (event,) = _events(feed.body())
    assert str(event["SUMMARY"]) == "Time together"
