"""Today's plan: one small thing from each step, done or not today, a gentle private streak."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
import time_machine

from mendwell.checkins.models import CheckIn
from mendwell.dates.models import DatePlan
from mendwell.jar.models import JarAct
from mendwell.today.models import TodayMark
from mendwell.today.plan import plan_for
from mendwell.today.streak import streak

FRIDAY = "2026-11-27 10:00:00+00:00"


@pytest.fixture(autouse=True)
def _friday():
    with time_machine.travel(FRIDAY, tick=False):
        yield


def keys(user):
    return [item.key for item in plan_for(user)]


def test_a_linked_and_checked_person_gets_a_short_plan_from_the_steps(checked):
    alex, _sam = checked
    assert keys(alex) == ["question", "date", "checkin", "pulse", "nudge"]


def test_someone_alone_gets_only_what_works_alone(robin):
    assert keys(robin) == ["checkin", "pulse", "week"]


def test_items_leave_the_plan_once_their_step_is_done(checked, client_for):
    alex, sam = checked
    CheckIn.objects.create(author=alex, day=date(2026, 11, 27), mood=3, closeness=3)
    client_for(alex).post("/questions/", {"text": "an answer"})
    DatePlan.objects.create(
        author=alex, starts_on=date(2026, 11, 28), start_time=time(19), time_zone="Europe/London"
    )
    plan = {item.key: item for item in plan_for(alex)}
    assert "checkin" not in plan and "question" not in plan
    assert plan["date"].title == "Time together coming up"
    assert plan["date"].text == "Saturday 28 November, 19:00"


def test_the_jar_appears_on_draw_day(checked, client_for):
    alex, sam = checked
    JarAct.objects.create(author=sam, text="tea", couple=None)
    client_for(alex).post("/jar/day/", {"weekday": "4"})  # Friday
    assert "jar" in keys(alex)


def test_done_and_not_today_set_items_aside_and_can_be_undone(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    client.post("/today/mark/", {"key": "checkin", "state": "done"})
    client.post("/today/mark/", {"key": "nudge", "state": "not_today"})
    page = client.get("/").content.decode()
    assert "2 items set aside today" in page
    client.post("/today/mark/", {"key": "nudge", "state": "undo"})
    assert "1 item set aside today" in client.get("/").content.decode()
    assert TodayMark.objects.filter(user=alex).count() == 1


def test_marks_for_unknown_items_or_states_change_nothing(checked, client_for):
    alex, _sam = checked
    client = client_for(alex)
    response = client.post("/today/mark/", {"key": "nonsense", "state": "done"}, follow=True)
    assert "isn&#x27;t on today&#x27;s plan" in response.content.decode()
    client.post("/today/mark/", {"key": "checkin", "state": "bogus"})
    assert not TodayMark.objects.exists()


def test_the_streak_is_private_and_never_framed_as_a_loss(checked, client_for):
    alex, sam = checked
    for days_ago in (1, 2, 4):  # day 3 was a rest day
        TodayMark.objects.create(
            user=alex,
            day=date(2026, 11, 27) - timedelta(days=days_ago),
            key="checkin",
            state="done",
        )
    alex_page = client_for(alex).get("/").content.decode()
    assert "You've shown up 3 days running. Rest days don't break it." in alex_page
    sam_page = client_for(sam).get("/").content.decode()
    assert "shown up" not in sam_page


def test_sams_today_is_the_same_whatever_alex_marked(checked, client_for):
    from tests.security_support import normalise

    alex, sam = checked
    before = client_for(sam).get("/")
    client_for(alex).post("/today/mark/", {"key": "checkin", "state": "done"})
    after = client_for(sam).get("/")
    assert normalise(before, {}) == normalise(after, {})


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], 0),
        ([0], 1),
        ([1, 2, 3], 3),
        ([0, 2, 4], 3),  # single rest days are forgiven
        ([0, 3], 1),  # two missed days in a row end the run
        ([2], 1),  # yesterday is a rest day so far
        ([3], 0),
    ],
)
def test_streak_rules(days, expected):
    today = date(2026, 11, 27)
    assert streak([today - timedelta(days=n) for n in days], today=today) == expected


def test_a_promise_due_today_leads_the_plan(checked):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from mendwell.promises.models import Promise, PromiseOccurrence

    alex, _sam = checked
    promise = Promise.objects.create(
        author=alex, text="I will cook tonight", time_zone="Europe/London"
    )
    PromiseOccurrence.objects.create(
        promise=promise, seq=1, due_at=datetime(2026, 11, 27, 18, 0, tzinfo=ZoneInfo("UTC"))
    )
    (first, *_rest) = plan_for(alex)
    assert (first.key, first.text) == ("promise", "I will cook tonight")


def test_the_touch_invitation_shows_only_once_both_opted_in_and_never_takes_marks(checked):
    from mendwell.affection.services import affection_opt_in, challenge_start, comfort_set

    alex, sam = checked
    assert "touch" not in keys(alex)
    for person in (alex, sam):
        comfort_set(profile=affection_opt_in(user=person), open_kinds=["hold_hands"])
    challenge_start(user=alex, today=date(2026, 11, 27))
    touch = [item for item in plan_for(alex) if item.key == "touch"]
    assert touch and touch[0].markable is False


def test_with_nothing_planned_the_idea_follows_what_the_partner_shared(checked):
    import uuid

    from mendwell.loved.models import RATING_FIELDS
    from mendwell.loved.services import ratings_save, ratings_share_set

    alex, sam = checked
    ratings = dict.fromkeys(RATING_FIELDS, 0)
    ratings["receiving_gifts"] = 4
    ratings_save(user=sam, snapshot_id=uuid.uuid4(), ratings=ratings)
    ratings_share_set(user=sam, shared=True)
    (date_item,) = [item for item in plan_for(alex) if item.key == "date"]
    assert date_item.title == "An idea for time together"
    assert "Sam rated" in date_item.text and "?idea=" in date_item.url


def test_the_week_look_back_and_thinking_of_you_leave_once_done_for_the_day(checked, client_for):
    import uuid

    from mendwell.checkins.models import WeekNote
    from mendwell.nudges.models import DAILY_LIMIT
    from mendwell.nudges.services import nudge_send

    alex, _sam = checked
    WeekNote.objects.create(author=alex, week_of=date(2026, 11, 23), kind="went_well", text="x")
    for _ in range(DAILY_LIMIT):
        nudge_send(user=alex, nudge_id=uuid.uuid4(), note="")
    page = client_for(alex).get("/").content.decode()
    assert "Look back on the week" not in page and "One tap lets your partner" not in page
    assert "How are you today?" in page  # the rest of the plan is still there


def test_the_weekly_pulse_is_on_the_plan_until_answered_this_week(robin):
    from mendwell.progress import registry
    from mendwell.progress.services import pulse_save

    plan = {item.key: item for item in plan_for(robin)}
    assert plan["pulse"].title == "Your weekly pulse" and plan["pulse"].url == "/progress/"
    answers = dict.fromkeys(registry.pulse().item_ids, 6)
    pulse_save(user=robin, kind="weekly", answers=answers)
    assert "pulse" not in keys(robin)
    with time_machine.travel("2026-11-30 15:00:00+00:00", tick=False):  # the next Monday
        assert "pulse" in keys(robin)


def _date_on(author, day, at, zone="Europe/London", minutes=90):
    return DatePlan.objects.create(
        author=author,
        starts_on=day,
        start_time=at,
        time_zone=zone,
        duration_minutes=minutes,
    )


def test_coming_up_counts_seven_days_in_the_readers_own_zone(checked, client_for):
    alex, _sam = checked  # in London; it is Friday 27 November, 10:00
    # 20:00 next Friday in Los Angeles is already Saturday 5 December in London: too far.
    _date_on(alex, date(2026, 12, 4), time(20, 0), zone="America/Los_Angeles")
    assert "date" not in keys(alex)
    # 08:00 on Saturday 5 December in Auckland is 19:00 on Friday 4 December in London.
    _date_on(alex, date(2026, 12, 5), time(8, 0), zone="Pacific/Auckland")
    (item,) = [item for item in plan_for(alex) if item.key == "date"]
    assert item.title == "Time together coming up"
    assert item.text == "Friday 4 December, 19:00"
    assert "Friday 4 December, 19:00" in client_for(alex).get("/").content.decode()


def test_coming_up_is_shown_at_the_readers_own_time(robin, client_for):
    # Robin is in New York: 19:00 in London is 14:00 there.
    _date_on(robin, date(2026, 12, 1), time(19, 0))
    (item,) = [item for item in plan_for(robin) if item.key == "date"]
    assert item.text == "Tuesday 1 December, 14:00"
    assert "Tuesday 1 December, 14:00" in client_for(robin).get("/").content.decode()


def test_a_date_that_is_over_leaves_today_and_one_under_way_stays(checked):
    alex, _sam = checked  # 10:00 in London
    over = _date_on(alex, date(2026, 11, 27), time(8, 0))  # 08:00 to 09:30
    plan = {item.key: item for item in plan_for(alex)}
    assert plan["date"].title == "Plan some time together"  # nothing else is coming up
    over.delete()
    _date_on(alex, date(2026, 11, 27), time(9, 0))  # 09:00 to 10:30: on now
    plan = {item.key: item for item in plan_for(alex)}
    assert plan["date"].title == "Time together coming up"
    assert plan["date"].text == "Friday 27 November, 09:00"


def test_a_weekly_date_that_is_over_today_shows_next_weeks(checked):
    alex, _sam = checked
    DatePlan.objects.create(
        author=alex,
        starts_on=date(2026, 11, 20),
        start_time=time(7, 0),
        time_zone="Europe/London",
        repeat="weekly",
        repeat_until=date(2026, 12, 31),
    )
    (item,) = [item for item in plan_for(alex) if item.key == "date"]
    assert item.text == "Friday 4 December, 07:00"
