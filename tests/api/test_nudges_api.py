"""Thinking of you over the API: the same rules as the web page, including the
daily limit counted in the sender's own day, shared with the web form."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from conftest import link
from mendwell.core.notification_texts import DENYLIST, MESSAGES
from mendwell.notify.models import Notification
from mendwell.nudges.models import DAILY_LIMIT, Nudge
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import program_pause, safety_check_submit

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"


def test_a_nudge_reaches_the_partner_with_a_content_neutral_notice(api_for, checked):
    alex, sam = checked
    sent = api_for(alex).post("/nudges", {"note": "Saw your favourite bakery."})
    assert sent.status_code == 201
    assert sent.json()["nudge"]["note"] == "Saw your favourite bakery."
    received = api_for(sam).get("/nudges/received").json()["results"]
    assert [row["note"] for row in received] == ["Saw your favourite bakery."]
    (notice,) = Notification.objects.filter(recipient=sam)
    words = f"{MESSAGES[notice.kind].title} {MESSAGES[notice.kind].body}".lower()
    assert "bakery" not in words and "alex" not in words
    assert not [word for word in DENYLIST if word in words]
    # The sender's list has it; nothing tells Alex whether Sam looked.
    sent_list = api_for(alex).get("/nudges/sent").json()["results"]
    assert set(sent_list[0]) == {"id", "note", "sent_at"}


def test_a_one_tap_nudge_needs_no_body_at_all(api_for, checked):
    alex, _sam = checked
    response = api_for(alex).post("/nudges")
    assert response.status_code == 201
    assert response.json()["nudge"]["note"] == ""


def test_a_long_note_is_refused_by_name_and_nothing_is_sent(api_for, checked):
    alex, _sam = checked
    response = api_for(alex).post("/nudges", {"note": "x" * 281})
    assert response.status_code == 422
    (error,) = response.json()["errors"]
    assert error == {
        "field": "note",
        "message": "Please keep it under 280 characters (this has 281).",
    }
    assert not Nudge.objects.exists()


def test_the_id_is_the_servers_to_choose(api_for, checked):
    alex, _sam = checked
    response = api_for(alex).post("/nudges", {"nudge_id": MADE_UP})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "nudge_id"
    assert not Nudge.objects.exists()


def test_before_the_private_check_a_nudge_waits_with_the_reason(api_for, alex, sam):
    api = api_for(alex)
    status = api.get("/nudges/status").json()
    assert status["can_send"] is False and "private check" in status["refusal"]
    response = api.post("/nudges", {"note": "hi"})
    assert response.status_code == 409
    assert "private check" in response.json()["detail"]
    assert not Nudge.objects.exists()


def test_without_a_partner_there_is_no_one_to_nudge(api_for, robin):
    response = api_for(robin).post("/nudges")
    assert response.status_code == 409
    assert "once they have joined you" in response.json()["detail"]


def test_nudges_wait_while_the_program_is_paused(api_for, checked):
    alex, sam = checked
    program_pause(user=sam)
    response = api_for(alex).post("/nudges")
    assert response.status_code == 409
    assert "paused" in response.json()["detail"]
    assert not Nudge.objects.exists()


def test_the_daily_limit_counts_web_and_api_sends_together(api_for, checked, client_for):
    alex, _sam = checked
    web = client_for(alex)
    for _ in range(DAILY_LIMIT // 2):
        web.post("/thinking-of-you/", {"note": ""})
    api = api_for(alex)
    for _ in range(DAILY_LIMIT - DAILY_LIMIT // 2):
        assert api.post("/nudges").status_code == 201
    over = api.post("/nudges", {"note": "one more"})
    assert over.status_code == 409
    assert over.json()["detail"].startswith("You've sent 10 today")
    assert api.get("/nudges/status").json()["can_send"] is False
    assert Nudge.objects.count() == DAILY_LIMIT
    # And the web page holds the line the API reached.
    assert "You&#x27;ve sent 10 today" in web.get("/thinking-of-you/").content.decode()


def test_the_limit_resets_at_midnight_in_the_senders_own_zone(api_for, make_user):
    kim = make_user("kim@example.com", "Kim", time_zone="Pacific/Auckland")
    lee = make_user("lee@example.com", "Lee", time_zone="Pacific/Auckland")
    link(kim, lee)
    for person in (kim, lee):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    api = api_for(kim)
    # 23:00 on 10 January in Auckland (10:00 UTC).
    with time_machine.travel(datetime(2026, 1, 10, 10, 0, tzinfo=UTC), tick=False):
        for _ in range(DAILY_LIMIT):
            assert api.post("/nudges").status_code == 201
        assert api.post("/nudges").status_code == 409
    # 00:30 on 11 January in Auckland, though still 10 January in UTC: a new day for Kim.
    with time_machine.travel(datetime(2026, 1, 10, 11, 30, tzinfo=UTC), tick=False):
        assert api.post("/nudges").status_code == 201


def test_a_retry_with_the_same_key_sends_once_even_at_the_limit(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    for _ in range(DAILY_LIMIT - 1):
        api.post("/nudges")
    key = {"Idempotency-Key": "tenth"}
    first = api.post("/nudges", {"note": "last one"}, headers=key)
    again = api.post("/nudges", {"note": "last one"}, headers=key)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Nudge.objects.count() == DAILY_LIMIT
    other = api.post("/nudges", {"note": "something else"}, headers=key)
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "Idempotency-Key"
    assert Nudge.objects.count() == DAILY_LIMIT


def test_only_the_sender_takes_a_nudge_back_and_it_leaves_both_lists(api_for, checked, robin):
    alex, sam = checked
    nudge_id = api_for(alex).post("/nudges", {"note": "ONLY-FOR-SAM"}).json()["nudge"]["id"]
    made_up = api_for(sam).delete(f"/nudges/{MADE_UP}")
    for other in (sam, robin):
        refused = api_for(other).delete(f"/nudges/{nudge_id}")
        assert refused.status_code == 404
        assert refused.json() == made_up.json()
    assert api_for(robin).get("/nudges/received").json()["results"] == []
    assert api_for(alex).delete(f"/nudges/{nudge_id}").json() == {"deleted": True}
    assert api_for(sam).get("/nudges/received").json()["results"] == []
    assert api_for(alex).get("/nudges/sent").json()["results"] == []


def test_an_ex_partner_no_longer_sees_what_was_sent(api_for, checked):
    from mendwell.couples.services import couple_leave

    alex, sam = checked
    api_for(alex).post("/nudges", {"note": "ONLY-FOR-SAM"})
    couple_leave(user=alex)
    assert api_for(sam).get("/nudges/received").json()["results"] == []


def test_a_crisis_note_brings_the_support_lines_to_the_sender(api_for, checked):
    alex, _sam = checked
    body = api_for(alex).post("/nudges", {"note": "I want to kill myself"}).json()
    assert body["support"] is not None and body["support"]["lines"]


def test_wording_hints_for_a_writer_who_opted_in_send_nothing(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    assert api.post("/nudges/hints", {"note": "You never text me back."}).json()["hints"] == []
    alex.coach_enabled = True
    alex.save()
    hints = api.post("/nudges/hints", {"note": "You never text me back."}).json()["hints"]
    assert hints and hints[0]["field"] == "Your note"
    assert not Nudge.objects.exists()
