"""Time together, over ``mendwell.dates``: the idea library, planning, changing
(If-Match), cancelling and deleting a date, the private calendar link, and
the phones-down timer's reflection afterwards.

A plan keeps its own local day, time and zone; ``next_start`` is given in the
caller's own zone, as the web page shows it. A plan is shared with the partner
only once planning together is open (a linked partner and the planner's own
private check); otherwise it stays the planner's own. The ``.ics`` download is
web only; calendar apps follow the private link made here.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import Deleted, In
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.dates import selectors, services
from mendwell.dates.forms import PlanForm, ReflectionForm
from mendwell.dates.ideas import IDEAS_BY_ID, Idea
from mendwell.dates.models import DatePlan, Reflection

router = Router(tags=["dates"])

Duration = Literal[30, 60, 90, 120, 180, 240]
RepeatChoice = Literal["none", "weekly", "fortnightly", "monthly"]


def _SHARING_CLOSED() -> str:  # noqa: N802  (reads as the message it returns)
    return _("Sharing opens once your partner is linked and you've taken your private check.")


# --- Schemas ------------------------------------------------------------------------


class DateIdeaOut(Schema):
    id: str
    text: str
    place: Literal["home", "out"]
    # 0 free, 1 a little, 2 a treat.
    cost: int
    minutes: int
    # The ways of feeling loved it speaks to: words, acts, gifts, time, touch.
    ways: list[str]


class DateSuggestedOut(Schema):
    idea: DateIdeaOut
    # Why it comes first, from what the partner chose to share.
    reason: str


class DateIdeasOut(Schema):
    ideas: list[DateIdeaOut]
    suggested: list[DateSuggestedOut]


class DatePlanOut(Schema):
    id: UUID
    starts_on: date
    start_time: str
    time_zone: str
    duration_minutes: int
    repeat: RepeatChoice
    repeat_until: date | None
    note: str
    idea: DateIdeaOut | None
    # The next time it starts, in my own time zone (null once it is past or cancelled).
    next_start: datetime | None
    cancelled: bool
    shared: bool
    # I planned it: only the planner changes, cancels or deletes it.
    mine: bool
    version: str


class DatePlanIn(In):
    starts_on: str = Field(json_schema_extra={"format": "date"}, examples=["2026-03-27"])
    start_time: str = Field(examples=["19:30"])
    # Where the date happens (an IANA name); my own time zone when left out.
    time_zone: str | None = None
    duration_minutes: Duration = 90
    repeat: RepeatChoice = "none"
    # The last day a repeating date may fall on (up to a year ahead).
    repeat_until: str | None = Field(
        default=None, json_schema_extra={"format": "date"}, examples=["2026-06-26"]
    )
    note: str = ""


class DateNewPlanIn(DatePlanIn):
    # An idea from the library this plan starts from.
    idea: str = ""


class DateReflectionOut(Schema):
    id: UUID
    day: date
    connected: int
    repeat_text: str
    shared: bool
    mine: bool
    version: str


class DateReflectionIn(In):
    # 1 (not very) to 5 (very close).
    connected: int
    repeat_text: str = ""
    share: bool = False


class CalendarFeedOut(Schema):
    active: bool
    # Shown once, when the link is made: keep it private (anyone holding it sees when
    # your dates are). Calendar entries only ever say "Time together".
    url: str | None = None


# --- Helpers ------------------------------------------------------------------------


def _idea_out(idea: Idea) -> DateIdeaOut:
    return DateIdeaOut(
        id=idea.id,
        text=str(idea.text),
        place=idea.place,  # type: ignore[arg-type]
        cost=idea.cost,
        minutes=idea.minutes,
        ways=list(idea.ways),
    )


def _plan_out(
    request: HttpRequest, plan: DatePlan, next_start: datetime | None = None
) -> DatePlanOut:
    if next_start is None and plan.cancelled_at is None:
        upcoming = selectors.occurrences(plan, after=timezone.localdate())
        next_start = upcoming[0] if upcoming else None
    idea = IDEAS_BY_ID.get(plan.idea_id)
    return DatePlanOut(
        id=plan.id,
        starts_on=plan.starts_on,
        start_time=plan.start_time.strftime("%H:%M"),
        time_zone=plan.time_zone,
        duration_minutes=plan.duration_minutes,
        repeat=plan.repeat,  # type: ignore[arg-type]
        repeat_until=plan.repeat_until,
        note=plan.note,
        idea=_idea_out(idea) if idea else None,
        next_start=timezone.localtime(next_start) if next_start else None,
        cancelled=plan.cancelled_at is not None,
        shared=plan.visibility == "shared",
        mine=plan.author_id == request.user.pk,
        version=version_of(plan),
    )


def _reflection_out(request: HttpRequest, row: Reflection) -> DateReflectionOut:
    return DateReflectionOut(
        id=row.id,
        day=row.day,
        connected=row.connected,
        repeat_text=row.repeat_text,
        shared=row.visibility == "shared",
        mine=row.author_id == request.user.pk,
        version=version_of(row),
    )


def _plan_form(
    request: HttpRequest, payload: DatePlanIn, time_zone: str, plan: DatePlan | None = None
) -> PlanForm:
    """The web's own checks; ``plan`` is the date being changed (a repeating date
    that has begun keeps its first day, as on the web's edit page)."""
    data = payload.model_dump(exclude={"idea"})
    data["time_zone"] = time_zone if payload.time_zone is None else payload.time_zone
    form = PlanForm(data, now=timezone.now(), plan=plan)
    raise_for_form(form)
    return form


