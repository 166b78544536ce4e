"""Check-ins over the API: the same rules as the web page (one a day, private
unless shared, shared only once sharing is open), reached with an app token."""

from __future__ import annotations

import pytest

from mendwell.checkins.models import CheckIn

pytestmark = pytest.mark.django_db

TODAY = {"mood": 4, "closeness": 3, "note": "a slow walk together"}


def test_posting_saves_todays_check_in_and_a_second_post_updates_it(api_for, alex):
    api = api_for(alex)
    first = api.post("/check-ins", TODAY)
    assert first.status_code == 201
    assert first.json()["checkin"]["note"] == "a slow walk together"
    second = api.post("/check-ins", {**TODAY, "mood": 2})
    assert second.status_code == 200
    assert second.json()["checkin"]["mood"] == 2
    assert CheckIn.objects.filter(author=alex).count() == 1


def test_a_bad_mood_is_refused_naming_the_field_and_saves_nothing(api_for, alex):
    response = api_for(alex).post("/check-ins", {**TODAY, "mood": 9})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["mood"]
    assert not CheckIn.objects.exists()


def test_sharing_before_the_partner_is_linked_is_refused(api_for, alex):
    response = api_for(alex).post("/check-ins", {**TODAY, "share": True})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "share"
    assert not CheckIn.objects.exists()


def test_a_shared_day_reaches_the_partner_and_unsharing_takes_it_back(api_for, checked):
    alex, sam = checked
    saved = api_for(alex).post("/check-ins", {**TODAY, "share": True}).json()["checkin"]
    sams = api_for(sam)
    assert [day["note"] for day in sams.get("/check-ins/partner").json()] == [TODAY["note"]]
    api_for(alex).put(f"/check-ins/{saved['id']}/sharing", {"share": False})
    assert sams.get("/check-ins/partner").json() == []


def test_the_partner_cannot_open_or_delete_a_check_in_by_id(api_for, checked):
    alex, sam = checked
    saved = api_for(alex).post("/check-ins", {**TODAY, "share": True}).json()["checkin"]
    sams = api_for(sam)
    assert sams.get(f"/check-ins/{saved['id']}").status_code == 404
    assert sams.delete(f"/check-ins/{saved['id']}").status_code == 404
    assert CheckIn.objects.filter(author=alex).count() == 1


def test_a_crisis_note_brings_the_support_lines_to_the_writer(api_for, alex):
    body = api_for(alex).post("/check-ins", {**TODAY, "note": "I want to kill myself"}).json()
    assert body["support"] is not None
    assert body["support"]["lines"]


def test_the_list_pages_by_cursor_newest_first(api_for, alex):
    from datetime import date, timedelta

    for offset in range(3):
        CheckIn.objects.create(
            author=alex, day=date(2026, 1, 1) + timedelta(days=offset), mood=3, closeness=3
        )
    api = api_for(alex)
    first = api.get("/check-ins?page_size=2").json()
    assert [row["day"] for row in first["results"]] == ["2026-01-03", "2026-01-02"]
    assert "count" not in first
    # "next" is the full address of the following page.
    rest = api.get(first["next"].removeprefix("http://testserver/api/v1")).json()
    assert [row["day"] for row in rest["results"]] == ["2026-01-01"]
    assert rest["next"] is None


def test_week_lines_save_and_an_emptied_line_is_deleted(api_for, alex):
    api = api_for(alex)
    etag = api.get("/check-ins/week/now")["ETag"]
    saved = api.put(
        "/check-ins/week", {"went_well": "we laughed", "try_next": "cook"}, {"If-Match": etag}
    )
    assert (saved.json()["went_well"], saved.json()["try_next"]) == ("we laughed", "cook")
    again = api.put("/check-ins/week", {"went_well": "we laughed"}, {"If-Match": saved["ETag"]})
    assert again.json()["try_next"] == ""
    assert [note["kind"] for note in api.get("/check-ins/week").json()] == ["went_well"]


def test_a_stale_week_edit_is_refused_with_the_lines_as_they_are(api_for, alex):
    api = api_for(alex)
    etag = api.get("/check-ins/week/now")["ETag"]
    api.put("/check-ins/week", {"went_well": "from the phone"}, {"If-Match": etag})
    late = api.put("/check-ins/week", {"went_well": "from the laptop"}, {"If-Match": etag})
    assert late.status_code == 412
    assert late.json()["current"]["went_well"] == "from the phone"
    assert api.get("/check-ins/week/now").json()["went_well"] == "from the phone"
    assert api.put("/check-ins/week", {"went_well": "x"}).status_code == 428
