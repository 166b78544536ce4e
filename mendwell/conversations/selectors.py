"""Reads for the question of the day and the deck. The partner's answer is only
ever read once the acting person has answered too: before that, nothing about
it — not even whether it exists — reaches them. Question marks (favourite,
"we've talked about this") are read only for their author."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mendwell.conversations.models import Answer, DailyQuestion, QuestionMark
from mendwell.conversations.questions import QUESTIONS, THEMES, Question
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for

_BY_ID = {question.id: question for question in QUESTIONS}


@dataclass(frozen=True)
class DayView:
    daily: DailyQuestion
    question: Question
    mine: Answer | None
    partners: Answer | None  # only when both have answered
    with_partner: bool


def _deck_order(seed: str) -> list[Question]:
    """A stable shuffle per couple (or person), lighter questions first."""

    def key(question: Question) -> tuple[int, str]:
        digest = hashlib.sha256(f"{seed}:{question.id}".encode()).hexdigest()
        return (question.depth, digest)

    return sorted(QUESTIONS, key=key)


def _next_question_id(*, seed: str, asked: list[str]) -> str:
    """The first question in this deck's order not asked yet; once the whole
    deck has been asked, go round again in the same order."""
    order = _deck_order(seed)
    seen = set(asked)
    for question in order:
        if question.id not in seen:
            return question.id
    ids = [question.id for question in order]
    last = asked[-1]
    return ids[(ids.index(last) + 1) % len(ids)] if last in ids else ids[0]


def daily_question_for(user: Any, *, day: date | None = None) -> DailyQuestion:
    day = day or timezone.localdate()
    couple = couple_for_user(user) if partner_of(user) is not None else None
    scope: dict[str, Any] = {"couple": couple} if couple else {"owner": user}
    existing = DailyQuestion.objects.filter(day=day, **scope).first()
    if existing is not None:
        return existing
    seed = str(couple.id) if couple else str(user.public_id)
    asked = list(
        DailyQuestion.objects.filter(**scope).order_by("day").values_list("question_id", flat=True)
    )
    try:
        with transaction.atomic():
            return DailyQuestion.objects.create(
                day=day, question_id=_next_question_id(seed=seed, asked=asked), **scope
            )
    except IntegrityError:
        # The partner opened the page at the same moment: use their row.
        return DailyQuestion.objects.get(day=day, **scope)


def day_view_for(user: Any, *, day: date | None = None) -> DayView:
    daily = daily_question_for(user, day=day)
    mine = Answer.objects.authored_by(user).filter(daily=daily).first()
    partners = None
    if mine is not None and daily.couple_id is not None:
        partners = Answer.objects.shared_with(user).filter(daily=daily).first()
    return DayView(
        daily=daily,
        question=_BY_ID.get(daily.question_id, QUESTIONS[0]),
        mine=mine,
        partners=partners,
        with_partner=daily.couple_id is not None,
    )


def question_lock_for(user: Any, view: DayView) -> str:
    """Why answering together is closed for this person ("" when it is open):
    "paused" while the couple program is paused, "check" until they have taken
    their private safety check. Answering alone is never locked."""
    if not view.with_partner or joint_exercises_allowed(user):
        return ""
    return "paused" if program_state_for(user) is ProgramState.PAUSED else "check"


def talk_offered(user: Any) -> bool:
    """Whether to offer a guided conversation about a question: it is done
    together, so only with a partner and while the program is not paused (the
    talk page itself asks for the check)."""
    return program_state_for(user) is ProgramState.ACTIVE


def question_for_plan(user: Any, *, day: date) -> tuple[Question, bool]:
    """Today's question and whether this person has answered it, in one query once the
    day's question exists (Today's plan needs no more; the partner's answer is not read)."""
    couple = couple_for_user(user) if partner_of(user) is not None else None
    scope: dict[str, Any] = {"couple": couple} if couple else {"owner": user}
    mine = Answer.objects.authored_by(user).filter(daily=models.OuterRef("pk"))
    daily = (
        DailyQuestion.objects.filter(day=day, **scope)
        .annotate(answered=models.Exists(mine))
        .first()
    )
    if daily is None:  # the first visit of the day picks it; nobody has answered yet
        return _BY_ID.get(daily_question_for(user, day=day).question_id, QUESTIONS[0]), False
    return _BY_ID.get(daily.question_id, QUESTIONS[0]), bool(daily.answered)


def deck_by_theme() -> dict[str, list[Question]]:
    themes: dict[str, list[Question]] = {}
    for question in sorted(QUESTIONS, key=lambda q: (q.theme, q.depth, q.id)):
        themes.setdefault(question.theme, []).append(question)
    return themes


# --- The deck and one's own marks ------------------------------------------------


class DeckShow(models.TextChoices):
    ALL = "all", _("All questions")
    FAVOURITES = "favourites", _("My favourites")
    UNDISCUSSED = "undiscussed", _("Not talked about yet")


@dataclass(frozen=True)
class DeckItem:
    """A question with the acting person's own marks on it."""

    question: Question
    favourite: bool = False
    discussed: bool = False


@dataclass(frozen=True)
class DeckTheme:
    key: str
    title: str | Promise
    items: list[DeckItem]


def question_or_404(question_id: str) -> Question:
    """A question of the deck by its id; an unknown id is a 404 like any missing id."""
    question = _BY_ID.get(question_id)
    if question is None:
        raise Http404
    return question


def _marks_of(user: Any) -> dict[str, QuestionMark]:
    # Only ever the person's own rows: a mark is never shared, not even with the partner.
    marks = QuestionMark.objects.authored_by(user)
    return {mark.question_id: mark for mark in marks}


def deck_item_for(user: Any, question: Question) -> DeckItem:
    mark = QuestionMark.objects.authored_by(user).filter(question_id=question.id).first()
    if mark is None:
        return DeckItem(question=question)
    return DeckItem(question=question, favourite=mark.favourite, discussed=mark.discussed)


def deck_for(
    user: Any, *, show: str = DeckShow.ALL, theme: str = "", depth: int = 0
) -> list[DeckTheme]:
    """The deck by theme, with this person's marks, narrowed by the filters.

    An empty ``theme`` or a ``depth`` of 0 means any; themes left with no
    question are dropped.
    """
    marks = _marks_of(user)
    themes: list[DeckTheme] = []
    for key, questions in deck_by_theme().items():
        if theme and key != theme:
            continue
        items = []
        for question in questions:
            if depth and question.depth != depth:
                continue
            mark = marks.get(question.id)
            item = DeckItem(
                question=question,
                favourite=bool(mark and mark.favourite),
                discussed=bool(mark and mark.discussed),
            )
            if show == DeckShow.FAVOURITES and not item.favourite:
                continue
            if show == DeckShow.UNDISCUSSED and item.discussed:
                continue
            items.append(item)
        if items:
            themes.append(DeckTheme(key=key, title=THEMES[key], items=items))
    return themes
