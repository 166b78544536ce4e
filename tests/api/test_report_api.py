"""The report link over the API: sudo first, a single-use link shown once, the PDF
once for its maker only, and nothing made when a field is wrong."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from pypdf import PdfReader

from conftest import PASSWORD
from mendwell.progress.tests.helpers import weekly_pulses
from mendwell.report.models import ReportLink

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def make(api, **body):
    return api.post("/report", {"parts": ["pulse"], "password": PASSWORD, **body})


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver/api/v1")


def test_the_choices_list_every_part_and_the_default_dates(api_for, alex):
    body = api_for(alex).get("/report").json()
    assert [part["value"] for part in body["parts"]] == [
        "pulse",
        "victories",
        "checkins",
        "week_notes",
        "promises",
    ]
    assert body["default_start"] == "2025-12-26" and body["default_end"] == "2026-03-20"


def test_without_the_password_no_link_is_made(api_for, alex):
    api = api_for(alex)
    missing = api.post("/report", {"parts": ["pulse"]})
    assert missing.status_code == 403
    assert [e["field"] for e in missing.json()["errors"]] == ["password"]
    wrong = make(api, password="not it")
    assert wrong.status_code == 403
    assert not ReportLink.objects.exists()


def test_the_link_gives_the_pdf_once_then_404_like_a_made_up_one(api_for, alex):
    weekly_pulses(alex, [4, 5, 6], start=NOW - timedelta(weeks=3))
    api = api_for(alex)
    made = make(api)
    assert made.status_code == 201
    link = made.json()
    assert link["expires_at"].startswith("2026-03-21T12:00:00")
    assert ReportLink.objects.get().choices["parts"] == ["pulse"]
    pdf = api.get(path_of(link["download_url"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "no-store" in pdf["Cache-Control"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "My weekly pulse" in text
    again = api.get(path_of(link["download_url"]))
    made_up = api.get("/report/download/not-a-real-token")
    assert again.status_code == made_up.status_code == 404
    assert again.json() == made_up.json()


def test_someone_elses_link_is_404_and_stays_usable_for_its_owner(api_for, checked, robin):
    alex, sam = checked
    url = path_of(make(api_for(alex), parts=["victories"]).json()["download_url"])
    assert api_for(sam).get(url).status_code == 404
    assert api_for(robin).get(url).status_code == 404
    assert api_for(alex).get(url).status_code == 200


def test_choosing_nothing_or_dates_in_the_wrong_order_names_the_field(api_for, alex):
    api = api_for(alex)
    nothing = make(api, parts=[])
    assert nothing.json()["errors"] == [
        {"field": "parts", "message": "Choose at least one thing to include."}
    ]
    backwards = make(api, start="2026-03-01", end="2026-02-01")
    assert backwards.status_code == 422
    assert [e["field"] for e in backwards.json()["errors"]] == ["end"]
    assert make(api, parts=["everything"]).status_code == 422
    assert not ReportLink.objects.exists()


def test_without_the_pdf_libraries_a_calm_503_and_the_link_stays_unused(api_for, alex, monkeypatch):
    api = api_for(alex)
    url = path_of(make(api, parts=["victories"]).json()["download_url"])

    def missing(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("mendwell.report.pdf.as_pdf", missing)
    refused = api.get(url)
    assert refused.status_code == 503
    assert "made on this server right now" in refused.json()["detail"]
    assert ReportLink.objects.get().used_at is None
    monkeypatch.undo()
    assert api.get(url).status_code == 200


def test_a_retried_request_with_the_same_key_makes_one_link(api_for, alex):
    api = api_for(alex)
    key = {"Idempotency-Key": "report-1"}
    first = api.post("/report", {"parts": ["pulse"], "password": PASSWORD}, headers=key)
    replay = api.post("/report", {"parts": ["pulse"], "password": PASSWORD}, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert ReportLink.objects.count() == 1
