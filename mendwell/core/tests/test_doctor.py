"""``manage.py doctor`` tells the operator, line by line, what needs doing: each of
core's lines (keys, the keys' backup, the keyring, email, the last backup, the
task queue, the scheduler) in its OK, WARN and FAIL states, and the command's
exit status (1 on any FAIL, 0 with warnings only)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from mendwell.core import doctor
from mendwell.core.backup.state import record_backup
from mendwell.core.models import PeriodicJob
from mendwell.core.scheduler import enqueue_due_jobs
from mendwell.core.tasks import prune_task_results

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def instance(settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory of the test's own (the state notes live there), a
    production-like mail set-up, and a scheduler that has just passed."""
    settings.DATA_DIR = tmp_path
    settings.KEYRING_DIR = tmp_path / "keyring"
    settings.MENDWELL_ENV = "production"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "smtp.example.org"
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    enqueue_due_jobs()
    return tmp_path


def lines_of(check: Any) -> list[doctor.DoctorLine]:
    return list(check())


def levels(check: Any) -> list[str]:
    return [line.level for line in check()]


def run_doctor(*args: str) -> tuple[int, str]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("doctor", *args, stdout=out, no_color=True)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return 0, out.getvalue()


# --- Keys --------------------------------------------------------------------------------


def test_present_keys_are_ok():
    first = lines_of(doctor.check_keys)[0]
    assert first.level == doctor.OK
    assert "BACKUP_ENCRYPTION_KEY" in first.text


def test_a_missing_backup_key_fails_and_names_it(settings):
    settings.BACKUP_ENCRYPTION_KEYS = []
    first = lines_of(doctor.check_keys)[0]
    assert first.level == doctor.FAIL
    assert "BACKUP_ENCRYPTION_KEY" in first.text
    assert "FIELD_ENCRYPTION_KEYS" not in first.text


def test_a_missing_field_key_fails_the_whole_doctor_run(settings):
    settings.FIELD_ENCRYPTION_KEYS = []
    status, out = run_doctor()
    assert status == 1
    assert "FAIL  Keys: FIELD_ENCRYPTION_KEYS not set" in out


def test_keys_nobody_confirmed_as_backed_up_are_a_warning_that_says_what_to_do():
    line = next(line for line in doctor.check_keys() if line.text.startswith("Keys backup"))
    assert line.level == doctor.WARN
    assert "secrets.env" in line.text
    assert "--confirm-keys-backed-up" in line.text


def test_confirming_the_keys_backup_stores_a_hash_and_never_the_keys(settings, instance):
    status, out = run_doctor("--confirm-keys-backed-up")
    assert status == 0
    assert "OK    Keys backup: a copy of the current keys was confirmed on" in out
    stored = (instance / "state" / "keys_confirmed.json").read_text()
    for key in [*settings.FIELD_ENCRYPTION_KEYS, *settings.BACKUP_ENCRYPTION_KEYS]:
        assert key not in stored
    assert json.loads(stored)["fingerprint"] == doctor.keys_fingerprint()


@pytest.mark.parametrize("setting", ["FIELD_ENCRYPTION_KEYS", "BACKUP_ENCRYPTION_KEYS"])
def test_a_key_rotation_makes_the_confirmation_stale(settings, setting):
    doctor.confirm_keys_backed_up()
    setattr(settings, setting, [Fernet.generate_key().decode(), *getattr(settings, setting)])
    line = next(line for line in doctor.check_keys() if line.text.startswith("Keys backup"))
    assert line.level == doctor.WARN
    assert "changed after their copy was confirmed" in line.text


def test_nothing_is_confirmed_while_a_key_is_missing(settings, instance):
    from django.core.management.base import CommandError

    settings.BACKUP_ENCRYPTION_KEYS = []
    with pytest.raises(CommandError, match="BACKUP_ENCRYPTION_KEY not set"):
        call_command("doctor", "--confirm-keys-backed-up")
    assert not (instance / "state" / "keys_confirmed.json").exists()


