"""The private log over the API: the same rules as the web pages (only the
writer ever reads an entry, edits never overwrite a newer save), reached with
an app token."""

from __future__ import annotations

from typing import get_args

import pytest

from mendwell.api.routes.journal import Tag
from mendwell.journal.models import TAGS, LogEntry

pytestmark = pytest.mark.django_db

ENTRY = {
    "what_happened": "I missed the school play",
    "happened_on": "2026-01-10",
    "impact": "Left alone in the audience",
    "tags": ["time", "promises"],
}


def test_the_api_tags_are_the_logs_tags(api_for, alex):
    assert set(get_args(Tag)) == set(TAGS)
    listed = api_for(alex).get("/log/tags").json()
    assert [tag["key"] for tag in listed] == list(TAGS)


def test_an_entry_is_written_read_rewritten_and_deleted(api_for, alex):
    api = api_for(alex)
    created = api.post("/log", ENTRY)
    assert created.status_code == 201
    entry = created.json()["entry"]
    assert entry["what_happened"] == "I missed the school play"
    assert entry["tags"] == ["promises", "time"]
    assert created.json()["support"] is None

    read = api.get(f"/log/{entry['id']}")
    assert read.json()["happened_on"] == "2026-01-10"
    etag = read["ETag"]

    edited = api.put(
        f"/log/{entry['id']}", {**ENTRY, "differently": "Ask for the day off"}, {"If-Match": etag}
    )
    assert edited.status_code == 200
    assert edited.json()["entry"]["differently"] == "Ask for the day off"
    assert edited["ETag"] != etag
    assert api.get(f"/log/{entry['id']}")["ETag"] == edited["ETag"]

    assert api.delete(f"/log/{entry['id']}").json() == {"deleted": True}
    assert api.get(f"/log/{entry['id']}").status_code == 404
    assert not LogEntry.objects.exists()


def test_a_future_date_is_refused_naming_the_field_and_saves_nothing(api_for, alex):
    response = api_for(alex).post("/log", {**ENTRY, "happened_on": "2999-01-01"})
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["happened_on"]
    assert not LogEntry.objects.exists()


def test_an_unknown_tag_or_a_server_field_is_refused(api_for, alex):
    api = api_for(alex)
    assert api.post("/log", {**ENTRY, "tags": ["money"]}).status_code == 422
    refused = api.post("/log", {**ENTRY, "visibility": "shared"})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "visibility"
    assert not LogEntry.objects.exists()


def test_an_empty_entry_is_refused_with_the_web_message(api_for, alex):
    response = api_for(alex).post("/log", {**ENTRY, "what_happened": ""})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "what_happened", "message": "Please write a few words here."}
    ]


def test_the_partner_and_a_stranger_meet_the_same_404_as_a_made_up_id(api_for, alex, sam, robin):
    entry = api_for(alex).post("/log", ENTRY).json()["entry"]
    made_up = api_for(alex).get("/log/00000000-0000-4000-8000-000000000000")
    for other in (sam, robin):
        api = api_for(other)
        read = api.get(f"/log/{entry['id']}")
        assert (read.status_code, read.json()) == (made_up.status_code, made_up.json())
        assert api.put(f"/log/{entry['id']}", ENTRY, {"If-Match": '"v1"'}).status_code == 404
        assert api.delete(f"/log/{entry['id']}").status_code == 404
        assert api.get("/log").json()["results"] == []
    assert LogEntry.objects.get().what_happened == ENTRY["what_happened"]


def test_an_edit_without_if_match_is_refused_and_a_stale_one_keeps_the_newer_text(api_for, alex):
    api = api_for(alex)
    entry = api.post("/log", ENTRY).json()["entry"]
    path = f"/log/{entry['id']}"
    missing = api.put(path, {**ENTRY, "what_happened": "no header"})
    assert missing.status_code == 428
    first = api.put(path, {**ENTRY, "what_happened": "newer"}, {"If-Match": '"v1"'})
    assert first.status_code == 200
    stale = api.put(path, {**ENTRY, "what_happened": "older tab"}, {"If-Match": '"v1"'})
    assert stale.status_code == 412
    assert stale.json()["current"]["what_happened"] == "newer"
    assert stale.json()["current_version"] == "v2"
    assert LogEntry.objects.get().what_happened == "newer"


def test_creating_with_the_same_idempotency_key_makes_one_entry(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "log-1"}
    first = api.post("/log", ENTRY, key)
    again = api.post("/log", ENTRY, key)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert LogEntry.objects.count() == 1
    other = api.post("/log", {**ENTRY, "what_happened": "something else"}, key)
    assert other.status_code == 422
    assert LogEntry.objects.count() == 1


def test_the_list_filters_by_tag_and_period(api_for, alex):
    api = api_for(alex)
    api.post("/log", ENTRY)
    api.post("/log", {"what_happened": "Forgot her birthday", "happened_on": "2025-06-01"})
    by_tag = api.get("/log?tag=promises").json()["results"]
    assert [row["what_happened"] for row in by_tag] == [ENTRY["what_happened"]]
    since = api.get("/log?since=2025-12-01").json()["results"]
    assert [row["what_happened"] for row in since] == [ENTRY["what_happened"]]
    assert api.get("/log?tag=money").status_code == 422
    assert api.get("/log?until=0").json()["errors"][0]["field"] == "until"
    assert api.post("/log", {**ENTRY, "happened_on": 0}).status_code == 422
    first = api.get("/log?page_size=1").json()
    assert len(first["results"]) == 1 and first["next"] and "count" not in first


def test_a_crisis_entry_brings_the_support_lines_to_the_writer(api_for, alex):
    body = api_for(alex).post("/log", {**ENTRY, "impact": "I want to kill myself"}).json()
    assert body["support"]["lines"]
