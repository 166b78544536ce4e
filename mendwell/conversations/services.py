"""Writes for the question of the day."""

from __future__ import annotations

from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from mendwell.conversations.models import Answer, DailyQuestion
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
