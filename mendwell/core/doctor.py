"""What an operator must know about an instance, one line each: ``manage.py doctor``.

A tiny registry in the manner of Django's system checks: a check is a function
that returns :class:`DoctorLine` s, registered with :func:`register` when its
module is imported (apps import theirs in ``AppConfig.ready()``), so ``core``
never imports the apps above it. The command prints every line and exits 1 when
any line is a FAIL; warnings alone exit 0.

This module also holds core's own checks: the keys (present, and backed up as
the operator confirmed with ``manage.py doctor --confirm-keys-backed-up``),
email, the last backup, the task queue (waiting, failed, left half-run) and
the scheduler.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

OK: Literal["OK"] = "OK"
WARN: Literal["WARN"] = "WARN"
FAIL: Literal["FAIL"] = "FAIL"
Level = Literal["OK", "WARN", "FAIL"]


@dataclass(frozen=True)
class DoctorLine:
    level: Level
    text: str  # one plain sentence (or two) an operator can act on


Check = Callable[[], Iterable[DoctorLine]]
_checks: dict[str, Check] = {}


def register(check: Check) -> Check:
    """Add ``check`` to what ``manage.py doctor`` runs (once, however often imported)."""
    _checks[f"{check.__module__}.{check.__qualname__}"] = check
    return check


def run_checks() -> list[DoctorLine]:
    """Every registered check's lines, in registration order.

    A check that raises becomes a FAIL line naming the error: the doctor must
    still report everything else when, say, the database is down.
    """
    lines: list[DoctorLine] = []
    for name, check in _checks.items():
        try:
            lines.extend(check())
        except Exception as error:  # noqa: BLE001 (reported, never hidden)
            lines.append(DoctorLine(FAIL, f"The check {name} could not run: {error!r}."))
    return lines


def _age(seconds: float) -> str:
    """A duration as people say it: "40 s", "12 min", "5 h", "3 days"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} min"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.0f} h"
    return f"{seconds / 86400:.0f} days"


# --- Keys ------------------------------------------------------------------------------------

CONFIRM_HINT = "python manage.py doctor --confirm-keys-backed-up"


def _state_dir() -> Path:
    # The same folder as the backup note (core/backup/state.py): outside the
    # database, so restoring an old database never changes what it says.
    from mendwell.core.backup.state import state_dir

    return state_dir()


def keys_fingerprint() -> str:
    """A SHA-256 of the instance keys that decrypt people's words and the backups.

    Only this hash is stored, never the keys; any rotation changes it, which makes
    an earlier "backed up" confirmation stale.
    """
    material = json.dumps(
        {
            "FIELD_ENCRYPTION_KEYS": list(settings.FIELD_ENCRYPTION_KEYS),
            "BACKUP_ENCRYPTION_KEYS": list(settings.BACKUP_ENCRYPTION_KEYS),
        },
        sort_keys=True,
    )
    return hashlib.sha256(b"mendwell keys backed up\0" + material.encode()).hexdigest()


def confirm_keys_backed_up(now: datetime | None = None) -> Path:
    """Record that the operator has a copy of the current keys (atomically)."""
    folder = _state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    record = {
        "fingerprint": keys_fingerprint(),
        "confirmed_at": (now or timezone.now()).isoformat(),
    }
    scratch = folder / "keys_confirmed.json.tmp"
    descriptor = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(record, handle)
    path = folder / "keys_confirmed.json"
    os.replace(scratch, path)
    return path


def missing_keys() -> list[str]:
    """Names of the instance keys that are missing (empty list: all there)."""
    missing = []
    try:
        settings.SECRET_KEY  # noqa: B018 (Django refuses an empty one on access)
    except ImproperlyConfigured:
        missing.append("SECRET_KEY")
    if not settings.FIELD_ENCRYPTION_KEYS:
        missing.append("FIELD_ENCRYPTION_KEYS")
    if not settings.BACKUP_ENCRYPTION_KEYS:
        missing.append("BACKUP_ENCRYPTION_KEY")
    return missing


def check_keys() -> Iterable[DoctorLine]:
    missing = missing_keys()
    if missing:
        yield DoctorLine(
            FAIL,
            f"Keys: {', '.join(missing)} not set (secrets.env in {settings.DATA_DIR}, "
            "the environment or a *_FILE): without them nothing can be encrypted or backed up.",
        )
    else:
        yield DoctorLine(
            OK, "Keys: SECRET_KEY, FIELD_ENCRYPTION_KEYS and BACKUP_ENCRYPTION_KEY are set."
        )
    yield _keyring_line()
    if not missing:
        yield _keys_backed_up_line()