def _changeable(request: HttpRequest, plan_id: UUID) -> DatePlan:
    """A plan I made that is not cancelled (the web's edit page answers 404 otherwise)."""
    plan = get_authored_or_404(DatePlan, user=request.user, pk=plan_id)
    if plan.cancelled_at is not None:
        raise Http404
    return plan


# --- Ideas --------------------------------------------------------------------------


@router.get(
    "/ideas",
    response=responses({200: DateIdeasOut}),
    summary="The idea library, filtered; suggestions for the two of you first",
)
def date_ideas(
    request: HttpRequest,
    place: Literal["home", "out"] | None = None,
    # Ideas costing at most this: 0 free, 1 a little, 2 a treat.
    max_cost: Literal["0", "1", "2"] | None = None,
) -> DateIdeasOut:
    found = selectors.ideas(place=place or "", cost=max_cost or "")
    return DateIdeasOut(
        ideas=[_idea_out(idea) for idea in found],
        suggested=[
            DateSuggestedOut(idea=_idea_out(ranked.candidate), reason=ranked.reason)
            for ranked in selectors.suggested_ideas(request.user, found)
        ],
    )


# --- The calendar link ----------------------------------------------------------------


@router.get(
    "/calendar-feed",
    response=responses({200: CalendarFeedOut}),
    summary="Whether my private calendar link is on (the link itself is shown only once)",
)
def calendar_feed(request: HttpRequest) -> CalendarFeedOut:
    return CalendarFeedOut(active=selectors.has_feed(request.user))


@router.post(
    "/calendar-feed",
    response=responses({201: CalendarFeedOut}, write=True),
    summary="Make a new private calendar link (any older link stops working)",
)
def calendar_feed_create(request: HttpRequest) -> Status:
    # Not idempotent on purpose: a replay would have to keep the link, which is
    # only ever shown once and stored as a hash. A retry makes a fresh link and
    # switches off the one the lost answer held.
    token = services.feed_create(user=request.user)
    url = request.build_absolute_uri(reverse("dates:feed", kwargs={"token": token}))
    return Status(201, CalendarFeedOut(active=True, url=url))


@router.delete(
    "/calendar-feed",
    response=responses({200: Deleted}, write=True),
    summary="Switch my calendar link off",
)
def calendar_feed_revoke(request: HttpRequest) -> Deleted:
    services.feed_revoke(user=request.user)
    return Deleted()


# --- Reflections by id ----------------------------------------------------------------


@router.delete(
    "/reflections/{reflection_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete my reflection (for my partner too, if I shared it)",
)
def date_reflection_delete(request: HttpRequest, reflection_id: UUID) -> Deleted:
    reflection = get_authored_or_404(Reflection, user=request.user, pk=reflection_id)
    services.reflection_delete(reflection=reflection)
    return Deleted()


# --- Plans ----------------------------------------------------------------------------


@router.get(
    "",
    response=responses({200: list[DatePlanOut]}),
    summary="Dates coming up, soonest first (mine, and those my partner shared)",
)
def dates_upcoming(request: HttpRequest) -> list[DatePlanOut]:
    return [
        _plan_out(request, item.plan, item.next_start)
        for item in selectors.upcoming_for(request.user, today=timezone.localdate())
    ]


