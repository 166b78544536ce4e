"""Thinking of you: one tap, a note if wanted, in-app and by the partner's chosen channel."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from mendwell.core.notification_texts import DENYLIST
from mendwell.couples.services import couple_leave
from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set
from mendwell.nudges.models import DAILY_LIMIT, Nudge
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import program_pause, safety_check_submit

ALL_NO = dict.fromkeys(ITEM_KEYS, "no")


def send(client, **data):
    return client.post("/thinking-of-you/", {"note": "", **data})


def test_one_tap_sends_a_nudge_the_partner_sees_in_the_app(checked, client_for):
    alex, sam = checked
    assert send(client_for(alex), note="Saw your favourite bakery.").status_code == 302
    nudge = Nudge.objects.get()
    assert nudge.author == alex and nudge.visibility == "shared"
    sam_client = client_for(sam)
    assert '<span class="badge">1' in sam_client.get("/").content.decode()
    listing = sam_client.get("/notifications/").content.decode()
    assert "Someone is thinking of you." in listing
    assert '<span class="badge">' not in sam_client.get("/").content.decode()  # read now
    page = sam_client.get("/thinking-of-you/").content.decode()
    assert "Saw your favourite bakery." in page
    # Alex is never told whether Sam opened it.
    assert Notification.objects.filter(recipient=alex).count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_partner_who_chose_email_gets_a_content_neutral_one(alex, sam, client_for):
    for person in (alex, sam):
        safety_check_submit(user=person, answers=ALL_NO)
    channels_set(user=sam, email=True)
    send(client_for(alex), note="PRIVATE WORDS")
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")
    (message,) = mail.outbox
    assert message.to == [sam.email]
    text = f"{message.subject} {message.body}".lower()
    assert "private words" not in text and "alex" not in text
    assert not [word for word in DENYLIST if word in text]


def test_no_email_unless_chosen(checked, client_for, django_capture_on_commit_callbacks):
    alex, _sam = checked
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(client_for(alex))
    assert callbacks == []


def test_past_ten_a_day_there_is_a_clear_message_and_nothing_sent(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    for _ in range(DAILY_LIMIT):
        send(client)
    response = send(
        client,
        note="one more",
    )
    assert response.status_code == 200
    assert "You&#x27;ve sent 10 today" in response.content.decode()
    assert Nudge.objects.count() == DAILY_LIMIT


def test_a_double_submit_sends_one(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    form_id = "8d0a0f4e-0000-4000-8000-000000000001"
    send(client, nudge_id=form_id)
    send(client, nudge_id=form_id)
    assert Nudge.objects.count() == 1


def test_a_nudge_to_a_partner_who_has_left_is_refused(checked, client_for):
    alex, sam = checked
    couple_leave(user=sam)
    response = send(client_for(alex), note="Are you there?")
    assert "once they have joined you" in response.content.decode()
    assert not Nudge.objects.exists()


def test_nudges_wait_while_the_program_is_paused(checked, client_for):
    alex, sam = checked
    program_pause(user=sam)
    send(client_for(alex))
    assert not Nudge.objects.exists()
    assert "paused for now" in client_for(alex).get("/thinking-of-you/").content.decode()


def test_a_long_note_is_refused_with_the_text_kept(checked, client_for):
    alex, _sam = checked
    body = send(client_for(alex), note="x" * 100_000).content.decode()
    assert "Please keep it under 280 characters (this has 100000)." in body
    assert not Nudge.objects.exists()


def test_html_in_a_note_is_inert_for_the_partner(checked, client_for):
    alex, sam = checked
    send(client_for(alex), note="<b>hi</b>")
    body = client_for(sam).get("/thinking-of-you/").content.decode()
    assert "<b>hi</b>" not in body and "&lt;b&gt;hi&lt;/b&gt;" in body


def test_strangers_and_exes_see_none_of_it(checked, robin, client_for):
    alex, sam = checked
    send(client_for(alex), note="ONLY-FOR-SAM")
    assert "ONLY-FOR-SAM" not in client_for(robin).get("/thinking-of-you/").content.decode()
    couple_leave(user=alex)
    assert "ONLY-FOR-SAM" not in client_for(sam).get("/thinking-of-you/").content.decode()


def test_coach_hints_on_the_note_for_a_writer_who_opted_in(checked, client_for):
    alex, _sam = checked
    alex.coach_enabled = True
    alex.save()
    live = client_for(alex).post("/thinking-of-you/hints/", {"note": "You never text me back."})
    assert "Wording hints" in live.content.decode()
