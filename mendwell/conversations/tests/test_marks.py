"""One's own marks on questions: favourite, and "we've talked about this".

The pages are driven the way a browser without JavaScript would: read the
form off the page, send its fields, follow the redirect.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.db.models import QuerySet

from mendwell.conversations import services
from mendwell.conversations.models import QuestionMark
from mendwell.conversations.questions import QUESTIONS
from mendwell.couples.access import Visibility
from mendwell.safety.services import program_pause

DECK = "/questions/deck/"
MARK = "/questions/mark/"
FIRST = "hurt-01"


class _Forms(HTMLParser):
    """Every form on a page: its action and its fields' values."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form":
            self.forms.append({"@action": found.get("action") or ""})
        elif tag == "input" and self.forms and found.get("name"):
            self.forms[-1][found["name"] or ""] = found.get("value") or ""


def mark_form(html: str, question_id: str, mark: str) -> dict[str, str]:
    parser = _Forms()
    parser.feed(html)
    (form,) = [
        form
        for form in parser.forms
        if form.get("question") == question_id and form.get("mark") == mark
    ]
    return form


def press(client, page: str, question_id: str, mark: str):
    """Press a mark button on ``page`` as a browser without JavaScript does."""
    form = mark_form(client.get(page).content.decode(), question_id, mark)
    action = form.pop("@action")
    return client.post(action, form)


def pressed(html: str, question_id: str, mark: str) -> bool:
    found = re.search(rf'id="{mark}-{question_id}" aria-pressed="(true|false)"', html)
    assert found, f"no {mark} button for {question_id}"
    return found.group(1) == "true"


def deck(client, query: str = "") -> str:
    response = client.get(DECK + query)
    assert response.status_code == 200
    return response.content.decode()


def shown_ids(html: str) -> list[str]:
    return re.findall(r'<li class="deck-question" id="q-([\w-]+)"', html)


def normalise(html: str) -> str:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r'nonce="[^"]+"', "", html)


# --- Pressing the buttons ------------------------------------------------------------


def test_favouriting_a_question_shows_its_button_pressed(client_for, alex):
    client = client_for(alex)
    assert not pressed(deck(client), FIRST, "favourite")
    press(client, DECK, FIRST, "favourite")
    html = deck(client)
    assert pressed(html, FIRST, "favourite")
    assert not pressed(html, FIRST, "discussed")


def test_pressing_favourite_again_turns_it_off_and_keeps_nothing(client_for, alex):
    client = client_for(alex)
    press(client, DECK, FIRST, "favourite")
    press(client, DECK, FIRST, "favourite")
    assert not pressed(deck(client), FIRST, "favourite")
    assert not QuestionMark.objects.exists()


def test_marking_discussed_leaves_the_favourite_as_it_was(client_for, alex):
    client = client_for(alex)
    press(client, DECK, FIRST, "favourite")
    press(client, DECK, FIRST, "discussed")
    html = deck(client)
    assert pressed(html, FIRST, "favourite")
    assert pressed(html, FIRST, "discussed")
    press(client, DECK, FIRST, "discussed")
    html = deck(client)
    assert pressed(html, FIRST, "favourite")
    assert not pressed(html, FIRST, "discussed")


def test_without_javascript_the_button_comes_back_to_the_question_on_the_same_page(
    client_for, alex
):
    client = client_for(alex)
    page = DECK + "?show=undiscussed&theme=hurt&depth=1"
    response = press(client, page, FIRST, "discussed")
    assert response.status_code == 302
    assert response["Location"] == f"{page}#q-{FIRST}"


def test_the_buttons_are_real_forms_with_csrf(client_for, alex):
    form = mark_form(deck(client_for(alex)), FIRST, "favourite")
    assert form["@action"] == MARK
    assert form["csrfmiddlewaretoken"]
    assert form["value"] == "on"


@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://elsewhere.example/",
        "//elsewhere.example/x",
        "/\\elsewhere.example/",
        "javascript:alert(1)",
        "/questions/\r\nSet-Cookie: x=1",
        "/questions/\x00",
        "",
    ],
)
def test_a_return_address_off_this_site_goes_back_to_the_deck(client_for, alex, elsewhere):
    response = client_for(alex).post(
        MARK, {"question": FIRST, "mark": "favourite", "value": "on", "next": elsewhere}
    )
    assert response["Location"] == f"{DECK}#q-{FIRST}"


