"""The database failing at every statement of an important write (issue #10, SECURITY.md §5.6 b).

For each write below, the same request is sent again and again; on try k the
k-th statement it sends to the database (COMMIT included) raises
``OperationalError`` instead of running, as when the connection drops, the disk
fills or the server restarts. k runs from 1 until a try gets through without
reaching its k-th statement: that last try is the person's retry, and it must
succeed exactly once. For every k:

* nothing partial is saved: every row of every table (notifications and task
  rows included) and the keyring files are what they were, or the write is
  there complete (the fault struck after the commit, or in work whose failure
  is harmless, such as a rate-limit counter); never anything in between;
* when nothing was saved the person is told: the 500 page with the reference
  that the operator's log line carries (the API: its JSON error, the same
  reference), never a success page over a lost write;
* what was saved before is unchanged (the whole-database comparison), and
  sending the same request again adds nothing once the write has happened.

The scheduler: a pass that meets a failing statement, at any point, is caught up
by the next pass (every reminder delivered once, never twice), and the loop
itself keeps running.

Atomic blocks must behave as in production, so these tests run outside the
test-case transaction (``transaction=True``).
"""

from __future__ import annotations

import logging
import signal
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, OperationalError, connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import link, sudo
from mendwell.api.models import IdempotencyRecord
from mendwell.checkins.models import CheckIn
from mendwell.conversations.models import Turn
from mendwell.core import keyring, scheduler
from mendwell.core.logging import RequestIdFilter
from mendwell.core.management.commands import run_scheduler
from mendwell.core.models import PeriodicJob
from mendwell.dates.models import Reflection
from mendwell.erasure.tests.helpers import write_together
from mendwell.exports.models import ExportJob
from mendwell.journal.acknowledgements.services import acknowledgement_create
from mendwell.journal.models import (
    Acknowledgement,
    AcknowledgementResponse,
    AcknowledgementSent,
    LogEntry,
)
from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set
from mendwell.nudges.models import Nudge
from mendwell.promises.models import Promise
from mendwell.reminders import services as reminders
from mendwell.reminders.models import Reminder
from mendwell.safety.questions import ITEM_KEYS
from mendwell.safety.services import safety_check_submit
from mendwell.security.tokens import token_create

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("_quick_password_hashing"),
]

# Midday in London, where the personas live (a pass after the local day has
# turned skips yesterday's reminders on purpose).
NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
MARKER = "wombat-lantern-7Q"  # the words written; they must never reach a log line
ERROR_PAGE = "Something went wrong on our side"


@pytest.fixture
def _quick_password_hashing(settings: Any) -> None:
    # Accounts are made again after a deletion; Argon2 is tested elsewhere.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# --- The fault ---------------------------------------------------------------------


