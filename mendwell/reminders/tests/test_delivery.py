"""Claiming due reminders and delivering each at most once, through the real worker."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django_tasks_db.models import DBTaskResult

from mendwell.checkins.services import checkin_save, week_notes_save
from mendwell.core.notification_texts import DENYLIST, MESSAGES
from mendwell.dates.models import Repeat
from mendwell.dates.services import plan_create
from mendwell.notify.models import Notification
from mendwell.notify.services import channels_set
from mendwell.reminders import services
from mendwell.reminders.models import Kind, Reminder, ReminderDelivery

pytestmark = pytest.mark.django_db
# 07:00 on Thursday 26 November 2026 in London (GMT, so UTC too).
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


@pytest.fixture
def claim(django_capture_on_commit_callbacks):
    """The scheduler's reminder pass, with its after-commit enqueue carried out."""

    def run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return services.claim_due(now)

    return run


def _deliver_tasks() -> list[DBTaskResult]:
    return list(DBTaskResult.objects.filter(task_path__endswith="deliver_reminder"))


def _remind(user, kind=Kind.DAILY_PLAN, at=time(8, 0), weekday=None) -> Reminder:
    with time_machine.travel(MORNING, tick=False):
        return services.reminder_set(user=user, kind=kind, enabled=True, at=at, weekday=weekday)


def test_choosing_a_time_sets_the_next_due_moment_in_the_persons_zone(alex, robin):
    reminder = _remind(alex)
    assert reminder.next_due_at == datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
    # Robin is in New York: 08:00 there is 13:00 UTC.
    assert _remind(robin).next_due_at == datetime(2026, 11, 26, 13, 0, tzinfo=UTC)


def test_turning_a_reminder_off_takes_it_out_of_the_schedule(alex, claim):
    _remind(alex)
    off = services.reminder_set(user=alex, kind=Kind.DAILY_PLAN, enabled=False, at=time(8, 0))
    assert off.next_due_at is None
    assert claim(MORNING + timedelta(days=3)) == 0


def test_a_due_reminder_is_claimed_once_however_often_the_scheduler_looks(alex, claim):
    reminder = _remind(alex)
    due = MORNING + timedelta(hours=1, seconds=5)
    assert claim(due) == 1
    assert claim(due) == 0
    assert claim(due + timedelta(minutes=10)) == 0
    (task,) = _deliver_tasks()
    assert task.args_kwargs["args"] == [alex.pk, "daily_plan", "2026-11-26"]
    reminder.refresh_from_db()
    assert reminder.next_due_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)


def test_a_scheduler_that_read_the_row_before_another_moved_it_enqueues_nothing(alex, claim):
    reminder = _remind(alex)
    stale_due = reminder.next_due_at
    claim(MORNING + timedelta(hours=2))
    # The second scheduler's conditional UPDATE no longer matches the row.
    assert (
        Reminder.objects.filter(pk=reminder.pk, next_due_at=stale_due).update(next_due_at=None) == 0
    )
    assert len(_deliver_tasks()) == 1


def test_after_downtime_a_reminder_is_sent_only_within_the_same_local_day(alex, claim):
    reminder = _remind(alex)
    # Back up at 23:00 the same day: still sent.
    assert claim(datetime(2026, 11, 26, 23, 0, tzinfo=UTC)) == 1
    # Down for two days: the missed one is dropped, and the next is tomorrow's.
    Reminder.objects.filter(pk=reminder.pk).update(
        next_due_at=datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    )
    assert claim(datetime(2026, 11, 29, 6, 0, tzinfo=UTC)) == 0
    reminder.refresh_from_db()
    assert reminder.next_due_at == datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    assert len(_deliver_tasks()) == 1


def test_one_row_that_cannot_be_scheduled_does_not_stop_the_others(alex, robin, monkeypatch, claim):
    broken = _remind(alex)
    _remind(robin)
    real_next_due = services.next_due

    def fails_for_london(*, zone, **kwargs):
        if str(zone) == "Europe/London":
            raise ValueError("corrupt row")
        return real_next_due(zone=zone, **kwargs)

    monkeypatch.setattr(services, "next_due", fails_for_london)
    now = MORNING + timedelta(hours=8)
    assert claim(now) == 1  # Robin's still goes
    broken.refresh_from_db()
    assert broken.next_due_at == now + services.BAD_ROW_BACKOFF  # not retried every pass


