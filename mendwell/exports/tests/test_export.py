"""Export everything I wrote: who gets what, the one-time link, the job's life (TS50–TS53)."""

from __future__ import annotations

import logging
import os
import re
import stat
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import sudo
from mendwell.exports import bundle, services, storage
from mendwell.exports.models import ExportJob
from mendwell.exports.tests.conftest import HOME, download
from mendwell.exports.tests.helpers import (
    document_of,
    open_zip,
    send_acknowledgement,
    write_everything,
)
from mendwell.notify.models import Notification

pytestmark = pytest.mark.django_db

A, B = "ALEXMARK", "SAMMARK"


def _texts(document: dict) -> str:
    import json

    return json.dumps(document, ensure_ascii=False)


def test_asking_without_recent_password_goes_to_reauthentication(client_for, alex):
    """TS50: the export page and the request itself need the password entered just now."""
    client = client_for(alex)
    page = client.get(HOME)
    assert page.status_code == 302 and "/reauthenticate/" in page["Location"]
    posted = client.post(HOME, {})
    assert posted.status_code == 302 and "/reauthenticate/" in posted["Location"]
    assert not ExportJob.objects.exists()


def test_the_export_holds_all_of_alex_and_none_of_sams_private_words(checked, export_for):
    """TS50: A's private and shared items all; none of B's; B's shared ones only on request."""
    alex, sam = checked
    write_everything(alex, A)
    write_everything(sam, B)
    client, job, url = export_for(alex)
    document = document_of(download(client, url))
    text = _texts(document)
    for needle in ("private log", "private checkin", "checkin", "answer", "turn", "nudge", "jar",
                   "reflection", "loved", "promise", "affection", "victory", "week",
                   "own it", "topic", "date"):  # fmt: skip
        assert f"{A} {needle}" in text, needle
    assert B not in text
    # Sam's kind word on marking Alex's shared promise is Sam's, not Alex's.
    assert f"{A} kind word" not in text
    assert document["shared_with_me"] == []
    kinds = {item["kind"] for item in document["items"]}
    assert {"journal.logentry", "checkins.checkin", "progress.pulseresponse", "loved.ratingsnapshot",
            "affection.affectionprofile", "conversations.questionmark"} <= kinds  # fmt: skip
    assert document["settings"]["reminders"][0]["at"] == "20:30:00"


def test_sams_shared_items_come_only_when_alex_asks_and_never_the_private_ones(checked, export_for):
    """TS50: with the option, what B shared with A is in; B's private items never are."""
    alex, sam = checked
    write_everything(alex, A)
    write_everything(sam, B)
    client, _job, url = export_for(alex, include_shared=True)
    data = download(client, url)
    document = document_of(data)
    shared = _texts(document["shared_with_me"])
    assert f"{B} checkin" in shared and f"{B} victory" in shared
    assert f"{B} private" not in _texts(document)
    assert B not in _texts(document["items"])
    assert all(item["visibility"] == "shared" for item in document["shared_with_me"])
    assert "shared-with-me.md" in open_zip(data)


def test_an_answer_to_sams_acknowledgement_is_alexs_to_export(checked, export_for):
    """What A wrote in reply to B is A's own; B's acknowledgement itself is not."""
    alex, sam = checked
    send_acknowledgement(sam, alex, B)
    client, _job, url = export_for(alex)
    text = _texts(document_of(download(client, url)))
    assert f"{B} answer to partner" in text
    assert f"{B} sent" not in text


@time_machine.travel("2026-03-01 20:00Z", tick=False)
def test_the_markdown_has_one_file_per_step_in_alexs_zone_with_words_escaped(alex, export_for):
    write_everything(alex, A, share=False)
    alex.time_zone = "Asia/Tokyo"
    alex.save()
    from mendwell.journal.models import LogEntry

    LogEntry.objects.create(author=alex, what_happened="# not a heading [link](http://x)")
    client, _job, url = export_for(alex)
    files = open_zip(download(client, url))
    assert {"README.md", "mendwell-export.json", "step-01.md", "step-03.md", "step-08.md"} <= set(
        files
    )
    assert f"{A} victory" in files["step-08.md"]
    assert r"\# not a heading \[link\]\(http://x\)" in files["step-01.md"]
    # 20:00 UTC on 1 March is already 2 March in Tokyo.
    assert "March 2, 2026" in files["README.md"], files["README.md"]