def _keyring_line() -> DoctorLine:
    folder = Path(settings.KEYRING_DIR)
    if not folder.exists():
        # keyring.keyring_dir() makes it on the first sign-up; an instance
        # with people and no keyring has lost every data key.
        from django.contrib.auth import get_user_model

        if get_user_model().objects.exists():
            return DoctorLine(
                FAIL,
                f"Keyring: {folder} does not exist, but there are accounts: their words "
                "cannot be read. Restore the keyring directory from its backup.",
            )
        return DoctorLine(OK, f"Keyring: {folder} will be made when the first person signs up.")
    if not folder.is_dir() or not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
        return DoctorLine(
            FAIL,
            f"Keyring: {folder} cannot be read and written by this user, so nobody's "
            "words can be read or saved. Fix its owner and permissions.",
        )
    return DoctorLine(OK, f"Keyring: {folder} is readable and writable.")


def _keys_backed_up_line() -> DoctorLine:
    path = _state_dir() / "keys_confirmed.json"
    if not path.exists():
        return DoctorLine(
            WARN,
            "Keys backup: nobody has confirmed a copy of the keys. Copy secrets.env to a safe "
            f"place away from the backups, then run `{CONFIRM_HINT}`.",
        )
    record = json.loads(path.read_text(encoding="utf-8"))
    when = record.get("confirmed_at", "?")[:10]
    if record.get("fingerprint") != keys_fingerprint():
        return DoctorLine(
            WARN,
            f"Keys backup: the keys changed after their copy was confirmed on {when}. "
            f"Copy secrets.env again, then run `{CONFIRM_HINT}`.",
        )
    return DoctorLine(OK, f"Keys backup: a copy of the current keys was confirmed on {when}.")


# --- Email -----------------------------------------------------------------------------------

_NOT_SENDING = {
    "django.core.mail.backends.console.EmailBackend": "printed to the console",
    "django.core.mail.backends.locmem.EmailBackend": "kept in memory",
    "django.core.mail.backends.filebased.EmailBackend": "written to files",
    "django.core.mail.backends.dummy.EmailBackend": "thrown away",
}


def _email_host_configured() -> bool:
    """Whether EMAIL_HOST was set at all (settings default it to localhost)."""
    from config.env import SECRETS_FILE_NAME, Env, read_secrets_file

    env = Env(read_secrets_file(Path(settings.DATA_DIR) / SECRETS_FILE_NAME))
    return bool(env.str("EMAIL_HOST"))


def check_email() -> Iterable[DoctorLine]:
    backend = settings.EMAIL_BACKEND
    if backend in _NOT_SENDING:
        how = _NOT_SENDING[backend]
        if settings.MENDWELL_ENV == "production":
            yield DoctorLine(
                WARN,
                f"Email: messages are {how}, not sent, so nobody can confirm an address or "
                "reset a password. Set EMAIL_HOST and the other SMTP settings.",
            )
        else:
            yield DoctorLine(OK, f"Email: messages are {how} ({settings.MENDWELL_ENV} mode).")
        return
    if backend == "django.core.mail.backends.smtp.EmailBackend":
        if not _email_host_configured():
            yield DoctorLine(
                WARN,
                "Email: EMAIL_HOST is not set, so mail goes to a server on this machine "
                f"(localhost:{settings.EMAIL_PORT}); if none runs, nothing is sent.",
            )
            return
        security = "TLS" if settings.EMAIL_USE_TLS or settings.EMAIL_USE_SSL else "no TLS"
        yield DoctorLine(
            OK,
            f"Email: sent through {settings.EMAIL_HOST}:{settings.EMAIL_PORT} ({security}), "
            f"from {settings.DEFAULT_FROM_EMAIL}.",
        )
        return
    yield DoctorLine(OK, f"Email: sent by {backend}.")


# --- Backups ---------------------------------------------------------------------------------

BACKUP_MAX_AGE = timedelta(hours=26)  # a daily timer, with two hours to spare