def _deliver(user, kind=Kind.DAILY_PLAN, day=date(2026, 11, 26), at=MORNING + timedelta(hours=1)):
    with time_machine.travel(at, tick=False):
        return services.deliver(user_id=user.pk, kind=kind, local_date=day)


def test_a_reminder_is_delivered_at_most_once_a_day(alex):
    _remind(alex)
    assert _deliver(alex) == "delivered"
    assert _deliver(alex) == "already delivered"
    (notification,) = Notification.objects.filter(recipient=alex)
    assert notification.kind == "reminder.daily"
    assert ReminderDelivery.objects.filter(user=alex).count() == 1


def test_a_reminder_turned_off_after_it_was_enqueued_is_not_sent(alex):
    _remind(alex)
    services.reminder_set(user=alex, kind=Kind.DAILY_PLAN, enabled=False, at=time(8, 0))
    assert _deliver(alex) == "turned off"
    assert not Notification.objects.filter(recipient=alex).exists()


def test_a_delivery_that_waited_past_midnight_is_dropped(alex):
    _remind(alex)
    late = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)
    assert _deliver(alex, at=late) == "missed the day"


def test_no_check_in_reminder_once_the_person_has_checked_in(alex):
    _remind(alex, Kind.CHECK_IN, at=time(20, 0))
    checkin_save(user=alex, day=date(2026, 11, 26), mood=4, closeness=4, note="", share=False)
    assert _deliver(alex, Kind.CHECK_IN) == "nothing to remind of"
    assert (
        _deliver(alex, Kind.CHECK_IN, day=date(2026, 11, 27), at=MORNING + timedelta(days=1))
        == "delivered"
    )


def test_a_date_reminder_comes_only_on_a_day_with_a_date(checked):
    alex, sam = checked
    _remind(sam, Kind.DATE, at=time(9, 0))
    with time_machine.travel(MORNING, tick=False):
        plan_create(
            user=alex,
            starts_on=date(2026, 11, 28),
            start_time=time(19, 0),
            time_zone="Europe/London",
            duration_minutes=120,
            repeat=Repeat.NONE,
            repeat_until=None,
            note="",
        )
    assert _deliver(sam, Kind.DATE) == "nothing to remind of"
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert _deliver(sam, Kind.DATE, day=date(2026, 11, 28), at=saturday) == "delivered"
    (notification,) = Notification.objects.filter(recipient=sam)
    assert notification.kind == "reminder.date"


def test_the_weekly_reminder_is_skipped_once_the_week_is_looked_back_on(alex):
    _remind(alex, Kind.WEEKLY, at=time(18, 0), weekday=3)
    week_notes_save(
        user=alex, week_of=date(2026, 11, 23), texts={"went_well": "A walk."}, shares={}
    )
    assert _deliver(alex, Kind.WEEKLY) == "nothing to remind of"


