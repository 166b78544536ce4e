"""Small victories, milestones and our story over the API: the same wall, rules and
words as the story pages, with If-Match on edits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from mendwell.story.models import Victory
from mendwell.story.tests import events

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(minutes=5)
MOMENT = {"text": "We laughed over burnt toast", "happened_on": "2026-03-18", "step": 8}
MADE_UP = "00000000-0000-4000-8000-000000000000"


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def post(api, body=MOMENT, **kw):
    return api.post("/story/victories", body, **kw)


def test_a_victory_posted_once_together_is_open_reaches_the_partners_wall(api_for, checked):
    alex, sam = checked
    assert api_for(alex).get("/story").json()["new_victories_shared"] is True
    saved = post(api_for(alex))
    assert saved.status_code == 201
    victory = saved.json()["victory"]
    assert victory["shared"] is True and victory["mine"] is True and victory["by"] == "you"
    wall = api_for(sam).get("/story/victories").json()["results"]
    assert [(row["text"], row["mine"], row["by"]) for row in wall] == [
        (MOMENT["text"], False, "Alex")
    ]


def test_before_the_private_check_a_victory_is_kept_for_its_writer(api_for, alex, sam):
    assert api_for(alex).get("/story").json()["new_victories_shared"] is False
    victory = post(api_for(alex)).json()["victory"]
    assert victory["shared"] is False
    assert api_for(sam).get("/story/victories").json()["results"] == []
    assert api_for(sam).get(f"/story/victories/{victory['id']}").status_code == 404


def test_the_day_defaults_to_today_and_a_future_day_is_refused(api_for, alex):
    api = api_for(alex)
    made = post(api, {"text": "a hug"}).json()["victory"]
    assert made["happened_on"] == "2026-03-20" and made["step"] is None
    refused = post(api, {**MOMENT, "happened_on": "2026-03-21"})
    assert refused.status_code == 422
    assert [e["field"] for e in refused.json()["errors"]] == ["happened_on"]
    assert Victory.objects.count() == 1


def test_bad_fields_are_named_and_nothing_is_saved(api_for, alex):
    response = post(api_for(alex), {**MOMENT, "text": "   ", "step": 11})
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors == {
        "text": "Please write a few words about the moment.",
        "step": "Please choose one of the ten steps, or none.",
    }
    assert post(api_for(alex), {**MOMENT, "visibility": "shared"}).status_code == 422
    assert not Victory.objects.exists()


def test_a_retried_post_with_the_same_key_makes_one_victory(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "v-1"}
    first, replay = post(api, headers=key), post(api, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert post(api, {**MOMENT, "text": "other"}, headers=key).status_code == 422
    assert Victory.objects.count() == 1


def test_editing_needs_the_current_version_and_moves_the_etag(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    victory_id = post(api).json()["victory"]["id"]
    read = api.get(f"/story/victories/{victory_id}")
    etag = read["ETag"]
    changed = {**MOMENT, "text": "We laughed, then made more toast"}
    assert api.put(f"/story/victories/{victory_id}", changed).status_code == 428
    # The version is the save's moment: let the frozen clock move on first.
    with time_machine.travel(LATER, tick=False):
        saved = api.put(f"/story/victories/{victory_id}", changed, headers={"If-Match": etag})
    assert saved.status_code == 200
    assert saved.json()["victory"]["text"] == changed["text"]
    assert saved.json()["victory"]["shared"] is True  # where it is shared stays as it was
    assert saved["ETag"] != etag
    assert api.get(f"/story/victories/{victory_id}")["ETag"] == saved["ETag"]
    stale = api.put(
        f"/story/victories/{victory_id}", {**MOMENT, "text": "lost?"}, headers={"If-Match": etag}
    )
    assert stale.status_code == 412
    assert stale.json()["current"]["text"] == changed["text"]
    assert Victory.objects.get().text == changed["text"]


def test_the_partner_can_read_a_shared_victory_but_not_change_or_delete_it(api_for, checked, robin):
    alex, sam = checked
    victory_id = post(api_for(alex)).json()["victory"]["id"]
    sams = api_for(sam)
    assert sams.get(f"/story/victories/{victory_id}").json()["by"] == "Alex"
    made_up = sams.delete(f"/story/victories/{MADE_UP}")
    for api in (sams, api_for(robin)):
        refused = api.delete(f"/story/victories/{victory_id}")
        assert refused.status_code == 404 and refused.json() == made_up.json()
        edit = api.put(f"/story/victories/{victory_id}", MOMENT, headers={"If-Match": '"x"'})
        assert edit.status_code == 404
    assert api_for(robin).get(f"/story/victories/{victory_id}").status_code == 404
    assert api_for(alex).delete(f"/story/victories/{victory_id}").json() == {"deleted": True}
    assert not Victory.objects.exists()


def test_a_crisis_in_the_words_brings_the_support_lines_to_the_writer(api_for, alex):
    body = post(api_for(alex), {**MOMENT, "text": "I want to kill myself"}).json()
    assert body["support"]["lines"]


def test_milestones_are_the_owners_alone_and_the_timeline_tells_the_story(api_for, checked):
    alex, sam = checked
    events.acknowledgement_sent(alex)
    post(api_for(alex))
    mine = api_for(alex).get("/story/milestones").json()
    assert [m["kind"] for m in mine] == ["first_acknowledgement"]
    assert mine[0]["title"] == "You sent your first acknowledgement"
    assert api_for(sam).get("/story/milestones").json() == []
    story = api_for(alex).get("/story/timeline").json()
    assert [m["kind"] for m in story] == ["victory", "milestone"]
    sams_story = api_for(sam).get("/story/timeline").json()
    assert [(m["kind"], m["by"]) for m in sams_story] == [("victory", "Alex")]


def test_the_story_downloads_as_markdown(api_for, alex):
    post(api_for(alex))
    response = api_for(alex).get("/story/timeline.md")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/markdown")
    assert "no-store" in response["Cache-Control"]
    assert "We laughed over burnt toast" in response.content.decode()