def keyring_line() -> doctor.DoctorLine:
    return next(line for line in doctor.check_keys() if line.text.startswith("Keyring"))


def test_a_usable_keyring_is_ok(instance):
    (instance / "keyring").mkdir()
    assert keyring_line().level == doctor.OK


def test_no_keyring_before_anyone_signed_up_is_ok():
    assert keyring_line().level == doctor.OK


def test_no_keyring_with_accounts_fails(alex, settings, instance):
    settings.KEYRING_DIR = instance / "elsewhere"  # alex's key went to the old folder
    line = keyring_line()
    assert line.level == doctor.FAIL
    assert "Restore the keyring directory" in line.text


def test_a_keyring_that_is_not_a_folder_fails(settings, instance):
    (instance / "keyring").write_text("not a folder")
    assert keyring_line().level == doctor.FAIL


# --- Email -------------------------------------------------------------------------------


def test_smtp_with_a_host_is_ok():
    [line] = lines_of(doctor.check_email)
    assert line.level == doctor.OK
    assert "smtp.example.org" in line.text


@pytest.mark.parametrize("backend", ["console", "locmem", "filebased", "dummy"])
def test_production_email_that_is_not_sent_is_a_warning(settings, backend):
    settings.EMAIL_BACKEND = f"django.core.mail.backends.{backend}.EmailBackend"
    [line] = lines_of(doctor.check_email)
    assert line.level == doctor.WARN
    assert "reset a password" in line.text


def test_smtp_without_email_host_is_a_warning(monkeypatch):
    monkeypatch.delenv("EMAIL_HOST")
    [line] = lines_of(doctor.check_email)
    assert line.level == doctor.WARN
    assert "EMAIL_HOST is not set" in line.text


def test_the_console_in_development_is_ok(settings):
    settings.MENDWELL_ENV = "development"
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert levels(doctor.check_email) == [doctor.OK]


# --- Last backup -------------------------------------------------------------------------


def test_no_backup_yet_is_a_warning():
    [line] = lines_of(doctor.check_last_backup)
    assert line.level == doctor.WARN
    assert "manage.py backup --to DIR" in line.text


def test_a_backup_from_this_morning_is_ok(tmp_path):
    made = tmp_path / "mendwell-20261126T060000Z.backup"
    made.write_bytes(b"x" * 2048)
    record_backup(made, timezone.now() - timedelta(hours=8))
    [line] = lines_of(doctor.check_last_backup)
    assert line.level == doctor.OK
    assert "8 h ago" in line.text
    assert "2,048 bytes" in line.text


def test_a_backup_older_than_26_hours_is_a_warning(tmp_path):
    made = tmp_path / "old.backup"
    made.write_bytes(b"x")
    record_backup(made, timezone.now() - timedelta(hours=27))
    [line] = lines_of(doctor.check_last_backup)
    assert line.level == doctor.WARN
    assert "27 h ago" in line.text
    assert "timer may have stopped" in line.text


def test_a_last_backup_that_has_gone_is_a_warning(tmp_path):
    made = tmp_path / "gone.backup"
    made.write_bytes(b"x")
    record_backup(made, timezone.now())
    made.unlink()
    assert levels(doctor.check_last_backup) == [doctor.WARN]


# --- Task queue --------------------------------------------------------------------------


def waiting_since(minutes: float) -> None:
    DBTaskResult.objects.all().delete()  # only the task this test sets up
    result = prune_task_results.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_an_empty_queue_is_ok():
    DBTaskResult.objects.all().delete()
    assert lines_of(doctor.check_queue) == [
        doctor.DoctorLine(doctor.OK, "Task queue: nothing is waiting.")
    ]


def test_a_task_waiting_seconds_is_ok():
    waiting_since(0.1)
    assert levels(doctor.check_queue) == [doctor.OK]


