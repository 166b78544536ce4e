"""Two schedulers and two workers, as real processes, deliver each reminder once:
one in-app notification, one email and one push message per reminder.

This runs on whichever database the suite runs on (SQLite by default, and
PostgreSQL in CI): it creates a fresh database of that kind, migrates it,
and lets four real processes race over it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.db import connection

from mendwell.push.tests.helpers import running_push_service

PEOPLE = 25
KINDS = 2  # each person has a daily-plan and a check-in reminder due
ROOT = Path(settings.BASE_DIR)


def _run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _outbox_recipients(outbox: Path) -> list[str]:
    found = []
    for path in outbox.glob("*.log") if outbox.exists() else []:
        found += [
            line.removeprefix("To: ").strip()
            for line in path.read_text().splitlines()
            if line.startswith("To: ")
        ]
    return found


@pytest.fixture
def fresh_database(tmp_path):
    """The URL of a new, empty database of the suite's own kind."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'race.sqlite3'}"
        return
    name = f"mendwell_race_{uuid.uuid4().hex[:10]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    params = connection.settings_dict
    yield (
        f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or 'localhost'}"
        f":{params['PORT'] or 5432}/{name}"
    )
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_two_schedulers_and_two_workers_deliver_each_reminder_exactly_once(
    tmp_path, fresh_database
):
    with ExitStack() as stack:
        _race(tmp_path, fresh_database, stack)


def _race(tmp_path: Path, fresh_database: str, stack: ExitStack) -> None:
    outbox = tmp_path / "outbox"
    env = {
        **os.environ,
        "MENDWELL_ENV": "test",
        "MENDWELL_DATA_DIR": str(tmp_path),
        "DATABASE_URL": fresh_database,
        "SECRET_KEY": Fernet.generate_key().decode() * 2,
        "FIELD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
        "PYTHONUNBUFFERED": "1",
    }
    _run(env, "migrate", "--no-input", "-v", "0")
    _run(env, "createcachetable")
    push_service = stack.enter_context(running_push_service())
    _run(
        env,
        "shell",
        "-c",
        "from mendwell.reminders.tests.process_world import build; "
        f"build({PEOPLE}, {push_service.base_url!r})",
    )

    commands = [
        ["run_scheduler", "--interval", "0.3"],
        ["run_scheduler", "--interval", "0.3"],
        [
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--worker-id",
            "w1",
        ],
        [
            "db_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--worker-id",
            "w2",
        ],
    ]
    processes = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for command in commands
    ]
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (
            len(_outbox_recipients(outbox)) < PEOPLE * KINDS
            or len(push_service.received) < PEOPLE * KINDS
        ):
            time.sleep(0.5)
        # Let any duplicate that was going to happen, happen.
        time.sleep(3)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        codes = [process.wait(timeout=30) for process in processes]
    errors = [process.stderr.read() for process in processes if process.stderr]

    # SIGTERM ends every process cleanly.
    assert codes == [0, 0, 0, 0], errors
    recipients = _outbox_recipients(outbox)
    assert len(recipients) == PEOPLE * KINDS, errors
    assert sorted(set(recipients)) == sorted(f"person{n}@example.com" for n in range(PEOPLE))
    assert all(recipients.count(address) == KINDS for address in set(recipients))
    # And by push: each device got one encrypted message per reminder.
    paths = [received.path for received in push_service.received]
    assert sorted(paths) == sorted(f"/person{n}" for n in range(PEOPLE) for _kind in range(KINDS))

    state = json.loads(
        _run(
            env,
            "shell",
            "-c",
            "from mendwell.reminders.tests.process_world import report; report()",
        )
        .strip()
        .splitlines()[-1]
    )
    # Exactly one claim, one task, one delivery row and one notification each.
    assert state["tasks"] == {"SUCCESSFUL": PEOPLE * KINDS}
    assert state["delivery_rows"] == PEOPLE * KINDS
    assert set(state["deliveries"]) == {1}
    assert state["notification_rows"] == PEOPLE * KINDS
    assert set(state["notifications"]) == {1}
    assert state["still_due"] == 0  # every reminder moved on to tomorrow
