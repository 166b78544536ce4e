"""The connection jar over the API: fill it, reword with If-Match, draw the
partner's act on the couple's day, do it, and let the receiver notice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine

from mendwell.jar.models import ACTS_PER_PERSON, JarAct, JarDraw

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"
# A Sunday (the default draw day), midday in London.
SUNDAY = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture
def sunday():
    with time_machine.travel(SUNDAY, tick=False):
        yield


def test_a_solo_jar_is_a_personal_list_and_ideas_leave_once_added(api_for, robin):
    api = api_for(robin)
    idea = "Make me a cup of tea or coffee without my asking."
    assert idea in api.get("/jar/suggestions").json()
    added = api.post("/jar/acts", {"text": idea})
    assert added.status_code == 201
    assert JarAct.objects.get().visibility == "private"
    assert [act["text"] for act in api.get("/jar/acts").json()] == [idea]
    assert idea not in api.get("/jar/suggestions").json()
    page = api.get("/jar").json()
    assert page["partner_linked"] is False and page["draw"] is None


def test_bad_acts_are_refused_by_name_and_nothing_is_added(api_for, robin):
    api = api_for(robin)
    empty = api.post("/jar/acts", {"text": ""})
    assert empty.status_code == 422
    assert empty.json()["errors"] == [
        {"field": "text", "message": "Please write the act before adding it."}
    ]
    long = api.post("/jar/acts", {"text": "x" * 201})
    assert long.json()["errors"][0]["message"] == (
        "Please keep it under 200 characters (this has 201)."
    )
    assert api.post("/jar/acts", {"text": "tea", "visibility": "shared"}).status_code == 422
    assert not JarAct.objects.exists()


def test_a_full_jar_says_so_on_the_text(api_for, robin):
    JarAct.objects.bulk_create(
        JarAct(author=robin, text=f"act {n}") for n in range(ACTS_PER_PERSON)
    )
    response = api_for(robin).post("/jar/acts", {"text": "one more"})
    assert response.status_code == 422
    assert "holds up to 60 acts" in response.json()["errors"][0]["message"]
    assert JarAct.objects.count() == ACTS_PER_PERSON


def test_an_act_is_reworded_only_with_the_current_version(api_for, robin):
    api = api_for(robin)
    act_id = api.post("/jar/acts", {"text": "A quiet morning"}).json()["id"]
    read = api.get(f"/jar/acts/{act_id}")
    etag = read["ETag"]
    assert etag == f'"{read.json()["version"]}"'
    missing = api.put(f"/jar/acts/{act_id}", {"text": "A slow morning"})
    assert missing.status_code == 428
    saved = api.put(f"/jar/acts/{act_id}", {"text": "A slow morning"}, headers={"If-Match": etag})
    assert saved.status_code == 200
    assert saved.json()["text"] == "A slow morning"
    assert saved["ETag"] != etag
    stale = api.put(f"/jar/acts/{act_id}", {"text": "Lost words"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["current"]["text"] == "A slow morning"
    assert JarAct.objects.get().text == "A slow morning"


def test_a_bad_rewording_names_the_field_and_keeps_the_act(api_for, robin):
    api = api_for(robin)
    act_id = api.post("/jar/acts", {"text": "A quiet morning"}).json()["id"]
    etag = api.get(f"/jar/acts/{act_id}")["ETag"]
    response = api.put(f"/jar/acts/{act_id}", {"text": ""}, headers={"If-Match": etag})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "text"
    assert JarAct.objects.get().text == "A quiet morning"


def test_only_the_author_opens_rewords_or_removes_an_act(api_for, checked, robin):
    alex, sam = checked
    act_id = api_for(sam).post("/jar/acts", {"text": "SAM-ACT"}).json()["id"]
    etag = api_for(sam).get(f"/jar/acts/{act_id}")["ETag"]
    made_up = api_for(alex).get(f"/jar/acts/{MADE_UP}").json()
    for other in (alex, robin):
        api = api_for(other)
        assert api.get(f"/jar/acts/{act_id}").json() == made_up
        edit = api.put(f"/jar/acts/{act_id}", {"text": "mine now"}, headers={"If-Match": etag})
        assert edit.status_code == 404
        assert api.delete(f"/jar/acts/{act_id}").status_code == 404
        assert "SAM-ACT" not in str(api.get("/jar/acts").json())
    assert JarAct.objects.get().text == "SAM-ACT"
    assert api_for(sam).delete(f"/jar/acts/{act_id}").json() == {"deleted": True}
    assert not JarAct.objects.exists()


def test_drawing_waits_for_the_drawers_private_check(api_for, alex, sam, sunday):
    api_for(sam).post("/jar/acts", {"text": "walk"})
    response = api_for(alex).post("/jar/draw")
    assert response.status_code == 409
    assert "private check" in response.json()["detail"]
    assert not JarDraw.objects.exists()


def test_the_draw_waits_for_the_couples_day(api_for, checked):
    alex, sam = checked
    api_for(sam).post("/jar/acts", {"text": "walk"})
    assert api_for(sam).put("/jar/day", {"weekday": 4}).json() == {"weekday": 4}  # Friday
    api = api_for(alex)
    with time_machine.travel(datetime(2026, 11, 26, 12, 0, tzinfo=UTC), tick=False):  # Thursday
        assert api.get("/jar").json()["draw_open"] is False
        closed = api.post("/jar/draw")
        assert closed.status_code == 409 and "chosen day" in closed.json()["detail"]
    with time_machine.travel(datetime(2026, 11, 27, 12, 0, tzinfo=UTC), tick=False):  # Friday
        assert api.post("/jar/draw").status_code == 201


def test_a_bad_draw_day_is_named_and_a_solo_person_has_none_to_choose(api_for, checked, robin):
    alex, _sam = checked
    bad = api_for(alex).put("/jar/day", {"weekday": 9})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "weekday"
    assert api_for(robin).put("/jar/day", {"weekday": 2}).status_code == 409


def test_one_draw_a_week_and_a_retry_returns_the_same_draw(api_for, checked, sunday):
    alex, sam = checked
    api_for(sam).post("/jar/acts", {"text": "walk"})
    api_for(sam).post("/jar/acts", {"text": "note"})
    api = api_for(alex)
    key = {"Idempotency-Key": "draw-1"}
    first = api.post("/jar/draw", headers=key)
    again = api.post("/jar/draw", headers=key)
    assert first.status_code == 201 and again.json() == first.json()
    assert first.json()["act"] in {"walk", "note"}
    twice = api.post("/jar/draw")
    assert twice.status_code == 409 and "already" in twice.json()["detail"]
    assert JarDraw.objects.count() == 1


def test_done_then_noticed_by_the_receiver_only(api_for, checked, robin, sunday):
    alex, sam = checked
    api_for(sam).post("/jar/acts", {"text": "SAM-ACT-walk"})
    drawn = api_for(alex).post("/jar/draw").json()
    assert api_for(alex).get("/jar").json()["draw"]["act"] == "SAM-ACT-walk"
    # Before it is done, Sam cannot tell which act Alex drew.
    assert "SAM-ACT-walk" not in str(api_for(sam).get("/jar").json())
    sams = api_for(sam)
    assert sams.post(f"/jar/draws/{drawn['id']}/noticed").status_code == 404
    assert sams.post(f"/jar/draws/{drawn['id']}/done").status_code == 404
    done = api_for(alex).post(f"/jar/draws/{drawn['id']}/done")
    assert done.status_code == 200 and done.json()["done"] is True
    assert [row["act"] for row in sams.get("/jar").json()["done_for_me"]] == ["SAM-ACT-walk"]
    for other in (alex, robin):
        assert api_for(other).post(f"/jar/draws/{drawn['id']}/noticed").status_code == 404
    noticed = sams.post(f"/jar/draws/{drawn['id']}/noticed")
    assert noticed.status_code == 200 and noticed.json()["noticed"] is True
    assert api_for(alex).get("/jar").json()["draw"]["noticed"] is True
