"""Writes to the promise ledger. Each is atomic; the views fetch through the gate first."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, cast

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.promises.models import Mark, Promise, PromiseOccurrence, Status
from mendwell.promises.schedule import due_instants
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for


def _promises() -> QuerySet[Promise]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[Promise]", Promise.objects.all())


class Refused(Exception):
    """The change cannot be made now; ``code`` says why in words the view turns into a message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def sharing_refusal_for(user: Any) -> str | None:
    """Why this person's promises stay private to them now, or None when they go to the partner.

    "paused" is the one neutral state both partners see; the check is the person's own."""
    state = program_state_for(user)
    if state is ProgramState.SOLO:
        return "solo"
    if state is ProgramState.PAUSED:
        return "paused"
    if not joint_exercises_allowed(user):
        return "check_needed"
    return None


def _new_promise(
    *,
    user: Any,
    promise_id: uuid.UUID,
    text: str,
    due_on: date | None,
    due_time: time | None,
    recurrence: str,
    count: int | None,
    until: date | None,
    replaces: Promise | None = None,
) -> Promise:
    shared = sharing_refusal_for(user) is None
    zone = getattr(user, "time_zone", "") or "UTC"
    promise = _promises().create(
        id=promise_id,
        author=user,
        couple=couple_for_user(user) if shared else None,
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        text=text,
        due_on=due_on,
        due_time=due_time,
        time_zone=zone,
        recurrence=recurrence,
        replaces=replaces,
    )
    instants = due_instants(
        first=due_on, at=due_time, zone=zone, recurrence=recurrence, count=count, until=until
    )
    PromiseOccurrence.objects.bulk_create(
        PromiseOccurrence(promise=promise, seq=seq, due_at=at)
        for seq, at in enumerate(instants, start=1)
    )
    return promise


def _already_made(user: Any, promise_id: uuid.UUID) -> tuple[Promise | None, uuid.UUID]:
    existing = _promises().filter(pk=promise_id).first()
    if existing is None:
        return None, promise_id
    if existing.author_id == user.pk:
        return existing, promise_id  # the same form sent twice
    return None, uuid.uuid4()  # an id that is not this person's: never touch it


@transaction.atomic
def promise_create(*, user: Any, promise_id: uuid.UUID, **fields: Any) -> Promise:
    """Make a promise with the id the form was given, so a double submit makes one."""
    existing, promise_id = _already_made(user, promise_id)
    if existing is not None:
        return existing
    return _new_promise(user=user, promise_id=promise_id, **fields)


def _lock_active(promise: Promise) -> Promise:
    locked = _promises().select_for_update(no_key=True).get(pk=promise.pk, author=promise.author)
    if locked.visibility == Visibility.SHARED and locked.couple_id != getattr(
        couple_for_user(locked.author), "pk", None
    ):
        # Made in a couple space that has ended: it stays as it was, for its author to read.
        raise Refused("other_couple")
    return locked


@transaction.atomic
def promise_renegotiate(*, promise: Promise, promise_id: uuid.UUID, **fields: Any) -> Promise:
    """Replace a promise by a new one; the old one is kept, marked renegotiated, linking on."""
    locked = _lock_active(promise)
    existing, promise_id = _already_made(locked.author, promise_id)
    if existing is not None and existing.replaces_id == locked.pk:
        return existing  # the same renegotiation sent twice
    if not locked.is_active:
        raise Refused("not_active")
    if locked.visibility == Visibility.SHARED and sharing_refusal_for(locked.author):
        # A shared promise is renegotiated with the partner; not while that is closed.
        raise Refused(sharing_refusal_for(locked.author) or "paused")
    new = _new_promise(user=locked.author, promise_id=promise_id, replaces=locked, **fields)
    locked.status = Status.RENEGOTIATED
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    return new


@transaction.atomic
def promise_withdraw(*, promise: Promise, note: str) -> Promise:
    locked = _lock_active(promise)
    if locked.status == Status.WITHDRAWN:
        return locked  # withdrawn twice (a double submit): one withdrawal
    if not locked.is_active:
        raise Refused("not_active")
    locked.status = Status.WITHDRAWN
    locked.withdraw_note = note
    locked.closed_at = timezone.now()
    locked.save(update_fields=["status", "withdraw_note", "closed_at", "updated_at"])
    return locked


def may_mark(user: Any, promise: Promise) -> bool:
    """Shared promises are marked by the partner, never by their author; a private promise
    (someone on their own, or while sharing is closed) by its author, in their own ledger."""
    if promise.visibility == Visibility.SHARED:
        return promise.author_id != user.pk
    return promise.author_id == user.pk


def mark_refusal_for(user: Any, promise: Promise) -> str | None:
    if promise.status not in (Status.ACTIVE, Status.DONE):
        return "not_active"
    if promise.visibility == Visibility.SHARED and not joint_exercises_allowed(user):
        return "paused" if program_state_for(user) is ProgramState.PAUSED else "check_needed"
    return None


@transaction.atomic
def occurrence_mark(
    *, user: Any, promise: Promise, seq: int, mark: str, kind_word: str, now: datetime | None = None
) -> PromiseOccurrence:
    """Say whether one occurrence was kept; marking again replaces the earlier mark."""
    if not may_mark(user, promise):
        raise PermissionError("not this person's to mark")
    locked = _promises().select_for_update(no_key=True).get(pk=promise.pk)
    refusal = mark_refusal_for(user, locked)
    if refusal:
        raise Refused(refusal)
    occurrence = PromiseOccurrence.objects.get(promise=locked, seq=seq)
    occurrence.mark = Mark(mark)
    occurrence.kind_word = kind_word
    occurrence.marked_at = now or timezone.now()
    occurrence.save(update_fields=["mark", "kind_word", "marked_at"])
    # Every time kept makes the promise done; a "not yet" later opens it again.
    all_kept = not locked.occurrences.exclude(mark=Mark.KEPT).exists()
    locked.status = Status.DONE if all_kept else Status.ACTIVE
    locked.save(update_fields=["status", "updated_at"])
    return occurrence


@transaction.atomic
def promise_delete(*, promise: Promise) -> None:
    """Remove a promise from the ledger for both, with its due times and their marks.

    The marks go too: they are part of this promise's record (stored under its
    author's key), not something the partner keeps on its own. A later promise
    that replaced this one stays, no longer pointing back (``replaces`` is SET_NULL).
    """
    promise.delete()
