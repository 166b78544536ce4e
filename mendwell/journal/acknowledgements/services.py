"""Writes for acknowledgements. Each is atomic; drafts touch only the author's own rows."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mendwell.core.fields import sealed_for
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.journal.models import (
    Acknowledgement,
    AcknowledgementResponse,
    AcknowledgementSent,
    LogEntry,
    ResponseKind,
)
from mendwell.safety.selectors import ProgramState, program_state_for, safety_check_done


def _threads() -> QuerySet[Acknowledgement]:
    # The gate's manager is declared on the abstract base; name the concrete type.
    return cast("QuerySet[Acknowledgement]", Acknowledgement.objects.all())


class EditConflict(Exception):
    """The draft changed elsewhere since this form was opened."""

    def __init__(self, current: Acknowledgement) -> None:
        super().__init__("edit conflict")
        self.current = current


class SendRefused(Exception):
    """Sending is not possible right now; ``code`` says why, for a kind message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    @property
    def message(self) -> str:
        return send_refusal_message(self.code)


def send_refusal_message(code: str) -> str:
    """Why sending is not possible, in the words the web page uses."""
    if code == "paused":
        return _("The couple program is paused. Your draft is kept, just for you.")
    if code == "check_needed":
        return _(
            "Before sending anything to your partner, take your short private check. "
            "Your draft is kept."
        )
    if code == "no_partner":
        return _("Sending needs a linked partner. Your draft is kept, just for you.")
    if code == "other_couple":
        return _("This was sent in an earlier couple space. Start a new acknowledgement instead.")
    return _("Please fill in all three parts before sending.")


def _own_entries(user: Any, entries: list[LogEntry]) -> list[LogEntry]:
    # Only the author's own entries can be linked, whatever the form sent.
    ids = [entry.pk for entry in entries]
    return list(LogEntry.objects.authored_by(user).filter(pk__in=ids))


@transaction.atomic
def acknowledgement_create(
    *,
    user: Any,
    thread_id: uuid.UUID,
    own_it: str,
    impact: str,
    change: str,
    entries: list[LogEntry],
) -> Acknowledgement:
    """Start a private draft with the id the form was given, so a double submit makes one."""
    existing = _threads().filter(pk=thread_id).first()
    if existing is not None:
        if existing.author_id == user.pk:
            return existing
        thread_id = uuid.uuid4()  # an id that is not this person's: never touch it
    thread = _threads().create(
        id=thread_id, author=user, own_it=own_it, impact=impact, change=change
    )
    thread.entries.set(_own_entries(user, entries))
    return thread


@transaction.atomic
def acknowledgement_update(
    *,
    thread: Acknowledgement,
    version: int,
    own_it: str,
    impact: str,
    change: str,
    entries: list[LogEntry],
) -> Acknowledgement:
    updated = (
        _threads()
        .filter(pk=thread.pk, author=thread.author, version=version)
        .update(
            version=F("version") + 1,
            updated_at=timezone.now(),
            own_it=sealed_for(thread, "own_it", thread.author, own_it),
            impact=sealed_for(thread, "impact", thread.author, impact),
            change=sealed_for(thread, "change", thread.author, change),
        )
    )
    if updated != 1:
        raise EditConflict(_threads().get(pk=thread.pk))
    thread.refresh_from_db()
    thread.entries.set(_own_entries(thread.author, entries))
    return thread


def send_refusal_for(user: Any) -> str | None:
    """Why this person cannot send to a partner now, or None when they can."""
    if partner_of(user) is None:
        return "no_partner"
    if program_state_for(user) is ProgramState.PAUSED:
        return "paused"
    if not safety_check_done(user):
        return "check_needed"
    return None


@transaction.atomic
def acknowledgement_send(*, thread: Acknowledgement) -> AcknowledgementSent:
    """Send the current draft as the next copy; the same draft sent twice makes one copy."""
    locked = _threads().select_for_update(no_key=True).get(pk=thread.pk, author=thread.author)
    refusal = send_refusal_for(locked.author)
    if refusal:
        raise SendRefused(refusal)
    couple = couple_for_user(locked.author)
    if locked.couple_id is not None and locked.couple_id != getattr(couple, "pk", None):
        # Sent in an earlier couple space: it stays there, never carried into a new one.
        raise SendRefused("other_couple")
    if not (locked.own_it and locked.impact and locked.change):
        raise SendRefused("incomplete")
    latest = locked.sent_copies.order_by("-number").first()
    if latest is not None and latest.draft_version == locked.version:
        return latest
    now = timezone.now()
    copy = AcknowledgementSent.objects.create(
        thread=locked,
        number=(latest.number + 1) if latest else 1,
        own_it=locked.own_it,
        impact=locked.impact,
        change=locked.change,
        draft_version=locked.version,
        sent_at=now,
    )
    _threads().filter(pk=locked.pk).update(
        couple=couple,
        visibility=Visibility.SHARED,
        sent_at=locked.sent_at or now,
    )
    thread.refresh_from_db()
    return copy


