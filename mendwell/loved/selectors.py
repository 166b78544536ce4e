"""Reads for step 5. Each takes the acting person; the partner's data only
ever comes through the access gate (``shared_with``), so what was not shared,
or was shared in another couple space, is simply not there."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.db.models import QuerySet

from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.loved.models import LovedItem, LovedSharing, RatingSnapshot
from mendwell.loved.ways import WAYS, Way
from mendwell.safety.selectors import reconnection_content_allowed


@dataclass(frozen=True)
class Sharing:
    """What this person shares now, with the partner they have now."""

    ratings: bool
    list: bool


def sharing_for(user: Any) -> Sharing:
    couple = couple_for_user(user)
    choice = LovedSharing.objects.filter(user=user).first()
    if couple is None or choice is None:
        return Sharing(ratings=False, list=False)
    return Sharing(
        ratings=choice.ratings_shared_in_id == couple.pk,
        list=choice.list_shared_in_id == couple.pk,
    )


def _snapshots(user: Any) -> QuerySet[RatingSnapshot]:
    return cast("QuerySet[RatingSnapshot]", RatingSnapshot.objects.authored_by(user))


def current_ratings_of(user: Any) -> RatingSnapshot | None:
    """The person's own newest ratings (the current ones), or None before the first save."""
    return _snapshots(user).order_by("-created_at").first()


def rating_history_query(user: Any) -> QuerySet[RatingSnapshot]:
    """The person's own snapshots, newest first, unevaluated (for paging)."""
    return _snapshots(user).order_by("-created_at")


def rating_history_of(user: Any) -> list[RatingSnapshot]:
    """All of the person's own snapshots, newest first. Never shown to anyone else."""
    return list(rating_history_query(user))


def own_items_of(user: Any) -> list[LovedItem]:
    items = cast("QuerySet[LovedItem]", LovedItem.objects.authored_by(user))
    return list(items.order_by("position", "created_at"))


def own_item_or_404(user: Any, item_id: Any) -> LovedItem:
    return get_authored_or_404(LovedItem, user=user, pk=item_id)


@dataclass(frozen=True)
class PartnerView:
    """What the partner has shared, as this person may see it.

    ``ratings`` is None and ``items`` empty both when nothing was shared and
    when nothing exists: the page cannot tell the two apart, by design.
    """

    partner: Any | None
    paused: bool = False
    ratings: RatingSnapshot | None = None
    items: list[LovedItem] = field(default_factory=list)

    @property
    def wish(self) -> LovedItem | None:
        """The line the partner marked "this week I'd love…", if they shared one."""
        return next((item for item in self.items if item.this_week), None)


def partner_view_for(user: Any) -> PartnerView:
    partner = partner_of(user)
    if partner is None:
        return PartnerView(partner=None)
    if not reconnection_content_allowed(user):
        # Paused: set aside for both alike, whoever paused; nothing is deleted.
        return PartnerView(partner=partner, paused=True)
    ratings = cast(
        "RatingSnapshot | None",
        RatingSnapshot.objects.shared_with(user)
        .filter(author=partner)
        .order_by("-created_at")
        .first(),
    )
    items = LovedItem.objects.shared_with(user).filter(author=partner)
    ordered = list(cast("QuerySet[LovedItem]", items).order_by("position", "created_at"))
    return PartnerView(partner=partner, ratings=ratings, items=ordered)


@dataclass(frozen=True)
class SideBySideRow:
    way: Way
    mine: int
    theirs: int


def side_by_side_for(user: Any) -> list[SideBySideRow] | None:
    """Both people's receiving ratings, way by way, once both have shared them."""
    if not sharing_for(user).ratings:
        return None
    mine = current_ratings_of(user)
    theirs = partner_view_for(user).ratings
    if mine is None or theirs is None:
        return None
    return [
        SideBySideRow(
            way=way,
            mine=mine.rating("receiving", way.key),
            theirs=theirs.rating("receiving", way.key),
        )
        for way in WAYS
    ]
