"""When a reminder falls due, across every IANA zone and its clock changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

from hypothesis import given, settings
from hypothesis import strategies as st

from mendwell.reminders.schedule import next_due

ZONES = sorted(available_timezones())
LONDON = ZoneInfo("Europe/London")

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)
# Folds included on purpose: the schedule must treat a chosen time as a plain wall time.
wall_times = st.times().map(lambda at: at.replace(second=0, microsecond=0))


def _exists(day_start: datetime, at: time, zone: ZoneInfo) -> bool:
    """Whether wall time ``at`` happens on that local day (not inside a gap)."""
    local = datetime.combine(day_start.date(), at, tzinfo=zone)
    back = local.astimezone(UTC).astimezone(zone)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


@settings(max_examples=3000, deadline=None)
@given(zone_name=st.sampled_from(ZONES), after=instants, at=wall_times)
def test_a_daily_reminder_comes_next_at_the_chosen_wall_time_in_every_zone(zone_name, after, at):
    zone = ZoneInfo(zone_name)
    due = next_due(at=at, zone=zone, after=after)
    assert due > after
    # Never skips a day: within a day and the longest clock change (plus a
    # skipped calendar day in a zone like Pacific/Apia).
    assert due - after <= timedelta(hours=49)
    local = due.astimezone(zone)
    if _exists(local, at, zone):
        assert local.time().replace(fold=0) == at
    else:
        # Inside a spring-forward gap it fires as the clocks jump, within the gap.
        gap_start = datetime.combine(local.date(), at, tzinfo=zone)
        assert timedelta(0) <= due - gap_start.astimezone(UTC) <= timedelta(hours=2)


@settings(max_examples=1000, deadline=None)
@given(
    zone_name=st.sampled_from(ZONES),
    after=instants,
    at=wall_times,
    weekday=st.integers(min_value=0, max_value=6),
)
def test_a_weekly_reminder_lands_on_its_day_within_a_week(zone_name, after, at, weekday):
    zone = ZoneInfo(zone_name)
    due = next_due(at=at, zone=zone, after=after, weekday=weekday)
    assert due > after
    assert due - after <= timedelta(days=8, hours=1)
    local = due.astimezone(zone)
    if _exists(local, at, zone):
        assert local.weekday() == weekday


@settings(max_examples=300, deadline=None)
@given(zone_name=st.sampled_from(ZONES), after=instants, at=wall_times)
def test_asking_again_from_the_due_moment_gives_the_next_day_never_the_same(zone_name, after, at):
    zone = ZoneInfo(zone_name)
    first = next_due(at=at, zone=zone, after=after)
    second = next_due(at=at, zone=zone, after=first)
    assert second > first
    assert second.astimezone(zone).date() > first.astimezone(zone).date()


def test_a_time_in_the_spring_gap_fires_as_the_clocks_jump():
    # 01:30 does not exist in London on 29 March 2026; it fires at 02:30 BST.
    due = next_due(at=time(1, 30), zone=LONDON, after=datetime(2026, 3, 28, 12, tzinfo=UTC))
    assert due == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert due.astimezone(LONDON).strftime("%H:%M %Z") == "02:30 BST"


def test_a_time_that_happens_twice_in_autumn_fires_once_at_the_first():
    after = datetime(2026, 10, 24, 12, tzinfo=UTC)
    due = next_due(at=time(1, 30), zone=LONDON, after=after)
    assert due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # 01:30 BST
    again = next_due(at=time(1, 30), zone=LONDON, after=due)
    assert again.astimezone(LONDON).date().day == 26  # not 01:30 GMT the same night


def test_an_evening_reminder_keeps_its_wall_time_across_the_change():
    after = datetime(2026, 3, 28, 20, tzinfo=UTC)
    due = next_due(at=time(19, 0), zone=LONDON, after=after)
    assert due.astimezone(LONDON).strftime("%d %H:%M") == "29 19:00"
    assert due == datetime(2026, 3, 29, 18, 0, tzinfo=UTC)


def test_a_time_in_a_gap_at_midnight_stays_on_its_own_day_whatever_its_fold():
    # Newfoundland jumped from 00:01 to 01:01 on Sunday 2 April 2000.
    zone = ZoneInfo("America/St_Johns")
    after = datetime(2000, 4, 1, 0, 0, tzinfo=UTC)
    for fold in (0, 1):
        due = next_due(at=time(0, 1, fold=fold), zone=zone, after=after, weekday=6)
        assert due.astimezone(zone).strftime("%a %d %H:%M") == "Sun 02 01:01"