def check_last_backup() -> Iterable[DoctorLine]:
    from mendwell.core.backup.state import last_backup

    record = last_backup()
    if record is None:
        yield DoctorLine(
            WARN,
            "Backups: none has been made yet. Run `python manage.py backup --to DIR` on a "
            "timer (docs/DEPLOY.md).",
        )
        return
    finished = datetime.fromisoformat(record["finished_at"])
    age = (timezone.now() - finished).total_seconds()
    where = f"{record['file']} ({record['bytes']:,} bytes)"
    if age > BACKUP_MAX_AGE.total_seconds():
        yield DoctorLine(
            WARN,
            f"Backups: the last one finished {_age(age)} ago ({where}); the backup timer "
            "may have stopped.",
        )
    elif not Path(record["file"]).exists():
        yield DoctorLine(
            WARN, f"Backups: the last one ({record['file']}) is no longer where it was written."
        )
    else:
        yield DoctorLine(OK, f"Backups: the last one finished {_age(age)} ago: {where}.")


# --- Task queue and scheduler ----------------------------------------------------------------

QUEUE_WARN_AFTER = timedelta(minutes=1)  # a worker polls every second
SCHEDULER_LATE_AFTER = timedelta(minutes=5)  # a scheduler passes every 15 s


def check_queue() -> Iterable[DoctorLine]:
    from mendwell.core.queue import oldest_waiting_age_seconds, waiting_count

    age = oldest_waiting_age_seconds()
    if age == 0:
        yield DoctorLine(OK, "Task queue: nothing is waiting.")
        return
    waiting = waiting_count()
    said = f"{waiting} task(s) waiting, the oldest for {_age(age)}"
    if age > settings.TASK_QUEUE_MAX_AGE_SECONDS:
        yield DoctorLine(
            FAIL,
            f"Task queue: {said}; no worker is taking them (emails, reminders and exports "
            "wait). Start the worker (`manage.py db_worker`).",
        )
    elif age > QUEUE_WARN_AFTER.total_seconds():
        yield DoctorLine(WARN, f"Task queue: {said}; the workers are falling behind.")
    else:
        yield DoctorLine(OK, f"Task queue: {said}.")


TASK_OUTCOME_WINDOW = timedelta(hours=24)
STRANDED_AFTER = timedelta(hours=1)  # no task of ours runs for minutes, let alone an hour


def check_task_outcomes() -> Iterable[DoctorLine]:
    """Work that will not happen: failed tasks, and tasks a stopped worker left behind."""
    from mendwell.core.queue import recent_failures, stranded

    now = timezone.now()
    failed = recent_failures(now - TASK_OUTCOME_WINDOW)
    left = stranded(now - STRANDED_AFTER)
    if not failed and not left:
        yield DoctorLine(OK, "Tasks: none failed in the last 24 hours and none was left half-run.")
        return
    if failed:
        yield DoctorLine(
            WARN,
            f"Tasks: {failed} failed in the last 24 hours (an email server refusing mail, "
            "say). The worker's log names each by task id; they are not retried, so "
            "nobody gets a message twice.",
        )
    if left:
        yield DoctorLine(
            WARN,
            f"Tasks: {left} were left running by a worker that stopped mid-task; they will "
            "not run again (a reminder missed rather than sent twice). Check why the worker "
            "stopped.",
        )


def check_scheduler() -> Iterable[DoctorLine]:
    """Alive when no periodic job is overdue: every pass claims the due ones
    (core/scheduler.py), so an overdue job means no scheduler has passed since."""
    from mendwell.core.models import PeriodicJob
    from mendwell.core.scheduler import registered_jobs

    names = [job.name for job in registered_jobs()]
    rows = list(PeriodicJob.objects.filter(name__in=names).order_by("next_run_at"))
    if not rows:
        yield DoctorLine(
            FAIL,
            "Scheduler: it has never run on this database, so no periodic job or reminder "
            "is queued. Start it (`manage.py run_scheduler`).",
        )
        return
    late = (timezone.now() - rows[0].next_run_at).total_seconds()
    if late > SCHEDULER_LATE_AFTER.total_seconds():
        yield DoctorLine(
            FAIL,
            f"Scheduler: {rows[0].name} is {_age(late)} overdue, so no scheduler is running: "
            "reminders and clean-ups are not queued. Start it (`manage.py run_scheduler`).",
        )
        return
    yield DoctorLine(OK, "Scheduler: running (no periodic job is overdue).")


for _check in (
    check_keys,
    check_email,
    check_last_backup,
    check_queue,
    check_task_outcomes,
    check_scheduler,
):
    register(_check)