def test_the_link_works_once_for_its_owner_only(
    checked, export_for, client_for, django_capture_on_commit_callbacks
):
    """TS51: B and a stranger get 404; the owner once; then 404."""
    alex, sam = checked
    write_everything(alex, A)
    client, _job, url = export_for(alex)
    assert client_for(sam).get(url).status_code == 404
    anonymous = client_for(None).get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="mendwell-export-')
    assert "no-store" in response["Cache-Control"]
    assert client.get(url).status_code == 404
    assert storage.stored_names() == []  # the file went with the download


def test_the_link_expires_after_a_day(alex, export_for):
    """TS51: 24 hours after it is ready, the link is a 404 and the purge removes the file."""
    write_everything(alex, A, share=False)
    client, job, url = export_for(alex)
    later = job.finished_at + timedelta(hours=24, seconds=1)
    with time_machine.travel(later, tick=False):
        assert client.get(url).status_code == 404
        assert services.export_purge() == 1
    assert storage.stored_names() == []
    job.refresh_from_db()
    assert job.file_name == ""


def test_a_made_up_token_is_the_same_404(alex, export_for):
    client, _job, _url = export_for(alex)
    assert client.get("/export/download/made-up/").status_code == 404


def test_the_file_at_rest_is_sealed_and_private_to_the_server_user(alex, export_for):
    """TS51: no readable marker on disk, not a zip, mode 0600."""
    write_everything(alex, A, share=False)
    _client, job, _url = export_for(alex)
    path = storage.path_of(job.file_name)
    raw = path.read_bytes()
    assert A.encode() not in raw and not raw.startswith(b"PK")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert re.fullmatch(r"[0-9a-f]{32}\.sealed", job.file_name)


def test_the_purge_keeps_a_fresh_export_and_removes_used_ones(alex, export_for):
    client, job, url = export_for(alex)
    assert services.export_purge() == 0
    assert storage.stored_names() == [job.file_name]
    # A used job whose file somehow stayed (a crash between claim and delete).
    ExportJob.objects.filter(pk=job.pk).update(used_at=timezone.now())
    assert services.export_purge() == 1
    assert storage.stored_names() == []


def test_the_purge_is_a_scheduled_job():
    from mendwell.core.scheduler import registered_jobs

    assert "exports.purge_exports" in {job.name for job in registered_jobs()}


def test_asking_twice_at_once_makes_one_job(alex, client_for, django_capture_on_commit_callbacks):
    """Two requests: one job, one task; the second person sees the first job's status."""
    client = sudo(client_for(alex), alex)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(HOME, {})
        second = client.post(HOME, {}, follow=True)
    assert ExportJob.objects.filter(owner=alex).count() == 1
    assert DBTaskResult.objects.filter(task_path__endswith="build_export").count() == 1
    assert "already being made" in second.content.decode()


def test_the_database_refuses_a_second_job_in_flight(alex):
    ExportJob.objects.create(owner=alex, token_hash="a" * 64)
    with pytest.raises(IntegrityError):
        ExportJob.objects.create(owner=alex, token_hash="b" * 64, status="running")


@pytest.mark.django_db(transaction=True)
def test_a_queued_task_run_by_the_worker_makes_the_export(alex, client_for):
    # A real commit, as in production: the worker runs in its own transactions
    # (and closes connections between tasks, which a test transaction would not survive).
    from django.core.management import call_command

    client = sudo(client_for(alex), alex)
    client.post(HOME, {})
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")
    assert ExportJob.objects.get(owner=alex).status == "ready"
    assert "Download" in client.get(HOME).content.decode()


def test_deleting_the_account_while_the_export_is_made_leaves_nothing(alex, client_for):
    """An account deleted mid-export: the job goes with it and no file stays behind."""
    job, _token = services.export_request(user=alex, include_shared=False)
    real_build = bundle.build_zip

    def build_then_delete(**kwargs):
        data = real_build(**kwargs)
        type(alex).objects.filter(pk=alex.pk).delete()
        return data

    with mock.patch.object(bundle, "build_zip", build_then_delete):
        assert services.export_build(job_id=job.pk) == "cancelled"
    assert not ExportJob.objects.filter(pk=job.pk).exists()
    assert storage.stored_names() == []


def test_deleting_the_account_removes_a_finished_export_file(
    alex, export_for, django_capture_on_commit_callbacks
):
    _client, job, _url = export_for(alex)
    assert storage.stored_names() == [job.file_name]
    with django_capture_on_commit_callbacks(execute=True):
        alex.delete()
    assert storage.stored_names() == []


