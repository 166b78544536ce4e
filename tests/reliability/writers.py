"""The client side of the reliability tests, and the audits that check what it was told.

A :class:`Writer` is one person's app: a thread with its own httpx client and
app token that streams private log entries (``POST /api/v1/log``, free text
under an ``Idempotency-Key``) to a real server, optionally reading pages in
between. It keeps every entry it sent, with the exact text, and the id the
server acknowledged with a 201. A lost answer (the connection dropped, the
server was killed) is retried with the same key, as a careful client would:
the server must never make a second row for it.

:func:`audit` then compares the writers' records with what the instance's
database holds (read inside the instance, decrypted, by :func:`dump_entries`):
every acknowledged entry exists exactly once, under its author, with the full
text that was sent, and nothing exists that no writer sent.

The functions under "Inside the instance" run in the instance's own Django
(``instance.shell("from tests.reliability.writers import …")``), never in the
test process, which has the suite's database and not the instance's.
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from scripts.instance import Instance, drop_postgres_database, fresh_postgres_database

# httpx logs every request at INFO: fifty writers would bury a failure's
# captured log under thousands of lines.
logging.getLogger("httpx").setLevel(logging.WARNING)

LOG = "/api/v1/log"
# Reads a person makes between writes: their Today plan and their log, and
# for someone in a couple the jar page, which reads the partner's side too.
READS = ("/api/v1/today", "/api/v1/log?page_size=20")
COUPLE_READS = ("/api/v1/jar",)
# Generous: under 50 writers on two cores a request can queue for seconds;
# what a user would notice is an error, not a slow answer.
TIMEOUT = httpx.Timeout(60.0, connect=5.0)
RETRY_PAUSE = 0.05
# After the writers are told to stop, an entry still unanswered is retried
# this long (the server is up by then), so nearly every entry ends acknowledged.
DRAIN_SECONDS = 30.0

# Every writer comes from 127.0.0.1, so the API's per-address limit (600 a
# minute by default) would refuse fifty writers within seconds, and clients
# that write without pause outrun the per-person limit (300 a minute) too.
# The reliability tests raise both (``Instance(extra_env=UNTHROTTLED)``) so
# that they measure the server and the database, not the throttle; tests/api
# covers the limits themselves, and a 429 here still counts as a problem.
UNTHROTTLED = {"API_THROTTLE_USER": "1000000/m", "API_THROTTLE_IP": "1000000/m"}

TAGS = ("time", "attention", "affection", "promises", "support")
WORDS = (
    "we", "talked", "about", "the", "weekend", "and", "I", "forgot", "to", "call",
    "back", "dinner", "late", "again", "promised", "listen", "phone", "kitchen",
    "déjà", "vu", "naïve", "Grüße", "café", "—", "“quoted”", "✓", "日本語", "😊",
    "l'été", "don't", "50%", "<b>not", "html</b>", "&amp;", "a\\b", "tab\there",
)  # fmt: skip


@dataclass
class Person:
    pk: int
    token: str
    partner: int | None = None


@dataclass
class Write:
    key: str
    body: dict[str, Any]
    entry_id: str | None = None  # the id the server acknowledged (201)
    tries: int = 0
    replayed: bool = False  # acknowledged by a replay of an earlier, unanswered try


def entry_body(rng: random.Random, marker: str) -> dict[str, Any]:
    """A log entry whose every field is checked later: a unique marker first,
    then text of varied length (up to a few thousand characters), non-ASCII
    included; no surrounding whitespace, which the form would rightly strip."""

    def text(paragraphs: int) -> str:
        return "\n\n".join(
            " ".join(rng.choices(WORDS, k=rng.randint(1, 60))) + "." for _ in range(paragraphs)
        )

    return {
        "what_happened": f"[{marker}] {text(rng.randint(1, 6))}",
        "impact": text(rng.randint(0, 4)),
        "differently": text(rng.randint(0, 3)),
        "rough_period": rng.choice(("", "most of last winter", "l'été — août ✓")),
        "happened_on": rng.choice((None, "2025-06-01", "2026-01-10")),
        "tags": sorted(rng.sample(TAGS, k=rng.randint(0, 3))),
    }


def _content(entry: dict[str, Any]) -> dict[str, Any]:
    names = ("what_happened", "impact", "differently", "rough_period", "happened_on")
    return {**{name: entry[name] for name in names}, "tags": sorted(entry["tags"])}


class Writer(threading.Thread):
    """One person streaming log entries (and reads) until told to stop."""

    def __init__(
        self,
        *,
        person: Person,
        base: Callable[[], str],
        label: str,
        reads: bool = False,
        seed: int = 0,
    ) -> None:
        super().__init__(name=f"writer-{label}", daemon=True)
        self.person = person
        # Read before every request: a restarted server may listen elsewhere.
        self.base = base
        self.label = label
        self.reads = reads
        self.rng = random.Random(seed)
        self.stopping = threading.Event()
        self.writes: list[Write] = []
        self.statuses: Counter[int] = Counter()
        # What a user would notice: a 5xx, "database is locked", a wrong answer.
        self.problems: list[str] = []
        self.transport_errors = 0
        self.crash: str | None = None

    @property
    def acknowledged(self) -> list[Write]:
        return [write for write in self.writes if write.entry_id is not None]

    def stop(self) -> None:
        self.stopping.set()

    def run(self) -> None:
        headers = {"Authorization": f"Bearer {self.person.token}"}
        try:
            with httpx.Client(timeout=TIMEOUT, headers=headers) as client:
                number = 0
                while not self.stopping.is_set():
                    self._write(client, number)
                    number += 1
                    if self.reads:
                        self._read(client)
        except Exception as error:  # noqa: BLE001 (reported by the test, not lost in a thread)
            self.crash = repr(error)

    def _note(self, method: str, path: str, response: httpx.Response) -> None:
        self.statuses[response.status_code] += 1
        if response.status_code >= 500:
            self.problems.append(
                f"{response.status_code} on {method} {path}: {response.text[:300]}"
            )
        if "database is locked" in response.text.lower():
            self.problems.append(f"'database is locked' on {method} {path}")

    def _write(self, client: httpx.Client, number: int) -> None:
        write = Write(key=uuid.uuid4().hex, body=entry_body(self.rng, f"{self.label}:{number}"))
        self.writes.append(write)
        drain_until: float | None = None
        while True:
            if self.stopping.is_set():
                drain_until = drain_until or time.monotonic() + DRAIN_SECONDS
                if time.monotonic() > drain_until:
                    return
            write.tries += 1
            try:
                response = client.post(
                    self.base() + LOG, json=write.body, headers={"Idempotency-Key": write.key}
                )
            except httpx.TransportError:
                # No answer: not acknowledged. Retry with the same key.
                self.transport_errors += 1
                time.sleep(RETRY_PAUSE)
                continue
            self._note("POST", LOG, response)
            if response.status_code == 201:
                entry = response.json()["entry"]
                if _content(entry) != _content(write.body):
                    self.problems.append(f"the answer to {write.key} is not what was sent")
                write.entry_id = entry["id"]
                write.replayed = response.headers.get("Idempotent-Replayed") == "true"
                return
            if response.status_code < 500:
                self.problems.append(f"{response.status_code} on POST {LOG}: {response.text[:300]}")
                return
            time.sleep(RETRY_PAUSE)  # a 5xx is already a problem; a client would retry

    def _read(self, client: httpx.Client) -> None:
        paths = READS + (COUPLE_READS if self.person.partner else ())
        path = self.rng.choice(paths)
        try:
            response = client.get(self.base() + path)
        except httpx.TransportError:
            self.transport_errors += 1
            return
        self._note("GET", path, response)
        if response.status_code != 200:
            self.problems.append(f"{response.status_code} on GET {path}: {response.text[:300]}")


def audit(writers: list[Writer], stored: list[dict[str, Any]]) -> list[str]:
    """What is wrong between what the writers were told and what is stored.

    Every acknowledged entry exists exactly once, under its writer's person,
    with all the text that was sent; no stored entry was never sent; no two
    writes were acknowledged with the same id. An entry sent but never
    acknowledged may exist (its answer was lost), but only once.
    """
    problems: list[str] = []
    sent = {write.body["what_happened"]: write for writer in writers for write in writer.writes}
    copies = Counter(row["what_happened"] for row in stored)
    by_id = {row["id"]: row for row in stored}
    for row in stored:
        if row["what_happened"] not in sent:
            problems.append(f"entry {row['id']} was never sent by any writer")
        elif copies[row["what_happened"]] > 1:
            problems.append(f"entry {row['id']} is one of {copies[row['what_happened']]} copies")
    acknowledged_ids = Counter(w.entry_id for writer in writers for w in writer.acknowledged)
    for writer in writers:
        for write in writer.acknowledged:
            row = by_id.get(str(write.entry_id))
            if acknowledged_ids[write.entry_id] > 1:
                problems.append(f"{write.entry_id} was acknowledged for two different writes")
            if row is None:
                problems.append(f"acknowledged entry {write.entry_id} ({writer.label}) is missing")
            elif row["author"] != writer.person.pk:
                problems.append(f"entry {write.entry_id} is stored under another person")
            elif _content(row) != _content(write.body):
                problems.append(f"entry {write.entry_id} is stored with other text than was sent")
    return problems


def summary(writers: list[Writer]) -> dict[str, Any]:
    """Counts for the test's failure messages and its printed report."""
    statuses: Counter[int] = Counter()
    for writer in writers:
        statuses.update(writer.statuses)
    writes = [write for writer in writers for write in writer.writes]
    return {
        "writes_sent": len(writes),
        "acknowledged": sum(write.entry_id is not None for write in writes),
        "retried": sum(write.tries > 1 for write in writes),
        "replayed": sum(write.replayed for write in writes),
        "transport_errors": sum(writer.transport_errors for writer in writers),
        "statuses": dict(sorted(statuses.items())),
    }


