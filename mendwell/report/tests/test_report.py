"""The progress report: chosen parts only, the person's own, one download per link."""

from __future__ import annotations

import io
import re
import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from pypdf import PdfReader

from conftest import PASSWORD, sudo
from mendwell.checkins.services import checkin_save, week_notes_save
from mendwell.notify.models import Notification
from mendwell.progress.tests.helpers import weekly_pulses
from mendwell.promises.services import promise_create
from mendwell.report.models import ReportLink
from mendwell.story import services as story

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def victory(user, text, day, *, private=False):
    made = story.victory_create(
        user=user, victory_id=uuid.uuid4(), text=text, happened_on=day, step=None
    )
    if private:
        made.visibility, made.couple = "private", None
        made.save()
    return made


@pytest.fixture
def lives(checked):
    """Six weeks of Alex's pulse, and shared and private items of both partners."""
    alex, sam = checked
    weekly_pulses(alex, [4, 5, 5, 6, 6, 7], start=NOW - timedelta(weeks=6))
    today = date(2026, 3, 20)
    for person, name in ((alex, "Alex"), (sam, "Sam")):
        checkin_save(
            user=person, day=today, mood=4, closeness=4, note=f"{name} shared check-in", share=True
        )
        checkin_save(
            user=person,
            day=today - timedelta(days=1),
            mood=2,
            closeness=2,
            note=f"{name} private check-in",
            share=False,
        )
        victory(person, f"{name} shared victory", today - timedelta(days=3))
        victory(person, f"{name} private victory", today - timedelta(days=4), private=True)
        week_notes_save(
            user=person,
            week_of=date(2026, 3, 16),
            texts={"went_well": f"{name} shared look-back", "try_next": f"{name} private line"},
            shares={"went_well": True, "try_next": False},
        )
    promise_create(
        user=alex,
        promise_id=uuid.uuid4(),
        text="Alex shared promise",
        due_on=None,
        due_time=None,
        recurrence="none",
        count=None,
        until=None,
    )
    return alex, sam


@pytest.fixture
def client_for(client_for):
    """Clients that confirmed the password a moment ago (sudo mode), as after signing in."""

    def make(user):
        client = client_for(user)
        return client if user is None else sudo(client, user)

    return make


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def make_link(client, parts, **extra):
    page = client.post("/report/", {"parts": parts, **extra})
    assert page.status_code == 200
    token = page.context["token"]
    assert token
    return token


def test_the_pdf_holds_exactly_what_was_chosen_and_only_the_persons_own(lives, client_for):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["pulse", "victories", "checkins"])
    page = client.get(f"/report/download/{token}/")
    assert page.status_code == 200
    assert page["Content-Type"] == "application/pdf"
    assert page["Content-Disposition"] == 'attachment; filename="mendwell-report-2026-03-20.pdf"'
    assert "no-store" in page["Cache-Control"]
    text = pdf_text(page.content)
    # Chosen: the pulse with its honest note and answers, victories on the wall, own check-in.
    assert "My weekly pulse" in text and "My answers" in text
    assert "changed" in text or "enough" in text
    assert "Alex shared victory" in text and "Sam shared victory" in text
    assert "Alex shared check-in" in text
    # Not chosen.
    assert "Alex shared look-back" not in text and "Alex shared promise" not in text
    # Never: anyone's private items, or the partner's shared check-ins.
    for never in ("private check-in", "private victory", "private line", "Sam shared check-in"):
        assert never not in text


def test_shared_lines_and_promises_when_chosen_are_the_authors_own(lives, client_for):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["week_notes", "promises"])
    text = pdf_text(client.get(f"/report/download/{token}/").content)
    assert "Alex shared look-back" in text and "Alex shared promise" in text
    assert "Sam shared look-back" not in text and "private line" not in text
    assert "My weekly pulse" not in text and "shared victory" not in text


def test_the_link_works_once_then_404_like_a_made_up_one(lives, client_for):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["victories"])
    assert client.get(f"/report/download/{token}/").status_code == 200
    again = client.get(f"/report/download/{token}/")
    made_up = client.get("/report/download/not-a-real-token/")
    assert again.status_code == made_up.status_code == 404
    # The same page, apart from the per-response CSRF token.
    assert without_csrf(again.content) == without_csrf(made_up.content)


def test_the_link_expires_after_24_hours(lives, client_for):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["victories"])
    with time_machine.travel(NOW + timedelta(hours=24, seconds=1), tick=False):
        assert client.get(f"/report/download/{token}/").status_code == 404
    assert ReportLink.objects.get().used_at is None


