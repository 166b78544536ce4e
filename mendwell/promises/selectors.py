"""Reads of the promise ledger, always through the access gate, always for the acting user."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from mendwell.couples.access import Visibility, get_authored_or_404, get_visible_or_404
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.promises.follow_through import WINDOWS, Occurrence, Tally, tally
from mendwell.promises.models import Promise, PromiseOccurrence, Status


def _with_occurrences(promises: QuerySet[Promise]) -> QuerySet[Promise]:
    return promises.select_related("replaces").prefetch_related(
        Prefetch("occurrences", queryset=PromiseOccurrence.objects.order_by("seq")),
        "replaced_by",
    )


def promises_made_by_query(user: Any) -> QuerySet[Promise]:
    """The person's own promises, newest first, unevaluated (for paging)."""
    return _with_occurrences(Promise.objects.authored_by(user)).order_by("-created_at")


def promises_made_to_query(user: Any) -> QuerySet[Promise]:
    """What the partner promised in this couple space, newest first, unevaluated."""
    return _with_occurrences(Promise.objects.shared_with(user)).order_by("-created_at")


def promises_made_by(user: Any) -> list[Promise]:
    """The person's own promises, newest first (active and history alike)."""
    return list(promises_made_by_query(user))


def promises_made_to(user: Any) -> list[Promise]:
    """What the partner promised in this couple space (the gate drops any other)."""
    return list(promises_made_to_query(user))


def promise_visible_to(user: Any, promise_id: Any) -> Promise:
    return get_visible_or_404(Promise, user=user, pk=promise_id)


def promise_for_author(user: Any, promise_id: Any) -> Promise:
    return get_authored_or_404(Promise, user=user, pk=promise_id)


def in_current_space(user: Any, promise: Promise) -> bool:
    """False for a promise shared in a couple space that has ended: it stays as it was."""
    if promise.visibility != Visibility.SHARED:
        return True
    couple = couple_for_user(user)
    return couple is not None and promise.couple_id == couple.pk


def promise_open_for_author(user: Any, promise_id: Any) -> Promise:
    """The author's promise, if it can still change; one from an ended couple space answers
    like a missing id here (its author can still read it)."""
    promise = promise_for_author(user, promise_id)
    if not in_current_space(user, promise):
        raise Http404
    return promise


def occurrences_of(user: Any, promise: Promise) -> list[PromiseOccurrence]:
    visible = promise_visible_to(user, promise.pk)  # re-checked: never trust the caller
    return list(visible.occurrences.order_by("seq"))


def history_of(user: Any, promise: Promise) -> list[Promise]:
    """The chain of renegotiations this promise belongs to, oldest first, as far as the
    user may see it."""
    visible = Promise.objects.visible_to(user)
    chain = [promise]
    earlier = promise.replaces_id
    while earlier is not None:
        found = visible.filter(pk=earlier).first()
        if found is None:
            break
        chain.insert(0, found)
        earlier = found.replaces_id
    later = visible.filter(replaces=promise).first()
    while later is not None:
        chain.append(later)
        later = visible.filter(replaces=later).first()
    return chain


@dataclass(frozen=True)
class PromisePage:
    """One promise as this person may see it, and what they may do with it."""

    promise: Promise
    is_author: bool
    occurrences: list[PromiseOccurrence]
    history: list[Promise]  # the renegotiation chain, oldest first, as far as visible
    replacement: Promise | None  # the visible promise that replaced this one
    may_mark: bool
    mark_refusal: str | None  # why marking waits ("paused", "check_needed", "not_active")
    can_change: bool  # renegotiate or withdraw


def promise_page_for(user: Any, promise: Promise) -> PromisePage:
    from mendwell.promises.services import mark_refusal_for, may_mark

    is_author = promise.author_id == user.pk
    markable = may_mark(user, promise)
    history = history_of(user, promise)
    later = [item for item in history if item.replaces_id == promise.pk]
    return PromisePage(
        promise=promise,
        is_author=is_author,
        occurrences=occurrences_of(user, promise),
        history=history,
        replacement=later[0] if later else None,
        may_mark=markable,
        mark_refusal=mark_refusal_for(user, promise) if markable else None,
        can_change=is_author and promise.is_active and in_current_space(user, promise),
    )


@dataclass(frozen=True)
class PersonFollowThrough:
    person: Any
    is_me: bool
    tallies: list[Tally]


def _occurrences_for(promises: QuerySet[Promise]) -> list[Occurrence]:
    rows = PromiseOccurrence.objects.filter(promise__in=promises).select_related("promise")
    return [
        Occurrence(
            due_at=row.due_at,
            kept=row.is_kept,
            marked_at=row.marked_at,
            closed_at=row.promise.closed_at,
        )
        for row in rows
    ]


def follow_through_for(user: Any, *, now: datetime | None = None) -> list[PersonFollowThrough]:
    """Kept and due over the last 4 and 12 weeks, for each partner, shown the same way.

    In a couple it counts the promises shared in this couple space; on one's own, one's
    private ledger."""
    now = now or timezone.now()
    couple = couple_for_user(user)
    people: list[tuple[Any, bool]] = [(user, True)]
    partner = partner_of(user)
    if partner is not None:
        people.append((partner, False))
    result = []
    for person, is_me in people:
        visible = Promise.objects.visible_to(user).filter(author=person)
        if couple is None:
            mine = visible.filter(visibility=Visibility.PRIVATE)
        else:
            mine = visible.filter(visibility=Visibility.SHARED, couple=couple)
        occurrences = _occurrences_for(mine)
        tallies = [tally(occurrences, now=now, days=days) for days in WINDOWS]
        result.append(PersonFollowThrough(person=person, is_me=is_me, tallies=tallies))
    return result


def due_between_for_author(user: Any, *, start: datetime, end: datetime) -> list[PromiseOccurrence]:
    """The author's own active promises falling due in [start, end): for Today's plan."""
    mine = cast("QuerySet[Promise]", Promise.objects.authored_by(user))
    return list(
        PromiseOccurrence.objects.select_related("promise")
        .filter(
            promise__in=mine.filter(status=Status.ACTIVE),
            due_at__gte=start,
            due_at__lt=end,
            mark="",
        )
        .order_by("due_at")
    )
