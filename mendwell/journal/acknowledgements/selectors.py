"""Reads of acknowledgements, always for the acting person and through the gate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from mendwell.accounts.coach_hints import hints_for
from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.journal.acknowledgements.forms import PROMPTS
from mendwell.journal.models import (
    Acknowledgement,
    AcknowledgementResponse,
    AcknowledgementSent,
    LogEntry,
)


def acknowledgement_rows_written_by(user: Any) -> QuerySet[Acknowledgement]:
    threads = Acknowledgement.objects.authored_by(user).prefetch_related("sent_copies")
    return cast("QuerySet[Acknowledgement]", threads)


def acknowledgement_rows_received_by(user: Any) -> QuerySet[Acknowledgement]:
    """Threads the partner sent this person (sent ones only, in the active couple)."""
    threads = Acknowledgement.objects.shared_with(user).prefetch_related("sent_copies")
    return cast("QuerySet[Acknowledgement]", threads)


def acknowledgements_written_by(user: Any) -> list[Acknowledgement]:
    return list(acknowledgement_rows_written_by(user).order_by("-created_at"))


def acknowledgements_received_by(user: Any) -> list[Acknowledgement]:
    return list(acknowledgement_rows_received_by(user).order_by("-sent_at"))


def draft_hints_for(user: Any, texts: dict[str, str]) -> list[dict[str, Any]]:
    """The coach's findings on a draft, for the writer's eyes only: computed on
    request, never stored or logged (nothing at all unless the writer switched
    hints on)."""
    hints: list[dict[str, Any]] = []
    for name, text in texts.items():
        hints += hints_for(user, text, PROMPTS[name][0])
    return hints


def acknowledgement_visible_to(user: Any, thread_id: Any) -> Acknowledgement:
    return get_visible_or_404(Acknowledgement, user=user, pk=thread_id)


def acknowledgement_for_author(user: Any, thread_id: Any) -> Acknowledgement:
    return get_authored_or_404(Acknowledgement, user=user, pk=thread_id)


def acknowledgement_shared_with(user: Any, thread_id: Any) -> Acknowledgement:
    """A thread the partner sent this person, or 404 (one's own threads included)."""
    try:
        return cast("Acknowledgement", Acknowledgement.objects.shared_with(user).get(pk=thread_id))
    except (Acknowledgement.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404 from None


def sent_copies_of(user: Any, thread: Acknowledgement) -> list[AcknowledgementSent]:
    # ``thread`` came through the gate for ``user``; the copies are its history.
    if not Acknowledgement.objects.visible_to(user).filter(pk=thread.pk).exists():
        return []
    return list(thread.sent_copies.order_by("number"))


def responses_to(user: Any, thread: Acknowledgement) -> list[AcknowledgementResponse]:
    """Every answer to the thread this person may read, replaced ones included, oldest first."""
    answers = AcknowledgementResponse.objects.visible_to(user).filter(thread=thread)
    return list(cast("QuerySet[AcknowledgementResponse]", answers).order_by("created_at"))


@dataclass(frozen=True)
class AnswerHistory:
    """One person's answer to one copy: the one standing, and the ones it replaced."""

    current: AcknowledgementResponse
    earlier: list[AcknowledgementResponse]  # newest first
    mine: bool


@dataclass(frozen=True)
class CopyWithAnswers:
    copy: AcknowledgementSent
    answers: list[AnswerHistory]


def copies_with_answers(user: Any, thread: Acknowledgement) -> list[CopyWithAnswers]:
    """The sent copies, newest first, each with its answers and their history."""
    answers = responses_to(user, thread)
    result = []
    for copy in reversed(sent_copies_of(user, thread)):
        histories = []
        by_author: dict[Any, list[AcknowledgementResponse]] = {}
        for answer in answers:
            if answer.sent_id == copy.pk:
                by_author.setdefault(answer.author_id, []).append(answer)
        for author_id, rows in by_author.items():
            current = [row for row in rows if row.is_current]
            if not current:
                continue
            earlier = sorted(
                (row for row in rows if not row.is_current),
                key=lambda row: row.created_at,
                reverse=True,
            )
            histories.append(
                AnswerHistory(current=current[0], earlier=earlier, mine=author_id == user.pk)
            )
        result.append(CopyWithAnswers(copy=copy, answers=histories))
    return result


@dataclass(frozen=True)
class ThreadView:
    """A thread as one reader sees it: the writer with their draft and log
    entries, or the partner with the copies sent and the one to answer."""

    thread: Acknowledgement
    is_author: bool
    copies: list[CopyWithAnswers]  # newest first
    entries: list[LogEntry]  # the writer's own; empty for the partner
    # The draft differs from the last copy sent (or was never sent): writer only.
    unsent_changes: bool
    # The copy this reader may answer now: the newest, once, never by its writer.
    answering: AcknowledgementSent | None


def thread_view_for(user: Any, thread: Acknowledgement) -> ThreadView:
    """``thread`` came through the gate for ``user``."""
    is_author = thread.author_id == user.pk
    copies = copies_with_answers(user, thread)
    latest = copies[0].copy if copies else None
    answered = any(history.mine for history in copies[0].answers) if copies else False
    return ThreadView(
        thread=thread,
        is_author=is_author,
        copies=copies,
        entries=list(thread.entries.all()) if is_author else [],
        unsent_changes=is_author and (latest is None or latest.draft_version != thread.version),
        answering=latest if not is_author and latest is not None and not answered else None,
    )


def answer_for_responder(user: Any, answer_id: Any) -> AcknowledgementResponse:
    """One of this person's own answers, while the thread is still shared with them, or 404.

    The writer of the acknowledgement reads the answer but may not change it; an
    answer given in a couple that has ended stays closed to its author as well.
    """
    answer = get_authored_or_404(AcknowledgementResponse, user=user, pk=answer_id)
    if not Acknowledgement.objects.shared_with(user).filter(pk=answer.thread_id).exists():
        raise Http404
    return answer


def current_answer_like(user: Any, answer: AcknowledgementResponse) -> AcknowledgementResponse:
    """The answer standing now in place of ``answer`` (itself, unless it was replaced)."""
    if answer.is_current:
        return answer
    standing = AcknowledgementResponse.objects.authored_by(user).filter(
        sent_id=answer.sent_id, superseded_at__isnull=True
    )
    found = cast("AcknowledgementResponse | None", standing.first())
    if found is None:
        raise Http404
    return found
