"""Reads for dates. Every plan a person sees comes through the access gate,
in the app, in a download and in their calendar feed alike."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.db.models import Q, QuerySet

from mendwell.couples.selectors import partner_of
from mendwell.dates.ideas import IDEAS, IDEAS_BY_ID, Idea
from mendwell.dates.models import CalendarFeed, DatePlan, Reflection, Repeat
from mendwell.loved.suggestions import Ranked, rank_for_partner
from mendwell.safety.selectors import joint_exercises_allowed


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def can_share(user: Any) -> bool:
    """Sharing a reflection is something done together: it follows the same lock
    as joint exercises (a linked partner, and this person's own private check)."""
    return partner_of(user) is not None and joint_exercises_allowed(user)


def _visible(user: Any) -> QuerySet[DatePlan]:
    return cast("QuerySet[DatePlan]", DatePlan.objects.visible_to(user))


def occurrences(plan: DatePlan, *, after: date, limit: int = 1) -> list[datetime]:
    """The next start times (in the plan's own zone) on or after ``after``."""
    zone = ZoneInfo(plan.time_zone)
    first = datetime.combine(plan.starts_on, plan.start_time)
    if plan.repeat == Repeat.NONE or plan.repeat_until is None:
        starts = [first] if plan.starts_on >= after else []
    else:
        until = datetime.combine(plan.repeat_until, plan.start_time)
        if plan.repeat == Repeat.MONTHLY:
            rule = rrule(MONTHLY, dtstart=first, until=until)
        else:
            interval = 2 if plan.repeat == Repeat.FORTNIGHTLY else 1
            rule = rrule(WEEKLY, interval=interval, dtstart=first, until=until)
        starts = []
        for start in rule:
            if start.date() >= after:
                starts.append(start)
            if len(starts) >= limit:
                break
    return [start.replace(tzinfo=zone) for start in starts[:limit]]


@dataclass(frozen=True)
class Upcoming:
    plan: DatePlan
    next_start: datetime
    idea: Idea | None


def _upcoming(
    user: Any, *, earliest: date, next_start: Callable[[DatePlan], datetime | None]
) -> list[Upcoming]:
    """Each visible plan still running on ``earliest``, with its ``next_start``, soonest first."""
    rows = (
        _visible(user)
        .filter(cancelled_at__isnull=True)
        .filter(Q(starts_on__gte=earliest) | Q(repeat_until__gte=earliest))
    )
    found = []
    for plan in rows:
        start = next_start(plan)
        if start is not None:
            found.append(Upcoming(plan, start, IDEAS_BY_ID.get(plan.idea_id)))
    return sorted(found, key=lambda item: item.next_start)


def upcoming_for(user: Any, *, today: date) -> list[Upcoming]:
    """Each plan's next start from ``today`` on, by the plan's own calendar day."""
    return _upcoming(
        user,
        earliest=today,
        next_start=lambda plan: next(iter(occurrences(plan, after=today)), None),
    )


def first_start_from(plan: DatePlan, moment: datetime) -> datetime | None:
    """The plan's first start at or after ``moment`` (an aware instant), in its own zone."""
    moment = moment.astimezone(UTC)  # compared as instants, never as wall-clock times
    day = moment.astimezone(ZoneInfo(plan.time_zone)).date()
    # Starts are at least a week apart: the first one on that day may be earlier.
    for start in occurrences(plan, after=day, limit=2):
        if start >= moment:
            return start
    return None


def upcoming_at(user: Any, *, now: datetime) -> list[Upcoming]:
    """Each visible plan's next time together not yet over at ``now`` (one under way
    counts), soonest first.

    Judged on instants, not on the plan's own calendar days, so the answer is
    the same whatever zone the reader is in; the caller reads the days in the
    reader's own zone.
    """
    # A plan's own day is never more than a day from the UTC day; its length
    # reaches back a few hours more.
    return _upcoming(
        user,
        earliest=now.astimezone(UTC).date() - timedelta(days=2),
        next_start=lambda plan: first_start_from(
            plan, now - timedelta(minutes=plan.duration_minutes)
        ),
    )


def plans_for_feed(user: Any) -> list[DatePlan]:
    """Everything this person may see, cancelled ones included (so calendars drop them)."""
    return list(_visible(user).order_by("starts_on"))


def feed_owner(token: str) -> Any | None:
    feed = (
        CalendarFeed.objects.select_related("user")
        .filter(token_hash=token_hash(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    return feed.user if feed else None


def has_feed(user: Any) -> bool:
    return CalendarFeed.objects.filter(user=user, revoked_at__isnull=True).exists()


def ideas(*, place: str = "", cost: str = "") -> list[Idea]:
    found = list(IDEAS)
    if place in {"home", "out"}:
        found = [idea for idea in found if idea.place == place]
    if cost in {"0", "1", "2"}:
        found = [idea for idea in found if idea.cost <= int(cost)]
    return found


def suggested_ideas(user: Any, found: list[Idea], *, limit: int = 3) -> list[Ranked[Idea]]:
    """Step 5's explainable rule: ideas that speak to what the partner chose to share,
    each with its reason."""
    return [ranked for ranked in rank_for_partner(user, found) if ranked.reason][:limit]


def reflections_on(user: Any, plan: DatePlan) -> list[Reflection]:
    """This person's own reflections on a plan, and those their partner shared."""
    rows = cast("QuerySet[Reflection]", Reflection.objects.visible_to(user))
    return list(rows.filter(plan=plan).order_by("-day", "author_id"))


def my_reflection_on(user: Any, plan: DatePlan, *, day: date) -> Reflection | None:
    """This person's own reflection on a plan for one day (one a day; saving again updates)."""
    rows = cast("QuerySet[Reflection]", Reflection.objects.authored_by(user))
    return rows.filter(plan=plan, day=day).first()
