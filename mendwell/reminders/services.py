"""Writes for reminders: a person's choices, the scheduler's claim, delivery."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from mendwell.core.zones import local_today, zone_named
from mendwell.notify.services import notify
from mendwell.reminders import selectors
from mendwell.reminders.models import Kind, Reminder, ReminderDelivery
from mendwell.reminders.schedule import local_day_of, next_due

logger = logging.getLogger(__name__)

# How many due rows one pass claims; the rest wait for the next pass, a few
# seconds later, so a pass stays short however many fall due at once.
CLAIM_BATCH = 500
# A row that cannot be scheduled (it should never happen) is retried this
# much later rather than on every pass.
BAD_ROW_BACKOFF = timedelta(hours=1)
COMMIT_CHUNK = 100

NOTIFICATION_KIND = {
    Kind.DAILY_PLAN: "reminder.daily",
    Kind.CHECK_IN: "reminder.check_in",
    Kind.DATE: "reminder.date",
    Kind.WEEKLY: "reminder.weekly",
}
OPENS = {
    Kind.DAILY_PLAN: "today",
    Kind.CHECK_IN: "checkins:today",
    Kind.DATE: "dates:list",
    Kind.WEEKLY: "checkins:week",
}


def _next_for(reminder: Reminder, *, zone_name: str | None, after: datetime) -> datetime | None:
    if not reminder.enabled:
        return None
    weekday = reminder.weekday if reminder.kind == Kind.WEEKLY else None
    return next_due(at=reminder.at, zone=zone_named(zone_name), after=after, weekday=weekday)


@transaction.atomic
def reminder_set(
    *, user: Any, kind: str, enabled: bool, at: time, weekday: int | None = None
) -> Reminder:
    reminder, _created = Reminder.objects.get_or_create(
        user=user, kind=kind, defaults={"at": at, "weekday": weekday}
    )
    reminder.enabled = enabled
    reminder.at = at
    reminder.weekday = weekday if kind == Kind.WEEKLY else None
    reminder.next_due_at = _next_for(reminder, zone_name=user.time_zone, after=timezone.now())
    reminder.save(update_fields=["enabled", "at", "weekday", "next_due_at"])
    return reminder


@transaction.atomic
def reminder_times_save(*, user: Any, data: dict[str, Any]) -> None:
    """Save every kind at once from ``ReminderTimesForm``'s cleaned data."""
    for kind in Kind:
        reminder_set(
            user=user,
            kind=kind.value,
            enabled=data[f"{kind.value}_on"],
            at=data[f"{kind.value}_at"],
            weekday=data["weekly_day"] if kind == Kind.WEEKLY else None,
        )


def reschedule_for(user: Any) -> int:
    """Recompute every reminder of ``user`` (after a change of time zone)."""
    now = timezone.now()
    changed = 0
    for reminder in Reminder.objects.filter(user=user, enabled=True):
        reminder.next_due_at = _next_for(reminder, zone_name=user.time_zone, after=now)
        reminder.save(update_fields=["next_due_at"])
        changed += 1
    return changed


class _Due(NamedTuple):
    pk: int
    user_id: int
    kind: str
    enabled: bool
    at: time
    weekday: int | None
    due_at: datetime | None  # never None here: the due filter matched it


def claim_due(now: datetime, *, batch: int = CLAIM_BATCH) -> int:
    """Claim each due reminder once and enqueue its delivery; return how many.

    Two schedulers may run this at the same moment: the conditional UPDATE
    (``next_due_at`` still what we read) lets exactly one of them move each
    row on, and only that one enqueues. A chunk's deliveries are queued in the
    same transaction as its claims (the task queue lives in the same
    database): a database failure or a crash before the commit undoes both and
    the next pass claims those rows again; after it, both stand. A claim
    without its delivery (the reminder silently missed) cannot happen, nor a
    second delivery. After downtime a reminder is sent only if it is still the
    same local day for the person: a missed reminder beats a late one.
    """
    rows = [
        _Due(*row)
        for row in Reminder.objects.filter(next_due_at__lte=now)
        .order_by("next_due_at")
        .values_list("pk", "user_id", "kind", "enabled", "at", "weekday", "next_due_at")[:batch]
    ]
    zones = selectors.zones_for({row.user_id for row in rows})
    enqueued = 0
    # One commit per chunk rather than per row: on SQLite each commit is an
    # fsync. Each row still has its own savepoint, so a bad row rolls back
    # alone, and a short chunk keeps the write lock brief for the web process.
    for start in range(0, len(rows), COMMIT_CHUNK):
        deliveries: list[tuple[int, str, str]] = []
        with transaction.atomic():
            for row in rows[start : start + COMMIT_CHUNK]:
                try:
                    with transaction.atomic():
                        delivery = _claim_one(row, zones.get(row.user_id), now)
                except Exception:
                    # One bad row must not stop everyone else's reminders, nor
                    # be retried on every pass: log it (ids only), look later.
                    logger.exception("reminder %s could not be scheduled", row.pk)
                    Reminder.objects.filter(pk=row.pk, next_due_at=row.due_at).update(
                        next_due_at=now + BAD_ROW_BACKOFF
                    )
                    continue
                if delivery is not None:
                    deliveries.append(delivery)
            _enqueue_deliveries(deliveries)
        enqueued += len(deliveries)
    return enqueued


def _enqueue_deliveries(deliveries: list[tuple[int, str, str]]) -> None:
    from mendwell.reminders.tasks import deliver_reminder

    for user_id, kind, local_date in deliveries:
        deliver_reminder.enqueue(user_id, kind, local_date)


def _claim_one(row: _Due, zone_name: str | None, now: datetime) -> tuple[int, str, str] | None:
    """Move one row on to its next time; return its delivery if it is ours to send."""
    zone = zone_named(zone_name)
    weekday = row.weekday if row.kind == Kind.WEEKLY else None
    following = next_due(at=row.at, zone=zone, after=now, weekday=weekday) if row.enabled else None
    claimed = Reminder.objects.filter(pk=row.pk, next_due_at=row.due_at).update(
        next_due_at=following
    )
    if claimed != 1:
        return None  # another scheduler moved it on first
    local_date = local_day_of(row.due_at or now, zone)
    if not row.enabled or local_day_of(now, zone) != local_date:
        return None
    return (row.user_id, row.kind, local_date.isoformat())


def deliver(*, user_id: int, kind: str, local_date: date) -> str:
    """Deliver one reminder at most once; return what happened, for the task log.

    The delivery row and the in-app notification commit together; email and
    push are enqueued only after that commit. If the row already exists the
    reminder went out before and nothing more happens.
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return "account gone"
    if not Reminder.objects.filter(user=user, kind=kind, enabled=True).exists():
        return "turned off"
    if local_today(user) != local_date:
        return "missed the day"
    if not selectors.worth_reminding(user, kind, local_date):
        return "nothing to remind of"
    try:
        with transaction.atomic():
            ReminderDelivery.objects.create(user=user, kind=kind, local_date=local_date)
            notify(
                user=user,
                kind=NOTIFICATION_KIND[Kind(kind)],
                url_name=OPENS[Kind(kind)],
                reminder=True,
            )
    except IntegrityError:
        return "already delivered"
    return "delivered"
