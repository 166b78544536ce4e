"""Killing the processes with SIGKILL loses nothing that was acknowledged and
doubles nothing.

* The web server: gunicorn exactly as the Procfile runs it, on the suite's own
  database (SQLite, or PostgreSQL in the PostgreSQL pass), is killed (the
  whole process group) at random moments, again and again, and restarted,
  while clients keep writing private log entries with ``Idempotency-Key`` and
  retrying whatever got no answer. Afterwards every entry the server
  acknowledged exists exactly once with all of its text, nothing exists that
  no client sent, and SQLite's ``integrity_check`` finds the file sound.
* The task worker: killed at random moments while it delivers a batch of due
  reminders, and restarted, never delivers a reminder twice (one delivery row,
  one notification, one email per person, kind and day), and leaves no
  delivery half-written (a delivery row always with its notification).

What at-most-once means for reminders (``mendwell/reminders/services.py``):
the worker marks a task as running before it runs it and never runs a
running task again; the delivery row commits in one transaction with its
notification, and the email's task is queued with it (or, in older code,
right after that commit), never before. So a worker killed mid-task can make
a reminder *missed* (its task stays claimed, or its email task is never run),
never *duplicated*. The test asserts exactly that:
no duplicates anywhere, and every missing delivery or email is accounted for
by a task a kill left claimed.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from email import message_from_string
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest

from scripts.instance import Instance
from tests.reliability.writers import (
    UNTHROTTLED,
    Writer,
    audit,
    people_in,
    reminder_state,
    stored_entries,
    suite_database,
    summary,
)

WEB_KILLS = 20
CLIENTS = 4  # several requests in flight at each kill, on both gunicorn workers
WORKER_KILLS = 8
PEOPLE_WITH_REMINDERS = 60  # 120 deliveries and 120 emails: several seconds of work


def _integrity(path: Path) -> tuple[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(path)) as database:
        (integrity,) = database.execute("PRAGMA integrity_check").fetchone()
        foreign_keys = database.execute("PRAGMA foreign_key_check").fetchall()
    return integrity, foreign_keys


@pytest.mark.django_db(transaction=True)
def test_killing_the_web_server_loses_and_doubles_no_acknowledged_entry(tmp_path):
    rng = random.Random()
    with (
        suite_database() as database_url,
        Instance(tmp_path / "instance", database_url, extra_env=UNTHROTTLED) as instance,
    ):
        instance.prepare()
        person = people_in(instance, 1)[0]
        instance.start("web")
        writers = [
            Writer(person=person, base=lambda: instance.base, label=f"c{n}", seed=n)
            for n in range(CLIENTS)
        ]
        for writer in writers:
            writer.start()
        restarts: list[float] = []
        try:
            for _kill in range(WEB_KILLS):
                # A random moment while the clients write, mid-request more often than not.
                time.sleep(rng.uniform(0.1, 1.0))
                web = instance.processes[-1]
                instance.kill(web, signal.SIGKILL)
                started = time.monotonic()
                instance.start("web")
                restarts.append(time.monotonic() - started)
            time.sleep(1.0)  # the last server serves the retries of what the last kill cut off
        finally:
            for writer in writers:
                writer.stop()
            for writer in writers:
                writer.join(timeout=60)
        instance.stop_all()
        stored = stored_entries(instance)
        if database_url is None:
            integrity = _integrity(instance.sqlite_path)

    report = summary(writers)
    print(  # noqa: T201 (the run's record; the restarts are most of the test's time)
        f"web crash safety: {WEB_KILLS} kills, restarts took {sum(restarts) / len(restarts):.1f} s"
        f" on average, {report}"
    )
    assert [writer.crash for writer in writers] == [None] * CLIENTS
    assert [writer.is_alive() for writer in writers] == [False] * CLIENTS
    assert [problem for writer in writers for problem in writer.problems] == []
    # The kills cut requests off: the clients saw it and retried.
    assert report["transport_errors"] > 0, report
    assert all(writer.acknowledged for writer in writers), report
    assert audit(writers, stored) == []
    if database_url is None:
        assert integrity == ("ok", [])


def _log_from(path: Path, offset: int) -> str:
    return path.read_text(errors="replace")[offset:] if path.exists() else ""


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.005)


def _twice(counts: Counter[Any]) -> list[Any]:
    return [item for item, count in counts.items() if count > 1]


def _emails(outbox: Path) -> list[tuple[str, str]]:
    """(recipient, subject) of every message the file backend wrote."""
    sent = []
    for path in sorted(outbox.glob("*.log")) if outbox.exists() else []:
        for chunk in path.read_text().split("\n" + "-" * 79 + "\n"):
            if chunk.strip():
                message = message_from_string(chunk, policy=default_policy)
                sent.append((str(message["To"]), str(message["Subject"])))
    return sent


@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_delivery_never_sends_a_reminder_twice(tmp_path):
    rng = random.Random()
    with (
        suite_database() as database_url,
        Instance(tmp_path / "instance", database_url) as instance,
    ):
        instance.prepare()
        instance.shell(
            "from tests.reliability.writers import reminders_due; "
            f"reminders_due({PEOPLE_WITH_REMINDERS})"
        )
        log = instance.data_dir / "worker.log"
        for kill in range(WORKER_KILLS):
            offset = len(log.read_text(errors="replace")) if log.exists() else 0
            worker = instance.start("worker")
            # Wait until this worker is delivering, then kill it at a random
            # moment; every other kill lands the instant a task has started,
            # which is mid-delivery nearly always.
            _wait_for(lambda: "state=RUNNING" in _log_from(log, offset), 60, "a task to start")
            if kill % 2:
                time.sleep(rng.uniform(0.0, 0.5))
            else:
                _wait_for(
                    lambda: _log_from(log, offset).rstrip().endswith("state=RUNNING"),
                    10,
                    "a task in flight",
                )
            instance.kill(worker, signal.SIGKILL)

        instance.start("worker")  # the last one runs everything left to the end
        deadline = time.monotonic() + 120
        while True:
            state = reminder_state(instance)
            waiting = [task for task in state.tasks if task[1] == "READY"]
            if not waiting or time.monotonic() > deadline:
                break
            time.sleep(1)
        time.sleep(2)  # anything that was going to be sent twice, sent
        instance.stop_all()
        state = reminder_state(instance)
        emails = _emails(instance.data_dir / "outbox")
        if database_url is None:
            integrity = _integrity(instance.sqlite_path)

    statuses = Counter(task[1] for task in state.tasks)
    stranded = [task for task in state.tasks if task[1] == "RUNNING"]
    delivered = {(email, kind) for email, kind, _day in state.deliveries}
    subject = state.subjects
    emailed = {(email, kind) for email, kind in delivered if (email, subject[kind]) in emails}
    print(  # noqa: T201 (the run's record)
        f"worker crash safety: {WORKER_KILLS} kills, tasks {dict(statuses)}, "
        f"{len(delivered)}/{len(state.expected)} delivered, {len(emails)} emails"
    )
    assert statuses["READY"] == 0, statuses  # the restarted worker carried on to the end
    assert statuses["FAILED"] == 0, statuses
    # Killed mid-task, a task stays claimed and is never run again: at most one
    # per kill, and at least one, or no kill landed mid-delivery.
    assert 1 <= len(stranded) <= WORKER_KILLS, statuses

    # Never twice: one delivery row, one notification, one email per person, kind and day.
    notifications = Counter(tuple(row) for row in state.notifications)
    assert _twice(Counter(tuple(row) for row in state.deliveries)) == []
    assert _twice(notifications) == []
    assert _twice(Counter(emails)) == []

    # Never half-written: each delivery has its notification, and nothing else
    # was notified; each email belongs to a delivery.
    notified = {(email, state.notification_kinds[kind]) for email, kind in delivered}
    assert notified == set(notifications)
    assert set(emails) <= {(email, subject[kind]) for email, kind in delivered}

    # Missed only where a kill stranded the work: a delivery whose task was
    # claimed and killed; an email whose task was, or whose delivery task was
    # killed between its commit and enqueueing the email.
    left_deliveries = {
        (email, kind) for name, _s, email, kind in stranded if name == "deliver_reminder"
    }
    left_emails = {(email, kind) for name, _s, email, kind in stranded if name == "send_email"}
    assert {tuple(row) for row in state.expected} - delivered <= left_deliveries
    unexplained = [
        (email, kind)
        for email, kind in delivered - emailed
        if (email, state.notification_kinds[kind]) not in left_emails
        and (email, kind) not in left_deliveries
    ]
    assert unexplained == []
    if database_url is None:
        assert integrity == ("ok", [])
