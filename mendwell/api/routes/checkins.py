"""Daily check-ins and the weekly look back, over ``mendwell.checkins``."""

from __future__ import annotations

from datetime import date
from hashlib import sha256
from typing import Any, Literal
from uuid import UUID

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import require_version, version_of
from mendwell.checkins import selectors, services
from mendwell.checkins.forms import CheckInForm, WeekForm
from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of

router = Router(tags=["check-ins"])


def _SHARING_CLOSED() -> str:  # noqa: N802  (reads as the message it returns)
    return _("Sharing opens once your partner is linked and you've taken your private check.")


class CheckInOut(Schema):
    id: UUID
    day: date
    mood: int
    closeness: int
    note: str
    shared: bool
    version: str

    @staticmethod
    def resolve_shared(row: CheckIn) -> bool:
        return row.visibility == "shared"

    @staticmethod
    def resolve_version(row: CheckIn) -> str:
        return version_of(row)


class SavedCheckIn(Schema):
    checkin: CheckInOut
    # Present when the note reads like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class CheckInIn(In):
    mood: int
    closeness: int
    note: str = ""
    share: bool = False


class PartnerCheckInOut(Schema):
    day: date
    mood: int
    closeness: int
    note: str


class CheckInShareIn(In):
    share: bool


class WeekNoteOut(Schema):
    id: UUID
    week_of: date
    kind: Literal["went_well", "try_next"]
    text: str
    shared: bool
    mine: bool


class WeekIn(In):
    went_well: str = ""
    try_next: str = ""
    share_went_well: bool = False
    share_try_next: bool = False


def _mine_or_404(request: HttpRequest, checkin_id: UUID) -> CheckIn:
    return get_authored_or_404(CheckIn, user=request.user, pk=checkin_id)


