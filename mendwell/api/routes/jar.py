"""The connection jar, over ``mendwell.jar``: my acts (add, reword, remove), ideas
to start from, the couple's draw day, this week's draw, "I did it" and "I noticed".

As on the web page, the partner never browses my acts: they meet one at a
time, by drawing it, and I see which of mine they drew only once it is done.
Drawing waits for a linked partner and the drawer's own private check.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import Deleted, In
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.jar import selectors, services
from mendwell.jar.forms import ActForm, DayForm
from mendwell.jar.models import ACT_LIMIT, ACTS_PER_PERSON, JarAct, JarDraw

router = Router(tags=["connection jar"])


class JarActOut(Schema):
    id: UUID
    text: str
    version: str

    @staticmethod
    def resolve_version(row: JarAct) -> str:
        return version_of(row)


class JarActIn(In):
    text: str


class JarDrawOut(Schema):
    """My draw this week: one of my partner's acts, for me to do."""

    id: UUID
    act: str
    week_of: date
    done: bool
    # My partner said "I noticed" (the web page shows it too).
    noticed: bool

    @staticmethod
    def resolve_act(row: JarDraw) -> str:
        return row.act.text

    @staticmethod
    def resolve_done(row: JarDraw) -> bool:
        return row.done_at is not None

    @staticmethod
    def resolve_noticed(row: JarDraw) -> bool:
        return row.noticed_at is not None


class JarDoneForMeOut(Schema):
    """One of my acts my partner did for me (shown once done, never before)."""

    id: UUID
    act: str
    week_of: date
    noticed: bool

    @staticmethod
    def resolve_act(row: JarDraw) -> str:
        return row.act.text

    @staticmethod
    def resolve_noticed(row: JarDraw) -> bool:
        return row.noticed_at is not None


class JarOut(Schema):
    partner_linked: bool
    # 0 = Monday … 6 = Sunday: the couple's draw day (Sunday until they choose).
    draw_weekday: int
    # This week's draw can be made now (the chosen day has come this week).
    draw_open: bool
    draw: JarDrawOut | None
    done_for_me: list[JarDoneForMeOut]
    act_limit: int
    acts_per_person: int


class JarDayIn(In):
    weekday: Literal[0, 1, 2, 3, 4, 5, 6]


class JarDayOut(Schema):
    weekday: int


def _my_act(request: HttpRequest, act_id: UUID) -> JarAct:
    return get_authored_or_404(JarAct, user=request.user, pk=act_id)


def _act_current(act: JarAct) -> dict[str, Any]:
    return JarActOut.from_orm(act).model_dump(mode="json")


@router.get(
    "", response=responses({200: JarOut}), summary="The jar page: this week's draw and more"
)
def jar_home(request: HttpRequest) -> JarOut:
    user: Any = request.user
    day = selectors.today_for(user)
    linked = partner_of(user) is not None
    draw = selectors.this_weeks_draw(user, day) if linked else None
    # Rows, not schema instances: the resolvers above read them.
    return JarOut.model_validate(
        {
            "partner_linked": linked,
            "draw_weekday": selectors.draw_weekday(user),
            "draw_open": selectors.draw_open(user, day),
            "draw": draw,
            "done_for_me": selectors.done_for_me(user),
            "act_limit": ACT_LIMIT,
            "acts_per_person": ACTS_PER_PERSON,
        }
    )


@router.get(
    "/acts",
    response=responses({200: list[JarActOut]}),
    summary="My acts, in the order I added them",
)
def jar_acts(request: HttpRequest) -> list[JarAct]:
    # At most ACTS_PER_PERSON rows, so one page always holds them all.
    return selectors.my_acts(request.user)


@router.post(
    "/acts",
    response=responses({201: JarActOut}, write=True),
    summary="Add an act I would love to receive (an idea's text adds that idea)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def jar_act_add(request: HttpRequest, payload: JarActIn) -> Status:
    form = ActForm(payload.model_dump())
    raise_for_form(form)
    try:
        row = services.act_add(user=request.user, text=form.cleaned_data["text"])
    except services.Refused as refusal:
        raise ApiError(
            422, _("Some fields need another look."), [("text", refusal.message)]
        ) from None
    return Status(201, JarActOut.from_orm(row))


@router.get(
    "/suggestions",
    response=responses({200: list[str]}),
    summary="Ideas to start from, less those already in my jar",
)
def jar_suggestions(request: HttpRequest) -> list[str]:
    return selectors.suggestions_for(request.user)


@router.get("/acts/{act_id}", response=responses({200: JarActOut}), summary="One of my acts")
def jar_act_detail(request: HttpRequest, act_id: UUID, response: HttpResponse) -> JarAct:
    act = _my_act(request, act_id)
    with_etag(response, act)
    return act


@router.put(
    "/acts/{act_id}",
    response=responses({200: JarActOut}, edit=True),
    summary="Reword one of my acts (send If-Match with its ETag)",
    openapi_extra=VERSIONED,
)
def jar_act_edit(
    request: HttpRequest, act_id: UUID, payload: JarActIn, response: HttpResponse
) -> JarAct:
    form = ActForm(payload.model_dump())
    raise_for_form(form)
    act: JarAct = edit_locked(
        request,
        find=lambda: _my_act(request, act_id),
        apply=lambda row: services.act_edit(act=row, text=form.cleaned_data["text"]),
        current=_act_current,
    )
    with_etag(response, act)
    return act


@router.delete(
    "/acts/{act_id}", response=responses({200: Deleted}, write=True), summary="Remove an act"
)
def jar_act_delete(request: HttpRequest, act_id: UUID) -> Deleted:
    services.act_delete(act=_my_act(request, act_id))
    return Deleted()


@router.put(
    "/day",
    response=responses({200: JarDayOut}, write=True),
    summary="Choose our draw day (either partner may)",
)
def jar_day_set(request: HttpRequest, payload: JarDayIn) -> JarDayOut:
    form = DayForm(payload.model_dump())
    raise_for_form(form)
    if not services.draw_day_set(user=request.user, weekday=form.cleaned_data["weekday"]):
        raise ApiError(409, _("The draw day is chosen together: it opens once you are linked."))
    return JarDayOut(weekday=selectors.draw_weekday(request.user))


@router.post(
    "/draw",
    response=responses({201: JarDrawOut}, write=True),
    summary="Draw this week's act: one of my partner's, at random",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def jar_draw(request: HttpRequest) -> Status:
    user: Any = request.user
    try:
        row = services.draw(user=user, day=selectors.today_for(user))
    except services.Refused as refusal:
        raise ApiError(409, refusal.message) from None
    return Status(201, JarDrawOut.from_orm(row))


@router.post(
    "/draws/{draw_id}/done",
    response=responses({200: JarDrawOut}, write=True),
    summary="I did this week's act",
)
def jar_draw_done(request: HttpRequest, draw_id: UUID) -> JarDraw:
    row = get_authored_or_404(JarDraw, user=request.user, pk=draw_id)
    services.draw_done(draw=row)
    row.refresh_from_db()
    return row


@router.post(
    "/draws/{draw_id}/noticed",
    response=responses({200: JarDoneForMeOut}, write=True),
    summary='"I noticed": for an act of mine my partner did',
)
def jar_draw_noticed(request: HttpRequest, draw_id: UUID) -> JarDraw:
    row = selectors.draw_to_notice_or_404(request.user, draw_id)
    services.draw_noticed(user=request.user, draw=row)
    row.refresh_from_db()
    return row
