"""Guided conversations: ground rules, topic, turns, speaker–listener, pause, one phone or two."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone

from mendwell.conversations.models import Conversation, RuleAgreement, Turn
from mendwell.conversations.questions import QUESTIONS
from mendwell.couples.services import couple_leave
from mendwell.safety.services import program_pause


def start(client, **extra: Any) -> Conversation:
    data = {"devices": "two", "turn_minutes": "3", **extra}
    response = client.post("/talk/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Conversation.objects.get(pk=response["Location"].strip("/").split("/")[-1])


def url(conversation: Conversation, action: str = "") -> str:
    return f"/talk/{conversation.pk}/{action + '/' if action else ''}"


def agree(client, conversation: Conversation, *roles: str) -> Any:
    data = {f"agree_{role}": "on" for role in roles}
    return client.post(url(conversation, "rules"), data)


def set_topic(client, conversation: Conversation, first: str, topic="Evenings together") -> Any:
    return client.post(url(conversation, "topic"), {"topic": topic, "first_speaker": first})


def say(client, conversation: Conversation, text: str, seq: int | None = None) -> Any:
    if seq is None:
        seq = Turn.objects.filter(conversation=conversation).count() + 1
    return client.post(url(conversation, "turn"), {"text": text, "seq": str(seq)})


@pytest.fixture
def talking(checked, client_for):
    """Alex and Sam on their own devices, rules agreed, Alex speaks first."""
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    conversation = start(alex_client)
    agree(alex_client, conversation, "me")
    agree(sam_client, conversation, "me")
    set_topic(sam_client, conversation, "partner")
    return conversation, alex_client, sam_client


def page(client, conversation) -> str:
    return client.get(url(conversation)).content.decode()


# The whole flow on two devices ------------------------------------------------------


def test_two_partners_agree_choose_a_topic_and_take_turns(checked, client_for):
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    conversation = start(alex_client)
    assert conversation.visibility == "shared" and conversation.author == alex

    assert "Our ground rules" in page(sam_client, conversation)
    agree(alex_client, conversation, "me")
    waiting = page(alex_client, conversation)
    assert "once Sam agrees on their own device" in waiting
    assert "Choose a topic" not in waiting
    # Alex cannot tick for Sam from Alex's own device.
    agree(alex_client, conversation, "partner")
    assert RuleAgreement.objects.filter(conversation=conversation).count() == 1

    agree(sam_client, conversation, "me")
    assert "Choose a topic" in page(alex_client, conversation)
    set_topic(sam_client, conversation, "partner", "How we spend our evenings")

    alex_page = page(alex_client, conversation)
    assert "How we spend our evenings" in alex_page and "Your turn" in alex_page
    sam_page = page(sam_client, conversation)
    assert "Alex's turn" in sam_page and "updates by itself" in sam_page

    assert say(alex_client, conversation, "I miss our evenings.").status_code == 302
    refused = say(sam_client, conversation, "Me too, I feel it.", seq=1)
    assert "moved on" in refused.content.decode()
    assert "Me too, I feel it." in refused.content.decode()  # kept
    assert say(sam_client, conversation, "Me too, I feel it.").status_code == 302
    texts = [t.text for t in Turn.objects.filter(conversation=conversation).order_by("seq")]
    assert texts == ["I miss our evenings.", "Me too, I feel it."]
    authors = list(
        Turn.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("author", flat=True)
    )
    assert authors == [alex.pk, sam.pk]


def test_it_is_not_your_turn_saves_nothing_and_keeps_the_words(talking):
    conversation, _alex_client, sam_client = talking
    response = say(sam_client, conversation, "Jumping in early")
    body = response.content.decode()
    assert "isn&#x27;t your turn" in body and "Jumping in early" in body
    assert not Turn.objects.filter(conversation=conversation).exists()


def test_two_devices_sending_the_same_turn_make_one_turn(checked, client_for):
    alex, sam = checked
    alex_client = client_for(alex)
    conversation = start(alex_client, devices="one")
    agree(alex_client, conversation, "me", "partner")
    set_topic(alex_client, conversation, "me")
    second_phone = client_for(alex)
    say(alex_client, conversation, "First", seq=1)
    response = say(second_phone, conversation, "First again", seq=1)
    assert "moved on" in response.content.decode()
    assert Turn.objects.filter(conversation=conversation).count() == 1


# Speaker and listener -----------------------------------------------------------------


def test_speaker_listener_reflect_confirm_then_swap(checked, client_for):
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    conversation = start(alex_client, speaker_listener="on")
    agree(alex_client, conversation, "me")
    agree(sam_client, conversation, "me")
    set_topic(alex_client, conversation, "me")

    say(alex_client, conversation, "I felt alone at dinner.")
    assert "what did you hear" in page(sam_client, conversation).lower()
    say(sam_client, conversation, "You felt alone when I was on my phone.")
    alex_page = page(alex_client, conversation)
    assert "Yes, that's it" in alex_page and "Say what you meant" in alex_page

    # A correction goes round the reflection again.
    say(alex_client, conversation, "Alone even when you were there.")
    say(sam_client, conversation, "Even when I was there, you felt alone.")
    seq = Turn.objects.filter(conversation=conversation).count()
    assert alex_client.post(url(conversation, "confirm"), {"seq": str(seq)}).status_code == 302
    kinds = list(
        Turn.objects.filter(conversation=conversation)
        .order_by("seq")
        .values_list("kind", flat=True)
    )
    assert kinds == ["speak", "reflect", "clarify", "reflect"]
    assert Turn.objects.get(conversation=conversation, seq=4).confirmed_at is not None
    # Now Sam speaks.
    assert "Your turn" in page(sam_client, conversation)
    assert say(sam_client, conversation, "I want to be present.").status_code == 302
    assert Turn.objects.get(conversation=conversation, seq=5).kind == "speak"


def test_confirming_twice_or_out_of_turn_changes_nothing(checked, client_for):
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    conversation = start(alex_client, speaker_listener="on")
    agree(alex_client, conversation, "me")
    agree(sam_client, conversation, "me")
    set_topic(alex_client, conversation, "me")
    say(alex_client, conversation, "A")
    say(sam_client, conversation, "B")
    sam_client.post(url(conversation, "confirm"), {"seq": "2"})  # not Sam's to confirm
    assert Turn.objects.get(conversation=conversation, seq=2).confirmed_at is None
    alex_client.post(url(conversation, "confirm"), {"seq": "2"})
    first = Turn.objects.get(conversation=conversation, seq=2).confirmed_at
    alex_client.post(url(conversation, "confirm"), {"seq": "2"})
    assert Turn.objects.get(conversation=conversation, seq=2).confirmed_at == first


# Pause --------------------------------------------------------------------------------


def test_a_pause_lasts_at_least_twenty_minutes_and_nobody_can_override_it(talking):
    conversation, alex_client, sam_client = talking
    pause_page = sam_client.get(url(conversation, "pause")).content.decode()
    assert "Breathe slowly" in pause_page
    assert sam_client.post(url(conversation, "pause"), {"minutes": "5"}).status_code == 200
    conversation.refresh_from_db()
    assert conversation.paused_until is None  # not a choice: nothing changed

    sam_client.post(url(conversation, "pause"), {"minutes": "20"})
    conversation.refresh_from_db()
    length = conversation.paused_until - conversation.pause_started_at
    assert length >= timedelta(minutes=20)

    response = say(alex_client, conversation, "But I wanted to say this")
    body = response.content.decode()
    assert "pause" in body and "But I wanted to say this" in body
    assert not Turn.objects.filter(conversation=conversation).exists()
    # Alex (who did not call it) cannot shorten it by calling a shorter one.
    alex_client.post(url(conversation, "pause"), {"minutes": "20"})
    conversation.refresh_from_db()
    assert conversation.paused_until - conversation.pause_started_at >= length
    assert "Taking a pause" in page(alex_client, conversation)

    with time_machine.travel(timezone.now() + timedelta(minutes=21)):
        assert "Your turn" in page(alex_client, conversation)  # resumes where it was
        assert say(alex_client, conversation, "Thank you for waiting").status_code == 302
    assert Turn.objects.get(conversation=conversation).author_id == conversation.author_id


def test_the_turn_clock_restarts_after_a_pause(talking):
    conversation, alex_client, _sam_client = talking
    alex_client.post(url(conversation, "pause"), {"minutes": "20"})
    with time_machine.travel(timezone.now() + timedelta(minutes=25), tick=False):
        body = page(alex_client, conversation)
    elapsed = int(re.search(r'data-elapsed="(\d+)"', body).group(1))
    assert 4 * 60 <= elapsed <= 6 * 60


# One phone passed between partners -------------------------------------------------


def test_one_phone_both_tick_the_rules_and_hand_over_between_turns(checked, client_for):
    alex, sam = checked
    phone = client_for(alex)
    conversation = start(phone, devices="one")
    rules_page = page(phone, conversation)
    assert "Alex agrees" in rules_page and "Sam agrees" in rules_page
    agree(phone, conversation, "me", "partner")
    response = set_topic(phone, conversation, "partner")
    assert response["Location"] == url(conversation, "handoff")
    handoff = phone.get(url(conversation, "handoff")).content.decode()
    assert "hand the phone to Sam" in handoff

    assert "Sam's turn" in page(phone, conversation)
    response = say(phone, conversation, "SAM-WORDS-ON-ALEX-PHONE")
    assert response["Location"] == url(conversation, "handoff")
    handoff = phone.get(url(conversation, "handoff")).content.decode()
    assert "hand the phone to Alex" in handoff
    assert "SAM-WORDS-ON-ALEX-PHONE" not in handoff  # the previous turn is off screen

    turn = Turn.objects.get(conversation=conversation)
    assert turn.author == sam and turn.entered_by == alex
    assert "on the shared phone" in page(client_for(sam), conversation)
    # The words are Sam's: Alex cannot delete them, Sam can.
    delete = f"/talk/turns/{turn.pk}/delete/"
    assert phone.post(delete).status_code == 404
    assert client_for(sam).post(delete).status_code == 302
    turn.refresh_from_db()
    assert turn.text == "" and turn.deleted_at is not None
    assert "Removed by the person who wrote it" in page(phone, conversation)


def test_the_support_panel_never_shows_on_the_shared_phone_for_the_partners_words(
    checked, client_for
):
    alex, sam = checked
    phone = client_for(alex)
    conversation = start(phone, devices="one")
    agree(phone, conversation, "me", "partner")
    set_topic(phone, conversation, "partner")
    hints = phone.post(url(conversation, "hints"), {"text": "I am scared of you at home"})
    assert hints.content.decode() == ""
    response = say(phone, conversation, "I am scared of you at home")
    assert response.status_code == 302  # no panel page on Alex's phone


def test_the_support_panel_shows_to_the_writer_on_their_own_device(talking):
    conversation, alex_client, _sam_client = talking
    hints = alex_client.post(url(conversation, "hints"), {"text": "I want to kill myself"})
    assert "Get help now" in hints.content.decode() or "help" in hints.content.decode().lower()


# Coach --------------------------------------------------------------------------------


def test_coach_hints_for_the_writer_who_switched_them_on(talking, alex):
    conversation, alex_client, _sam_client = talking
    off = alex_client.post(url(conversation, "hints"), {"text": "You always ignore me."})
    assert off.content.decode() == ""
    alex.coach_enabled = True
    alex.save()
    live = alex_client.post(url(conversation, "hints"), {"text": "You always ignore me."})
    assert "Wording hints" in live.content.decode() and "You always" in live.content.decode()
    preview = alex_client.post(
        url(conversation, "turn"), {"text": "You always ignore me.", "seq": "1", "preview": "1"}
    )
    assert "Wording hints" in preview.content.decode()
    assert not Turn.objects.filter(conversation=conversation).exists()


def test_coach_never_runs_for_someone_who_is_not_the_writer(talking, sam):
    conversation, _alex_client, sam_client = talking
    sam.coach_enabled = True
    sam.save()
    # It is Alex's turn; Sam's device gets nothing for text it is not writing.
    assert (
        sam_client.post(url(conversation, "hints"), {"text": "You always ignore me."}).content
        == b""
    )


# Access -------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["", "live", "handoff", "pause"])
def test_strangers_get_404_on_every_page(talking, robin, client_for, action):
    conversation, _a, _s = talking
    assert client_for(robin).get(url(conversation, action)).status_code == 404


@pytest.mark.parametrize("action", ["turn", "rules", "topic", "confirm", "pause", "end", "hints"])
def test_strangers_get_404_on_every_write_and_nothing_changes(talking, robin, client_for, action):
    conversation, _a, _s = talking
    response = client_for(robin).post(
        url(conversation, action), {"text": "x", "seq": "1", "minutes": "20"}
    )
    assert response.status_code == 404
    assert not Turn.objects.filter(conversation=conversation).exists()
    conversation.refresh_from_db()
    assert conversation.paused_until is None and conversation.ended_at is None


def test_after_leaving_the_couple_each_keeps_only_their_own_words(talking, alex, sam, client_for):
    conversation, alex_client, sam_client = talking
    say(alex_client, conversation, "ALEX-BEFORE")
    say(sam_client, conversation, "SAM-BEFORE")
    couple_leave(user=sam)
    # Sam did not start it: it is gone for Sam, like an id that never existed.
    assert client_for(sam).get(url(conversation)).status_code == 404
    # Alex started it and keeps it, with Alex's own words only.
    body = page(client_for(alex), conversation)
    assert "ALEX-BEFORE" in body and "SAM-BEFORE" not in body


def test_anonymous_is_sent_to_sign_in(talking, client):
    conversation, _a, _s = talking
    response = client.get(url(conversation))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_ended_conversation_takes_no_more_turns(talking):
    conversation, alex_client, sam_client = talking
    assert sam_client.post(url(conversation, "end")).status_code == 302
    assert "This conversation ended" in page(alex_client, conversation)
    assert say(alex_client, conversation, "After the end").status_code == 404
    assert not Turn.objects.filter(conversation=conversation).exists()


def test_the_live_region_answers_nothing_new_until_something_changes(talking):
    conversation, alex_client, sam_client = talking
    body = page(sam_client, conversation)
    key = re.search(r"live/\?v=([0-9a-f]+)", body).group(1)
    assert sam_client.get(url(conversation, "live"), {"v": key}).status_code == 204
    say(alex_client, conversation, "LIVE-TURN-TEXT")
    fresh = sam_client.get(url(conversation, "live"), {"v": key})
    assert fresh.status_code == 200 and "LIVE-TURN-TEXT" in fresh.content.decode()


# Locks --------------------------------------------------------------------------------


def test_a_person_on_their_own_is_asked_to_invite_their_partner(robin, client_for):
    client = client_for(robin)
    assert "Invite your partner" in client.get("/talk/").content.decode()
    client.post("/talk/new/", {"devices": "two", "turn_minutes": "3"})
    assert not Conversation.objects.exists()


def test_conversations_wait_for_the_private_check(alex, sam, client_for):
    client = client_for(alex)
    assert "private check" in client.get("/talk/new/").content.decode()
    client.post("/talk/new/", {"devices": "two", "turn_minutes": "3"})
    assert not Conversation.objects.exists()


def test_a_paused_program_puts_conversations_on_hold(talking, sam):
    conversation, alex_client, _sam_client = talking
    program_pause(user=sam)
    assert "on hold" in page(alex_client, conversation)
    assert say(alex_client, conversation, "During the pause").status_code == 302
    assert not Turn.objects.filter(conversation=conversation).exists()


# A question as the topic ------------------------------------------------------------


def test_a_question_from_the_deck_becomes_the_topic(checked, client_for):
    alex, sam = checked
    question = QUESTIONS[7]
    client = client_for(alex)
    assert str(question.text) in client.get(f"/talk/new/?question={question.id}").content.decode()
    conversation = start(client, question=question.id)
    agree(client, conversation, "me")
    agree(client_for(sam), conversation, "me")
    topic_page = page(client, conversation)
    assert f">\n{question.text}</textarea>" in topic_page.replace("&#x27;", "'")


def test_an_unknown_question_id_is_ignored(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    assert client.get("/talk/new/?question=<script>").status_code == 200
    conversation = start(client, question="nope")
    assert conversation.question_id == ""


# Bad input ----------------------------------------------------------------------------


def test_empty_and_very_long_turns_are_refused_with_the_text_kept(talking):
    conversation, alex_client, _sam_client = talking
    empty = say(alex_client, conversation, "   ").content.decode()
    assert "Please write something before you send it" in empty
    long_text = "y" * 100_000
    body = say(alex_client, conversation, long_text).content.decode()
    assert "Please keep this under 5000 characters (this has 100000)" in body
    assert long_text in body
    assert not Turn.objects.filter(conversation=conversation).exists()


def test_html_emoji_rtl_and_zero_width_text_are_kept_and_shown_inert(talking):
    conversation, alex_client, sam_client = talking
    text = "<script>alert(1)</script> 💛 שלום\u200b"
    say(alex_client, conversation, text)
    assert Turn.objects.get(conversation=conversation).text == text
    body = page(sam_client, conversation)
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 💛 שלום" in body


def test_an_empty_topic_names_the_field(checked, client_for):
    alex, sam = checked
    client = client_for(alex)
    conversation = start(client)
    agree(client, conversation, "me")
    agree(client_for(sam), conversation, "me")
    body = set_topic(client, conversation, "me", topic="").content.decode()
    assert "Please write a topic before you start" in body
    conversation.refresh_from_db()
    assert conversation.topic_set_at is None


def test_rules_without_a_tick_ask_for_one(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    conversation = start(client)
    body = client.post(url(conversation, "rules"), {}).content.decode()
    assert "Tick the box to agree" in body
    assert not RuleAgreement.objects.exists()


def test_starting_twice_with_the_same_form_makes_one_conversation(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    data = {
        "devices": "two",
        "turn_minutes": "3",
        "conversation_id": "5b3f0a4e-6c55-4a52-9a1d-000000000001",
    }
    client.post("/talk/new/", data)
    client.post("/talk/new/", data)
    assert Conversation.objects.count() == 1


def test_two_devices_racing_past_the_turn_check_still_make_one_turn(checked, client_for):
    """Both devices read the state before either writes (the race): the unique
    (conversation, seq) constraint keeps the first turn and refuses the second."""
    from mendwell.conversations.guided import services
    from mendwell.conversations.guided.selectors import view_of

    alex, sam = checked
    phone = client_for(alex)
    conversation = start(phone, devices="one")
    agree(phone, conversation, "me", "partner")
    set_topic(phone, conversation, "me")
    conversation.refresh_from_db()
    first_device, second_device = view_of(alex, conversation), view_of(alex, conversation)
    services.turn_add(view=first_device, writer=alex, text="From the first", seq=1)
    with pytest.raises(services.Refused):
        services.turn_add(view=second_device, writer=alex, text="From the second", seq=1)
    assert [t.text for t in Turn.objects.filter(conversation=conversation)] == ["From the first"]


def test_when_conversations_keep_needing_a_pause_the_pause_page_points_to_support(
    checked, client_for
):
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    conversations = [start(alex_client) for _ in range(3)]
    for conversation in conversations[:2]:
        alex_client.post(url(conversation, "pause"), {"minutes": "20"})
    third = url(conversations[2], "pause")
    assert "If talking keeps getting stuck" not in alex_client.get(third).content.decode()
    alex_client.post(third, {"minutes": "20"})
    pause_page = sam_client.get(third).content.decode()
    assert "If talking keeps getting stuck" in pause_page
    assert 'href="/safety/professional-help/"' in pause_page
    # Never on a phone passed between the two of them.
    shared = start(alex_client, devices="one")
    assert (
        "If talking keeps getting stuck"
        not in alex_client.get(url(shared, "pause")).content.decode()
    )
