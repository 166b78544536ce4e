from __future__ import annotations

from datetime import UTC, date, datetime, time

from mendwell.promises.models import MAX_OCCURRENCES
from mendwell.promises.schedule import due_instants


def test_a_date_without_a_time_means_the_end_of_that_day_where_the_author_lives():
    (due,) = due_instants(first=date(2026, 7, 3), at=None, zone="Europe/London", recurrence="none")
    assert due == datetime(2026, 7, 3, 22, 59, tzinfo=UTC)  # 23:59 in British summer time


def test_a_promise_without_a_date_has_one_undated_occurrence():
    assert due_instants(first=None, at=None, zone="UTC", recurrence="none") == [None]


def test_every_evening_this_week_is_seven_evenings_at_the_same_local_time():
    dues = due_instants(
        first=date(2026, 3, 26), at=time(20), zone="Europe/London", recurrence="daily", count=7
    )
    assert len(dues) == 7
    # The clocks go forward on 29 March: 20:00 local stays 20:00, so UTC moves an hour.
    assert dues[0] == datetime(2026, 3, 26, 20, tzinfo=UTC)
    assert dues[-1] == datetime(2026, 4, 1, 19, tzinfo=UTC)


def test_an_end_date_stops_a_weekly_promise_on_or_before_it():
    dues = due_instants(
        first=date(2026, 5, 1),
        at=time(9),
        zone="America/New_York",
        recurrence="weekly",
        until=date(2026, 5, 22),
    )
    assert [d.date() for d in dues] == [date(2026, 5, d) for d in (1, 8, 15, 22)]


def test_the_count_or_the_end_date_whichever_comes_first():
    dues = due_instants(
        first=date(2026, 5, 1),
        at=None,
        zone="UTC",
        recurrence="daily",
        count=10,
        until=date(2026, 5, 3),
    )
    assert len(dues) == 3


def test_a_repeating_promise_without_a_limit_stops_at_the_cap():
    dues = due_instants(first=date(2026, 5, 1), at=None, zone="UTC", recurrence="daily")
    assert len(dues) == MAX_OCCURRENCES
