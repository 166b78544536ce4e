"""Two years of daily use cost the same database queries per request as one week.

The pages ``bench/web.py`` times for growth (Today, step 3's nudges page, the
check-in form's POST and the API's first page of the log) are asked the same
number of questions for a couple in their first week and, after two years of
daily use have been added behind them, for the same couple again. Times belong
to the benchmark; the counts are exact, so they are held here, on SQLite and on
PostgreSQL. The history is the one the Today query budget uses
(``mendwell/today/tests/history.py``): check-ins with notes, answers, nudges
with notifications, log entries, promises with occurrences, weekly pulses,
dates, jar draws, guided talks and Today's marks, every day.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mendwell.checkins.models import CheckIn
from mendwell.today.tests.history import add_a_day_of_today_to_do, build_history

# A Friday: the week's look back is on Today's plan, so the plan is at its fullest.
FRIDAY = "2026-11-27 10:00:00+00:00"
WEEK, TWO_YEARS = 7, 730
CHECKIN = {"mood": "4", "closeness": "3", "note": "A quiet, good day."}


@pytest.fixture(autouse=True)
def _friday():
    # tick=False: the session's "last active" stamp is written at most once a
    # minute, so a moving clock could add a write to one count and not the other.
    with time_machine.travel(FRIDAY, tick=False):
        yield


def _queries(send: Any) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = send()
    return len(captured.captured_queries), response


def _costs(page: Any, api: Any) -> tuple[dict[str, int], dict[str, Any]]:
    """Queries per request for each page, and the answers (to check what they showed).

    Each request is sent once before it is counted: a first visit does one-off
    writes (the day's question is picked, today's check-in is created, the app
    token's "last used" is noted) that the benchmark's thousands of repeats never see.
    """
    counts, answers = {}, {}
    for name, send in {
        "today": lambda: page.get("/"),
        "nudges page": lambda: page.get("/thinking-of-you/"),
        "check-in POST": lambda: page.post("/check-in/", CHECKIN),
        "API log list": lambda: api.get("/log"),
    }.items():
        send()
        counts[name], answers[name] = _queries(send)
    return counts, answers


def test_two_years_of_daily_use_ask_no_more_queries_than_a_week(checked, client_for, api_for):
    alex, sam = checked
    today = timezone.localdate()
    build_history(alex, sam, days=WEEK, today=today)
    add_a_day_of_today_to_do(alex)
    page, api = client_for(alex), api_for(alex)
    week, week_answers = _costs(page, api)

    # Two years behind the first week, as if the couple had used Mendwell every day.
    build_history(alex, sam, days=TWO_YEARS - WEEK, today=today - timedelta(days=WEEK))
    years, years_answers = _costs(page, api)

    assert years == week
    # The history really is there: the log's first page is full and points to more,
    # where a week's fitted on one page; the check-in POSTs edited today's one row.
    assert week_answers["API log list"].json()["next"] is None
    assert len(years_answers["API log list"].json()["results"]) == 50
    assert years_answers["API log list"].json()["next"]
    assert years_answers["check-in POST"].status_code == 302
    assert CheckIn.objects.filter(author=alex, day=today).count() == 1
    assert CheckIn.objects.filter(author=alex).count() == TWO_YEARS + 1
    assert years_answers["today"].status_code == years_answers["nudges page"].status_code == 200