# --- The instance's database -----------------------------------------------------------


@contextmanager
def suite_database() -> Iterator[str | None]:
    """A fresh, empty database of the suite's own kind for an ``Instance``.

    ``None`` on SQLite (the instance keeps its file in its data directory,
    where ``integrity_check`` can find it); on PostgreSQL a new database
    beside the suite's, dropped afterwards.
    """
    from django.db import connection

    if connection.vendor == "sqlite":
        yield None
        return
    params = connection.settings_dict
    admin = (
        f"postgres://{params['USER']}:{params['PASSWORD']}@{params['HOST'] or 'localhost'}"
        f":{params['PORT'] or 5432}/{params['NAME']}"
    )
    url = fresh_postgres_database(admin)
    try:
        yield url
    finally:
        drop_postgres_database(url)


def last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def people_in(instance: Instance, count: int, *, couples: int = 0) -> list[Person]:
    code = f"from tests.reliability.writers import make_people; make_people({count}, {couples})"
    return [Person(**row) for row in last_json(instance.shell(code))]


def stored_entries(instance: Instance) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = last_json(
        instance.shell("from tests.reliability.writers import dump_entries; dump_entries()")
    )
    return rows


# --- Inside the instance ---------------------------------------------------------------


def make_people(count: int, couples: int = 0) -> None:
    """``count`` people with an app token each; the first ``2 × couples`` linked in pairs.

    No password (no hashing: fast); they sign in with the token only.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    from mendwell.couples.services import invite_accept, invite_create
    from mendwell.security.tokens import token_create

    users, people = [], []
    for number in range(count):
        email = f"writer{number}@example.com"
        user = get_user_model().objects.create_user(
            email, None, display_name=f"Writer {number}", time_zone="Europe/London"
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        _row, token = token_create(user=user, name="reliability test")
        users.append(user)
        people.append({"pk": user.pk, "token": token, "partner": None})
    for pair in range(couples):
        first, second = users[2 * pair], users[2 * pair + 1]
        invite_accept(user=second, code=invite_create(user=first).code)
        people[2 * pair]["partner"], people[2 * pair + 1]["partner"] = second.pk, first.pk
    print(json.dumps(people))  # noqa: T201 (read by the test)


def dump_entries() -> None:
    """Every log entry in the database, decrypted, as one JSON line."""
    from mendwell.journal.models import LogEntry

    rows = [
        {
            "id": str(row.id),
            "author": row.author_id,
            "what_happened": row.what_happened,
            "impact": row.impact,
            "differently": row.differently,
            "rough_period": row.rough_period,
            "happened_on": row.happened_on.isoformat() if row.happened_on else None,
            "tags": row.tags,
        }
        for row in LogEntry.objects.order_by("created_at").iterator()
    ]
    print(json.dumps(rows))  # noqa: T201 (read by the test)


# --- Reminders, for the worker crash test ------------------------------------------------


@dataclass
class ReminderState:
    """What the instance holds after the worker runs, as read by :func:`report_reminders`."""

    expected: list[list[Any]] = field(default_factory=list)  # [email, kind] due today
    deliveries: list[list[Any]] = field(default_factory=list)  # [email, kind, local_date]
    notifications: list[list[Any]] = field(default_factory=list)  # [email, notification kind]
    tasks: list[list[Any]] = field(default_factory=list)  # [task, status, email, kind]
    subjects: dict[str, str] = field(default_factory=dict)  # reminder kind -> email subject
    notification_kinds: dict[str, str] = field(default_factory=dict)  # reminder kind -> kind


def _zone_near_noon() -> str:
    """An Etc/GMT zone where it is around midday now, so no reminder in the
    test straddles a local midnight (which would rightly drop it) or falls in
    the default quiet hours."""
    from django.utils import timezone

    offset = max(-12, min(14, 12 - timezone.now().hour))
    # Etc/GMT signs are inverted: Etc/GMT-5 is five hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def reminders_due(count: int) -> None:
    """``count`` people with a daily-plan and a check-in reminder due now, by
    email; then the scheduler's claim, which enqueues one delivery task each."""
    from datetime import time as wall_time
    from datetime import timedelta

    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from mendwell.notify.models import ChannelChoice
    from mendwell.reminders.models import Kind, Reminder
    from mendwell.reminders.services import claim_due

    zone, now = _zone_near_noon(), timezone.now()
    for number in range(count):
        user = get_user_model().objects.create_user(
            f"person{number}@example.com", None, time_zone=zone
        )
        ChannelChoice.objects.create(user=user, email=True, push=False)
        for kind in (Kind.DAILY_PLAN, Kind.CHECK_IN):
            Reminder.objects.create(
                user=user,
                kind=kind,
                enabled=True,
                at=wall_time(0, 0),  # what matters is that it is due now
                next_due_at=now - timedelta(seconds=1),
            )
    print(json.dumps({"enqueued": claim_due(timezone.now())}))  # noqa: T201


