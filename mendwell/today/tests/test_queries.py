"""Today's page asks the database a fixed, small number of questions, however long the
couple's history: a year of using every step costs no more than a month."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mendwell.today.tests.history import add_a_day_of_today_to_do, build_history

FRIDAY = "2026-11-27 10:00:00+00:00"  # the week's look back is on the plan from Friday on
MAX_QUERIES = 15


@pytest.fixture(autouse=True)
def _friday():
    with time_machine.travel(FRIDAY, tick=False):
        yield


def _queries_for_today(client) -> tuple[int, str]:
    client.get("/")  # the day's first visit picks today's question
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/")
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_year_of_history_keeps_today_within_its_query_budget(
    checked, client_for, django_assert_max_num_queries
):
    alex, sam = checked
    build_history(alex, sam, days=365)
    add_a_day_of_today_to_do(alex)
    client = client_for(alex)
    client.get("/")
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/").content.decode()
    # The plan still offers today's things, not the year behind them.
    assert "A promise due today" in page and "I will cook tonight" in page
    assert "Time together coming up" in page
    assert "days running" in page  # the streak, from a bounded window of marks


def test_more_history_adds_no_queries(checked, client_for):
    alex, sam = checked
    today = timezone.localdate()
    build_history(alex, sam, days=30, today=today)
    add_a_day_of_today_to_do(alex)
    client = client_for(alex)
    month, month_page = _queries_for_today(client)
    build_history(alex, sam, days=335, today=today - timedelta(days=30))
    year, year_page = _queries_for_today(client)
    assert year == month <= MAX_QUERIES
    assert year_page.count("plan-item") == month_page.count("plan-item")


def test_with_nothing_planned_the_idea_suggestion_still_fits_the_budget(
    checked, client_for, django_assert_max_num_queries
):
    alex, sam = checked
    build_history(alex, sam, days=365)  # every date in the past: the plan suggests one
    client = client_for(alex)
    client.get("/")
    with django_assert_max_num_queries(MAX_QUERIES):
        page = client.get("/").content.decode()
    assert "Plan some time together" in page or "An idea for time together" in page
