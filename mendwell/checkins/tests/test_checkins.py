"""The daily check-in: a few taps, private by default, one day shared on purpose."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine

from mendwell.checkins import selectors
from mendwell.checkins.chart import line_for
from mendwell.checkins.models import CheckIn
from mendwell.couples.services import couple_leave


def save(client, **data):
    return client.post("/check-in/", {"mood": "4", "closeness": "3", "note": "", **data})


def test_a_check_in_takes_two_taps_and_is_private_by_default(checked, client_for):
    alex, sam = checked
    response = save(client_for(alex), note="ALEX-PRIVATE-NOTE")
    assert response.status_code == 302
    checkin = CheckIn.objects.get(author=alex)
    assert (checkin.mood, checkin.closeness, checkin.visibility) == (4, 3, "private")
    page = client_for(alex).get("/check-in/").content.decode()
    assert "Saved for today" in page and "Feeling: Good. Closeness: In between." in page
    assert "ALEX-PRIVATE-NOTE" not in client_for(sam).get("/check-in/").content.decode()


def test_saving_again_the_same_day_updates_the_one_check_in(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    save(client, mood="2")
    save(client, mood="5")
    assert CheckIn.objects.filter(author=alex).count() == 1
    assert CheckIn.objects.get(author=alex).mood == 5


def test_the_next_local_day_is_a_new_check_in_in_the_persons_time_zone(checked, client_for):
    alex, _sam = checked  # Europe/London
    client = client_for(alex)
    with time_machine.travel("2026-11-26 23:30:00+00:00", tick=False):
        save(client)
    with time_machine.travel("2026-11-27 00:30:00+00:00", tick=False):
        save(client)
    days = sorted(CheckIn.objects.filter(author=alex).values_list("day", flat=True))
    assert days == [date(2026, 11, 26), date(2026, 11, 27)]


def test_sharing_one_day_shows_it_to_the_partner_and_can_be_undone(checked, client_for):
    """TS45."""
    alex, sam = checked
    save(client_for(alex), share="on", note="A good walk today.")
    sam_page = client_for(sam).get("/check-in/").content.decode()
    assert "What Alex shared" in sam_page and "A good walk today." in sam_page
    checkin = CheckIn.objects.get(author=alex)
    assert client_for(alex).post(f"/check-in/{checkin.pk}/share/").status_code == 302
    assert "A good walk today." not in client_for(sam).get("/check-in/").content.decode()


def test_sharing_waits_for_the_private_check_and_a_partner(alex, sam, robin, client_for):
    assert "Share today" not in client_for(alex).get("/check-in/").content.decode()
    save(client_for(alex), share="on")
    assert CheckIn.objects.get(author=alex).visibility == "private"
    robin_page = client_for(robin).get("/check-in/").content.decode()
    assert "Share today" not in robin_page
    assert "connected do you feel to the people around you" in robin_page


def test_a_shared_day_is_gone_for_the_partner_once_the_couple_ends(checked, client_for):
    alex, sam = checked
    save(client_for(alex), share="on", note="SHARED-BEFORE-LEAVING")
    couple_leave(user=sam)
    assert "SHARED-BEFORE-LEAVING" not in client_for(sam).get("/check-in/").content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mood": "0"}, "Choose how you feel today from the list."),
        ({"mood": "6"}, "Choose how you feel today from the list."),
        ({"mood": ""}, "Choose how you feel today."),
        ({"closeness": "many"}, "Choose how close you feel from the list."),
        ({"note": "n" * 100_000}, "Please keep the note under 2000 characters (this has 100000)."),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(alex, client_for, data, message):
    client = client_for(alex)
    save(client, mood="3")
    response = save(client, **{"note": "kept words", **data})
    body = response.content.decode()
    assert response.status_code == 200 and message in body
    assert CheckIn.objects.get(author=alex).mood == 3  # unchanged
    if "note" not in data:
        assert "kept words" in body


def test_html_in_a_note_is_shown_inert(checked, client_for):
    alex, sam = checked
    save(client_for(alex), share="on", note="<script>alert(1)</script>")
    body = client_for(sam).get("/check-in/").content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body


def test_only_the_author_can_change_sharing(checked, robin, client_for):
    alex, sam = checked
    save(client_for(alex), share="on")
    checkin = CheckIn.objects.get(author=alex)
    for other in (sam, robin):
        assert client_for(other).post(f"/check-in/{checkin.pk}/share/").status_code == 404
    assert CheckIn.objects.get(author=alex).visibility == "shared"


def test_history_shows_a_calendar_a_chart_and_the_numbers(alex, client_for):
    for days_ago, mood in ((0, 5), (1, 2), (3, 4)):
        CheckIn.objects.create(
            author=alex,
            day=selectors.today_for(alex) - timedelta(days=days_ago),
            mood=mood,
            closeness=3,
        )
    body = client_for(alex).get("/check-in/history/").content.decode()
    assert "<svg" in body and '<title id="chart-title">' in body
    assert body.count("chart__dot--mood") == 3
    assert "<td>5</td><td>3</td>" in body and "<td>2</td><td>3</td>" in body


def test_history_with_nothing_yet_says_so(robin, client_for):
    body = client_for(robin).get("/check-in/history/").content.decode()
    assert "Nothing here yet" in body and "<svg" not in body


@pytest.mark.parametrize("month", ["2026-13", "abc", "1999-01", "2026-02-31", ""])
def test_a_bad_month_falls_back_to_this_month(robin, client_for, month):
    response = client_for(robin).get("/check-in/history/", {"month": month})
    assert response.status_code == 200


def test_the_chart_breaks_its_line_on_days_without_a_check_in():
    line = line_for("mood", [1, 2, None, 5])
    assert len(line.segments) == 2 and len(line.dots) == 3
    assert line.dots[0][1] > line.dots[-1][1]  # a higher mood is drawn higher up


def test_the_weekly_look_back_keeps_each_line_private_or_shared(checked, client_for):
    alex, sam = checked
    client_for(alex).post(
        "/check-in/week/",
        {"went_well": "WENT-WELL-SHARED", "share_went_well": "on", "try_next": "TRY-PRIVATE"},
    )
    sam_page = client_for(sam).get("/check-in/week/").content.decode()
    assert "WENT-WELL-SHARED" in sam_page and "TRY-PRIVATE" not in sam_page
    alex_page = client_for(alex).get("/check-in/week/").content.decode()
    assert "WENT-WELL-SHARED" in alex_page and "TRY-PRIVATE" in alex_page
    # Emptying a line removes it.
    client_for(alex).post("/check-in/week/", {"went_well": "", "try_next": "TRY-PRIVATE"})
    assert "WENT-WELL-SHARED" not in client_for(sam).get("/check-in/week/").content.decode()


def test_an_empty_look_back_asks_for_a_line(alex, client_for):
    body = (
        client_for(alex).post("/check-in/week/", {"went_well": "", "try_next": ""}).content.decode()
    )
    assert "Write at least one of the two before saving." in body


def test_ts45_a_private_check_in_changes_nothing_the_partner_can_see(checked, client_for):
    """TS45 (the TS7 method): Sam's pages are the same before and after Alex's check-in."""
    from tests.security_support import differences, normalise

    alex, sam = checked
    pages = ["/", "/check-in/", "/notifications/", "/story/timeline/"]
    sam_client = client_for(sam)
    before = {url: normalise(sam_client.get(url)) for url in pages}
    assert save(client_for(alex), note="ALEX-PRIVATE-NOTE").status_code == 302
    after = {url: normalise(sam_client.get(url)) for url in pages}
    for url in pages:
        assert before[url] == after[url], f"{url}: {differences(before[url], after[url])}"
