"""The question of the day, the deck and one's own marks, over ``mendwell.conversations``.

Each partner answers privately; the partner's answer is returned only once
the caller has answered too, and before that nothing in an answer differs
whether the partner answered or not. Answering together waits for the
caller's private safety check, as on the web.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal
from uuid import UUID

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.conversations import selectors, services
from mendwell.conversations.forms import AnswerForm, QuestionMarkForm
from mendwell.conversations.models import Answer
from mendwell.conversations.questions import QUESTIONS, THEMES
from mendwell.couples.access import get_authored_or_404

router = Router(tags=["questions"])

# The keys of ``conversations.questions.THEMES`` (a test keeps the two the same).
Theme = Literal["hurt", "needs", "hopes", "appreciation", "everyday"]
Lock = Literal["paused", "check"]


def _lock_message(lock: str) -> str:
    if lock == "paused":
        return _("The couple program is paused for now. Your own tools still work.")
    return _("Questions you answer together open once you've taken your private check.")


class DeckQuestionOut(Schema):
    id: str
    theme: Theme
    theme_title: str
    depth: int
    text: str
    # My own marks: nobody else ever sees them.
    favourite: bool
    discussed: bool


class DailyMyAnswerOut(Schema):
    id: UUID
    text: str


class DailyPartnerAnswerOut(Schema):
    text: str


class DailyQuestionOut(Schema):
    day: date
    question: DeckQuestionOut
    with_partner: bool
    # Why answering is closed for now ("paused", "check"), else null.
    lock: Lock | None
    lock_message: str | None
    mine: DailyMyAnswerOut | None
    # Only once both have answered.
    partners: DailyPartnerAnswerOut | None
    # Whether a guided conversation about this question can be started.
    offer_talk: bool


class DailyAnsweredOut(Schema):
    answer: DailyMyAnswerOut
    day: DailyQuestionOut
    # Present when the answer reads like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class DailyAnswerIn(In):
    text: str


class DeckThemeOut(Schema):
    key: Theme
    title: str
    questions: list[DeckQuestionOut]


class DeckOut(Schema):
    themes: list[DeckThemeOut]
    shown: int
    total: int


class DeckFilterIn(Schema):
    show: Literal["all", "favourites", "undiscussed"] = "all"
    theme: Theme | None = None
    # 1 lighter, 2 deeper, 3 deepest.
    depth: int | None = Field(None, ge=1, le=3)


class DeckMarksIn(In):
    """The state wanted (not "toggle"): sending it twice lands on the same state.
    A mark left out stays as it is."""

    favourite: bool | None = None
    discussed: bool | None = None


def _question(item: selectors.DeckItem) -> DeckQuestionOut:
    question = item.question
    return DeckQuestionOut(
        id=question.id,
        theme=question.theme,  # type: ignore[arg-type]
        theme_title=str(THEMES.get(question.theme, "")),
        depth=question.depth,
        text=str(question.text),
        favourite=item.favourite,
        discussed=item.discussed,
    )


def _day(request: HttpRequest, view: selectors.DayView) -> DailyQuestionOut:
    user: Any = request.user
    lock = selectors.question_lock_for(user, view)
    return DailyQuestionOut(
        day=view.daily.day,
        question=_question(selectors.deck_item_for(user, view.question)),
        with_partner=view.with_partner,
        lock=lock or None,  # type: ignore[arg-type]
        lock_message=_lock_message(lock) if lock else None,
        mine=DailyMyAnswerOut(id=view.mine.id, text=view.mine.text) if view.mine else None,
        partners=DailyPartnerAnswerOut(text=view.partners.text) if view.partners else None,
        offer_talk=selectors.talk_offered(user),
    )


@router.get(
    "/today",
    response=responses({200: DailyQuestionOut}),
    summary="Today's question, my answer, and my partner's once we have both answered",
)
def today(request: HttpRequest) -> DailyQuestionOut:
    return _day(request, selectors.day_view_for(request.user))


@router.post(
    "/today/answer",
    response=responses({201: DailyAnsweredOut}, write=True),
    summary="Answer today's question (once; delete the answer to answer again)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def answer(request: HttpRequest, payload: DailyAnswerIn) -> Status:
    user: Any = request.user
    view = selectors.day_view_for(user)
    if view.mine is not None:
        raise ApiError(409, _("You've already answered today's question."))
    lock = selectors.question_lock_for(user, view)
    if lock:
        raise ApiError(409, _lock_message(lock))
    form = AnswerForm(payload.model_dump())
    raise_for_form(form)
    text = form.cleaned_data["text"]
    row, _created = services.answer_submit(user=user, daily=view.daily, text=text)
    fresh = selectors.day_view_for(user)
    saved = DailyAnsweredOut(
        answer=DailyMyAnswerOut(id=row.id, text=row.text),
        day=_day(request, fresh),
        support=support_for(request, text),
    )
    return Status(201, saved)


@router.delete(
    "/answers/{answer_id}",
    response=responses({200: Deleted}, write=True),
    summary="Take my answer back (for both of us); the day's question can be answered again",
)
def answer_delete(request: HttpRequest, answer_id: UUID) -> Deleted:
    services.answer_delete(answer=get_authored_or_404(Answer, user=request.user, pk=answer_id))
    return Deleted()


@router.get(
    "/deck",
    response=responses({200: DeckOut}),
    summary="All the questions by theme, with my marks, optionally narrowed",
)
def deck(request: HttpRequest, filters: Query[DeckFilterIn]) -> DeckOut:
    themes = selectors.deck_for(
        request.user, show=filters.show, theme=filters.theme or "", depth=filters.depth or 0
    )
    out = [
        DeckThemeOut(
            key=theme.key,  # type: ignore[arg-type]
            title=str(theme.title),
            questions=[_question(item) for item in theme.items],
        )
        for theme in themes
    ]
    return DeckOut(
        themes=out, shown=sum(len(theme.questions) for theme in out), total=len(QUESTIONS)
    )


@router.put(
    "/deck/{question_id}/marks",
    response=responses({200: DeckQuestionOut}, write=True),
    summary="Mark a question as a favourite, or as talked about (only I see my marks)",
)
def marks(request: HttpRequest, question_id: str, payload: DeckMarksIn) -> DeckQuestionOut:
    question = selectors.question_or_404(question_id)
    changes: dict[str, bool] = {}
    for mark, value in payload.model_dump(exclude_none=True).items():
        form = QuestionMarkForm({"mark": mark, "value": "on" if value else "off"})
        raise_for_form(form)
        changes.update(form.changes())
    services.question_mark_set(user=request.user, question_id=question.id, **changes)
    return _question(selectors.deck_item_for(request.user, question))