class AnswerChanged(Exception):
    """The answer was changed elsewhere (another tab or device) since this form was opened."""

    def __init__(self, current: AcknowledgementResponse) -> None:
        super().__init__("answer changed")
        self.current = current


def _answers() -> QuerySet[AcknowledgementResponse]:
    return cast("QuerySet[AcknowledgementResponse]", AcknowledgementResponse.objects.all())


def _check_may_answer(
    user: Any, thread: Acknowledgement | None, sent: AcknowledgementSent | None
) -> None:
    """Only the partner the thread was sent to, while that couple lasts, answers it.

    An answer whose thread its writer deleted keeps no thread: it is read-only.
    """
    if (
        thread is None
        or sent is None
        or thread.author_id == user.pk
        or thread.visibility != Visibility.SHARED
        or thread.couple_id is None
        or getattr(couple_for_user(user), "pk", None) != thread.couple_id
        or sent.thread_id != thread.pk
    ):
        raise PermissionError("not this person's to answer")


def _checked_missing(kind: str, missing: str) -> str:
    """What is missing, as stored: required for "not yet", dropped for "heard"."""
    if kind not in ResponseKind.values or (kind == ResponseKind.NOT_YET and not missing.strip()):
        raise ValueError("a 'not yet' answer says what is missing")
    return missing if kind == ResponseKind.NOT_YET else ""


@transaction.atomic
def acknowledgement_respond(
    *, user: Any, thread: Acknowledgement, sent: AcknowledgementSent, kind: str, missing: str
) -> AcknowledgementResponse:
    """The partner answers one sent copy. Callers fetch ``thread`` through the gate
    (``shared_with``); this checks again that it is the partner's to answer."""
    _check_may_answer(user, thread, sent)
    missing = _checked_missing(kind, missing)
    response, _created = _answers().get_or_create(
        sent=sent,
        author=user,
        superseded_at=None,
        defaults={
            "thread": thread,
            "couple_id": thread.couple_id,
            "visibility": Visibility.SHARED,
            "kind": kind,
            "missing": missing,
        },
    )
    return response


@transaction.atomic
def acknowledgement_answer_change(
    *, user: Any, answer: AcknowledgementResponse, kind: str, missing: str
) -> AcknowledgementResponse:
    """Replace one's answer to a copy with a new one; the old one stays, as history.

    ``answer`` is the answer the form was opened on. The same words sent twice
    (a double submit) make one new answer; words that say what already stands
    make none; if another tab replaced ``answer`` meanwhile with something else,
    :class:`AnswerChanged` says so and nothing is replaced unseen.
    """
    if answer.author_id != user.pk:
        raise PermissionError("only the person who answered can change the answer")
    _check_may_answer(user, answer.thread, answer.sent)
    missing = _checked_missing(kind, missing)
    standing = _answers().filter(sent_id=answer.sent_id, author=user, superseded_at__isnull=True)
    current = standing.select_for_update(no_key=True).first()
    if current is None:  # the copy went away with its thread
        raise PermissionError("nothing to change")
    if (current.kind, current.missing) == (kind, missing):
        return current
    if current.pk != answer.pk:
        raise AnswerChanged(current)
    now = timezone.now()
    # Claimed by a conditional UPDATE, so two racing changes cannot both replace it.
    claimed = _answers().filter(pk=current.pk, superseded_at__isnull=True)
    if claimed.update(superseded_at=now, updated_at=now) != 1:
        raise AnswerChanged(standing.get())
    return _answers().create(
        thread_id=current.thread_id,
        sent_id=current.sent_id,
        author=user,
        couple_id=current.couple_id,
        visibility=Visibility.SHARED,
        kind=kind,
        missing=missing,
    )


@transaction.atomic
def acknowledgement_delete(*, thread: Acknowledgement) -> None:
    thread.delete()