def test_a_task_waiting_two_minutes_is_a_warning():
    waiting_since(2)
    [line] = lines_of(doctor.check_queue)
    assert line.level == doctor.WARN
    assert "1 task(s) waiting, the oldest for 2 min" in line.text


def test_a_task_waiting_past_the_health_limit_fails(settings):
    waiting_since(settings.TASK_QUEUE_MAX_AGE_SECONDS / 60 + 1)
    [line] = lines_of(doctor.check_queue)
    assert line.level == doctor.FAIL
    assert "no worker is taking them" in line.text


def test_no_failed_or_stranded_tasks_is_ok():
    DBTaskResult.objects.all().delete()
    assert levels(doctor.check_task_outcomes) == [doctor.OK]


def test_a_task_that_failed_today_is_a_warning_and_one_from_last_week_is_not():
    DBTaskResult.objects.all().delete()
    result = prune_task_results.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="FAILED", started_at=timezone.now(), finished_at=timezone.now()
    )
    [line] = lines_of(doctor.check_task_outcomes)
    assert line.level == doctor.WARN
    assert "1 failed in the last 24 hours" in line.text
    DBTaskResult.objects.filter(pk=result.id).update(finished_at=timezone.now() - timedelta(days=7))
    assert levels(doctor.check_task_outcomes) == [doctor.OK]


def test_a_task_a_killed_worker_left_running_is_a_warning():
    DBTaskResult.objects.all().delete()
    result = prune_task_results.enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(hours=2)
    )
    [line] = lines_of(doctor.check_task_outcomes)
    assert line.level == doctor.WARN
    assert "1 were left running by a worker that stopped mid-task" in line.text
    # One that started a moment ago is simply being run.
    DBTaskResult.objects.filter(pk=result.id).update(started_at=timezone.now())
    assert levels(doctor.check_task_outcomes) == [doctor.OK]


# --- Scheduler ---------------------------------------------------------------------------


def test_a_scheduler_that_just_passed_is_ok():
    assert levels(doctor.check_scheduler) == [doctor.OK]


def test_a_scheduler_that_never_ran_fails():
    PeriodicJob.objects.all().delete()
    [line] = lines_of(doctor.check_scheduler)
    assert line.level == doctor.FAIL
    assert "never run" in line.text


def test_an_overdue_periodic_job_means_no_scheduler_is_running():
    PeriodicJob.objects.filter(name="core.purge_shredded_accounts").update(
        next_run_at=timezone.now() - timedelta(minutes=20)
    )
    [line] = lines_of(doctor.check_scheduler)
    assert line.level == doctor.FAIL
    assert "core.purge_shredded_accounts is 20 min overdue" in line.text


def test_a_job_no_release_declares_any_more_does_not_count():
    PeriodicJob.objects.create(name="gone.old_job", next_run_at=timezone.now() - timedelta(days=9))
    assert levels(doctor.check_scheduler) == [doctor.OK]


# --- The command -------------------------------------------------------------------------


def test_warnings_alone_exit_zero_and_every_line_is_printed():
    status, out = run_doctor()
    assert status == 0
    assert "WARN  Backups: none has been made yet." in out
    assert "OK    Scheduler: running" in out
    assert "OK    Support lines:" in out  # the safety app's line is registered too
    assert out.rstrip().endswith("0 failure(s), 2 warning(s).")


def test_any_failure_exits_one(monkeypatch):
    PeriodicJob.objects.all().delete()
    status, out = run_doctor()
    assert status == 1
    assert "FAIL  Scheduler:" in out
    assert "1 failure(s)" in out


def test_a_check_that_breaks_is_a_failure_and_the_others_still_report(monkeypatch):
    def broken() -> list[doctor.DoctorLine]:
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(doctor._checks, "test.broken", broken)
    status, out = run_doctor()
    assert status == 1
    assert "FAIL  The check test.broken could not run: RuntimeError('disk on fire')." in out
    assert "OK    Email:" in out
