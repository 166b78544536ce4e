"""Guided conversations over the API: the same steps and refusals as the web
pages (ground rules by both, a topic, turns in order, pauses nobody can cut
short), closed until the private check."""

from __future__ import annotations

import pytest

from mendwell.conversations.models import Conversation, RuleAgreement, Turn
from mendwell.conversations.questions import QUESTIONS
from mendwell.safety.services import program_pause

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"


def _start(api, **choices):
    response = api.post("/talk", choices)
    assert response.status_code == 201, response.json()
    return response.json()


@pytest.fixture
def talking(api_for, checked):
    """Alex and Sam on their own devices, rules agreed, topic set, Alex speaks first."""
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    started = _start(alexs)
    alexs.post(f"/talk/{started['id']}/rules", {"me": True})
    sams.post(f"/talk/{started['id']}/rules", {"me": True})
    topic = sams.post(
        f"/talk/{started['id']}/topic", {"topic": "Our evenings", "first_speaker": "partner"}
    )
    assert topic.status_code == 200, topic.json()
    return started["id"], alexs, sams


def test_two_partners_agree_choose_a_topic_and_take_turns(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    started = _start(alexs, question=QUESTIONS[0].id)
    path = f"/talk/{started['id']}"
    assert started["phase"] == "rules" and started["can_agree"] == ["me"]
    assert started["question"]["id"] == QUESTIONS[0].id

    # Alex cannot tick for Sam from Alex's own device.
    assert alexs.post(f"{path}/rules", {"partner": True}).status_code == 422
    agreed = alexs.post(f"{path}/rules", {"me": True}).json()
    assert agreed["agreed"] == ["me"] and agreed["phase"] == "rules"
    assert sams.post(f"{path}/rules", {"me": True}).json()["phase"] == "topic"
    assert RuleAgreement.objects.count() == 2

    chosen = sams.post(f"{path}/topic", {"topic": "Our evenings", "first_speaker": "partner"})
    assert chosen.json()["next"] == {"who": "partner", "action": "speak", "seq": 1}
    seen_by_alex = alexs.get(path).json()
    assert seen_by_alex["topic"] == "Our evenings"
    assert seen_by_alex["writer"] == "me" and seen_by_alex["prompt"] == "Your turn"

    said = alexs.post(f"{path}/turns", {"text": "I miss our evenings.", "seq": 1})
    assert said.status_code == 201
    assert said.json()["turn"]["by"] == "me"
    assert said.json()["conversation"]["next"]["who"] == "partner"
    # Sam's screen still showed turn 1: the conversation moved on, nothing is saved.
    stale = sams.post(f"{path}/turns", {"text": "Me too.", "seq": 1})
    assert stale.status_code == 409
    assert "moved on" in stale.json()["detail"]
    assert sams.post(f"{path}/turns", {"text": "Me too.", "seq": 2}).status_code == 201
    turns = sams.get(path).json()["turns"]
    assert [(t["by"], t["text"]) for t in turns] == [
        ("partner", "I miss our evenings."),
        ("me", "Me too."),
    ]


def test_it_is_not_your_turn_saves_nothing(talking):
    conversation_id, _alexs, sams = talking
    refused = sams.post(f"/talk/{conversation_id}/turns", {"text": "Jumping in", "seq": 1})
    assert refused.status_code == 409
    assert "isn't your turn" in refused.json()["detail"]
    assert not Turn.objects.exists()


def test_an_empty_turn_is_refused_naming_the_field(talking):
    conversation_id, alexs, _sams = talking
    refused = alexs.post(f"/talk/{conversation_id}/turns", {"text": "  ", "seq": 1})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "text", "message": "Please write something before you send it."}
    ]