def test_with_htmx_only_that_questions_buttons_come_back(client_for, alex):
    response = client_for(alex).post(
        MARK,
        {"question": FIRST, "mark": "favourite", "value": "on", "next": DECK + "?theme=hurt"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="question-marks" id="marks-{FIRST}">')
    assert "<html" not in html
    assert pressed(html, FIRST, "favourite")
    # The swapped-in buttons keep the page's address for a later press without JavaScript.
    assert mark_form(html, FIRST, "discussed")["next"] == DECK + "?theme=hurt"


def test_a_double_submit_makes_one_mark_and_leaves_it_on(client_for, alex):
    client = client_for(alex)
    form = mark_form(deck(client), FIRST, "favourite")
    action = form.pop("@action")
    client.post(action, form)
    client.post(action, form)
    (mark,) = QuestionMark.objects.all()
    assert mark.favourite
    assert pressed(deck(client), FIRST, "favourite")


def test_two_presses_at_the_same_moment_still_make_one_mark(alex, monkeypatch):
    # The other request creates the row between this one's update and its insert.
    real_update = QuerySet.update
    raced: list[bool] = []

    def other_request_wins(self, **changes):
        if self.model is QuestionMark and not raced:
            raced.append(True)
            QuestionMark.objects.create(author=alex, question_id=FIRST, favourite=True)
            return 0
        return real_update(self, **changes)

    monkeypatch.setattr(QuerySet, "update", other_request_wins)
    services.question_mark_set(user=alex, question_id=FIRST, discussed=True)
    (mark,) = QuestionMark.objects.all()
    assert (mark.favourite, mark.discussed) == (True, True)


@pytest.mark.parametrize("question_id", ["nope-99", "", "x" * 500, "hurt-01 "])
def test_an_unknown_question_is_a_404_and_nothing_is_saved(client_for, alex, question_id):
    response = client_for(alex).post(
        MARK, {"question": question_id, "mark": "favourite", "value": "on"}
    )
    assert response.status_code == 404
    assert not QuestionMark.objects.exists()


def test_a_post_without_a_question_is_a_404(client_for, alex):
    assert client_for(alex).post(MARK, {"mark": "favourite", "value": "on"}).status_code == 404
    assert not QuestionMark.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"mark": "delete", "value": "on"}, "Mark: please choose"),
        ({"value": "on"}, "Mark: please choose"),
        ({"mark": "favourite", "value": "maybe"}, "On or off: please choose"),
        ({"mark": "favourite"}, "On or off: please choose"),
    ],
)
def test_a_bad_mark_or_value_is_explained_and_changes_nothing(client_for, alex, fields, message):
    client = client_for(alex)
    response = client.post(MARK, {"question": FIRST, "next": DECK, **fields}, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not QuestionMark.objects.exists()


def test_a_bad_value_over_htmx_is_explained_in_place(client_for, alex):
    response = client_for(alex).post(
        MARK, {"question": FIRST, "mark": "favourite", "value": "x"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "On or off: please choose" in response.content.decode()
    assert not QuestionMark.objects.exists()


def test_signed_out_visitors_are_sent_to_sign_in_and_nothing_is_saved(client_for, alex):
    response = client_for(None).post(MARK, {"question": FIRST, "mark": "favourite", "value": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client_for(None).get(DECK)["Location"].startswith("/accounts/login/")
    assert not QuestionMark.objects.exists()


def test_the_mark_address_only_takes_a_post(client_for, alex):
    assert client_for(alex).get(MARK + f"?question={FIRST}").status_code == 405


# --- The question of the day ---------------------------------------------------------


def test_the_question_of_the_day_has_the_same_buttons_and_comes_back_to_it(client_for, alex):
    client = client_for(alex)
    html = client.get("/questions/").content.decode()
    (question_id,) = re.findall(r'id="marks-([\w-]+)"', html)
    response = press(client, "/questions/", question_id, "favourite")
    assert response["Location"] == f"/questions/#q-{question_id}"
    assert pressed(client.get("/questions/").content.decode(), question_id, "favourite")
    assert pressed(deck(client), question_id, "favourite")


# --- Filters -------------------------------------------------------------------------


def test_favourites_shows_only_my_favourites(client_for, alex):
    client = client_for(alex)
    press(client, DECK, FIRST, "favourite")
    press(client, DECK, "hopes-01", "favourite")
    press(client, DECK, "needs-01", "discussed")
    assert sorted(shown_ids(deck(client, "?show=favourites"))) == ["hopes-01", FIRST]


def test_favourites_with_none_yet_says_how_to_add_one(client_for, alex):
    html = deck(client_for(alex), "?show=favourites")
    assert shown_ids(html) == []
    assert "No favourites here yet." in html


def test_not_yet_discussed_hides_what_we_talked_about(client_for, alex):
    client = client_for(alex)
    press(client, DECK, FIRST, "discussed")
    press(client, DECK, "hopes-01", "favourite")
    shown = shown_ids(deck(client, "?show=undiscussed"))
    assert FIRST not in shown
    assert "hopes-01" in shown
    assert len(shown) == len(QUESTIONS) - 1


def test_theme_and_depth_narrow_the_deck(client_for, alex):
    client = client_for(alex)
    expected = sorted(q.id for q in QUESTIONS if q.theme == "needs" and q.depth == 3)
    assert expected
    assert sorted(shown_ids(deck(client, "?theme=needs&depth=3"))) == expected
    assert len(shown_ids(deck(client, "?depth=1"))) == sum(q.depth == 1 for q in QUESTIONS)


def test_a_filtered_deck_says_how_many_it_shows_and_offers_everything(client_for, alex):
    html = deck(client_for(alex), "?theme=hurt")
    count = sum(q.theme == "hurt" for q in QUESTIONS)
    assert f"Showing {count} questions of {len(QUESTIONS)}." in html
    assert "Show all questions" in html


@pytest.mark.parametrize(
    "query",
    [
        "?show=everything",
        "?theme=nope",
        "?depth=9",
        "?depth=deep",
        "?depth=-1",
        "?show=favourites%00&theme=%ff&depth=1e9",
        "?theme=hurt&theme=x",
        "?" + "x" * 5000 + "=1",
    ],
)
def test_a_filter_value_that_isnt_a_choice_falls_back_to_all(client_for, alex, query):
    html = deck(client_for(alex), query)
    assert len(shown_ids(html)) == len(QUESTIONS)


# --- Marks are private ------------------------------------------------------------


@pytest.mark.parametrize(
    "page", [DECK, DECK + "?show=favourites", DECK + "?show=undiscussed", "/questions/"]
)
def test_the_partner_sees_exactly_the_same_page_whether_alex_marked_questions_or_not(
    client_for, alex, sam, page
):
    sam_client, alex_client = client_for(sam), client_for(alex)
    sam_client.get("/questions/")  # the day's question exists before Alex marks it
    before = normalise(sam_client.get(page).content.decode())
    today = re.findall(r'id="marks-([\w-]+)"', alex_client.get("/questions/").content.decode())
    marked = {FIRST, "hopes-01", *today}
    for question_id in marked:
        press(alex_client, DECK, question_id, "favourite")
        press(alex_client, DECK, question_id, "discussed")
    assert QuestionMark.objects.filter(author=alex).count() == len(marked)
    assert normalise(sam_client.get(page).content.decode()) == before


def test_marks_are_stored_private_to_their_author(client_for, alex, sam):
    press(client_for(alex), DECK, FIRST, "favourite")
    (mark,) = QuestionMark.objects.all()
    assert mark.visibility == Visibility.PRIVATE
    assert not QuestionMark.objects.visible_to(sam).exists()


def test_someone_on_their_own_can_mark_questions_too(client_for, robin):
    client = client_for(robin)
    press(client, DECK, FIRST, "favourite")
    press(client, DECK, FIRST, "discussed")
    html = deck(client)
    assert pressed(html, FIRST, "favourite")
    assert pressed(html, FIRST, "discussed")


def test_the_service_refuses_a_question_that_is_not_in_the_deck(alex):
    with pytest.raises(ValueError, match="not a question"):
        services.question_mark_set(user=alex, question_id="nope-99", favourite=True)
    assert not QuestionMark.objects.exists()


# --- Using a question as a conversation topic ----------------------------------------


def test_each_question_links_to_a_conversation_about_it(client_for, alex, sam):
    html = deck(client_for(alex))
    assert f'href="/talk/new/?question={FIRST}"' in html
    assert html.count('href="/talk/new/?question=') == len(QUESTIONS)


def test_no_conversation_is_offered_without_a_partner(client_for, robin):
    assert "/talk/new/" not in deck(client_for(robin))


def test_no_conversation_is_offered_while_the_program_is_paused(client_for, alex, sam):
    program_pause(user=sam)
    assert "/talk/new/" not in deck(client_for(alex))
    assert "/talk/new/" not in client_for(alex).get("/questions/").content.decode()
