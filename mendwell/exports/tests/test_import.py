"""Import my export: round trip, once only, and a clear refusal of a bad file (TS52)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import sudo
from mendwell.checkins.models import CheckIn
from mendwell.couples.access import content_models
from mendwell.exports import bundle, importer
from mendwell.exports.records import ME, NOT_IMPORTED
from mendwell.exports.tests.helpers import (
    document_of,
    draw,
    send_acknowledgement,
    write_everything,
    zip_of,
)
from mendwell.exports.tests.schema_check import errors
from mendwell.jar.models import JarAct

pytestmark = pytest.mark.django_db

IMPORT = "/export/import/"
SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "mendwell-export.schema.json"
A, B = "ALEXMARK", "SAMMARK"


def export_of(user, *, include_shared=False):
    import uuid

    return document_of(
        bundle.build_zip(user=user, export_id=uuid.uuid4(), include_shared=include_shared)
    )


def all_rows_of(user) -> int:
    return sum(model.objects.authored_by(user).count() for model in content_models())


# What docs/EXPORT_FORMAT.md says may differ after an import into a fresh account.
ACCOUNT_SPECIFIC = ("export_id", "exported_at", "account", "include_shared", "shared_with_me")


def comparable(document):
    """The document with the account-specific parts set aside, as the format describes."""
    document = copy.deepcopy(document)
    for key in ACCOUNT_SPECIFIC:
        document.pop(key)
    own_ids = {item["id"] for item in document["items"]}
    own_ids |= {
        child["id"]
        for item in document["items"]
        for rows in item.get("children", {}).values()
        for child in rows
    }
    kept = []
    for item in document["items"]:
        refs = [
            value
            for name, value in item["fields"].items()
            if name in {"thread", "sent", "conversation", "plan", "act", "replaces"} and value
        ]
        if item["kind"] in NOT_IMPORTED or any(ref not in own_ids for ref in refs):
            continue  # left out on import: it answers or points at the partner's item
        item["visibility"] = "private"
        for name, value in item["fields"].items():
            if value == "someone_else":
                item["fields"][name] = None
        if "shared_answers" in item["fields"]:
            item["fields"]["shared_answers"] = {}
        kept.append(item)
    document["items"] = kept
    return document


def test_the_export_validates_against_its_published_schema(checked):
    """TS52: the JSON matches mendwell-export.schema.json, shared items included."""
    alex, sam = checked
    write_everything(alex, A)
    write_everything(sam, B)
    schema = json.loads(SCHEMA.read_text())
    document = export_of(alex, include_shared=True)
    assert document["shared_with_me"]
    assert errors(document, schema, schema) == []
    broken = copy.deepcopy(document)
    broken["items"][0]["visibility"] = "everyone"
    assert errors(broken, schema, schema)  # the checker does catch a wrong value


def test_a_round_trip_into_a_fresh_account_gives_the_same_export(checked, make_user):
    """TS52: build every kind, export, import into a fresh account, export again: equal."""
    alex, sam = checked
    write_everything(alex, A)
    write_everything(sam, B)
    send_acknowledgement(sam, alex, B)  # Alex's answer to Sam: stays behind on import
    draw(alex, JarAct.objects.get(author=sam))  # Alex drew Sam's act: stays behind too
    first = export_of(alex, include_shared=True)
    assert len({item["kind"] for item in first["items"]}) >= 20
    alex.delete()  # moving on: the original ids are free again

    fresh = make_user("fresh@example.com", "Fresh")
    outcome = importer.import_document(user=fresh, document=first)
    assert outcome.skipped == {
        "affection.affectionprofile": 1,
        "affection.touchchallenge": 1,
        "jar.jardraw": 1,
        "journal.acknowledgementresponse": 1,
    }
    second = export_of(fresh)
    assert comparable(second) == comparable(first)
    # Everything came back private, and nothing of Sam's came along.
    assert all(item["visibility"] == "private" for item in second["items"])
    assert B not in json.dumps(second)
    assert any(f"{A} turn" == item["fields"].get("text") for item in second["items"])


def test_importing_beside_the_original_makes_new_ids(checked, make_user):
    """Ids taken by the original account are not reused; the content is the same."""
    alex, _sam = checked
    write_everything(alex, A)
    first = export_of(alex)
    fresh = make_user("fresh@example.com", "Fresh")
    importer.import_document(user=fresh, document=first)
    second = export_of(fresh)
    assert {i["id"] for i in second["items"]}.isdisjoint({i["id"] for i in first["items"]})
    texts = sorted(i["fields"].get("text") or "" for i in second["items"])
    assert texts == sorted(i["fields"].get("text") or "" for i in comparable(first)["items"])
    turn = next(i for i in second["items"] if i["kind"] == "conversations.turn")
    conversation = next(i for i in second["items"] if i["kind"] == "conversations.conversation")
    assert turn["fields"]["conversation"] == conversation["id"]
    assert turn["fields"]["entered_by"] == ME


def test_the_same_file_twice_adds_nothing(robin):
    write_everything(robin, A)
    document = export_of(robin)
    before = all_rows_of(robin)
    outcome = importer.import_document(user=robin, document=document)
    assert outcome.added == 0 and outcome.already_there > 0
    again = importer.import_document(user=robin, document=document)
    assert again.already_imported
    assert all_rows_of(robin) == before


def _upload(client, data: bytes, name="export.zip"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_importing_needs_the_password_entered_just_now(client_for, robin):
    response = client_for(robin).get(IMPORT)
    assert response.status_code == 302 and "/reauthenticate/" in response["Location"]


def test_the_import_page_brings_items_back_and_says_how_many(client_for, make_user, robin):
    write_everything(robin, A)
    data = bundle.build_zip(user=robin, export_id=__import__("uuid").uuid4(), include_shared=False)
    fresh = make_user("fresh@example.com", "Fresh")
    client = sudo(client_for(fresh), fresh)
    page = _upload(client, data).content.decode()
    assert "items were added to your account, private to you" in page
    assert CheckIn.objects.filter(author=fresh).count() == 2
    assert "already imported" in _upload(client, data).content.decode()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.update(version=2), "version: the file was made by a newer Mendwell"),
        (lambda d: d.update(format="other"), "format: this is not a Mendwell export"),
        (
            lambda d: d["items"][d["_checkin"]]["fields"].update(mood="high"),
            "].fields.mood: must be a whole number",
        ),
        (
            lambda d: d["items"][d["_checkin"]]["fields"].update(day="yesterday"),
            "].fields.day: must be a date (YYYY-MM-DD)",
        ),
        (lambda d: d["items"][0].update(kind="nope.nothing"), "items[0].kind: is not a kind"),
        (
            lambda d: d["items"][d["_checkin"]]["fields"].update(mood=True),
            "].fields.mood: must be a whole number",
        ),
        (
            lambda d: next(i for i in d["items"] if i["kind"] == "dates.dateplan")["fields"].update(
                time_zone="Mars/Olympus"
            ),
            "].fields.time_zone: is not a time zone",
        ),
        (
            lambda d: next(i for i in d["items"] if i["kind"] == "progress.pulseresponse")[
                "fields"
            ].update(answers={"close": "lots"}),
            "].fields.answers: must be an object of whole numbers",
        ),
        (lambda d: d.update(items="none"), "items: must be a list"),
        (
            lambda d: d["settings"]["reminders"][0].update(at="late"),
            "settings.reminders[0].at: must be a time",
        ),
    ],
)
def test_a_bad_file_is_refused_by_name_and_changes_nothing(
    client_for, make_user, robin, change, named
):
    write_everything(robin, A)
    document = export_of(robin)
    document["_checkin"] = next(
        i for i, item in enumerate(document["items"]) if item["kind"] == "checkins.checkin"
    )
    change(document)
    document.pop("_checkin")
    fresh = make_user("fresh@example.com", "Fresh")
    client = sudo(client_for(fresh), fresh)
    page = _upload(client, zip_of(document)).content.decode()
    assert named in page.replace("&#x27;", "'"), named
    assert all_rows_of(fresh) == 0


def test_a_file_that_is_not_an_export_zip_is_refused(client_for, robin):
    client = sudo(client_for(robin), robin)
    assert "not a zip file" in _upload(client, b"hello").content.decode()
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "x")
    assert "has no mendwell-export.json" in _upload(client, buffer.getvalue()).content.decode()
    big = b"0" * (importer.MAX_UPLOAD_BYTES + 1)
    assert "larger than 10 MB" in _upload(client, big).content.decode()
    deep = "[" * 100_000 + "]" * 100_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mendwell-export.json", deep)
    assert "it is not valid JSON" in _upload(client, buffer.getvalue()).content.decode()


PAGES = (
    "/", "/log/", "/log/acknowledgements/", "/questions/", "/talk/", "/loved/",
    "/loved/ratings/history/", "/promises/", "/affection/", "/check-in/", "/check-in/history/",
    "/check-in/week/", "/thinking-of-you/", "/jar/", "/dates/", "/reminders/", "/progress/",
    "/story/", "/story/timeline/",
)  # fmt: skip


def test_imported_items_open_on_their_pages_for_a_person_alone(checked, make_user, client_for):
    """After an import the step pages and each imported item's page work (no server error)."""
    from mendwell.conversations.models import Conversation
    from mendwell.promises.models import Promise
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    alex, _sam = checked
    write_everything(alex, A)
    document = export_of(alex)
    fresh = make_user("fresh@example.com", "Fresh")
    safety_check_submit(user=fresh, answers=dict.fromkeys(ITEM_KEYS, "no"))
    importer.import_document(user=fresh, document=document)
    client = client_for(fresh)
    talk = Conversation.objects.get(author=fresh)
    promise = Promise.objects.filter(author=fresh, replaces__isnull=True).get()
    for path in PAGES:
        assert client.get(path).status_code in {200, 302}, path
    for path in (f"/talk/{talk.pk}/", f"/promises/{promise.pk}/"):
        assert client.get(path).status_code == 200, path
    assert f"{A} promise" in client.get(f"/promises/{promise.pk}/").content.decode()