def test_speaker_and_listener_reflect_and_confirm(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    started = _start(alexs, speaker_listener=True)
    path = f"/talk/{started['id']}"
    alexs.post(f"{path}/rules", {"me": True})
    sams.post(f"{path}/rules", {"me": True})
    alexs.post(f"{path}/topic", {"topic": "Chores"})
    alexs.post(f"{path}/turns", {"text": "I feel alone with the chores.", "seq": 1})
    reflect = sams.get(path).json()
    assert reflect["next"]["action"] == "reflect" and reflect["writer"] == "me"
    sams.post(f"{path}/turns", {"text": "You feel alone with them.", "seq": 2})
    check = alexs.get(path).json()
    assert check["next"]["action"] == "check" and check["can_confirm"] is True
    confirmed = alexs.post(f"{path}/confirm", {"seq": 2})
    assert confirmed.status_code == 200
    assert confirmed.json()["next"] == {"who": "partner", "action": "speak", "seq": 3}
    assert confirmed.json()["turns"][1]["confirmed"] is True
    assert alexs.post(f"{path}/confirm", {"seq": 2}).status_code == 409


def test_one_phone_takes_both_agreements_and_both_turns(api_for, checked):
    alex, _sam = checked
    alexs = api_for(alex)
    started = _start(alexs, devices="one")
    path = f"/talk/{started['id']}"
    assert started["can_agree"] == ["me", "partner"]
    assert alexs.post(f"{path}/rules", {"me": True, "partner": True}).json()["phase"] == "topic"
    alexs.post(f"{path}/topic", {"topic": "Weekends", "first_speaker": "partner"})
    now = alexs.get(path).json()
    assert now["writer"] == "partner" and now["prompt"] == "Sam's turn"
    said = alexs.post(f"{path}/turns", {"text": "Sam speaking", "seq": 1}).json()
    assert said["turn"]["by"] == "partner" and said["turn"]["on_shared_phone"] is True


def test_a_pause_stops_turns_and_cannot_be_cut_short(talking):
    conversation_id, alexs, sams = talking
    path = f"/talk/{conversation_id}"
    assert alexs.get(f"{path}/pause").json()["calming"]
    paused = sams.post(f"{path}/pause", {"minutes": 20})
    assert paused.status_code == 200
    assert paused.json()["paused"] is True
    until = paused.json()["paused_until"]
    refused = alexs.post(f"{path}/turns", {"text": "Still talking", "seq": 1})
    assert refused.status_code == 409
    assert "pause" in refused.json()["detail"]
    assert not Turn.objects.exists()
    assert sams.post(f"{path}/pause", {"minutes": 15}).status_code == 422
    longer = alexs.post(f"{path}/pause", {"minutes": 60}).json()
    assert longer["paused_until"] > until


def test_an_ended_conversation_takes_nothing_more_but_words_can_be_deleted(talking):
    conversation_id, alexs, sams = talking
    path = f"/talk/{conversation_id}"
    turn = alexs.post(f"{path}/turns", {"text": "Something I regret", "seq": 1}).json()["turn"]
    ended = sams.post(f"{path}/end")
    assert ended.status_code == 200 and ended.json()["phase"] == "ended"
    refused = sams.post(f"{path}/turns", {"text": "One more", "seq": 2})
    assert refused.status_code == 409
    assert refused.json()["detail"] == "This conversation has ended."
    # Only the writer can take their words back.
    assert sams.delete(f"/talk/turns/{turn['id']}").status_code == 404
    assert alexs.delete(f"/talk/turns/{turn['id']}").json() == {"deleted": True}
    (seen,) = sams.get(path).json()["turns"]
    assert seen["deleted"] is True and seen["text"] == ""


def test_taking_part_waits_for_the_private_check(api_for, alex, sam):
    alexs = api_for(alex)
    assert alexs.get("/talk/guide").json()["lock"] == "check"
    refused = alexs.post("/talk", {})
    assert refused.status_code == 409
    assert "private check" in refused.json()["detail"]
    assert not Conversation.objects.exists()


def test_a_paused_program_holds_an_open_conversation(api_for, checked):
    alex, sam = checked
    alexs = api_for(alex)
    started = _start(alexs)
    program_pause(user=sam)
    refused = alexs.post(f"/talk/{started['id']}/rules", {"me": True})
    assert refused.status_code == 409
    assert "paused" in refused.json()["detail"]
    assert alexs.get(f"/talk/{started['id']}").json()["lock"] == "paused"
    assert not RuleAgreement.objects.exists()


def test_without_a_partner_there_is_nothing_to_start(api_for, alex):
    assert api_for(alex).get("/talk/guide").json()["lock"] == "solo"
    assert api_for(alex).post("/talk", {}).status_code == 409


def test_an_unknown_question_or_length_is_refused(api_for, checked):
    alex, _sam = checked
    alexs = api_for(alex)
    assert alexs.post("/talk", {"question": "nope-99"}).json()["errors"][0]["field"] == "question"
    assert alexs.post("/talk", {"turn_minutes": 7}).status_code == 422
    assert not Conversation.objects.exists()


def test_a_stranger_meets_the_same_404_as_a_made_up_id(talking, api_for, robin):
    conversation_id, _alexs, _sams = talking
    robins = api_for(robin)
    made_up = robins.get(f"/talk/{MADE_UP}")
    for path in (f"/talk/{conversation_id}", f"/talk/{conversation_id}/pause"):
        read = robins.get(path)
        assert (read.status_code, read.json()) == (404, made_up.json())
    assert robins.post(f"/talk/{conversation_id}/end").status_code == 404
    assert robins.post(f"/talk/{conversation_id}/turns", {"text": "x", "seq": 1}).status_code == 404
    assert Conversation.objects.get().ended_at is None
    assert robins.get("/talk").json()["results"] == []


def test_starting_with_the_same_idempotency_key_makes_one_conversation(api_for, checked):
    alex, _sam = checked
    alexs = api_for(alex)
    key = {"Idempotency-Key": "talk-1"}
    first = alexs.post("/talk", {"devices": "two"}, key)
    again = alexs.post("/talk", {"devices": "two"}, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Conversation.objects.count() == 1
    assert alexs.post("/talk", {"devices": "one"}, key).status_code == 422
    assert [row["id"] for row in alexs.get("/talk").json()["results"]] == [first.json()["id"]]


def test_wording_hints_and_support_go_to_the_writer(talking, api_for):
    conversation_id, alexs, _sams = talking
    alex = Conversation.objects.get().author
    path = f"/talk/{conversation_id}"
    assert alexs.post(f"{path}/hints", {"text": "You never listen."}).json()["hints"] == []
    alex.coach_enabled = True
    alex.save()
    hints = alexs.post(f"{path}/hints", {"text": "You never listen."}).json()["hints"]
    assert hints and hints[0]["words"]
    said = alexs.post(f"{path}/turns", {"text": "I want to kill myself", "seq": 1}).json()
    assert said["support"]["lines"]
