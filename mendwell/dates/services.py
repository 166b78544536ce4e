"""Writes for dates and calendar feeds."""

from __future__ import annotations

import secrets
from typing import Any, cast

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.dates.ideas import IDEAS_BY_ID
from mendwell.dates.models import CalendarFeed, DatePlan, Reflection
from mendwell.dates.selectors import can_share, token_hash
from mendwell.safety.selectors import joint_exercises_allowed

PLAN_FIELDS = (
    "starts_on",
    "start_time",
    "time_zone",
    "duration_minutes",
    "repeat",
    "repeat_until",
    "note",
)


def _plans() -> QuerySet[DatePlan]:
    return cast("QuerySet[DatePlan]", DatePlan.objects.all())


def plan_create(*, user: Any, idea_id: str = "", **fields: Any) -> DatePlan:
    """Plan a date: shared with the partner when planning together is open,
    otherwise kept as the person's own plan."""
    together = partner_of(user) is not None and joint_exercises_allowed(user)
    return _plans().create(
        author=user,
        couple=couple_for_user(user) if together else None,
        visibility=Visibility.SHARED if together else Visibility.PRIVATE,
        idea_id=idea_id if idea_id in IDEAS_BY_ID else "",
        **{name: fields[name] for name in PLAN_FIELDS},
    )


def plan_update(*, plan: DatePlan, **fields: Any) -> None:
    for name in PLAN_FIELDS:
        setattr(plan, name, fields[name])
    plan.revision = F("revision") + 1
    plan.save()
    plan.refresh_from_db()


def plan_cancel(*, plan: DatePlan) -> None:
    _plans().filter(pk=plan.pk, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now(), revision=F("revision") + 1, updated_at=timezone.now()
    )


@transaction.atomic
def feed_create(*, user: Any) -> str:
    """A new private feed URL token (shown once); any older URL stops working."""
    feed_revoke(user=user)
    token = secrets.token_urlsafe(32)
    CalendarFeed.objects.create(user=user, token_hash=token_hash(token))
    return token


def feed_revoke(*, user: Any) -> None:
    CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def reflection_save(
    *, user: Any, plan: DatePlan, day: Any, connected: int, repeat_text: str, share: bool
) -> Reflection:
    """One reflection per person, plan and day; saving again updates it. It is
    shared only while sharing is open to this person (``selectors.can_share``)."""
    couple = couple_for_user(user) if share and can_share(user) else None
    values = {
        "connected": connected,
        "repeat_text": repeat_text,
        "couple": couple,
        "visibility": Visibility.SHARED if couple else Visibility.PRIVATE,
    }
    rows = cast("QuerySet[Reflection]", Reflection.objects.all())
    reflection, _created = rows.update_or_create(author=user, plan=plan, day=day, defaults=values)
    return reflection


@transaction.atomic
def plan_delete(*, plan: DatePlan) -> None:
    """Gone for both, at once: the list, the .ics and every calendar feed stop listing it.

    Unlike cancelling, no STATUS:CANCELLED copy is kept, so a calendar app that
    already holds the date keeps its stale copy until the person removes it there;
    the confirm step says so. Reflections on it stay with their authors.
    """
    plan.delete()


@transaction.atomic
def reflection_delete(*, reflection: Reflection) -> None:
    reflection.delete()