def test_a_failed_export_says_so_and_logs_no_content(alex, client_for, caplog):
    job, _token = services.export_request(user=alex, include_shared=False)
    with mock.patch.object(bundle, "build_zip", side_effect=RuntimeError(f"{A} in a message")):
        assert services.export_build(job_id=job.pk) == "failed"
    assert A not in caplog.text
    page = sudo(client_for(alex), alex).get(HOME).content.decode()
    assert "could not be made" in page


def test_alex_is_told_and_sam_sees_no_difference(checked, client_for, export_for):
    """TS53: B's Today and notifications are unchanged; A gets the note and the alert."""
    alex, sam = checked
    write_everything(alex, A)

    def sams_pages():
        client = client_for(sam)
        pages = [client.get(path).content.decode() for path in ("/", "/notifications/")]
        return [re.sub(r'(nonce|value)="[^"]+"', "", page) for page in pages]

    before = list(sams_pages())
    from mendwell.security.alerts import security_alert

    with mock.patch("mendwell.exports.services.security_alert", wraps=security_alert) as alert:
        export_for(alex)
    assert sams_pages() == before
    alert.assert_called_once_with(alex, "export_created")
    assert Notification.objects.filter(recipient=alex, kind="export.ready").count() == 1
    assert not Notification.objects.filter(recipient=sam).exists()


def test_the_logs_never_hold_what_was_written(checked, export_for, caplog):
    """TS80-style: a whole export and download with marker text; no record mentions it."""
    alex, sam = checked
    write_everything(alex, A)
    write_everything(sam, B)
    caplog.set_level(logging.DEBUG)
    client, _job, url = export_for(alex, include_shared=True)
    download(client, url)
    token = url.rstrip("/").rsplit("/", 1)[-1]
    assert caplog.records  # the flow does log (by job id), so the check below means something
    for record in caplog.records:
        message = record.getMessage()
        assert A not in message and B not in message and token not in message


def test_a_large_account_exports_completely(alex, export_for):
    """TS52: a few thousand items go into one export, none missing."""
    from datetime import date, timedelta

    from mendwell.checkins.models import CheckIn
    from mendwell.journal.models import LogEntry

    start = date(2020, 1, 1)
    CheckIn.objects.bulk_create(
        CheckIn(author=alex, day=start + timedelta(days=n), mood=3, closeness=3, note=f"day {n}")
        for n in range(1500)
    )
    LogEntry.objects.bulk_create(
        LogEntry(author=alex, what_happened=f"{A} {n}") for n in range(1500)
    )
    client, _job, url = export_for(alex)
    document = document_of(download(client, url))
    assert len(document["items"]) == 3000


def test_another_device_can_get_its_own_link_and_the_old_one_stops(alex, export_for, client_for):
    from mendwell.exports.tests.conftest import download_url_on_page

    _first, _job, old_url = export_for(alex)
    phone = sudo(client_for(alex), alex)
    assert "Get a download link on this device" in phone.get(HOME).content.decode()
    assert phone.get("/export/link/").status_code == 405
    assert phone.post("/export/link/").status_code == 302
    new_url = download_url_on_page(phone)
    assert new_url != old_url
    assert phone.get(old_url).status_code == 404
    assert phone.get(new_url).status_code == 200


def test_a_request_racing_another_gets_the_job_the_other_made(alex):
    """The second of two simultaneous requests loses the insert and returns the winner's job."""
    first, _token = services.export_request(user=alex, include_shared=False)
    real = services._in_flight
    calls = iter([None])  # the racing request's first look saw nothing yet

    def stale_then_real(user):
        return next(calls, real(user))

    with mock.patch.object(services, "_in_flight", side_effect=stale_then_real):
        second, token = services.export_request(user=alex, include_shared=True)
    assert second.pk == first.pk and token is None
    assert ExportJob.objects.filter(owner=alex).count() == 1


def test_a_new_export_replaces_one_never_downloaded(
    alex, export_for, django_capture_on_commit_callbacks
):
    client, old_job, old_url = export_for(alex)
    with django_capture_on_commit_callbacks(execute=True):
        services.export_request(user=alex, include_shared=False)
    old_job.refresh_from_db()
    assert old_job.status == "cancelled"
    assert storage.stored_names() == []
    assert client.get(old_url).status_code == 404


def test_a_job_stuck_in_flight_is_given_up_so_the_person_can_ask_again(alex):
    job, _token = services.export_request(user=alex, include_shared=False)
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        services.export_purge()
    job.refresh_from_db()
    assert job.status == "failed"
    again, token = services.export_request(user=alex, include_shared=False)
    assert again.pk != job.pk and token is not None
