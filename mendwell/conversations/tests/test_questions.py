from __future__ import annotations

from datetime import date, timedelta

from mendwell.conversations import selectors
from mendwell.conversations.models import Answer, DailyQuestion
from mendwell.conversations.questions import QUESTIONS, THEMES
from mendwell.couples.services import couple_leave
from mendwell.safety.services import program_pause


def test_the_deck_has_at_least_120_open_questions_in_five_themes_with_depths():
    assert len(QUESTIONS) >= 120
    assert {q.theme for q in QUESTIONS} == set(THEMES)
    assert {q.depth for q in QUESTIONS} == {1, 2, 3}
    assert len({q.id for q in QUESTIONS}) == len(QUESTIONS)
    assert all(str(q.text).endswith("?") for q in QUESTIONS)


def test_partners_get_the_same_question_on_the_same_day(checked):
    alex, sam = checked
    assert selectors.daily_question_for(alex) == selectors.daily_question_for(sam)
    assert DailyQuestion.objects.count() == 1


def test_questions_do_not_repeat_until_the_deck_is_exhausted(checked):
    alex, _sam = checked
    start = date(2026, 1, 1)
    asked = [
        selectors.daily_question_for(alex, day=start + timedelta(days=i)).question_id
        for i in range(len(QUESTIONS))
    ]
    assert len(set(asked)) == len(QUESTIONS)
    again = selectors.daily_question_for(alex, day=start + timedelta(days=len(QUESTIONS)))
    assert again.question_id != asked[-1]


def test_the_deck_starts_with_lighter_questions(checked):
    alex, _sam = checked
    first = selectors.day_view_for(alex).question
    assert first.depth == 1


def page(client) -> str:
    return client.get("/questions/").content.decode()


def test_answers_are_revealed_to_both_only_once_both_have_answered(client_for, checked):
    alex, sam = checked
    alex_client, sam_client = client_for(alex), client_for(sam)
    alex_client.post("/questions/", {"text": "ALEX-ANSWER"})
    assert "ALEX-ANSWER" in page(alex_client)
    assert "ALEX-ANSWER" not in page(sam_client)
    sam_client.post("/questions/", {"text": "SAM-ANSWER"})
    assert "ALEX-ANSWER" in page(sam_client)
    assert "SAM-ANSWER" in page(alex_client)


def normalise(html: str) -> str:
    import re

    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


def test_before_answering_the_page_looks_the_same_whether_the_partner_answered_or_not(
    client_for, checked
):
    alex, sam = checked
    sam_client = client_for(sam)
    before = normalise(page(sam_client))
    client_for(alex).post("/questions/", {"text": "ALEX-ANSWER"})
    assert normalise(page(sam_client)) == before


def test_answering_twice_keeps_the_first_answer(client_for, checked):
    alex, _sam = checked
    client = client_for(alex)
    client.post("/questions/", {"text": "first"})
    response = client.post("/questions/", {"text": "second"}, follow=True)
    assert "already answered" in response.content.decode()
    assert [a.text for a in Answer.objects.filter(author=alex)] == ["first"]


def test_bad_answers_are_explained_and_kept(client_for, checked):
    alex, _sam = checked
    empty = client_for(alex).post("/questions/", {"text": ""}).content.decode()
    assert "Please write your answer before saving." in empty
    long = client_for(alex).post("/questions/", {"text": "y" * 100_000}).content.decode()
    assert "under 5000 characters (this has 100000)" in long
    assert "yyyy" in long
    assert not Answer.objects.exists()


def test_answers_are_encrypted_at_rest(client_for, checked):
    from django.db import connection

    alex, _sam = checked
    client_for(alex).post("/questions/", {"text": "MARKER-answer"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM conversations_answer")
        assert "MARKER" not in cursor.fetchone()[0]


def test_the_question_waits_for_the_private_check(client_for, alex, sam):
    response = page(client_for(alex))
    assert "once you&#x27;ve taken your private check" in response or "private check" in response
    client_for(alex).post("/questions/", {"text": "too early"})
    assert not Answer.objects.exists()


def test_a_paused_program_pauses_the_shared_question(client_for, checked):
    alex, sam = checked
    program_pause(user=sam)
    assert "The couple program is paused" in page(client_for(alex))
    client_for(alex).post("/questions/", {"text": "while paused"})
    assert not Answer.objects.exists()


def test_a_person_on_their_own_answers_privately(client_for, robin):
    client = client_for(robin)
    assert "Only you can see your answer." in page(client)
    client.post("/questions/", {"text": "just me"})
    assert "just me" in page(client)
    assert Answer.objects.get(author=robin).visibility == "private"


def test_after_leaving_the_old_answers_stop_showing_to_the_ex(client_for, checked):
    alex, sam = checked
    client_for(alex).post("/questions/", {"text": "ALEX-ANSWER"})
    client_for(sam).post("/questions/", {"text": "SAM-ANSWER"})
    couple_leave(user=alex)
    assert not Answer.objects.shared_with(sam).exists()


def test_html_in_an_answer_is_shown_as_text(client_for, checked):
    alex, _sam = checked
    client_for(alex).post("/questions/", {"text": "<script>alert(1)</script>"})
    html = page(client_for(alex))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_the_deck_page_lists_every_question(client_for, alex):
    html = client_for(alex).get("/questions/deck/").content.decode()
    for theme in THEMES.values():
        assert str(theme) in html
    assert html.count('class="depth"') == len(QUESTIONS)


def test_step_two_leads_to_the_question_of_the_day(client_for, alex):
    html = client_for(alex).get("/steps/2/").content.decode()
    assert 'href="/questions/"' in html
