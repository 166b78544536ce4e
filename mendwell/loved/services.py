"""Writes for step 5. Each is atomic and touches only the acting person's rows.

Sharing is kept in two places on purpose: the person's choice (``LovedSharing``)
and the ``visibility`` of each row, which is what the access gate reads. Every
service here that changes either one locks the person's choice row first, so a
line added while the list is being shared ends up with the list's visibility.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, cast

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone

from mendwell.couples.access import Visibility
from mendwell.couples.models import Couple
from mendwell.couples.selectors import couple_for_user
from mendwell.loved.models import (
    ITEM_LIMIT,
    ITEM_TEXT_LIMIT,
    RATING_FIELDS,
    LovedItem,
    LovedSharing,
    RatingSnapshot,
)
from mendwell.loved.ways import HIGHEST, LOWEST
from mendwell.safety.selectors import joint_exercises_allowed


class ListFull(Exception):
    """The list already holds ``ITEM_LIMIT`` lines."""


class ShareRefused(Exception):
    """Sharing needs a partner, one's own private check done and the program not paused."""


def _snapshots() -> QuerySet[RatingSnapshot]:
    return cast("QuerySet[RatingSnapshot]", RatingSnapshot.objects.all())


def _items() -> QuerySet[LovedItem]:
    return cast("QuerySet[LovedItem]", LovedItem.objects.all())


def _locked_choice(user: Any) -> LovedSharing:
    LovedSharing.objects.get_or_create(user=user)
    return LovedSharing.objects.select_for_update(no_key=True).get(user=user)


def _shared_couple(user: Any, shared_in_id: Any) -> Couple | None:
    current = couple_for_user(user)
    if current is not None and current.pk == shared_in_id:
        return current
    return None


# --- Ratings ---------------------------------------------------------------------


def _checked(ratings: Mapping[str, int]) -> dict[str, int]:
    if set(ratings) != set(RATING_FIELDS):
        raise ValueError("every way needs a rating, for receiving and for giving")
    for name, value in ratings.items():
        if not isinstance(value, int) or not LOWEST <= value <= HIGHEST:
            raise ValueError(f"{name} must be {LOWEST}–{HIGHEST}")
    return dict(ratings)


@transaction.atomic
def ratings_save(
    *, user: Any, snapshot_id: uuid.UUID, ratings: Mapping[str, int]
) -> RatingSnapshot:
    """Add a dated snapshot (the form's id makes a double submit one snapshot).

    While the person shares their ratings, the new snapshot is the shared one
    and the one before goes back to private: the partner sees the current
    answer, never the history.
    """
    values = _checked(ratings)
    choice = _locked_choice(user)
    existing = _snapshots().filter(pk=snapshot_id).first()
    if existing is not None:
        if existing.author_id == user.pk:
            return existing
        snapshot_id = uuid.uuid4()  # an id that is not this person's: never touch it
    couple = _shared_couple(user, choice.ratings_shared_in_id)
    if couple is not None:
        _snapshots().filter(author=user).update(visibility=Visibility.PRIVATE)
    return _snapshots().create(
        id=snapshot_id,
        author=user,
        couple=couple or couple_for_user(user),
        visibility=Visibility.SHARED if couple else Visibility.PRIVATE,
        **values,
    )


@transaction.atomic
def ratings_share_set(*, user: Any, shared: bool) -> None:
    """Share the current ratings with the partner, or stop at once."""
    choice = _locked_choice(user)
    mine = _snapshots().filter(author=user)
    if not shared:
        choice.ratings_shared_in = None
        choice.save(update_fields=["ratings_shared_in", "updated_at"])
        mine.update(visibility=Visibility.PRIVATE)
        return
    couple = couple_for_user(user)
    if couple is None or not joint_exercises_allowed(user):
        raise ShareRefused
    choice.ratings_shared_in = couple
    choice.save(update_fields=["ratings_shared_in", "updated_at"])
    mine.update(visibility=Visibility.PRIVATE)
    newest = mine.order_by("-created_at").first()
    if newest is not None:
        mine.filter(pk=newest.pk).update(visibility=Visibility.SHARED, couple=couple)


# --- The list --------------------------------------------------------------------


def _clear_other_wishes(user: Any, keep: Any) -> None:
    # One "this week" line at a time: a new one replaces the last. Its save time moves
    # too, so a client holding the other line's old version must read it again.
    _items().filter(author=user, this_week=True).exclude(pk=keep).update(
        this_week=False, updated_at=timezone.now()
    )


def _valid_text(text: str) -> str:
    text = text.strip()
    if not text or len(text) > ITEM_TEXT_LIMIT:
        raise ValueError(f"a line needs 1 to {ITEM_TEXT_LIMIT} characters")
    return text


@transaction.atomic
def item_add(*, user: Any, item_id: uuid.UUID, text: str, this_week: bool = False) -> LovedItem:
    """Add a line at the end of the list (the form's id makes a double submit one line)."""
    text = _valid_text(text)
    choice = _locked_choice(user)
    existing = _items().filter(pk=item_id).first()
    if existing is not None:
        if existing.author_id == user.pk:
            return existing
        item_id = uuid.uuid4()
    mine = _items().filter(author=user)
    if mine.count() >= ITEM_LIMIT:
        raise ListFull
    last = mine.aggregate(last=Max("position"))["last"]
    couple = _shared_couple(user, choice.list_shared_in_id)
    item = _items().create(
        id=item_id,
        author=user,
        couple=couple or couple_for_user(user),
        visibility=Visibility.SHARED if couple else Visibility.PRIVATE,
        text=text,
        position=0 if last is None else last + 1,
        this_week=this_week,
    )
    if this_week:
        _clear_other_wishes(user, item.pk)
    return item


@transaction.atomic
def item_update(*, item: LovedItem, text: str, this_week: bool) -> LovedItem:
    item.text = _valid_text(text)
    item.this_week = this_week
    item.save(update_fields=["text", "this_week", "updated_at"])
    if this_week:
        _clear_other_wishes(item.author, item.pk)
    return item


@transaction.atomic
def item_delete(*, item: LovedItem) -> None:
    item.delete()


@transaction.atomic
def item_move(*, item: LovedItem, direction: str) -> None:
    """Swap the line with its neighbour above ("up") or below ("down").

    Positions are rewritten 0..n-1 each time, so gaps or ties left by earlier
    deletes never make a move do nothing. A move past either end is a no-op.
    """
    _locked_choice(item.author)
    ordered = list(_items().filter(author=item.author).order_by("position", "created_at"))
    index = next(i for i, row in enumerate(ordered) if row.pk == item.pk)
    other = index - 1 if direction == "up" else index + 1
    if direction not in {"up", "down"} or not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    for position, row in enumerate(ordered):
        if row.position != position:
            _items().filter(pk=row.pk).update(position=position)


@transaction.atomic
def list_share_set(*, user: Any, shared: bool) -> None:
    """Share the whole list with the partner (lines added later too), or stop at once."""
    choice = _locked_choice(user)
    mine = _items().filter(author=user)
    if not shared:
        choice.list_shared_in = None
        choice.save(update_fields=["list_shared_in", "updated_at"])
        mine.update(visibility=Visibility.PRIVATE)
        return
    couple = couple_for_user(user)
    if couple is None or not joint_exercises_allowed(user):
        raise ShareRefused
    choice.list_shared_in = couple
    choice.save(update_fields=["list_shared_in", "updated_at"])
    mine.update(visibility=Visibility.SHARED, couple=couple)