def report_reminders() -> None:
    from django.contrib.auth import get_user_model
    from django_tasks_db.models import DBTaskResult

    from mendwell.core.notification_texts import MESSAGES
    from mendwell.notify.models import Notification
    from mendwell.reminders.models import Kind, Reminder, ReminderDelivery
    from mendwell.reminders.services import NOTIFICATION_KIND

    emails = dict(get_user_model().objects.values_list("pk", "email"))
    tasks = []
    for task in DBTaskResult.objects.all():
        args = task.args_kwargs["args"]
        tasks.append([task.task_path.rsplit(".", 1)[-1], task.status, emails[args[0]], args[1]])
    state = ReminderState(
        expected=[
            [emails[user], kind] for user, kind in Reminder.objects.values_list("user", "kind")
        ],
        deliveries=[
            [emails[user], kind, day.isoformat()]
            for user, kind, day in ReminderDelivery.objects.values_list(
                "user", "kind", "local_date"
            )
        ],
        notifications=[
            [emails[user], kind]
            for user, kind in Notification.objects.values_list("recipient", "kind")
        ],
        tasks=tasks,
        subjects={kind.value: str(MESSAGES[NOTIFICATION_KIND[kind]].title) for kind in Kind},
        notification_kinds={kind.value: NOTIFICATION_KIND[kind] for kind in Kind},
    )
    print(json.dumps(state.__dict__))  # noqa: T201 (read by the test)


def reminder_state(instance: Instance) -> ReminderState:
    code = "from tests.reliability.writers import report_reminders; report_reminders()"
    return ReminderState(**last_json(instance.shell(code)))
