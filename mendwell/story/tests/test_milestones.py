"""Milestones come from real events in the steps, and only their owner sees them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from mendwell.dates.services import plan_cancel
from mendwell.story.milestones import four_weekly_pulses_in_a_row, milestones_for
from mendwell.story.tests import events

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=ZoneInfo("UTC"))
TODAY = date(2026, 3, 20)


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def kinds(user):
    return [milestone.kind for milestone in milestones_for(user, today=TODAY)]


def test_nothing_has_happened_yet_so_there_are_no_milestones(checked, client_for):
    alex, _sam = checked
    assert kinds(alex) == []
    page = client_for(alex).get("/story/").content.decode()
    assert "They will appear here as they happen" in page


def test_sending_a_first_acknowledgement_is_alexs_milestone_only(checked, client_for):
    alex, sam = checked
    events.acknowledgement_sent(alex)
    assert kinds(alex) == ["first_acknowledgement"]
    assert kinds(sam) == []
    assert "You sent your first acknowledgement" in client_for(alex).get("/story/").content.decode()
    assert (
        "You sent your first acknowledgement" not in client_for(sam).get("/story/").content.decode()
    )


def test_a_guided_conversation_seen_through_counts_for_both_who_spoke(checked):
    alex, sam = checked
    events.conversation_finished(alex, sam)
    assert kinds(alex) == ["first_conversation"]
    assert kinds(sam) == ["first_conversation"]
    (milestone,) = milestones_for(alex, today=TODAY)
    assert milestone.day == TODAY


def test_a_conversation_ended_before_anyone_spoke_is_not_a_milestone(checked):
    alex, sam = checked
    events.conversation_finished(alex, sam, alex_speaks=False)
    assert kinds(alex) == []


def test_a_kept_promise_is_a_milestone_for_the_one_who_made_it(checked):
    alex, sam = checked
    events.promise_kept(alex, sam)
    assert kinds(alex) == ["first_kept_promise"]
    assert kinds(sam) == []


def test_a_date_counts_once_its_day_has_passed_and_not_if_cancelled(checked):
    alex, sam = checked
    coming = events.date_planned(alex, date(2026, 3, 25))
    assert kinds(alex) == []
    with time_machine.travel(datetime(2026, 3, 26, 9, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        later = date(2026, 3, 26)
        assert [m.day for m in milestones_for(alex, today=later)] == [date(2026, 3, 25)]
        # Planned together, so it happened for Sam too.
        assert [m.kind for m in milestones_for(sam, today=later)] == ["first_date"]
        plan_cancel(plan=coming)
        assert milestones_for(alex, today=later) == []


def test_a_saved_look_back_after_a_date_is_a_first_date(checked):
    alex, _sam = checked
    plan = events.date_planned(alex, date(2026, 3, 25))
    events.date_reflected(alex, plan, date(2026, 3, 19))
    assert [(m.kind, m.day) for m in milestones_for(alex, today=TODAY)] == [
        ("first_date", date(2026, 3, 19))
    ]


def test_milestones_are_listed_oldest_first_and_only_the_first_of_each_counts(checked):
    alex, sam = checked
    events.date_planned(alex, date(2026, 3, 2))
    events.date_planned(alex, date(2026, 3, 9))
    events.acknowledgement_sent(alex)
    events.acknowledgement_sent(alex)
    assert [(m.kind, m.day) for m in milestones_for(alex, today=TODAY)] == [
        ("first_date", date(2026, 3, 2)),
        ("first_acknowledgement", TODAY),
    ]


def test_four_weekly_pulses_in_a_row_is_a_milestone_and_a_missed_week_starts_again(alex):
    from mendwell.progress.registry import pulse
    from mendwell.progress.services import pulse_save

    answers = dict.fromkeys(pulse().item_ids, 5)

    def pulse_on(day):
        moment = datetime(day.year, day.month, day.day, 12, 0, tzinfo=ZoneInfo("UTC"))
        with time_machine.travel(moment, tick=False):
            pulse_save(user=alex, kind="weekly", answers=answers)

    # Weeks of 2 and 9 February, a week missed, then 23 Feb, 2, 9 and 16 March.
    for day in (date(2026, 2, 3), date(2026, 2, 10), date(2026, 2, 24), date(2026, 3, 3)):
        pulse_on(day)
    pulse_on(date(2026, 3, 10))
    assert four_weekly_pulses_in_a_row(alex) is None
    pulse_on(date(2026, 3, 17))
    assert four_weekly_pulses_in_a_row(alex) == date(2026, 3, 16)
    assert kinds(alex) == ["four_pulses"]


def test_the_day_is_the_day_where_the_person_lives(make_user):
    from conftest import link
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit

    # 02:00 UTC on 20 March is still the evening of 19 March in New York.
    with time_machine.travel(datetime(2026, 3, 20, 2, 0, tzinfo=ZoneInfo("UTC")), tick=False):
        alex = make_user("alex@example.com", "Alex", time_zone="America/New_York")
        sam = make_user("sam@example.com", "Sam")
        link(alex, sam)
        safety_check_submit(user=alex, answers=dict.fromkeys(ITEM_KEYS, "no"))
        events.acknowledgement_sent(alex)
    assert [m.day for m in milestones_for(alex, today=TODAY)] == [date(2026, 3, 19)]
