"""Writes for the question of the day and for one's own marks on questions."""

from __future__ import annotations

from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from mendwell.conversations.models import Answer, DailyQuestion, QuestionMark
from mendwell.conversations.questions import QUESTIONS
from mendwell.couples.access import Visibility


def _answers() -> QuerySet[Answer]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[Answer]", Answer.objects.all())


@transaction.atomic
def answer_submit(*, user: Any, daily: DailyQuestion, text: str) -> tuple[Answer, bool]:
    """Save this person's answer once. Returns (answer, created).

    With a partner, the answer is shared in the couple; the reveal rule lives in
    the selector, which reads the partner's answer only once both exist.
    """
    existing = _answers().filter(author=user, daily=daily).first()
    if existing is not None:
        return existing, False
    shared = daily.couple_id is not None
    try:
        with transaction.atomic():
            answer = _answers().create(
                author=user,
                daily=daily,
                text=text,
                couple_id=daily.couple_id,
                visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
            )
    except IntegrityError:
        return _answers().get(author=user, daily=daily), False
    return answer, True


_QUESTION_IDS = frozenset(question.id for question in QUESTIONS)


def _marks() -> QuerySet[QuestionMark]:
    return cast("QuerySet[QuestionMark]", QuestionMark.objects.all())


@transaction.atomic
def question_mark_set(
    *,
    user: Any,
    question_id: str,
    favourite: bool | None = None,
    discussed: bool | None = None,
) -> None:
    """Set this person's own marks on one question (``None`` leaves a mark as it is).

    Buttons send the state they want, not "toggle", so a double submit lands
    on the same state instead of flipping it back. A question with no mark
    left keeps no row: nothing is stored about a question nobody marked.
    """
    if question_id not in _QUESTION_IDS:
        # Views answer an unknown id with a 404 before getting here.
        raise ValueError(f"not a question of the deck: {question_id!r}")
    changes = {
        name: value
        for name, value in (("favourite", favourite), ("discussed", discussed))
        if value is not None
    }
    if not changes:
        return
    mine = _marks().filter(author=user, question_id=question_id)
    # update() skips auto_now, so the timestamp is set here.
    if not mine.update(**changes, updated_at=timezone.now()) and any(changes.values()):
        try:
            with transaction.atomic():
                _marks().create(
                    author=user,
                    question_id=question_id,
                    visibility=Visibility.PRIVATE,
                    **changes,
                )
        except IntegrityError:
            # The same press arrived twice at once and the other request made the row.
            mine.update(**changes, updated_at=timezone.now())
    mine.filter(favourite=False, discussed=False).delete()


@transaction.atomic
def answer_delete(*, answer: Answer) -> None:
    """Take an answer back: the partner no longer reads it, and the day's question
    can be answered afresh."""
    answer.delete()
