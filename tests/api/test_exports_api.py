"""One's own export over the API: sudo to ask, a single-use link shown once, the zip
once for its owner only, and the import back (sudo), once per file."""

from __future__ import annotations

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import PASSWORD
from mendwell.checkins.models import CheckIn
from mendwell.exports import bundle, services
from mendwell.exports.models import ExportJob
from mendwell.exports.tests.helpers import document_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver/api/v1")


def ask(api, **body):
    return api.post("/export", {"password": PASSWORD, **body})


def build(user) -> None:
    job = ExportJob.objects.get(owner=user, status="pending")
    assert services.export_build(job_id=job.pk) == "ready"


def note_for(user, text="a quiet walk"):
    from datetime import date

    return CheckIn.objects.create(author=user, day=date(2026, 3, 1), mood=3, closeness=3, note=text)


def test_without_the_password_no_export_is_made(api_for, alex):
    refused = api_for(alex).post("/export", {})
    assert refused.status_code == 403
    assert [e["field"] for e in refused.json()["errors"]] == ["password"]
    assert not ExportJob.objects.exists()


def test_the_export_is_made_then_downloads_once(api_for, alex):
    note_for(alex)
    api = api_for(alex)
    made = ask(api)
    assert made.status_code == 201
    body = made.json()
    assert body["job"]["status"] == "pending" and body["job"]["downloadable"] is False
    url = path_of(body["link"]["download_url"])
    assert api.get(url).status_code == 404  # not ready yet, and nothing is used up
    build(alex)
    assert api.get("/export").json()["job"]["downloadable"] is True
    first = api.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/zip"
    assert "no-store" in first["Cache-Control"]
    assert "a quiet walk" in str(document_of(first.content))
    again, made_up = api.get(url), api.get("/export/download/made-up")
    assert again.status_code == made_up.status_code == 404
    assert again.json() == made_up.json()
    assert api.get("/export").json()["job"]["used_at"] is not None


def test_asking_again_while_one_is_being_made_makes_no_second(api_for, alex):
    api = api_for(alex)
    ask(api)
    again = ask(api)
    assert again.status_code == 200
    assert again.json()["link"] is None
    assert ExportJob.objects.filter(owner=alex).count() == 1


def test_a_retried_request_with_the_same_key_answers_the_same(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "export-1"}
    first = api.post("/export", {"password": PASSWORD}, headers=key)
    replay = api.post("/export", {"password": PASSWORD}, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    other = api.post("/export", {"password": PASSWORD, "include_shared": True}, headers=key)
    assert other.status_code == 422
    assert ExportJob.objects.count() == 1


def test_someone_elses_link_is_404_and_stays_usable_for_its_owner(api_for, checked, robin):
    alex, sam = checked
    url = path_of(ask(api_for(alex)).json()["link"]["download_url"])
    build(alex)
    assert api_for(sam).get(url).status_code == 404
    assert api_for(robin).get(url).status_code == 404
    assert api_for(alex).get(url).status_code == 200


def test_a_fresh_link_replaces_the_first_once_ready(api_for, alex):
    api = api_for(alex)
    old = path_of(ask(api).json()["link"]["download_url"])
    early = api.post("/export/link", {"password": PASSWORD})
    assert early.status_code == 409
    build(alex)
    fresh = api.post("/export/link", {"password": PASSWORD})
    assert fresh.status_code == 200
    assert api.get(old).status_code == 404
    assert api.get(path_of(fresh.json()["download_url"])).status_code == 200


def upload(api, data: bytes, password: str | None = PASSWORD):
    fields: dict[str, object] = {
        "file": SimpleUploadedFile("export.zip", data, content_type="application/zip")
    }
    if password is not None:
        fields["password"] = password
    return api.client.post("/api/v1/export/import", fields)


def test_importing_my_export_adds_my_items_privately_and_only_once(api_for, alex, make_user):
    note_for(alex, "brought back")
    data = bundle.build_zip(user=alex, export_id=uuid.uuid4(), include_shared=False)
    fresh = make_user("fresh@example.com", "Fresh")
    api = api_for(fresh)
    assert upload(api, data, password=None).status_code == 403
    assert not CheckIn.objects.filter(author=fresh).exists()
    first = upload(api, data)
    assert first.status_code == 201 and first.json()["added"] >= 1
    assert CheckIn.objects.get(author=fresh).visibility == "private"
    again = upload(api, data)
    assert again.status_code == 200
    assert again.json()["already_imported"] is True
    assert CheckIn.objects.filter(author=fresh).count() == 1


def test_a_file_that_is_not_an_export_is_refused_naming_the_field(api_for, alex):
    refused = upload(api_for(alex), b"not a zip")
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"field": "file", "message": "This is not a zip file Mendwell can open."}
    ]
