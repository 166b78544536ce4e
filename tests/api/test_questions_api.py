"""The question of the day over the API: answered privately, revealed to both
once both have answered, closed until the private check, as on the web."""

from __future__ import annotations

from typing import get_args

import pytest

from mendwell.api.routes.questions import Theme
from mendwell.conversations.models import Answer, QuestionMark
from mendwell.conversations.questions import QUESTIONS, THEMES
from mendwell.safety.services import program_pause

pytestmark = pytest.mark.django_db


def test_the_api_themes_are_the_decks_themes():
    assert set(get_args(Theme)) == set(THEMES)


def test_partners_answer_and_each_reads_the_other_only_once_both_have(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    before = sams.get("/questions/today").json()
    assert alexs.get("/questions/today").json()["question"] == before["question"]

    saved = alexs.post("/questions/today/answer", {"text": "ALEX-ANSWER"})
    assert saved.status_code == 201
    assert saved.json()["answer"]["text"] == "ALEX-ANSWER"
    assert saved.json()["day"]["partners"] is None
    # Nothing in Sam's answer changes until Sam has answered too.
    assert sams.get("/questions/today").json() == before

    sams.post("/questions/today/answer", {"text": "SAM-ANSWER"})
    assert sams.get("/questions/today").json()["partners"] == {"text": "ALEX-ANSWER"}
    assert alexs.get("/questions/today").json()["partners"] == {"text": "SAM-ANSWER"}


def test_answering_twice_keeps_the_first_answer(api_for, alex):
    api = api_for(alex)
    api.post("/questions/today/answer", {"text": "first"})
    again = api.post("/questions/today/answer", {"text": "second"})
    assert again.status_code == 409
    assert again.json()["detail"] == "You've already answered today's question."
    assert [answer.text for answer in Answer.objects.all()] == ["first"]


def test_answering_together_waits_for_the_private_check(api_for, alex, sam):
    api = api_for(alex)
    day = api.get("/questions/today").json()
    assert day["lock"] == "check"
    refused = api.post("/questions/today/answer", {"text": "too soon"})
    assert refused.status_code == 409
    assert "private check" in refused.json()["detail"]
    assert not Answer.objects.exists()


def test_a_paused_program_closes_answering_together(api_for, checked):
    alex, sam = checked
    program_pause(user=sam)
    api = api_for(alex)
    assert api.get("/questions/today").json()["lock"] == "paused"
    assert api.post("/questions/today/answer", {"text": "paused"}).status_code == 409


def test_an_empty_answer_is_refused_naming_the_field(api_for, alex):
    response = api_for(alex).post("/questions/today/answer", {"text": ""})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "text", "message": "Please write your answer before saving."}
    ]
    assert not Answer.objects.exists()


def test_taking_an_answer_back_lets_me_answer_again(api_for, checked, robin):
    alex, sam = checked
    api = api_for(alex)
    mine = api.post("/questions/today/answer", {"text": "first"}).json()["answer"]
    made_up = api.delete("/questions/answers/00000000-0000-4000-8000-000000000000")
    for other in (sam, robin):
        refused = api_for(other).delete(f"/questions/answers/{mine['id']}")
        assert (refused.status_code, refused.json()) == (404, made_up.json())
    assert api.delete(f"/questions/answers/{mine['id']}").json() == {"deleted": True}
    assert api.post("/questions/today/answer", {"text": "second"}).status_code == 201


def test_creating_with_the_same_idempotency_key_makes_one_answer(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "answer-1"}
    first = api.post("/questions/today/answer", {"text": "once"}, key)
    again = api.post("/questions/today/answer", {"text": "once"}, key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Answer.objects.count() == 1
    other = api.post("/questions/today/answer", {"text": "else"}, key)
    assert other.status_code == 422


def test_marks_are_mine_and_narrow_the_deck(api_for, checked):
    alex, sam = checked
    api = api_for(alex)
    question = QUESTIONS[0].id
    marked = api.put(f"/questions/deck/{question}/marks", {"favourite": True})
    assert marked.status_code == 200
    assert marked.json()["favourite"] is True and marked.json()["discussed"] is False
    favourites = api.get("/questions/deck?show=favourites").json()
    assert favourites["shown"] == 1
    assert favourites["themes"][0]["questions"][0]["id"] == question
    # Sam sees none of Alex's marks.
    assert api_for(sam).get("/questions/deck?show=favourites").json()["shown"] == 0
    api.put(f"/questions/deck/{question}/marks", {"favourite": False})
    assert not QuestionMark.objects.exists()


def test_the_deck_filters_and_refuses_unknown_values(api_for, alex):
    api = api_for(alex)
    everything = api.get("/questions/deck").json()
    assert everything["shown"] == everything["total"] == len(QUESTIONS)
    hurt = api.get("/questions/deck?theme=hurt&depth=1").json()
    assert [theme["key"] for theme in hurt["themes"]] == ["hurt"]
    assert {q["depth"] for q in hurt["themes"][0]["questions"]} == {1}
    assert api.get("/questions/deck?theme=money").status_code == 422
    assert api.put("/questions/deck/no-such-question/marks", {"favourite": True}).status_code == 404


def test_a_crisis_answer_brings_the_support_lines(api_for, alex):
    body = api_for(alex).post("/questions/today/answer", {"text": "I want to kill myself"}).json()
    assert body["support"]["lines"]