@router.post(
    "",
    response=responses({200: SavedCheckIn, 201: SavedCheckIn}, write=True),
    summary="Save today's check-in (saving again the same day updates it)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def save_today(request: HttpRequest, payload: CheckInIn) -> Status:
    user: Any = request.user
    can_share = selectors.can_share(user)
    if payload.share and not can_share:
        raise ApiError(
            422,
            _("Some fields need another look."),
            [("share", _SHARING_CLOSED())],
        )
    form = CheckInForm(
        payload.model_dump(exclude={"share"} if not can_share else None),
        can_share=can_share,
        solo=partner_of(user) is None,
    )
    raise_for_form(form)
    day = selectors.today_for(user)
    existed = selectors.checkin_on(user, day) is not None
    data = form.cleaned_data
    row = services.checkin_save(
        user=user,
        day=day,
        mood=data["mood"],
        closeness=data["closeness"],
        note=data["note"],
        share=bool(data.get("share")) and can_share,
    )
    # model_validate reads the row's attributes (and runs the resolvers) once.
    saved = SavedCheckIn.model_validate(
        {"checkin": row, "support": support_for(request, data["note"])}
    )
    return Status(200 if existed else 201, saved)


@router.get("", response=responses({200: list[CheckInOut]}), summary="My check-ins, newest first")
@paginate(Newest)
def list_mine(request: HttpRequest) -> Any:
    return selectors.my_checkins(request.user)


@router.get(
    "/today", response=responses({200: CheckInOut | None}), summary="Today's check-in, if saved"
)
def today(request: HttpRequest) -> CheckIn | None:
    user: Any = request.user
    return selectors.checkin_on(user, selectors.today_for(user))


@router.get(
    "/partner",
    response=responses({200: list[PartnerCheckInOut]}),
    summary="The days my partner shared in the last week",
)
def partner_shared(request: HttpRequest) -> list[PartnerCheckInOut]:
    return [
        PartnerCheckInOut(day=row.day, mood=row.mood, closeness=row.closeness, note=row.note)
        for row in selectors.shared_by_partner(request.user)
    ]


@router.get(
    "/week", response=responses({200: list[WeekNoteOut]}), summary="Look-back lines I can see"
)
def week_notes(request: HttpRequest) -> list[WeekNoteOut]:
    user: Any = request.user
    return [
        WeekNoteOut.model_validate(
            {
                "id": note.id,
                "week_of": note.week_of,
                "kind": note.kind,
                "text": note.text,
                "shared": note.visibility == "shared",
                "mine": note.author_id == user.pk,
            }
        )
        for notes in selectors.week_notes_visible(user).values()
        for note in notes
    ]


class WeekNowOut(Schema):
    """This week's look back as one editable text: both lines, their sharing, a version."""

    week_of: date
    went_well: str
    try_next: str
    share_went_well: bool
    share_try_next: bool
    version: str


def _week_now(user: Any) -> WeekNowOut:
    this_week = selectors.week_of(selectors.today_for(user))
    notes = selectors.my_week_notes(user, this_week)
    stamp = "|".join(
        f"{kind}:{note.pk}:{note.updated_at.isoformat()}" for kind, note in sorted(notes.items())
    )
    fields: dict[str, Any] = {
        "week_of": this_week,
        "version": "w" + sha256(stamp.encode()).hexdigest()[:16],
    }
    for kind in ("went_well", "try_next"):
        note = notes.get(kind)
        fields[kind] = note.text if note else ""
        fields[f"share_{kind}"] = bool(note and note.visibility == "shared")
    return WeekNowOut.model_validate(fields)


@router.get(
    "/week/now", response=responses({200: WeekNowOut}), summary="This week's look back, to edit"
)
def week_now(request: HttpRequest, response: HttpResponse) -> WeekNowOut:
    now = _week_now(request.user)
    response["ETag"] = f'"{now.version}"'
    return now


@router.put(
    "/week",
    response=responses({200: WeekNowOut}, edit=True),
    summary="Save this week's look back (an emptied line is deleted)",
    openapi_extra=VERSIONED,
)
def week_save(request: HttpRequest, response: HttpResponse, payload: WeekIn) -> WeekNowOut:
    user: Any = request.user
    can_share = selectors.can_share(user)
    form = WeekForm(payload.model_dump(), can_share=can_share)
    raise_for_form(form)
    data = form.cleaned_data
    kinds = ("went_well", "try_next")
    with transaction.atomic():
        # The person's own row is the lock: two devices saving this week take turns.
        # NO KEY: rows that point at this person (a partner's notification) can still
        # be written meanwhile; only this person's own saves wait.
        type(user)._base_manager.select_for_update(no_key=True).filter(pk=user.pk).exists()
        before = _week_now(user)
        require_version(request, before.version, lambda: before.model_dump(mode="json"))
        services.week_notes_save(
            user=user,
            week_of=before.week_of,
            texts={kind: data[kind] for kind in kinds},
            shares={kind: can_share and bool(data.get(f"share_{kind}")) for kind in kinds},
        )
    now = _week_now(user)
    response["ETag"] = f'"{now.version}"'
    return now


@router.delete(
    "/week/{note_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete a look-back line",
)
def week_note_delete(request: HttpRequest, note_id: UUID) -> Deleted:
    services.week_note_delete(note=get_authored_or_404(WeekNote, user=request.user, pk=note_id))
    return Deleted()


@router.get("/{checkin_id}", response=responses({200: CheckInOut}), summary="One of my check-ins")
def detail(request: HttpRequest, checkin_id: UUID) -> CheckIn:
    return _mine_or_404(request, checkin_id)


@router.put(
    "/{checkin_id}/sharing",
    response=responses({200: CheckInOut}, write=True),
    summary="Share one day's check-in with my partner, or make it private again",
)
def share(request: HttpRequest, checkin_id: UUID, payload: CheckInShareIn) -> CheckIn:
    row = _mine_or_404(request, checkin_id)
    if payload.share and not selectors.can_share(request.user):
        raise ApiError(
            409,
            _SHARING_CLOSED(),
            [("share", _SHARING_CLOSED())],
        )
    services.checkin_share(checkin=row, share=payload.share)
    return row


@router.delete(
    "/{checkin_id}", response=responses({200: Deleted}, write=True), summary="Delete a check-in"
)
def delete(request: HttpRequest, checkin_id: UUID) -> Deleted:
    services.checkin_delete(checkin=_mine_or_404(request, checkin_id))
    return Deleted()