def test_reminders_can_stay_out_of_the_app_list_and_still_arrive_by_email(
    alex, django_capture_on_commit_callbacks
):
    _remind(alex)
    channels_set(user=alex, email=True, reminders_in_app=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert _deliver(alex) == "delivered"
    assert not Notification.objects.filter(recipient=alex).exists()
    assert DBTaskResult.objects.filter(task_path__endswith="notify.tasks.send_email").count() == 1


def test_quiet_hours_hold_back_email_but_the_reminder_waits_in_the_app(
    alex, django_capture_on_commit_callbacks
):
    _remind(alex, at=time(6, 30))
    channels_set(
        user=alex, email=True, quiet_hours=True, quiet_from=time(22, 0), quiet_until=time(7, 0)
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert _deliver(alex, at=datetime(2026, 11, 26, 6, 30, tzinfo=UTC)) == "delivered"
    assert callbacks == []
    assert Notification.objects.filter(recipient=alex, kind="reminder.daily").exists()


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_and_worker_deliver_a_content_neutral_email(alex):
    _remind(alex)
    channels_set(user=alex, email=True)
    with time_machine.travel(MORNING + timedelta(hours=1, minutes=1), tick=False):
        call_command("run_scheduler", once=True)
        call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*")
    (message,) = mail.outbox
    assert message.to == [alex.email]
    assert message.subject == str(MESSAGES["reminder.daily"].title)
    text = f"{message.subject} {message.body}".lower()
    assert not [word for word in DENYLIST if word in text]
    assert "alex" not in text


def test_every_reminder_text_is_content_neutral():
    for kind in services.NOTIFICATION_KIND.values():
        message = MESSAGES[kind]
        text = f"{message.title} {message.body}".lower()
        assert not [word for word in DENYLIST if word in text], kind


def test_finding_due_reminders_uses_the_partial_index(alex):
    from django.db import connection

    _remind(alex)
    query = Reminder.objects.filter(next_due_at__lte=MORNING).order_by("next_due_at")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # a tiny table would be scanned anyway
    assert "reminder_due_idx" in query.explain()


def test_a_claim_and_its_delivery_commit_or_roll_back_together(alex):
    reminder = _remind(alex)
    with pytest.raises(DatabaseError), transaction.atomic():
        assert services.claim_due(MORNING + timedelta(hours=2)) == 1
        assert len(_deliver_tasks()) == 1
        raise DatabaseError("the commit failed")  # e.g. the disk is full
    # Nothing half-done: the next pass claims it again, and delivers it once.
    assert _deliver_tasks() == []
    assert Reminder.objects.get(pk=reminder.pk).next_due_at == reminder.next_due_at
    assert services.claim_due(MORNING + timedelta(hours=2)) == 1
    assert len(_deliver_tasks()) == 1


@pytest.mark.parametrize(
    ("person", "wall", "expected_utc"),
    [
        # London's spring gap (01:00-02:00 on 29 March 2026): 01:30 fires as the clocks jump.
        ("alex", time(1, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
        # London's autumn fold (01:00-02:00 twice on 25 October 2026): once, at the first.
        ("alex", time(1, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        # New York's spring gap (02:00-03:00 on 8 March 2026): 02:30 fires at 03:30 EDT.
        ("robin", time(2, 30), datetime(2026, 3, 8, 7, 30, tzinfo=UTC)),
        # New York's autumn fold (01:00-02:00 twice on 1 November 2026): once, at 01:30 EDT.
        ("robin", time(1, 30), datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
    ],
    ids=["london-spring", "london-autumn", "new-york-spring", "new-york-autumn"],
)
def test_ts98_on_a_clock_change_day_the_reminder_is_claimed_once_at_its_local_time(
    request, claim, person, wall, expected_utc
):
    user = request.getfixturevalue(person)
    start = expected_utc - timedelta(hours=12)
    with time_machine.travel(start, tick=False):
        services.reminder_set(user=user, kind=Kind.DAILY_PLAN, enabled=True, at=wall)
    step = timedelta(minutes=5)
    claimed_at = []
    moment = start
    # The scheduler looks every few minutes from half a day before to half a day after.
    while moment <= expected_utc + timedelta(hours=12):
        if claim(moment):
            claimed_at.append(moment)
        moment += step
    assert len(claimed_at) == 1
    assert expected_utc <= claimed_at[0] < expected_utc + step
    (task,) = _deliver_tasks()
    local_day = expected_utc.astimezone(ZoneInfo(user.time_zone)).date()
    assert task.args_kwargs["args"] == [user.pk, "daily_plan", local_day.isoformat()]


def test_a_date_reminder_judges_the_day_in_the_readers_own_zone(checked):
    alex, sam = checked
    sam.time_zone = "America/New_York"
    sam.save()
    _remind(sam, Kind.DATE, at=time(9, 0))
    with time_machine.travel(MORNING, tick=False):
        # 02:00 on Saturday in London is 21:00 on Friday evening in New York.
        plan_create(
            user=alex,
            starts_on=date(2026, 11, 28),
            start_time=time(2, 0),
            time_zone="Europe/London",
            duration_minutes=120,
            repeat=Repeat.NONE,
            repeat_until=None,
            note="",
        )
    saturday = datetime(2026, 11, 28, 14, 0, tzinfo=UTC)  # 09:00 in New York
    assert _deliver(sam, Kind.DATE, day=date(2026, 11, 28), at=saturday) == "nothing to remind of"
    friday = datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    assert _deliver(sam, Kind.DATE, day=date(2026, 11, 27), at=friday) == "delivered"
