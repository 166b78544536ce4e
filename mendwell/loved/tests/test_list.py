"""The list of things that make a person feel loved: ordered, editable, limited, private."""

from __future__ import annotations

import re
import uuid

import pytest

from mendwell.loved.models import ITEM_LIMIT, ITEM_TEXT_LIMIT, LovedItem
from mendwell.loved.tests.support import add

pytestmark = pytest.mark.django_db


def _texts_in_order(page: str) -> list[str]:
    return re.findall(r'<p class="loved-item__text">(.*?)</p>', page)


def test_a_person_alone_keeps_a_list_in_the_order_they_wrote_it(client_for, robin):
    client = client_for(robin)
    for text in ("A text at lunch", "Tea in the morning", "Ask about my day"):
        response = client.post("/loved/list/new/", {"item_id": str(uuid.uuid4()), "text": text})
        assert response.status_code == 302
    page = client.get("/loved/").content.decode()
    assert _texts_in_order(page) == ["A text at lunch", "Tea in the morning", "Ask about my day"]


def test_move_up_and_down_buttons_reorder_without_javascript(client_for, alex):
    first, _second, third = (add(alex, text) for text in ("one", "two", "three"))
    client = client_for(alex)
    response = client.post(f"/loved/list/{third.id}/move/", {"direction": "up"})
    assert response["Location"] == f"/loved/#item-{third.id}"
    client.post(f"/loved/list/{first.id}/move/", {"direction": "down"})
    assert _texts_in_order(client.get("/loved/").content.decode()) == ["three", "one", "two"]


def test_moving_past_either_end_changes_nothing(client_for, alex):
    first, second = add(alex, "one"), add(alex, "two")
    client = client_for(alex)
    client.post(f"/loved/list/{first.id}/move/", {"direction": "up"})
    client.post(f"/loved/list/{second.id}/move/", {"direction": "down"})
    client.post(f"/loved/list/{second.id}/move/", {"direction": "sideways"})
    assert _texts_in_order(client.get("/loved/").content.decode()) == ["one", "two"]


def test_the_list_page_offers_only_the_moves_that_make_sense(client_for, alex):
    add(alex, "one")
    add(alex, "two")
    page = client_for(alex).get("/loved/").content.decode()
    assert page.count(">Move up<") == 1
    assert page.count(">Move down<") == 1


def test_a_line_is_edited_and_removed(client_for, alex):
    item = add(alex, "Tea in the morning")
    client = client_for(alex)
    client.post(f"/loved/list/{item.id}/edit/", {"text": "Coffee in the morning"})
    item.refresh_from_db()
    assert item.text == "Coffee in the morning"
    client.post(f"/loved/list/{item.id}/delete/")
    assert not LovedItem.objects.filter(pk=item.pk).exists()


def test_a_double_submit_adds_one_line(client_for, alex):
    data = {"item_id": str(uuid.uuid4()), "text": "A note in my bag"}
    client = client_for(alex)
    client.post("/loved/list/new/", data)
    client.post("/loved/list/new/", data)
    assert LovedItem.objects.filter(author=alex).count() == 1


def test_the_list_holds_fifty_lines_and_says_so_keeping_the_text(client_for, alex):
    for number in range(ITEM_LIMIT):
        add(alex, f"line {number}")
    response = client_for(alex).post(
        "/loved/list/new/", {"item_id": str(uuid.uuid4()), "text": "One more thing"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your list holds up to 50 lines, and it is full." in page
    assert "One more thing</textarea>" in page
    assert LovedItem.objects.filter(author=alex).count() == ITEM_LIMIT
    home = client_for(alex).get("/loved/").content.decode()
    assert "Your list is full (50 lines)." in home


def test_five_hundred_lines_posted_in_a_row_stop_at_the_limit(client_for, alex):
    client = client_for(alex)
    for number in range(ITEM_LIMIT + 5):
        client.post("/loved/list/new/", {"item_id": str(uuid.uuid4()), "text": f"line {number}"})
    assert LovedItem.objects.filter(author=alex).count() == ITEM_LIMIT


def test_a_line_too_long_is_refused_and_kept(client_for, alex):
    text = "x" * (ITEM_TEXT_LIMIT + 1)
    response = client_for(alex).post(
        "/loved/list/new/", {"item_id": str(uuid.uuid4()), "text": text}
    )
    page = response.content.decode()
    assert "Please keep a line under 300 characters (this has 301)." in page
    assert f"{text}</textarea>" in page
    assert not LovedItem.objects.exists()


def test_an_empty_line_is_refused_with_a_clear_message(client_for, alex):
    response = client_for(alex).post("/loved/list/new/", {"text": "   "})
    assert "Please write a few words for this line." in response.content.decode()
    assert not LovedItem.objects.exists()


def test_one_line_at_a_time_is_marked_for_this_week(client_for, alex):
    first = add(alex, "A walk together", this_week=True)
    second = add(alex, "Breakfast in bed")
    client_for(alex).post(
        f"/loved/list/{second.id}/edit/", {"text": second.text, "this_week": "on"}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.this_week, second.this_week) == (False, True)
    page = client_for(alex).get("/loved/").content.decode()
    assert (
        page.count("This week I&#x27;d love this one most</p>")
        + page.count("This week I'd love this one most</p>")
        == 1
    )


def test_nobody_can_change_or_move_someone_elses_line(client_for, alex, sam):
    item = add(sam, "Sam's own words")
    other = add(sam, "Another of Sam's")
    client = client_for(alex)
    assert client.get(f"/loved/list/{item.id}/edit/").status_code == 404
    assert client.post(f"/loved/list/{item.id}/edit/", {"text": "Changed"}).status_code == 404
    assert client.post(f"/loved/list/{other.id}/move/", {"direction": "up"}).status_code == 404
    assert client.post(f"/loved/list/{item.id}/delete/").status_code == 404
    item.refresh_from_db()
    other.refresh_from_db()
    assert item.text == "Sam's own words"
    assert other.position == 1


def test_words_of_crisis_show_the_writer_the_support_panel(client_for, alex):
    response = client_for(alex).post(
        "/loved/list/new/",
        {"item_id": str(uuid.uuid4()), "text": "I am scared of my partner when he drinks"},
    )
    assert response.status_code == 200
    assert "Your line is saved to your list." in response.content.decode()
    assert LovedItem.objects.filter(author=alex).count() == 1
