"""Fifty people writing at once for a minute, against gunicorn as deployed (the
Procfile's workers × threads) on the suite's own database (SQLite in WAL mode
with IMMEDIATE transactions, or PostgreSQL in the PostgreSQL pass): nobody sees
a server error or "database is locked", everyone gets writes through, and
every acknowledged write is stored exactly once with its full text.

Twenty of the fifty are ten linked couples, and everyone reads between writes
(the Today plan, their log, the couple's jar page), so writers contend with
readers as they would in use.

Two tabs editing the same text (the second save gets a conflict, and both
texts are kept) is proven elsewhere, on the web and the API:
``mendwell/journal/tests/test_log.py::test_two_tabs_editing_keep_both_texts``,
``mendwell/journal/tests/test_acknowledgements.py::test_two_tabs_editing_the_same_draft_keep_both_texts``
and ``tests/api/test_journal_api.py::
test_an_edit_without_if_match_is_refused_and_a_stale_one_keeps_the_newer_text``.
"""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing

import pytest

from scripts.instance import Instance
from tests.reliability.writers import (
    UNTHROTTLED,
    Writer,
    audit,
    people_in,
    stored_entries,
    suite_database,
    summary,
)

WRITERS = 50
COUPLES = 10  # twenty of the writers are partners; thirty are on their own
SECONDS = 60


@pytest.mark.django_db(transaction=True)
def test_fifty_writers_for_a_minute_see_no_error_and_lose_nothing(tmp_path):
    with (
        suite_database() as database_url,
        Instance(tmp_path / "instance", database_url, extra_env=UNTHROTTLED) as instance,
    ):
        instance.prepare()
        people = people_in(instance, WRITERS, couples=COUPLES)
        instance.start("web")
        writers = [
            Writer(person=person, base=lambda: instance.base, label=f"w{n}", reads=True, seed=n)
            for n, person in enumerate(people)
        ]
        try:
            for writer in writers:
                writer.start()
            time.sleep(SECONDS)
        finally:
            for writer in writers:
                writer.stop()
            for writer in writers:
                writer.join(timeout=120)
        instance.stop_all()
        stored = stored_entries(instance)
        if database_url is None:
            with closing(sqlite3.connect(instance.sqlite_path)) as database:
                (journal_mode,) = database.execute("PRAGMA journal_mode").fetchone()

    report = summary(writers)
    print(f"concurrency: {WRITERS} writers for {SECONDS} s, {report}")  # noqa: T201
    if database_url is None:
        assert journal_mode == "wal"  # what the test claims to exercise
    assert [writer.crash for writer in writers] == [None] * WRITERS
    assert [writer.is_alive() for writer in writers] == [False] * WRITERS
    # No 5xx, no "database is locked", no refusal of any kind, no dropped connection.
    assert [problem for writer in writers for problem in writer.problems] == []
    assert set(report["statuses"]) <= {200, 201}, report
    assert report["transport_errors"] == 0, report
    # Every writer got through, and all that was sent was acknowledged.
    assert [len(writer.acknowledged) > 0 for writer in writers] == [True] * WRITERS, [
        len(writer.acknowledged) for writer in writers
    ]
    assert report["acknowledged"] == report["writes_sent"], report
    assert audit(writers, stored) == []
    assert len(stored) == report["acknowledged"]
