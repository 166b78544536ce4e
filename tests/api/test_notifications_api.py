"""In-app notifications over the API: my own, content-neutral, new until I
mark them read, and never a read receipt for anyone else."""

from __future__ import annotations

from datetime import time

import pytest

from mendwell.core.notification_texts import DENYLIST
from mendwell.core.zones import local_today
from mendwell.notify.models import Notification
from mendwell.reminders.services import deliver, reminder_set

pytestmark = pytest.mark.django_db


def test_a_nudge_shows_as_new_with_neutral_words_until_marked_read(api_for, checked, robin):
    alex, sam = checked
    api_for(alex).post("/nudges", {"note": "PRIVATE WORDS"})
    sams = api_for(sam)
    assert sams.get("/notifications/unread").json() == {"unread": 1}
    (item,) = sams.get("/notifications").json()["results"]
    assert item["title"] == "A note for you" and item["body"] == "Someone is thinking of you."
    assert item["new"] is True and item["link"] == "/thinking-of-you/"
    assert set(item) == {"kind", "title", "body", "created_at", "new", "link"}
    # Reading the list changes nothing; marking does.
    assert sams.get("/notifications/unread").json() == {"unread": 1}
    assert sams.post("/notifications/read").json() == {"marked": 1}
    assert sams.get("/notifications/unread").json() == {"unread": 0}
    assert sams.get("/notifications").json()["results"][0]["new"] is False
    # Alex is told nothing, and Robin sees nothing.
    for other in (alex, robin):
        assert api_for(other).get("/notifications").json()["results"] == []


def test_a_reminder_in_the_list_is_content_neutral(api_for, alex):
    reminder_set(user=alex, kind="check_in", enabled=True, at=time(20, 0))
    assert deliver(user_id=alex.pk, kind="check_in", local_date=local_today(alex)) == "delivered"
    (item,) = api_for(alex).get("/notifications").json()["results"]
    words = f"{item['title']} {item['body']}".lower()
    assert item["kind"] == "reminder.check_in" and "alex" not in words
    assert not [word for word in DENYLIST if word in words]


def test_the_list_pages_newest_first_without_a_count(api_for, alex):
    for kind in ("reminder.daily", "reminder.weekly", "reminder.date"):
        Notification.objects.create(recipient=alex, kind=kind)
    api = api_for(alex)
    first = api.get("/notifications?page_size=2").json()
    assert [row["kind"] for row in first["results"]] == ["reminder.date", "reminder.weekly"]
    assert "count" not in first
    rest = api.get(first["next"].removeprefix("http://testserver/api/v1")).json()
    assert [row["kind"] for row in rest["results"]] == ["reminder.daily"]
