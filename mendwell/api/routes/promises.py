"""The promise ledger (step 6), over ``mendwell.promises``: make a promise, the
partner marks each time it falls due, renegotiate or withdraw it, delete it."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Any, Literal, cast
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.accounts.coach_hints import hints_for
from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.promises import selectors, services
from mendwell.promises.forms import (
    TEXT_LABEL,
    MarkForm,
    PromiseForm,
    WithdrawForm,
    refusal_message,
)
from mendwell.promises.models import Promise

router = Router(tags=["promises"])

StatusName = Literal["active", "renegotiated", "withdrawn", "done"]
RecurrenceName = Literal["none", "daily", "weekly"]
# Why something waits: the same codes the pages turn into their sentences.
SharingRefusal = Literal["solo", "paused", "check_needed"]
MarkRefusal = Literal["paused", "check_needed", "not_active"]
MarkName = Literal["kept", "not_yet"]


# --- Schemas ---------------------------------------------------------------------


class PromiseRowOut(Schema):
    """A promise in a list: what the ledger page shows for each line."""

    id: UUID
    text: str
    status: StatusName
    recurrence: RecurrenceName
    due_on: date | None
    due_time: time | None
    first_due_at: datetime | None
    # Shared with the partner (who marks it), or private (marked by its author).
    shared: bool
    version: str

    @staticmethod
    def resolve_first_due_at(row: Promise) -> datetime | None:
        occurrences = list(row.occurrences.all())
        return occurrences[0].due_at if occurrences else None

    @staticmethod
    def resolve_shared(row: Promise) -> bool:
        return row.visibility == "shared"

    @staticmethod
    def resolve_version(row: Promise) -> str:
        return version_of(row)


class OccurrenceOut(Schema):
    seq: int
    due_at: datetime | None
    mark: MarkName | None
    kind_word: str
    # The day it was marked, in the reader's zone (the page shows the date, not the time).
    marked_on: date | None


class HistoryOut(Schema):
    id: UUID
    text: str
    status: StatusName
    created_on: date


class PromiseOut(Schema):
    id: UUID
    text: str
    status: StatusName
    recurrence: RecurrenceName
    due_on: date | None
    due_time: time | None
    shared: bool
    mine: bool
    withdraw_note: str
    occurrences: list[OccurrenceOut]
    # The renegotiation chain, oldest first, as far as I may see it (empty when alone).
    history: list[HistoryOut]
    replaces: UUID | None
    replaced_by: UUID | None
    may_mark: bool
    mark_refusal: MarkRefusal | None
    # Renegotiate or withdraw: mine, still active, and made in this couple space.
    can_change: bool
    version: str


class SavedPromise(Schema):
    promise: PromiseOut
    # Present when what was just written reads like a crisis: for the writer only.
    support: SupportOut | None = None


class PromiseIn(In):
    text: str
    due_on: date | None = None
    due_time: time | None = None
    recurrence: RecurrenceName = "none"
    repeat_count: int | None = None
    repeat_until: date | None = None


class WithdrawIn(In):
    note: str


class MarkIn(In):
    mark: MarkName
    kind_word: str = ""


class PromiseDraftIn(In):
    text: str = ""


class PromiseHintOut(Schema):
    field: str
    words: str
    why: str
    suggestion: str


class DraftOut(Schema):
    # Wording hints, only when I switched them on; computed now, never stored.
    hints: list[PromiseHintOut]
    support: SupportOut | None = None


class TallyOut(Schema):
    days: int
    kept: int
    due: int
    # A whole percentage, only once enough fell due for it to mean something.
    percent: int | None
    enough: bool


class PersonOut(Schema):
    who: Literal["me", "partner"]
    name: str
    windows: list[TallyOut]


class OverviewOut(Schema):
    # Why promises I make now stay private to me (None: they go to my partner).
    sharing_refusal: SharingRefusal | None
    follow_through: list[PersonOut]


# --- Helpers ---------------------------------------------------------------------


def _detail(request: HttpRequest, promise: Promise) -> PromiseOut:
    page = selectors.promise_page_for(request.user, promise)
    chain = page.history if len(page.history) > 1 else []
    earlier = next((item for item in chain if item.pk == promise.replaces_id), None)
    return PromiseOut(
        id=promise.id,
        text=promise.text,
        status=cast(StatusName, promise.status),
        recurrence=cast(RecurrenceName, promise.recurrence),
        due_on=promise.due_on,
        due_time=promise.due_time,
        shared=promise.visibility == "shared",
        mine=page.is_author,
        withdraw_note=promise.withdraw_note if promise.status == "withdrawn" else "",
        occurrences=[
            OccurrenceOut(
                seq=row.seq,
                due_at=row.due_at,
                mark=cast(MarkName | None, row.mark or None),
                kind_word=row.kind_word if row.mark else "",
                marked_on=timezone.localtime(row.marked_at).date() if row.marked_at else None,
            )
            for row in page.occurrences
        ],
        history=[
            HistoryOut(
                id=item.id,
                text=item.text,
                status=cast(StatusName, item.status),
                created_on=timezone.localtime(item.created_at).date(),
            )
            for item in chain
        ],
        replaces=earlier.id if earlier else None,
        replaced_by=page.replacement.id if page.replacement else None,
        may_mark=page.may_mark,
        mark_refusal=cast(MarkRefusal | None, page.mark_refusal),
        can_change=page.can_change,
        version=version_of(promise),
    )


def _refused(refused: services.Refused) -> ApiError:
    message = refusal_message(refused.code)
    return ApiError(409, message, [("__all__", message)])


def _promise_form(request: HttpRequest, payload: PromiseIn) -> PromiseForm:
    form = PromiseForm(payload.model_dump(), user=request.user)
    raise_for_form(form)
    return form


# --- The ledger ------------------------------------------------------------------


@router.get("", response=responses({200: list[PromiseRowOut]}), summary="My promises, newest first")
@paginate(Newest)
def made_by_me(request: HttpRequest) -> Any:
    return selectors.promises_made_by_query(request.user)


@router.post(
    "",
    response=responses({201: SavedPromise}, write=True),
    summary="Make a promise (shared with my partner when sharing is open, else private)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def create(request: HttpRequest, payload: PromiseIn) -> Status:
    form = _promise_form(request, payload)
    promise = services.promise_create(
        user=request.user, promise_id=uuid.uuid4(), **form.promise_fields()
    )
    saved = SavedPromise(
        promise=_detail(request, promise), support=support_for(request, form.texts()["text"])
    )
    return Status(201, saved)


@router.get(
    "/to-me",
    response=responses({200: list[PromiseRowOut]}),
    summary="What my partner promised me in this couple space, newest first",
)
@paginate(Newest)
def made_to_me(request: HttpRequest) -> Any:
    return selectors.promises_made_to_query(request.user)


@router.get(
    "/overview",
    response=responses({200: OverviewOut}),
    summary="Follow-through over 4 and 12 weeks for both of us, and whether my promises are shared",
)
def overview(request: HttpRequest) -> OverviewOut:
    people = selectors.follow_through_for(request.user)
    return OverviewOut(
        sharing_refusal=cast(SharingRefusal | None, services.sharing_refusal_for(request.user)),
        follow_through=[
            PersonOut(
                who="me" if row.is_me else "partner",
                name=_("You") if row.is_me else row.person.name,
                windows=[
                    TallyOut(
                        days=t.days, kept=t.kept, due=t.due, percent=t.percent, enough=t.enough
                    )
                    for t in row.tallies
                ],
            )
            for row in people
        ],
    )


@router.post(
    "/hints",
    response=responses({200: DraftOut}, write=True),
    summary="Check a draft's wording (hints only if I switched them on); nothing is kept",
)
def hints(request: HttpRequest, payload: PromiseDraftIn) -> DraftOut:
    found = hints_for(request.user, payload.text, TEXT_LABEL)
    return DraftOut(
        hints=[
            PromiseHintOut(
                field="text",
                words=hint["words"],
                why=str(hint["why"]),
                suggestion=str(hint["suggestion"]),
            )
            for hint in found
        ],
        support=support_for(request, payload.text),
    )


@router.get(
    "/{promise_id}",
    response=responses({200: PromiseOut}),
    summary="One promise: each time it falls due, its marks and its history",
)
def detail(request: HttpRequest, promise_id: UUID, response: HttpResponse) -> PromiseOut:
    promise = selectors.promise_visible_to(request.user, promise_id)
    with_etag(response, promise)
    return _detail(request, promise)


@router.post(
    "/{promise_id}/renegotiate",
    response=responses({201: SavedPromise}, edit=True),
    summary="Replace my promise with a new one (send If-Match); both stay in the history",
    openapi_extra={
        "parameters": [*VERSIONED["parameters"], *IDEMPOTENT["parameters"]],
    },
)
@idempotent
def renegotiate(request: HttpRequest, promise_id: UUID, payload: PromiseIn) -> Status:
    form = _promise_form(request, payload)

    def apply(old: Promise) -> Promise:
        try:
            return services.promise_renegotiate(
                promise=old, promise_id=uuid.uuid4(), **form.promise_fields()
            )
        except services.Refused as refused:
            raise _refused(refused) from None

    new = edit_locked(
        request,
        find=lambda: selectors.promise_open_for_author(request.user, promise_id),
        apply=apply,
        current=lambda row: _detail(request, row).model_dump(mode="json"),
    )
    saved = SavedPromise(
        promise=_detail(request, new), support=support_for(request, form.texts()["text"])
    )
    return Status(201, saved)


@router.post(
    "/{promise_id}/withdraw",
    response=responses({200: SavedPromise}, edit=True),
    summary="Withdraw my promise with a note for why (send If-Match); it stays in the ledger",
    openapi_extra=VERSIONED,
)
def withdraw(
    request: HttpRequest, promise_id: UUID, payload: WithdrawIn, response: HttpResponse
) -> SavedPromise:
    form = WithdrawForm(payload.model_dump())
    raise_for_form(form)

    def apply(promise: Promise) -> Promise:
        try:
            return services.promise_withdraw(promise=promise, note=form.cleaned_data["note"])
        except services.Refused as refused:
            raise _refused(refused) from None

    promise = edit_locked(
        request,
        find=lambda: selectors.promise_open_for_author(request.user, promise_id),
        apply=apply,
        current=lambda row: _detail(request, row).model_dump(mode="json"),
    )
    with_etag(response, promise)
    return SavedPromise(
        promise=_detail(request, promise), support=support_for(request, form.cleaned_data["note"])
    )


@router.put(
    "/{promise_id}/occurrences/{seq}",
    response=responses({200: SavedPromise}, write=True),
    summary="Say whether one time it fell due was kept (marking again replaces the mark)",
)
def mark(request: HttpRequest, promise_id: UUID, seq: int, payload: MarkIn) -> SavedPromise:
    user: Any = request.user
    promise = selectors.promise_visible_to(user, promise_id)
    if not services.may_mark(user, promise):
        # The author of a shared promise, like anyone else, finds nothing to mark here.
        raise Http404
    form = MarkForm({"seq": seq, **payload.model_dump()})
    raise_for_form(form)
    if form.cleaned_data["seq"] not in {row.seq for row in selectors.occurrences_of(user, promise)}:
        raise Http404
    try:
        services.occurrence_mark(
            user=user,
            promise=promise,
            seq=form.cleaned_data["seq"],
            mark=form.cleaned_data["mark"],
            kind_word=form.cleaned_data["kind_word"],
        )
    except services.Refused as refused:
        raise _refused(refused) from None
    fresh = selectors.promise_visible_to(user, promise_id)
    return SavedPromise(
        promise=_detail(request, fresh),
        support=support_for(request, form.cleaned_data["kind_word"]),
    )


@router.delete(
    "/{promise_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete my promise from the ledger for both of us, with every mark on it",
)
def delete(request: HttpRequest, promise_id: UUID) -> Deleted:
    services.promise_delete(promise=selectors.promise_for_author(request.user, promise_id))
    return Deleted()
