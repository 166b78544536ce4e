"""How each partner feels loved, over the API: the same rules as step 5's pages
(private until shared, sharing only once it is open, the partner sees only
today's shared answer), reached with an app token."""

from __future__ import annotations

import uuid

import pytest

from mendwell.loved.models import ITEM_LIMIT, RATING_FIELDS, LovedItem, RatingSnapshot

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"


def ratings(**changes: int) -> dict[str, int]:
    return {**dict.fromkeys(RATING_FIELDS, 2), **changes}


# --- Ratings ------------------------------------------------------------------------


def test_saving_ratings_adds_a_snapshot_and_the_newest_is_current(api_for, alex):
    api = api_for(alex)
    first = api.post("/loved/ratings", ratings())
    assert first.status_code == 201
    api.post("/loved/ratings", ratings(receiving_quality_time=4))
    home = api.get("/loved").json()
    assert home["ratings"]["receiving_quality_time"] == 4
    history = api.get("/loved/ratings").json()["results"]
    assert [row["receiving_quality_time"] for row in history] == [4, 2]


def test_a_rating_out_of_range_is_refused_naming_it_and_saves_nothing(api_for, alex):
    response = api_for(alex).post("/loved/ratings", ratings(giving_gifts=7))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert [error["field"] for error in errors] == ["giving_gifts"]
    assert "small gifts (Giving)" in errors[0]["message"]
    assert not RatingSnapshot.objects.exists()


def test_a_missing_rating_is_named(api_for, alex):
    body = ratings()
    del body["receiving_gifts"]
    response = api_for(alex).post("/loved/ratings", body)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["receiving_gifts"]


def test_a_retried_save_with_its_key_makes_one_snapshot(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "ratings-1"}
    first = api.post("/loved/ratings", ratings(), headers=key)
    again = api.post("/loved/ratings", ratings(), headers=key)
    assert again.json() == first.json()
    assert RatingSnapshot.objects.filter(author=alex).count() == 1
    other = api.post("/loved/ratings", ratings(receiving_gifts=0), headers=key)
    assert other.status_code == 422
    assert RatingSnapshot.objects.filter(author=alex).count() == 1


def test_ratings_cannot_be_shared_before_the_private_check(api_for, alex, sam):
    api_for(alex).post("/loved/ratings", ratings())
    response = api_for(alex).put("/loved/ratings/sharing", {"share": True})
    assert response.status_code == 409
    assert "private check" in response.json()["detail"]
    assert not RatingSnapshot.objects.filter(visibility="shared").exists()


