"""The promise ledger over the API: the same rules as step 6's pages (shared
with the partner once sharing is open, marked by the partner, renegotiated or
withdrawn by the author with If-Match), reached with an app token."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from mendwell.promises.models import Promise, PromiseOccurrence

pytestmark = pytest.mark.django_db

MADE_UP = "00000000-0000-4000-8000-000000000000"
SOON = (timezone.localdate() + timedelta(days=3)).isoformat()
PROMISE = {"text": "cook dinner on Friday", "due_on": SOON, "due_time": "19:00"}


def test_a_shared_promise_is_marked_kept_by_the_partner_with_a_kind_word(api_for, checked):
    alex, sam = checked
    alexs, sams = api_for(alex), api_for(sam)
    made = alexs.post("/promises", PROMISE)
    assert made.status_code == 201
    promise = made.json()["promise"]
    assert promise["shared"] is True and promise["mine"] is True
    assert promise["may_mark"] is False  # the partner marks a shared promise, not its author

    listed = sams.get("/promises/to-me").json()
    assert [row["text"] for row in listed["results"]] == ["cook dinner on Friday"]
    assert sams.get(f"/promises/{promise['id']}").json()["may_mark"] is True

    marked = sams.put(
        f"/promises/{promise['id']}/occurrences/1", {"mark": "kept", "kind_word": "Thank you!"}
    )
    assert marked.status_code == 200
    assert marked.json()["promise"]["status"] == "done"

    seen = alexs.get(f"/promises/{promise['id']}").json()
    occurrence = seen["occurrences"][0]
    assert (occurrence["mark"], occurrence["kind_word"]) == ("kept", "Thank you!")
    assert occurrence["marked_on"] == timezone.localdate().isoformat()
    assert "marked_at" not in occurrence  # the day, as the page shows it, not the minute


def test_the_author_of_a_shared_promise_cannot_mark_it(api_for, checked):
    alex, _sam = checked
    api = api_for(alex)
    promise = api.post("/promises", PROMISE).json()["promise"]
    response = api.put(f"/promises/{promise['id']}/occurrences/1", {"mark": "kept"})
    assert response.status_code == 404
    assert PromiseOccurrence.objects.get().mark == ""


def test_before_the_private_check_promises_stay_private_and_the_partner_sees_nothing(
    api_for, alex, sam
):
    alexs, sams = api_for(alex), api_for(sam)
    assert alexs.get("/promises/overview").json()["sharing_refusal"] == "check_needed"
    promise = alexs.post("/promises", PROMISE).json()["promise"]
    assert promise["shared"] is False
    assert promise["may_mark"] is True  # a private promise is marked by its author
    assert sams.get("/promises/to-me").json()["results"] == []
    hidden = sams.get(f"/promises/{promise['id']}")
    assert hidden.status_code == 404
    assert hidden.json() == sams.get(f"/promises/{MADE_UP}").json()


def test_marking_waits_for_the_partners_own_private_check(api_for, alex, sam):
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
    promise = api_for(alex).post("/promises", PROMISE).json()["promise"]
    sams = api_for(sam)
    assert sams.get(f"/promises/{promise['id']}").json()["mark_refusal"] == "check_needed"
    refused = sams.put(f"/promises/{promise['id']}/occurrences/1", {"mark": "kept"})
    assert refused.status_code == 409
    assert "private check" in refused.json()["detail"]
    assert PromiseOccurrence.objects.get().mark == ""


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "call", "due_time": "20:00"}, "due_on"),
        ({"text": "call", "due_on": "2001-01-01"}, "due_on"),
        ({"text": "call", "recurrence": "monthly"}, "recurrence"),
        (
            {"text": "call", "due_on": SOON, "recurrence": "daily", "repeat_count": 90},
            "repeat_count",
        ),
        ({"text": "call", "visibility": "shared"}, "visibility"),
    ],
)
def test_a_bad_promise_is_refused_naming_the_field_and_saves_nothing(api_for, alex, body, field):
    response = api_for(alex).post("/promises", body)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not Promise.objects.exists()


def test_a_retried_create_with_its_key_makes_one_promise(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "promise-1"}
    first = api.post("/promises", PROMISE, headers=key)
    again = api.post("/promises", PROMISE, headers=key)
    assert again.json() == first.json()
    other = api.post("/promises", {**PROMISE, "text": "something else"}, headers=key)
    assert other.status_code == 422
    assert Promise.objects.count() == 1


def test_a_weekly_promise_falls_due_each_week(api_for, alex):
    body = {**PROMISE, "recurrence": "weekly", "repeat_count": 3}
    promise = api_for(alex).post("/promises", body).json()["promise"]
    assert [row["seq"] for row in promise["occurrences"]] == [1, 2, 3]


def test_renegotiating_needs_if_match_and_keeps_both_in_the_history(api_for, checked):
    alex, sam = checked
    alexs = api_for(alex)
    old = alexs.post("/promises", PROMISE).json()["promise"]
    path = f"/promises/{old['id']}/renegotiate"
    better = {**PROMISE, "text": "cook dinner on Saturday"}
    assert alexs.post(path, better).status_code == 428

    etag = alexs.get(f"/promises/{old['id']}")["ETag"]
    made = alexs.post(path, better, headers={"If-Match": etag})
    assert made.status_code == 201
    new = made.json()["promise"]
    assert new["replaces"] == old["id"]
    assert [item["status"] for item in new["history"]] == ["renegotiated", "active"]

    # The old version is stale now: a second client holding it changes nothing.
    stale = alexs.post(path, {**PROMISE, "text": "never mind"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.json()["current"]["status"] == "renegotiated"
    assert sorted(Promise.objects.values_list("text", flat=True)) == [
        "cook dinner on Friday",
        "cook dinner on Saturday",
    ]
    assert api_for(sam).get(f"/promises/{old['id']}").json()["replaced_by"] == new["id"]


def test_withdrawing_needs_a_note_and_the_partner_reads_it(api_for, checked):
    alex, sam = checked
    alexs = api_for(alex)
    promise = alexs.post("/promises", PROMISE).json()["promise"]
    path = f"/promises/{promise['id']}/withdraw"
    read = alexs.get(f"/promises/{promise['id']}")
    empty = alexs.post(path, {"note": ""}, headers={"If-Match": read["ETag"]})
    assert [error["field"] for error in empty.json()["errors"]] == ["note"]

    done = alexs.post(path, {"note": "work moved Friday"}, headers={"If-Match": read["ETag"]})
    assert done.status_code == 200
    assert done["ETag"] != read["ETag"]
    seen = api_for(sam).get(f"/promises/{promise['id']}").json()
    assert (seen["status"], seen["withdraw_note"]) == ("withdrawn", "work moved Friday")
    # Sent twice (a retry): one withdrawal, with the first note.
    again = alexs.post(path, {"note": "again"}, headers={"If-Match": done["ETag"]})
    assert again.json()["promise"]["withdraw_note"] == "work moved Friday"
    renegotiate = alexs.post(
        f"/promises/{promise['id']}/renegotiate", PROMISE, headers={"If-Match": again["ETag"]}
    )
    assert renegotiate.status_code == 409
    assert "no longer open" in renegotiate.json()["detail"]


def test_the_partner_and_a_stranger_cannot_change_or_delete_a_promise(api_for, checked, robin):
    alex, sam = checked
    promise = api_for(alex).post("/promises", PROMISE).json()["promise"]
    etag = api_for(alex).get(f"/promises/{promise['id']}")["ETag"]
    missing = api_for(robin).get(f"/promises/{MADE_UP}").json()
    for other in (sam, robin):
        api = api_for(other)
        for response in (
            api.delete(f"/promises/{promise['id']}"),
            api.post(f"/promises/{promise['id']}/withdraw", {"note": "x"}, {"If-Match": etag}),
            api.post(f"/promises/{promise['id']}/renegotiate", PROMISE, {"If-Match": etag}),
        ):
            assert response.status_code == 404
            assert response.json() == missing
    assert api_for(robin).get(f"/promises/{promise['id']}").status_code == 404
    assert Promise.objects.get().status == "active"


def test_the_author_deletes_a_promise_for_both(api_for, checked):
    alex, sam = checked
    promise = api_for(alex).post("/promises", PROMISE).json()["promise"]
    assert api_for(alex).delete(f"/promises/{promise['id']}").json() == {"deleted": True}
    assert api_for(sam).get(f"/promises/{promise['id']}").status_code == 404
    assert not Promise.objects.exists()


def test_a_crisis_kind_word_brings_the_support_lines_to_the_writer(api_for, checked):
    alex, sam = checked
    promise = api_for(alex).post("/promises", PROMISE).json()["promise"]
    body = api_for(sam).put(
        f"/promises/{promise['id']}/occurrences/1",
        {"mark": "not_yet", "kind_word": "I want to kill myself"},
    )
    assert body.json()["support"]["lines"]


def test_wording_hints_come_only_when_switched_on(api_for, alex):
    draft = {"text": "You always forget, so I will stop nagging you"}
    assert api_for(alex).post("/promises/hints", draft).json()["hints"] == []
    alex.coach_enabled = True
    alex.save()
    hints = api_for(alex).post("/promises/hints", draft).json()["hints"]
    assert hints and hints[0]["words"]


def test_the_overview_shows_both_partners_the_same_way(api_for, checked):
    alex, _sam = checked
    body = api_for(alex).get("/promises/overview").json()
    assert body["sharing_refusal"] is None
    assert [(row["who"], row["name"]) for row in body["follow_through"]] == [
        ("me", "You"),
        ("partner", "Sam"),
    ]
    assert [window["days"] for window in body["follow_through"][0]["windows"]] == [28, 84]


def test_my_list_pages_newest_first(api_for, alex):
    api = api_for(alex)
    for text in ("first", "second", "third"):
        api.post("/promises", {"text": text})
    page = api.get("/promises?page_size=2").json()
    assert [row["text"] for row in page["results"]] == ["third", "second"]
    assert page["next"]
