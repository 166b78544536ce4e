from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from mendwell.promises.follow_through import TOO_FEW, Occurrence, tally
from mendwell.promises.schedule import local_to_utc

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


def at_days_ago(days: float, *, kept: bool = True) -> Occurrence:
    return Occurrence(due_at=NOW - timedelta(days=days), kept=kept)


@pytest.mark.parametrize(
    ("days", "window", "counted"),
    [
        (28, 28, True),  # exactly four weeks ago: still inside
        (28 + 1 / 86_400, 28, False),  # one second older: outside
        (84, 84, True),
        (84 + 1 / 86_400, 84, False),
        (40, 28, False),
        (40, 84, True),
    ],
)
def test_the_window_edges_are_counted_exactly(days, window, counted):
    result = tally([at_days_ago(days)], now=NOW, days=window)
    assert (result.due, result.kept) == ((1, 1) if counted else (0, 0))


def test_what_is_not_due_yet_is_not_counted():
    result = tally([Occurrence(due_at=NOW + timedelta(minutes=1), kept=False)], now=NOW, days=28)
    assert result.due == 0


def test_a_time_not_yet_marked_counts_as_due_but_not_kept():
    result = tally([at_days_ago(1, kept=False), at_days_ago(2)], now=NOW, days=28)
    assert (result.kept, result.due) == (1, 2)


def test_times_after_a_promise_was_renegotiated_do_not_count():
    closed = NOW - timedelta(days=3)
    before = Occurrence(due_at=NOW - timedelta(days=4), kept=False, closed_at=closed)
    after = Occurrence(due_at=NOW - timedelta(days=2), kept=False, closed_at=closed)
    assert tally([before, after], now=NOW, days=28).due == 1


def test_an_undated_promise_counts_when_it_was_marked():
    marked = Occurrence(due_at=None, kept=True, marked_at=NOW - timedelta(days=1))
    unmarked = Occurrence(due_at=None, kept=False)
    result = tally([marked, unmarked], now=NOW, days=28)
    assert (result.kept, result.due) == (1, 1)


def test_few_times_due_give_counts_and_no_percentage():
    few = tally([at_days_ago(d) for d in range(1, TOO_FEW)], now=NOW, days=28)
    assert few.due == TOO_FEW - 1 and few.percent is None and not few.enough
    enough = tally(
        [at_days_ago(d, kept=d % 2 == 0) for d in range(1, TOO_FEW + 1)], now=NOW, days=28
    )
    assert enough.enough and enough.percent == 40  # 2 of 5


def test_the_edge_of_a_window_is_an_instant_whatever_the_authors_zone():
    # 08:00 in Tokyo on 2 June is 23:00 UTC on 1 June: 28 days and 13 hours before NOW.
    tokyo = local_to_utc(date(2026, 6, 2), time(8), "Asia/Tokyo")
    assert tokyo == datetime(2026, 6, 1, 23, tzinfo=UTC)
    occurrence = Occurrence(due_at=tokyo, kept=True)
    assert tally([occurrence], now=NOW, days=28).due == 0
    assert tally([occurrence], now=NOW + timedelta(hours=-13), days=28).due == 1