def test_the_partner_sees_only_the_current_shared_ratings_and_side_by_side(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    alexs.post("/loved/ratings", ratings(receiving_quality_time=1))
    alexs.post("/loved/ratings", ratings(receiving_quality_time=4))
    assert sams.get("/loved/partner").json()["ratings"] is None

    assert alexs.put("/loved/ratings/sharing", {"share": True}).json()["ratings"] is True
    seen = sams.get("/loved/partner").json()
    assert seen["ratings"]["receiving_quality_time"] == 4
    assert "id" not in seen["ratings"] and "saved_at" not in seen["ratings"]
    # The suggestion rule, as the partner page shows it: time together first, and why.
    assert seen["ideas"][0]["key"] == "walk"
    assert "time together 4 of 4" in seen["ideas"][0]["reason"]

    assert sams.get("/loved/side-by-side").json()["rows"] is None  # Sam has not shared
    sams.post("/loved/ratings", ratings(receiving_quality_time=3))
    sams.put("/loved/ratings/sharing", {"share": True})
    rows = sams.get("/loved/side-by-side").json()["rows"]
    time_row = next(row for row in rows if row["way"] == "quality_time")
    assert (time_row["mine"], time_row["theirs"]) == (3, 4)

    alexs.put("/loved/ratings/sharing", {"share": False})
    assert sams.get("/loved/partner").json()["ratings"] is None


# --- The list -----------------------------------------------------------------------


def test_a_line_goes_from_added_to_shared_to_read_by_the_partner_to_removed(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    saved = alexs.post("/loved/items", {"text": "a text at lunch", "this_week": True})
    assert saved.status_code == 201
    item = saved.json()["item"]
    assert saved.json()["support"] is None

    read = alexs.get(f"/loved/items/{item['id']}")
    assert read.json()["text"] == "a text at lunch"
    edited = alexs.put(
        f"/loved/items/{item['id']}",
        {"text": "a text at lunch, any day", "this_week": True},
        headers={"If-Match": read["ETag"]},
    )
    assert edited.status_code == 200
    assert edited["ETag"] != read["ETag"]
    assert edited.json()["item"]["version"] == edited["ETag"].strip('"')

    assert sams.get("/loved/partner").json()["items"] == []
    alexs.put("/loved/list/sharing", {"share": True})
    assert sams.get("/loved/partner").json()["items"] == [
        {"text": "a text at lunch, any day", "this_week": True}
    ]

    assert alexs.delete(f"/loved/items/{item['id']}").json() == {"deleted": True}
    assert sams.get("/loved/partner").json()["items"] == []
    assert not LovedItem.objects.exists()


def test_editing_without_if_match_is_428_and_with_a_stale_one_412_keeping_the_text(api_for, alex):
    api = api_for(alex)
    item = api.post("/loved/items", {"text": "tea in the morning"}).json()["item"]
    stale = api.get(f"/loved/items/{item['id']}")["ETag"]
    path = f"/loved/items/{item['id']}"
    assert api.put(path, {"text": "no header"}).status_code == 428
    api.put(path, {"text": "tea in bed"}, headers={"If-Match": stale})

    late = api.put(path, {"text": "coffee instead"}, headers={"If-Match": stale})
    assert late.status_code == 412
    assert late.json()["current"]["text"] == "tea in bed"
    assert LovedItem.objects.get().text == "tea in bed"


def test_marking_a_new_wish_moves_the_mark_and_the_other_lines_version(api_for, alex):
    api = api_for(alex)
    first = api.post("/loved/items", {"text": "a walk", "this_week": True}).json()["item"]
    before = api.get(f"/loved/items/{first['id']}")["ETag"]
    api.post("/loved/items", {"text": "a note", "this_week": True})
    after = api.get(f"/loved/items/{first['id']}")
    assert after.json()["this_week"] is False
    assert after["ETag"] != before


def test_an_empty_or_too_long_line_is_refused_naming_the_text(api_for, alex):
    api = api_for(alex)
    empty = api.post("/loved/items", {"text": "   "})
    long = api.post("/loved/items", {"text": "x" * 301})
    assert [e["field"] for e in empty.json()["errors"]] == ["text"]
    assert "this has 301" in long.json()["errors"][0]["message"]
    assert not LovedItem.objects.exists()


def test_a_full_list_refuses_another_line_with_the_pages_message(api_for, alex):
    LovedItem.objects.bulk_create(
        LovedItem(author=alex, text=f"line {n}", position=n) for n in range(ITEM_LIMIT)
    )
    response = api_for(alex).post("/loved/items", {"text": "one more"})
    assert response.status_code == 409
    assert "it is full" in response.json()["detail"]
    assert LovedItem.objects.count() == ITEM_LIMIT


def test_lines_move_up_and_down_and_a_retry_moves_once(api_for, alex):
    api = api_for(alex)
    for text in ("first", "second", "third"):
        api.post("/loved/items", {"text": text})
    third = api.get("/loved/items").json()[2]
    key = {"Idempotency-Key": "move-1"}
    moved = api.post(f"/loved/items/{third['id']}/move", {"direction": "up"}, headers=key)
    api.post(f"/loved/items/{third['id']}/move", {"direction": "up"}, headers=key)
    assert [row["text"] for row in moved.json()["items"]] == ["first", "third", "second"]
    assert [row["text"] for row in api.get("/loved/items").json()] == ["first", "third", "second"]
    sideways = api.post(f"/loved/items/{third['id']}/move", {"direction": "left"})
    assert sideways.status_code == 422


def test_a_crisis_line_brings_the_support_lines_to_the_writer(api_for, alex):
    body = api_for(alex).post("/loved/items", {"text": "I want to kill myself"}).json()
    assert body["support"]["lines"]


def test_the_partner_and_a_stranger_get_the_same_404_as_a_made_up_id(api_for, checked, robin):
    alex, sam = checked
    alexs = api_for(alex)
    item = alexs.post("/loved/items", {"text": "a hug at the door"}).json()["item"]
    alexs.put("/loved/list/sharing", {"share": True})
    missing = alexs.get(f"/loved/items/{MADE_UP}")
    for other in (sam, robin):
        api = api_for(other)
        assert api.get(f"/loved/items/{item['id']}").json() == missing.json()
        assert api.get(f"/loved/items/{item['id']}").status_code == 404
        assert api.delete(f"/loved/items/{item['id']}").status_code == 404
        put = api.put(f"/loved/items/{item['id']}", {"text": "mine now"}, headers={"If-Match": "x"})
        assert put.status_code == 404
    assert LovedItem.objects.get().text == "a hug at the door"


def test_the_server_sets_sharing_and_ids(api_for, alex):
    api = api_for(alex)
    for field in ("visibility", "item_id", "author"):
        response = api.post("/loved/items", {"text": "tea", field: "x"})
        assert response.status_code == 422
        assert [e["field"] for e in response.json()["errors"]] == [field]
    snapshot = api.post("/loved/ratings", {**ratings(), "snapshot_id": str(uuid.uuid4())})
    assert snapshot.status_code == 422
    assert not LovedItem.objects.exists() and not RatingSnapshot.objects.exists()


def test_the_five_ways_are_listed_for_the_form(api_for, alex):
    body = api_for(alex).get("/loved/ways").json()
    assert [way["key"] for way in body["ways"]][0] == "words_of_affirmation"
    assert [point["value"] for point in body["scale"]] == [0, 1, 2, 3, 4]
