"""Small victories, private milestones and our story, over ``mendwell.story``.

Where a new victory goes is decided by the server, as on the web page: on the
couple's shared wall once working together is open for the writer, otherwise
kept for them alone; an edit never moves it. Milestones are worked out, never
stored, and only ever shown to the person they belong to.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.accounts.coach_hints import hints_for
from mendwell.api.errors import raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, version_of, with_etag
from mendwell.couples.access import Visibility, get_visible_or_404
from mendwell.couples.selectors import partner_of
from mendwell.safety.selectors import ProgramState, program_state_for
from mendwell.story import export, selectors, services
from mendwell.story.forms import VictoryForm
from mendwell.story.milestones import milestones_for
from mendwell.story.models import Victory
from mendwell.story.timeline import story_for
from mendwell.story.views import EXPORT_NAME

router = Router(tags=["story"])


def _caller(context: Any) -> Any:
    return context["request"].user


class VictoryOut(Schema):
    id: UUID
    text: str
    happened_on: date
    step: int | None
    # On the shared wall (true) or kept for the author alone.
    shared: bool
    mine: bool
    # "you", or the partner's chosen name, as the wall shows it.
    by: str
    version: str

    @staticmethod
    def resolve_shared(row: Victory) -> bool:
        return row.visibility == Visibility.SHARED

    @staticmethod
    def resolve_mine(row: Victory, context: Any) -> bool:
        return bool(row.author_id == _caller(context).pk)

    @staticmethod
    def resolve_by(row: Victory, context: Any) -> str:
        return _("you") if row.author_id == _caller(context).pk else row.author.name

    @staticmethod
    def resolve_version(row: Victory) -> str:
        return version_of(row)


class StoryHintOut(Schema):
    words: str
    why: str
    suggestion: str


class SavedVictoryOut(Schema):
    victory: VictoryOut
    # Present when the words read like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class VictoryIn(In):
    text: str
    # Leave out for today (the day in the writer's own time zone).
    happened_on: date | None = None
    step: int | None = None


class StoryDraftIn(In):
    text: str


class DraftHintsOut(Schema):
    # The coach's wording hints, only when the writer switched them on; never stored.
    hints: list[StoryHintOut]
    support: SupportOut | None = None


class StoryOut(Schema):
    # Where a new victory goes: the shared wall (true) or kept for the writer (false).
    new_victories_shared: bool
    linked: bool
    paused: bool


class MilestoneOut(Schema):
    kind: str
    day: date
    title: str
    note: str


class MomentOut(Schema):
    day: date
    kind: Literal["victory", "milestone"]
    title: str
    text: str
    step: int | None
    by: str


def _victory_out(request: HttpRequest, row: Victory) -> VictoryOut:
    return VictoryOut.from_orm(row, context={"request": request})


def _form(payload: VictoryIn) -> VictoryForm:
    data = payload.model_dump()
    if data["happened_on"] is None:
        data["happened_on"] = timezone.localdate()
    form = VictoryForm(data)
    raise_for_form(form)
    return form


def _saved(request: HttpRequest, row: Victory) -> SavedVictoryOut:
    # Validated from the row, with the request as context: "mine" and "by" need the caller.
    return SavedVictoryOut.model_validate(
        {"victory": row, "support": support_for(request, row.text)},
        context={"request": request},
    )


@router.get("", response=responses({200: StoryOut}), summary="Where a new victory would go")
def story_home(request: HttpRequest) -> StoryOut:
    user: Any = request.user
    return StoryOut(
        new_victories_shared=selectors.posts_go_on_shared_wall(user),
        linked=partner_of(user) is not None,
        paused=program_state_for(user) is ProgramState.PAUSED,
    )


@router.get(
    "/victories",
    response=responses({200: list[VictoryOut]}),
    summary="The wall: my victories and those my partner shared, newest posted first",
)
@paginate(Newest)
def victory_list(request: HttpRequest) -> Any:
    return selectors.victories_visible(request.user)


@router.post(
    "/victories",
    response=responses({201: SavedVictoryOut}, write=True),
    summary="Post a small victory",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def victory_create(request: HttpRequest, payload: VictoryIn) -> Status:
    form = _form(payload)
    row = services.victory_create(
        user=request.user, victory_id=uuid.uuid4(), **form.victory_fields()
    )
    return Status(201, _saved(request, row))


@router.post(
    "/hints",
    response=responses({200: DraftHintsOut}, write=True),
    summary="Check a draft's wording (nothing is saved)",
)
def victory_hints(request: HttpRequest, payload: StoryDraftIn) -> DraftHintsOut:
    hints = hints_for(request.user, payload.text, _("What happened"))
    return DraftHintsOut(
        hints=[
            StoryHintOut(
                words=hint["words"], why=str(hint["why"]), suggestion=str(hint["suggestion"])
            )
            for hint in hints
        ],
        support=support_for(request, payload.text),
    )


@router.get(
    "/milestones",
    response=responses({200: list[MilestoneOut]}),
    summary="My milestones so far, oldest first (only ever mine)",
)
def milestones(request: HttpRequest) -> list[MilestoneOut]:
    return [
        MilestoneOut(kind=m.kind, day=m.day, title=str(m.title), note=str(m.note))
        for m in milestones_for(request.user)
    ]


@router.get(
    "/timeline",
    response=responses({200: list[MomentOut]}),
    summary="Our story: the victories I can see and my milestones, oldest first",
)
def timeline(request: HttpRequest) -> list[MomentOut]:
    return [
        MomentOut(
            day=m.day,
            kind="victory" if m.kind == "victory" else "milestone",
            title=str(m.title),
            text=m.text,
            step=m.step,
            by=m.by,
        )
        for m in story_for(request.user)
    ]


@router.get(
    "/timeline.md",
    response=responses({200: None}),
    summary="Our story as a Markdown file",
    openapi_extra={
        "responses": {
            200: {
                "description": "The story, oldest first",
                "content": {"text/markdown": {"schema": {"type": "string"}}},
            }
        }
    },
)
def timeline_markdown(request: HttpRequest) -> HttpResponse:
    day = timezone.localdate()
    text = export.as_markdown(story_for(request.user), made_on=day)
    response = HttpResponse(text.encode("utf-8"), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_NAME}-{day.isoformat()}.md"'
    response["Cache-Control"] = "no-store"
    return response


@router.get(
    "/victories/{victory_id}",
    response=responses({200: VictoryOut}),
    summary="One victory on my wall (the ETag is the version to edit)",
)
def victory_detail(request: HttpRequest, victory_id: UUID, response: HttpResponse) -> Victory:
    row = get_visible_or_404(Victory, user=request.user, pk=victory_id)
    with_etag(response, row)
    return row


@router.put(
    "/victories/{victory_id}",
    response=responses({200: SavedVictoryOut}, edit=True),
    summary="Change a victory's words, day or step (where it is shared stays as it was)",
    openapi_extra=VERSIONED,
)
def victory_edit(
    request: HttpRequest, victory_id: UUID, payload: VictoryIn, response: HttpResponse
) -> SavedVictoryOut:
    user: Any = request.user
    form = _form(payload)
    row: Victory = edit_locked(
        request,
        find=lambda: selectors.victory_for_author(user, victory_id),
        apply=lambda locked: services.victory_update(victory=locked, **form.victory_fields()),
        current=lambda locked: _victory_out(request, locked).model_dump(mode="json"),
    )
    with_etag(response, row)
    return _saved(request, row)


@router.delete(
    "/victories/{victory_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete one of my victories",
)
def victory_delete(request: HttpRequest, victory_id: UUID) -> Deleted:
    services.victory_delete(victory=selectors.victory_for_author(request.user, victory_id))
    return Deleted()