def test_another_persons_link_is_404_and_stays_usable_for_its_owner(lives, client_for, robin):
    alex, sam = lives
    token = make_link(client_for(alex), ["victories"])
    assert client_for(sam).get(f"/report/download/{token}/").status_code == 404
    assert client_for(robin).get(f"/report/download/{token}/").status_code == 404
    signed_out = client_for(None).get(f"/report/download/{token}/")
    assert signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]
    assert client_for(alex).get(f"/report/download/{token}/").status_code == 200


def test_only_a_hash_of_the_token_is_kept_and_it_expires_in_a_day(lives, client_for):
    alex, _sam = lives
    token = make_link(client_for(alex), ["pulse"], start="2026-01-01", end="2026-03-20")
    link = ReportLink.objects.get()
    assert token not in link.token_hash and len(link.token_hash) == 64
    assert link.expires_at == NOW + timedelta(hours=24)
    assert link.choices == {"parts": ["pulse"], "start": "2026-01-01", "end": "2026-03-20"}


def test_no_email_and_no_notification_for_anyone(lives, client_for):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["pulse", "victories", "checkins", "week_notes", "promises"])
    assert client.get(f"/report/download/{token}/").status_code == 200
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_without_a_recent_password_the_report_asks_for_it_and_makes_nothing(lives, client):
    """Sudo mode: the POST goes to "confirm it's you"; no link is made yet."""
    alex, _sam = lives
    client.force_login(alex)
    page = client.post("/report/", {"parts": ["victories"]})
    assert page.status_code == 302
    assert page["Location"] == "/accounts/reauthenticate/?next=%2Freport%2F"
    assert not ReportLink.objects.exists()


def test_a_wrong_password_on_the_confirm_page_makes_nothing(lives, client):
    alex, _sam = lives
    client.force_login(alex)
    client.post("/report/", {"parts": ["victories"]})
    page = client.post("/accounts/reauthenticate/?next=/report/", {"password": "nope"})
    assert page.status_code == 200
    assert not ReportLink.objects.exists()


def test_the_right_password_on_the_confirm_page_makes_the_chosen_report(lives, client):
    alex, _sam = lives
    client.force_login(alex)
    client.post("/report/", {"parts": ["victories"]})
    page = client.post("/accounts/reauthenticate/?next=/report/", {"password": PASSWORD})
    assert page.status_code == 200
    assert page.context["token"]
    assert ReportLink.objects.get().choices["parts"] == ["victories"]


def test_choosing_nothing_is_a_field_error(lives, client_for):
    alex, _sam = lives
    page = client_for(alex).post("/report/", {})
    assert page.context["form"].errors["parts"] == ["Choose at least one thing to include."]
    assert not ReportLink.objects.exists()


def test_dates_in_the_wrong_order_are_an_error_on_the_end_date(lives, client_for):
    alex, _sam = lives
    page = client_for(alex).post(
        "/report/",
        {"parts": ["pulse"], "start": "2026-03-01", "end": "2026-02-01"},
    )
    assert page.context["form"].errors["end"] == ["The end date is before the start date."]
    assert not ReportLink.objects.exists()


def test_without_the_pdf_libraries_a_calm_message_and_the_link_is_not_used(
    lives, client_for, monkeypatch
):
    alex, _sam = lives
    client = client_for(alex)
    token = make_link(client, ["victories"])

    def missing(*args, **kwargs):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr("mendwell.report.pdf.as_pdf", missing)
    page = client.get(f"/report/download/{token}/", follow=True)
    assert page.status_code == 200
    assert "made on this server right now" in page.content.decode()
    assert ReportLink.objects.get().used_at is None
    monkeypatch.undo()
    assert client.get(f"/report/download/{token}/").status_code == 200


def test_the_default_dates_are_the_last_12_weeks(lives, client_for):
    alex, _sam = lives
    make_link(client_for(alex), ["victories"])
    assert ReportLink.objects.get().choices["start"] == "2025-12-26"


def test_a_counsellor_account_has_no_report_page(lives, make_user, client_for):
    # Counsellors read only through /counsellor/; the report is a client's own tool.
    from mendwell.counsel.tests.factories import counsellor_for

    alex, _sam = lives
    dana = make_user("dana@example.com", "Dana")
    counsellor_for(alex, dana)
    dana_client = client_for(dana)
    assert dana_client.get("/report/").status_code == 404
    assert (
        dana_client.post("/report/", {"parts": ["pulse"], "password": PASSWORD}).status_code == 404
    )
    assert not ReportLink.objects.exists()
