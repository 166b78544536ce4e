"""How each partner feels loved (step 5), over ``mendwell.loved``: one's own
ratings and list, sharing them, and what the partner chose to share."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.couples.selectors import partner_of
from mendwell.loved import selectors, services
from mendwell.loved.forms import (
    ItemForm,
    MoveForm,
    RatingsForm,
    list_full_message,
    share_refused_message,
)
from mendwell.loved.ideas import IDEAS
from mendwell.loved.models import ITEM_LIMIT, LovedItem, RatingSnapshot
from mendwell.loved.suggestions import rank_for_partner
from mendwell.loved.ways import HIGHEST, LOWEST, SCALE, WAYS
from mendwell.safety.selectors import joint_exercises_allowed, program_state_for

router = Router(tags=["loved"])


# --- Schemas ---------------------------------------------------------------------


class Ratings(Schema):
    """Ten independent ratings, 0 (not much) to 4 (a lot): none excludes another."""

    receiving_words_of_affirmation: int
    receiving_acts_of_service: int
    receiving_gifts: int
    receiving_quality_time: int
    receiving_physical_touch: int
    giving_words_of_affirmation: int
    giving_acts_of_service: int
    giving_gifts: int
    giving_quality_time: int
    giving_physical_touch: int


class RatingsIn(Ratings, In):
    """All ten, each 0–4."""


class RatingsOut(Ratings):
    """One of my own snapshots (the newest is the current one)."""

    id: UUID
    saved_at: datetime
    shared: bool

    @staticmethod
    def resolve_saved_at(row: RatingSnapshot) -> datetime:
        return row.created_at

    @staticmethod
    def resolve_shared(row: RatingSnapshot) -> bool:
        return row.visibility == "shared"


class LovedItemOut(Schema):
    id: UUID
    text: str
    this_week: bool
    version: str

    @staticmethod
    def resolve_version(row: LovedItem) -> str:
        return version_of(row)


class ItemIn(In):
    text: str
    this_week: bool = False


class SavedItem(Schema):
    item: LovedItemOut
    # Present when the line reads like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class ListOut(Schema):
    items: list[LovedItemOut]


class MoveIn(In):
    direction: Literal["up", "down"]


class LovedShareIn(In):
    share: bool


class LovedSharingOut(Schema):
    ratings: bool
    list: bool


class HomeOut(Schema):
    ratings: RatingsOut | None
    items: list[LovedItemOut]
    item_limit: int
    full: bool
    sharing: LovedSharingOut
    # Sharing is open: a partner, my own private check done, the program not paused.
    can_share: bool
    paused: bool
    has_partner: bool


class ScaleOut(Schema):
    value: int
    label: str


class WayOut(Schema):
    key: str
    name: str
    also_called: str
    receiving: str
    giving: str
    example: str


class WaysOut(Schema):
    lowest: int
    highest: int
    scale: list[ScaleOut]
    ways: list[WayOut]


class PartnerItemOut(Schema):
    text: str
    this_week: bool


class IdeaOut(Schema):
    key: str
    text: str
    # One line on why it comes first, from what the partner shared ("" when nothing did).
    reason: str


class PartnerOut(Schema):
    has_partner: bool
    partner_name: str | None
    paused: bool
    ratings: Ratings | None
    items: list[PartnerItemOut]
    ideas: list[IdeaOut]


class SideBySideRowOut(Schema):
    way: str
    name: str
    mine: int
    theirs: int


class SideBySideOut(Schema):
    # None until both have shared their ratings (and while the program is paused).
    rows: list[SideBySideRowOut] | None
    paused: bool
    has_partner: bool


# --- Helpers ---------------------------------------------------------------------


def _own_item(request: HttpRequest, item_id: UUID) -> LovedItem:
    return selectors.own_item_or_404(request.user, item_id)


def _ratings_values(snapshot: RatingSnapshot) -> Ratings:
    return Ratings.model_validate(snapshot, from_attributes=True)


def _saved(request: HttpRequest, item: LovedItem) -> SavedItem:
    return SavedItem.model_validate({"item": item, "support": support_for(request, item.text)})


def _refuse_share() -> ApiError:
    message = share_refused_message()
    return ApiError(409, message, [("share", message)])


# --- Overview and the five ways --------------------------------------------------


@router.get("", response=responses({200: HomeOut}), summary="My ratings, my list and sharing")
def home(request: HttpRequest) -> HomeOut:
    user: Any = request.user
    items = selectors.own_items_of(user)
    sharing = selectors.sharing_for(user)
    current = selectors.current_ratings_of(user)
    # Validated from a mapping: the rows go through their schemas' resolvers.
    return HomeOut.model_validate(
        {
            "ratings": current,
            "items": items,
            "item_limit": ITEM_LIMIT,
            "full": len(items) >= ITEM_LIMIT,
            "sharing": LovedSharingOut(ratings=sharing.ratings, list=sharing.list),
            "can_share": joint_exercises_allowed(user),
            "paused": program_state_for(user).value == "paused",
            "has_partner": partner_of(user) is not None,
        }
    )


@router.get(
    "/ways",
    response=responses({200: WaysOut}),
    summary="The five ways and the 0–4 scale, in our words (for the ratings form)",
)
def ways(request: HttpRequest) -> WaysOut:
    return WaysOut(
        lowest=LOWEST,
        highest=HIGHEST,
        scale=[ScaleOut(value=value, label=str(label)) for value, label in SCALE],
        ways=[
            WayOut(
                key=way.key,
                name=str(way.name),
                also_called=str(way.also_called),
                receiving=str(way.receiving),
                giving=str(way.giving),
                example=str(way.example),
            )
            for way in WAYS
        ],
    )


# --- Ratings ---------------------------------------------------------------------


@router.post(
    "/ratings",
    response=responses({201: RatingsOut}, write=True),
    summary="Save my ratings (each save is a new dated snapshot; the newest is current)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def ratings_save(request: HttpRequest, payload: RatingsIn) -> Status:
    form = RatingsForm(payload.model_dump())
    raise_for_form(form)
    snapshot = services.ratings_save(
        user=request.user, snapshot_id=uuid.uuid4(), ratings=form.ratings()
    )
    return Status(201, RatingsOut.from_orm(snapshot))


@router.get(
    "/ratings",
    response=responses({200: list[RatingsOut]}),
    summary="My ratings over time, newest first (only I ever see the history)",
)
@paginate(Newest)
def ratings_history(request: HttpRequest) -> Any:
    return selectors.rating_history_query(request.user)


@router.put(
    "/ratings/sharing",
    response=responses({200: LovedSharingOut}, write=True),
    summary="Share my current ratings with my partner, or stop at once",
)
def ratings_share(request: HttpRequest, payload: LovedShareIn) -> LovedSharingOut:
    try:
        services.ratings_share_set(user=request.user, shared=payload.share)
    except services.ShareRefused:
        raise _refuse_share() from None
    sharing = selectors.sharing_for(request.user)
    return LovedSharingOut(ratings=sharing.ratings, list=sharing.list)


# --- The list --------------------------------------------------------------------


@router.get(
    "/items",
    response=responses({200: list[LovedItemOut]}),
    summary="My list, in my order (at most 50 lines, so not paged)",
)
def items(request: HttpRequest) -> list[LovedItem]:
    return selectors.own_items_of(request.user)


@router.post(
    "/items",
    response=responses({201: SavedItem}, write=True),
    summary="Add a line at the end of my list",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def item_add(request: HttpRequest, payload: ItemIn) -> Status:
    form = ItemForm(payload.model_dump())
    raise_for_form(form)
    try:
        item = services.item_add(
            user=request.user,
            item_id=uuid.uuid4(),
            text=form.cleaned_data["text"],
            this_week=form.cleaned_data["this_week"],
        )
    except services.ListFull:
        message = list_full_message()
        raise ApiError(409, message, [("__all__", message)]) from None
    saved = _saved(request, item)
    return Status(201, saved)


@router.put(
    "/list/sharing",
    response=responses({200: LovedSharingOut}, write=True),
    summary="Share my whole list with my partner (lines added later too), or stop at once",
)
def list_share(request: HttpRequest, payload: LovedShareIn) -> LovedSharingOut:
    try:
        services.list_share_set(user=request.user, shared=payload.share)
    except services.ShareRefused:
        raise _refuse_share() from None
    sharing = selectors.sharing_for(request.user)
    return LovedSharingOut(ratings=sharing.ratings, list=sharing.list)


@router.get(
    "/partner",
    response=responses({200: PartnerOut}),
    summary="What my partner chose to share, and ideas ordered by it",
)
def partner(request: HttpRequest) -> PartnerOut:
    user: Any = request.user
    view = selectors.partner_view_for(user)
    ideas = rank_for_partner(user, IDEAS)[:5] if view.partner else []
    return PartnerOut(
        has_partner=view.partner is not None,
        partner_name=view.partner.display_name if view.partner else None,
        paused=view.paused,
        ratings=_ratings_values(view.ratings) if view.ratings else None,
        items=[PartnerItemOut(text=item.text, this_week=item.this_week) for item in view.items],
        ideas=[
            IdeaOut(key=idea.candidate.key, text=idea.candidate.text, reason=idea.reason)
            for idea in ideas
        ],
    )


@router.get(
    "/side-by-side",
    response=responses({200: SideBySideOut}),
    summary="Both receiving ratings, way by way, once both of us shared them",
)
def side_by_side(request: HttpRequest) -> SideBySideOut:
    user: Any = request.user
    rows = selectors.side_by_side_for(user)
    return SideBySideOut(
        rows=None
        if rows is None
        else [
            SideBySideRowOut(
                way=row.way.key, name=str(row.way.name), mine=row.mine, theirs=row.theirs
            )
            for row in rows
        ],
        paused=program_state_for(user).value == "paused",
        has_partner=partner_of(user) is not None,
    )


@router.get(
    "/items/{item_id}",
    response=responses({200: LovedItemOut}),
    summary="One line of my list (with its ETag for editing)",
)
def item_detail(request: HttpRequest, item_id: UUID, response: HttpResponse) -> LovedItem:
    item = _own_item(request, item_id)
    with_etag(response, item)
    return item


@router.put(
    "/items/{item_id}",
    response=responses({200: SavedItem}, edit=True),
    summary="Edit a line (send If-Match with its ETag)",
    openapi_extra=VERSIONED,
)
def item_edit(
    request: HttpRequest, item_id: UUID, payload: ItemIn, response: HttpResponse
) -> SavedItem:
    form = ItemForm(payload.model_dump())
    raise_for_form(form)

    def apply(item: LovedItem) -> LovedItem:
        return services.item_update(
            item=item, text=form.cleaned_data["text"], this_week=form.cleaned_data["this_week"]
        )

    item = edit_locked(
        request,
        find=lambda: _own_item(request, item_id),
        apply=apply,
        current=lambda row: LovedItemOut.from_orm(row).model_dump(mode="json"),
    )
    with_etag(response, item)
    return _saved(request, item)


@router.post(
    "/items/{item_id}/move",
    response=responses({200: ListOut}, write=True),
    summary="Move a line up or down by one (answers with my list in its new order)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def item_move(request: HttpRequest, item_id: UUID, payload: MoveIn) -> Status:
    item = _own_item(request, item_id)
    form = MoveForm(payload.model_dump())
    raise_for_form(form)
    services.item_move(item=item, direction=form.cleaned_data["direction"])
    return Status(200, ListOut.model_validate({"items": selectors.own_items_of(request.user)}))


@router.delete(
    "/items/{item_id}",
    response=responses({200: Deleted}, write=True),
    summary="Remove a line from my list",
)
def item_delete(request: HttpRequest, item_id: UUID) -> Deleted:
    services.item_delete(item=_own_item(request, item_id))
    return Deleted()