@router.post(
    "",
    response=responses({201: DatePlanOut}, write=True),
    summary="Plan a date (shared with my partner once planning together is open)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def date_plan_create(request: HttpRequest, payload: DateNewPlanIn) -> Status:
    user: Any = request.user
    if payload.idea and payload.idea not in IDEAS_BY_ID:
        raise ApiError(
            422,
            _("Some fields need another look."),
            [("idea", _("Choose an idea from the library, or leave it out."))],
        )
    form = _plan_form(request, payload, user.time_zone or "UTC")
    plan = services.plan_create(user=user, idea_id=payload.idea, **form.cleaned_data)
    return Status(201, _plan_out(request, plan))


@router.get(
    "/{plan_id}",
    response=responses({200: DatePlanOut}),
    summary="One date I can see (mine, or one my partner shared)",
)
def date_plan_detail(request: HttpRequest, plan_id: UUID, response: HttpResponse) -> DatePlanOut:
    plan = get_visible_or_404(DatePlan, user=request.user, pk=plan_id)
    with_etag(response, plan)
    return _plan_out(request, plan)


@router.put(
    "/{plan_id}",
    response=responses({200: DatePlanOut}, edit=True),
    summary="Change a date I planned (send If-Match; calendars pick up the change)",
    openapi_extra=VERSIONED,
)
def date_plan_edit(
    request: HttpRequest, plan_id: UUID, payload: DatePlanIn, response: HttpResponse
) -> DatePlanOut:
    plan = _changeable(request, plan_id)
    form = _plan_form(request, payload, plan.time_zone, plan)

    def apply(row: DatePlan) -> DatePlan:
        services.plan_update(plan=row, **form.cleaned_data)
        return row

    plan = edit_locked(
        request,
        find=lambda: _changeable(request, plan_id),
        apply=apply,
        current=lambda row: _plan_out(request, row).model_dump(mode="json"),
    )
    with_etag(response, plan)
    return _plan_out(request, plan)


@router.post(
    "/{plan_id}/cancel",
    response=responses({200: DatePlanOut}, write=True),
    summary="Cancel a date I planned (calendars show it as cancelled)",
)
def date_plan_cancel(request: HttpRequest, plan_id: UUID) -> DatePlanOut:
    plan = get_authored_or_404(DatePlan, user=request.user, pk=plan_id)
    services.plan_cancel(plan=plan)
    plan.refresh_from_db()
    return _plan_out(request, plan)


@router.delete(
    "/{plan_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete a date I planned, for both of us (reflections stay with their authors)",
)
def date_plan_delete(request: HttpRequest, plan_id: UUID) -> Deleted:
    services.plan_delete(plan=get_authored_or_404(DatePlan, user=request.user, pk=plan_id))
    return Deleted()


# --- Phones down, and afterwards -----------------------------------------------------


@router.get(
    "/{plan_id}/reflections",
    response=responses({200: list[DateReflectionOut]}),
    summary="Reflections on a date: mine, and those my partner shared",
)
def date_reflections(request: HttpRequest, plan_id: UUID) -> list[DateReflectionOut]:
    plan = get_visible_or_404(DatePlan, user=request.user, pk=plan_id)
    return [_reflection_out(request, row) for row in selectors.reflections_on(request.user, plan)]


@router.post(
    "/{plan_id}/reflections",
    response=responses({200: DateReflectionOut, 201: DateReflectionOut}, write=True),
    summary="Save today's reflection on a date (saving again the same day updates it)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def date_reflection_save(request: HttpRequest, plan_id: UUID, payload: DateReflectionIn) -> Status:
    user: Any = request.user
    plan = get_visible_or_404(DatePlan, user=user, pk=plan_id)
    can_share = selectors.can_share(user)
    if payload.share and not can_share:
        raise ApiError(422, _("Some fields need another look."), [("share", _SHARING_CLOSED())])
    form = ReflectionForm(payload.model_dump(), can_share=can_share)
    raise_for_form(form)
    day = timezone.localdate()
    existed = selectors.my_reflection_on(user, plan, day=day) is not None
    data = {"share": False, **form.cleaned_data}
    row = services.reflection_save(user=user, plan=plan, day=day, **data)
    return Status(200 if existed else 201, _reflection_out(request, row))