class FailingStatement:
    """The k-th statement sent to the database (COMMIT included) raises
    ``OperationalError`` instead of running; every other one runs."""

    def __init__(self, k: int) -> None:
        self.k = k
        self.seen = 0
        self.failed: str | None = None  # the statement that failed, once it has

    def _turn(self, statement: str) -> None:
        self.seen += 1
        if self.seen == self.k:
            self.failed = statement
            raise OperationalError(f"injected fault at statement {self.k}")

    def _execute(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self._turn(sql)
        return execute(sql, params, many, context)

    @contextmanager
    def installed(self) -> Iterator[FailingStatement]:
        wrapper: Any = connections[DEFAULT_DB_ALIAS]
        real_commit = wrapper._commit

        def commit() -> Any:
            # Atomic's exit commits through here; a failing COMMIT is a fault too
            # (a full disk on SQLite, a lost connection on PostgreSQL).
            self._turn("COMMIT")
            return real_commit()

        with mock.patch.object(wrapper, "_commit", commit), wrapper.execute_wrapper(self._execute):
            yield self


# --- What the database holds, and what the person and the operator see ------------


def whole_database() -> dict[str, list[str]]:
    """Every row of every table, and the keyring's files (keys and tombstones)."""
    state: dict[str, list[str]] = {}
    cache = settings.CACHES["default"]
    # Rate-limit counters, written by any request (and silently skipped when the
    # database fails): nobody's data.
    skip = {cache["LOCATION"]} if cache["BACKEND"].endswith("DatabaseCache") else set()
    with connection.cursor() as cursor:
        for table in sorted(set(connection.introspection.table_names(cursor)) - skip):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            state[table] = sorted(
                repr(tuple(bytes(v) if isinstance(v, memoryview) else v for v in row))
                for row in cursor.fetchall()
            )
    state["keyring files"] = sorted(path.name for path in keyring.keyring_dir().iterdir())
    return state


def changed_tables(before: dict[str, list[str]], after: dict[str, list[str]]) -> list[str]:
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


class LogLines(logging.Handler):
    """Lines as the production handler writes them: request id filter, format, traceback."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(RequestIdFilter())
        formats: Any = settings.LOGGING["formatters"]
        self.setFormatter(logging.Formatter(formats["plain"]["format"]))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def log_lines() -> Iterator[LogLines]:
    handler = LogLines()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


def assert_told_with_reference(response: Any, log: LogLines, *, api: bool, where: str = "") -> None:
    """The person sees the failure and a reference; the operator's log line has the same."""
    reference = response["X-Request-ID"]
    assert response.status_code == 500, where
    if api:
        assert response["Content-Type"].startswith("application/json"), where
        body = response.json()
        assert body["errors"] == []
        assert ERROR_PAGE in body["detail"] and reference in body["detail"]
    else:
        page = response.content.decode()
        assert ERROR_PAGE in page and reference in page
        assert "Traceback" not in page and "OperationalError" not in page
    logged = [line for line in log.lines if f"[{reference}]" in line]
    assert any("ERROR django.request" in line for line in logged), log.lines[-3:]


# --- Failing each statement in turn ------------------------------------------------


@dataclass
class Write:
    """One write as a person makes it, and how to tell that it happened, fully."""

    send: Callable[[], Any]  # the same request every time (same form id or key): a response
    is_complete: Callable[[], bool]  # every row of the write is there, exactly once
    undo: Callable[[], object]  # back to the state before it (to fail the next statement)
    undo_restores: bool = True  # False: ``undo`` sets up afresh (what was deleted stays gone)
    api: bool = False
    # Once it has happened, may the person still be shown an error (a statement
    # after the commit failed: the session saved on the way out)?
    error_once_done: bool = True
    # Statements whose failure still left the write done: after the commit (the
    # session saved on the way out), or work that may fail quietly (a rate-limit
    # counter on the database cache).
    done_anyway: list[str] = field(default_factory=list)


def fail_each_statement_in_turn(write: Write, log: LogLines) -> int:
    """Run the request once per statement, that statement failing; then the retry.

    Returns how many statements the request sends (COMMITs included).
    """
    k = 0
    before = whole_database()
    while True:
        k += 1
        fault = FailingStatement(k)
        with fault.installed(), CaptureQueriesContext(connection) as captured:
            response = write.send()
        if fault.failed is None:
            break  # the request sent fewer than k statements: this was the retry
        where = f"statement {k} ({fault.failed[:70]})"
        after = whole_database()
        if after == before:
            assert not write.is_complete(), where
            assert_told_with_reference(response, log, api=write.api, where=where)
            continue
        # Something was saved: it must be the whole write, never a part of it.
        assert write.is_complete(), f"{where} left a partial write: {changed_tables(before, after)}"
        assert response.status_code in {200, 201, 302, 400, 500}, where
        if not write.error_once_done:
            assert response.status_code in {200, 201, 302}, f"{where}: an error page, yet done"
        # The person sends it again (the same form, the same key): nothing more.
        write.send()
        assert write.is_complete(), f"after {where}, the retry wrote it twice"
        write.done_anyway.append(fault.failed)
        write.undo()
        undone = whole_database()
        if write.undo_restores:
            # Only the write had changed (the session aside, saved on the way
            # out), and the next try starts where this one did.
            assert set(changed_tables(before, undone)) <= {"django_session"}, where
        before = undone
    # The try without a fault: it succeeds, exactly once, having sent every statement.
    assert response.status_code in {200, 201, 302}, response.content[:300]
    assert write.is_complete()
    # Django's own count of what this request sent agrees: no statement was missed.
    # (On PostgreSQL Django notes a "BEGIN" when it leaves autocommit; the driver
    # sends it with the next statement, which is where a fault would strike.)
    sent = [query for query in captured.captured_queries if query["sql"] != "BEGIN"]
    assert len(sent) == fault.seen
    write.send()
    assert write.is_complete()
    assert MARKER not in "\n".join(log.lines)
    return k - 1


# --- The people ----------------------------------------------------------------------


def couple(make_user: Callable[..., Any], tag: str = "") -> tuple[Any, Any]:
    """Alex and Sam, linked, both through the private safety check; Sam hears by
    email and push too, so a write that tells Sam queues both tasks."""
    alex = make_user(f"alex{tag}@example.com", "Alex")
    sam = make_user(f"sam{tag}@example.com", "Sam")
    link(alex, sam)
    for person in (alex, sam):
        safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
    channels_set(user=sam, email=True, push=True)
    return alex, sam


def browser(user: Any) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    # The first request of a session records it (allauth's session list): done
    # here, so the comparisons see only what the write itself changes.
    assert client.get("/").status_code == 200
    return client


# --- The writes ------------------------------------------------------------------------


def test_a_log_entry_from_the_web_form_is_saved_whole_or_not_at_all(
    make_user: Any, log_lines: LogLines
) -> None:
    alex, _sam = couple(make_user)
    earlier = LogEntry.objects.create(author=alex, what_happened="written last week")
    client = browser(alex)
    entry_id = uuid.uuid4()
    form = {"entry_id": str(entry_id), "version": "1", "what_happened": MARKER, "tags": ["time"]}

    def is_complete() -> bool:
        saved = list(LogEntry.objects.filter(pk=entry_id))
        return len(saved) == 1 and saved[0].what_happened == MARKER and saved[0].tags == ["time"]

    write = Write(
        send=lambda: client.post("/log/new/", form),
        is_complete=is_complete,
        undo=lambda: LogEntry.objects.filter(pk=entry_id).delete(),
    )
    assert fail_each_statement_in_turn(write, log_lines) >= 5
    assert LogEntry.objects.filter(author=alex).count() == 2
    assert LogEntry.objects.get(pk=earlier.pk).what_happened == "written last week"


def test_a_log_entry_through_the_api_is_saved_whole_or_not_at_all_and_its_key_stays_usable(
    make_user: Any, log_lines: LogLines
) -> None:
    alex, _sam = couple(make_user)
    _row, token = token_create(user=alex, name="phone")
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/v1/log").status_code == 200  # the token's "last used" is today now

    def send() -> Any:
        return client.post(
            "/api/v1/log",
            {"what_happened": MARKER},
            content_type="application/json",
            headers={"Idempotency-Key": "entry-1"},
        )

    def is_complete() -> bool:
        saved = list(LogEntry.objects.filter(author=alex))
        records = list(IdempotencyRecord.objects.filter(user=alex, key="entry-1"))
        return (
            len(saved) == 1
            and saved[0].what_happened == MARKER
            and len(records) == 1
            and records[0].status == 201
        )

    def undo() -> None:
        LogEntry.objects.filter(author=alex).delete()
        IdempotencyRecord.objects.filter(user=alex).delete()

    write = Write(send=send, is_complete=is_complete, undo=undo, api=True)
    fail_each_statement_in_turn(write, log_lines)
    replay = send()
    assert replay.status_code == 201 and replay["Idempotent-Replayed"] == "true"
    assert LogEntry.objects.filter(author=alex).count() == 1


def test_a_check_in_is_saved_whole_or_not_at_all(make_user: Any, log_lines: LogLines) -> None:
    alex, sam = couple(make_user)
    sams = CheckIn.objects.create(
        author=sam, day=timezone.localdate(), mood=2, closeness=2, note="Sam's own day"
    )
    client = browser(alex)

    def is_complete() -> bool:
        saved = list(CheckIn.objects.filter(author=alex))
        return (
            len(saved) == 1
            and (saved[0].mood, saved[0].closeness, saved[0].note) == (3, 4, MARKER)
            and saved[0].visibility == "shared"
        )

    write = Write(
        send=lambda: client.post(
            "/check-in/", {"mood": "3", "closeness": "4", "note": MARKER, "share": "on"}
        ),
        is_complete=is_complete,
        undo=lambda: CheckIn.objects.filter(author=alex).delete(),
    )
    fail_each_statement_in_turn(write, log_lines)
    assert CheckIn.objects.get(pk=sams.pk).note == "Sam's own day"


def test_a_note_to_the_partner_arrives_with_its_notification_email_and_push_or_not_at_all(
    make_user: Any, log_lines: LogLines
) -> None:
    """Three rows beside the note: Sam's in-app notice, and the email and push tasks."""
    alex, sam = couple(make_user)
    client = browser(alex)
    nudge_id = uuid.uuid4()

    def told_sam() -> list[str]:
        return sorted(
            path.rsplit(".", 1)[-1]
            for path in DBTaskResult.objects.filter(args_kwargs__args__0=sam.pk).values_list(
                "task_path", flat=True
            )
        )

    def is_complete() -> bool:
        return (
            [n.note for n in Nudge.objects.filter(pk=nudge_id, author=alex)] == [MARKER]
            and Notification.objects.filter(recipient=sam, kind="nudge.received").count() == 1
            and told_sam() == ["send_email", "send_push"]
        )

    def undo() -> None:
        Nudge.objects.filter(pk=nudge_id).delete()
        Notification.objects.filter(recipient=sam).delete()
        DBTaskResult.objects.all().delete()

    write = Write(
        send=lambda: client.post("/thinking-of-you/", {"nudge_id": str(nudge_id), "note": MARKER}),
        is_complete=is_complete,
        undo=undo,
    )
    # The email and push rows used to be queued after the commit: a fault there
    # left the note and notice saved behind an error page, and Sam's email and
    # push lost. Now they commit together or not at all.
    fail_each_statement_in_turn(write, log_lines)


def test_sending_an_acknowledgement_shares_it_whole_or_not_at_all(
    make_user: Any, log_lines: LogLines
) -> None:
    alex, sam = couple(make_user)
    thread = acknowledgement_create(
        user=alex, thread_id=uuid.uuid4(), own_it=MARKER, impact="yours", change="next", entries=[]
    )
    client = browser(alex)

    def is_complete() -> bool:
        copies = list(AcknowledgementSent.objects.filter(thread=thread))
        shared = Acknowledgement.objects.shared_with(sam).filter(pk=thread.pk).exists()
        return len(copies) == 1 and copies[0].own_it == MARKER and shared

    def undo() -> None:
        AcknowledgementSent.objects.filter(thread=thread).delete()
        Acknowledgement.objects.filter(pk=thread.pk).update(
            visibility="private", couple=None, sent_at=None
        )

    write = Write(
        send=lambda: client.post(f"/log/acknowledgements/{thread.pk}/send/"),
        is_complete=is_complete,
        undo=undo,
    )
    fail_each_statement_in_turn(write, log_lines)


def test_a_promise_is_saved_with_all_its_dates_or_not_at_all(
    make_user: Any, log_lines: LogLines
) -> None:
    alex, _sam = couple(make_user)
    client = browser(alex)
    promise_id = uuid.uuid4()
    first_day = timezone.localdate() + timedelta(days=2)
    form = {
        "promise_id": str(promise_id),
        "text": MARKER,
        "due_on": first_day.isoformat(),
        "due_time": "19:00",
        "recurrence": "daily",
        "repeat_count": "5",
    }

    def is_complete() -> bool:
        saved = list(Promise.objects.filter(pk=promise_id))
        return (
            len(saved) == 1
            and saved[0].text == MARKER
            and sorted(saved[0].occurrences.values_list("seq", flat=True)) == [1, 2, 3, 4, 5]
        )

    write = Write(
        send=lambda: client.post("/promises/new/", form),
        is_complete=is_complete,
        undo=lambda: Promise.objects.filter(pk=promise_id).delete(),
    )
    fail_each_statement_in_turn(write, log_lines)


def test_asking_for_an_export_queues_its_job_with_it_or_nothing(
    make_user: Any, log_lines: LogLines
) -> None:
    """A job left waiting with no task to build it would block the person's next
    export (one in flight at a time) until the hourly purge gave up on it."""
    alex, _sam = couple(make_user)
    client = sudo(browser(alex), alex)

    def is_complete() -> bool:
        jobs = [str(pk) for pk in ExportJob.objects.filter(owner=alex).values_list("pk", flat=True)]
        tasks = DBTaskResult.objects.filter(task_path="mendwell.exports.tasks.build_export")
        return len(jobs) == 1 and [row.args_kwargs["args"] for row in tasks] == [jobs]

    def undo() -> None:
        ExportJob.objects.filter(owner=alex).delete()
        DBTaskResult.objects.all().delete()

    write = Write(send=lambda: client.post("/export/", {}), is_complete=is_complete, undo=undo)
    fail_each_statement_in_turn(write, log_lines)


def test_deleting_an_account_is_all_or_nothing_and_the_key_goes_only_with_the_rows(
    make_user: Any, log_lines: LogLines
) -> None:
    """On failure Alex's rows and data key are all still there; on success all gone,
    the key shredded, and Sam keeps everything Sam wrote."""
    people: dict[str, Any] = {"couples": 0}

    def set_up() -> None:
        people["couples"] += 1
        alex, sam = couple(make_user, tag=str(people["couples"]))
        write_together(alex, sam)
        people.update(alex=alex, sam=sam, client=sudo(browser(alex), alex))
        people["sams"] = sams_rows(sam)

    def sams_rows(sam: Any) -> list[int]:
        kinds = (CheckIn, AcknowledgementResponse, Turn, Reflection)
        return [kind.objects.filter(author=sam).count() for kind in kinds]

    def is_complete() -> bool:
        alex = people["alex"]
        gone = not type(alex).objects.filter(pk=alex.pk).exists()
        return (
            gone
            and not LogEntry.objects.filter(author_id=alex.pk).exists()
            and keyring.is_shredded(keyring.key_id_of(alex))
            and sams_rows(people["sam"]) == people["sams"]
        )

    set_up()
    write = Write(
        send=lambda: people["client"].post("/delete/account/", {"understood": "on"}),
        is_complete=is_complete,
        undo=set_up,  # a deleted account cannot come back: a new couple for the next try
        undo_restores=False,
        # Told "something went wrong, nothing was lost", someone whose account is
        # gone would think it is still there.
        error_once_done=False,
    )
    assert fail_each_statement_in_turn(write, log_lines) > 50
    # Ending this browser's (already deleted) session comes after the commit; it
    # failed once above, and the person was still shown the "deleted" page.
    assert write.done_anyway


# --- The scheduler -------------------------------------------------------------------


def test_a_scheduler_pass_that_meets_a_failing_statement_is_caught_up_by_the_next(
    make_user: Any,
) -> None:
    """Periodic jobs and reminders: each enqueued exactly once after the next pass,
    wherever the first one failed; a reminder whose own row failed waits an hour
    (logged), it is neither lost nor sent twice."""
    people = [make_user(f"person{i}@example.com") for i in range(3)]
    for person in people:
        reminders.reminder_set(user=person, kind="daily_plan", enabled=True, at=time(8, 0))
    jobs = {job.task.module_path for job in scheduler.registered_jobs()}
    now = NOON  # far from midnight: a pass on the next local day would skip them
    due = now - timedelta(minutes=1)
    k = 0
    while True:
        k += 1
        Reminder.objects.update(next_due_at=due)
        DBTaskResult.objects.all().delete()
        PeriodicJob.objects.all().delete()
        fault = FailingStatement(k)
        # The command logs a failed pass and sleeps until the next one.
        with fault.installed(), suppress(OperationalError):
            scheduler.run_pass(now=now)
        scheduler.run_pass(now=now + timedelta(seconds=15))
        where = f"statement {k} ({(fault.failed or '')[:70]})"
        paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
        assert sorted(p for p in paths if p in jobs) == sorted(jobs), where
        delivered = [args[0] for args in _delivery_args()]
        assert len(delivered) == len(set(delivered)), f"{where}: a reminder queued twice"
        for person in people:
            if person.pk in delivered:
                continue
            # Not queued: only a row whose own claim failed, and it waits an hour.
            later = Reminder.objects.get(user=person).next_due_at
            assert later == now + reminders.BAD_ROW_BACKOFF, f"{where}: a reminder was lost"
        if fault.failed is None:
            assert sorted(delivered) == sorted(p.pk for p in people)
            break
    assert k > 10


def _delivery_args() -> list[list[Any]]:
    return [
        row["args"]
        for row in DBTaskResult.objects.filter(task_path__endswith="deliver_reminder").values_list(
            "args_kwargs", flat=True
        )
    ]


def test_the_scheduler_loop_keeps_running_after_a_pass_fails(
    capsys: Any, log_lines: LogLines
) -> None:
    command = run_scheduler.Command()
    real_pass = scheduler.run_pass
    passes: list[str] = []

    def one_pass() -> int:
        if not passes:
            passes.append("failed")
            with FailingStatement(1).installed():
                return real_pass()
        passes.append("ran")
        command.stopping = True  # as SIGTERM would, once this pass is done
        return real_pass()

    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        with mock.patch.object(run_scheduler, "run_pass", one_pass):
            call_command(command, interval=0)
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    assert passes == ["failed", "ran"]
    output = capsys.readouterr()
    assert "Scheduler pass failed; retrying on the next pass." in output.err
    assert "Scheduler stopped." in output.out
    assert any("ERROR" in line and "scheduler pass failed" in line for line in log_lines.lines)
    # The second pass did the first one's work.
    assert PeriodicJob.objects.count() == len(scheduler.registered_jobs())
