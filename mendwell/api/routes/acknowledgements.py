"""Acknowledgements, over ``mendwell.journal.acknowledgements``.

A draft is the writer's alone. Sending makes a copy the partner reads; the
partner never sees the draft being revised, nor (through an ETag or a
version) that it is being revised. The partner answers a sent copy with "I
feel heard" or "not yet", and may change that answer later, the earlier one
kept as history.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Literal
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
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
from mendwell.api.versions import edit_locked, stale, version_of, with_etag
from mendwell.journal.acknowledgements import selectors, services
from mendwell.journal.acknowledgements.forms import AcknowledgementForm, AnswerForm, ResponseForm
from mendwell.journal.models import Acknowledgement, AcknowledgementResponse

router = Router(tags=["acknowledgements"])

Refusal = Literal["no_partner", "paused", "check_needed", "other_couple", "incomplete"]
Kind = Literal["heard", "not_yet"]


# --- Outputs ---------------------------------------------------------------------


class AckAnswerOut(Schema):
    id: UUID
    kind: Kind
    missing: str
    answered_on: date


class AckAnswerHistoryOut(Schema):
    current: AckAnswerOut
    earlier: list[AckAnswerOut]  # newest first
    mine: bool


class AckSentCopyOut(Schema):
    number: int
    sent_on: date
    own_it: str
    impact: str
    change: str
    answers: list[AckAnswerHistoryOut]


class AckDraftOut(Schema):
    """The writer's current draft: only ever in the writer's own answers."""

    own_it: str
    impact: str
    change: str
    entries: list[UUID]
    version: str
    unsent_changes: bool
    send_refusal: Refusal | None
    send_refusal_message: str | None


class AcknowledgementOut(Schema):
    id: UUID
    mine: bool
    sent: bool
    draft: AckDraftOut | None
    # Newest first, each with the answers to it.
    copies: list[AckSentCopyOut]
    # The copy the reader may answer now (the partner, once per copy), if any.
    can_answer: int | None


class SavedAcknowledgement(Schema):
    acknowledgement: AcknowledgementOut
    # Present when the words read like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class AckWrittenOut(Schema):
    id: UUID
    own_it: str
    times_sent: int
    created_on: date

    @staticmethod
    def resolve_times_sent(row: Acknowledgement) -> int:
        return len(row.sent_copies.all())

    @staticmethod
    def resolve_created_on(row: Acknowledgement) -> date:
        return row.created_at.date()


class AckReceivedOut(Schema):
    id: UUID
    own_it: str
    sent_on: date | None

    @staticmethod
    def resolve_own_it(row: Acknowledgement) -> str:
        # The partner reads what was sent, never the draft being revised.
        latest = row.latest_copy
        return latest.own_it if latest else ""

    @staticmethod
    def resolve_sent_on(row: Acknowledgement) -> date | None:
        latest = row.latest_copy
        return latest.sent_at.date() if latest else None


class AckHintOut(Schema):
    field: str
    words: str
    why: str
    suggestion: str


class AckHintsOut(Schema):
    # Empty unless the writer switched wording hints on.
    hints: list[AckHintOut]
    support: SupportOut | None = None


# --- Inputs ----------------------------------------------------------------------


class AckDraftIn(In):
    own_it: str
    impact: str
    change: str
    # Moments from my own log this is built from; they stay private.
    entries: list[UUID] = []


class AckHintsIn(In):
    own_it: str = ""
    impact: str = ""
    change: str = ""


class AckRespondIn(In):
    sent: int  # the number of the copy being answered
    kind: Kind
    missing: str = ""


class AckAnswerChangeIn(In):
    kind: Kind
    missing: str = ""


# --- Helpers ---------------------------------------------------------------------


def _answer(row: AcknowledgementResponse) -> AckAnswerOut:
    # Built here rather than with a resolver: the instance is nested in other
    # schemas, which validate it again (a resolver would then meet the schema).
    return AckAnswerOut(
        id=row.id,
        kind=row.kind,  # type: ignore[arg-type]
        missing=row.missing,
        answered_on=row.created_at.date(),
    )


def _view(request: HttpRequest, thread: Acknowledgement) -> AcknowledgementOut:
    """The thread as the web detail page shows it to this reader."""
    user: Any = request.user
    view = selectors.thread_view_for(user, thread)
    copies = [
        AckSentCopyOut(
            number=item.copy.number,
            sent_on=item.copy.sent_at.date(),
            own_it=item.copy.own_it,
            impact=item.copy.impact,
            change=item.copy.change,
            answers=[
                AckAnswerHistoryOut(
                    current=_answer(history.current),
                    earlier=[_answer(row) for row in history.earlier],
                    mine=history.mine,
                )
                for history in item.answers
            ],
        )
        for item in view.copies
    ]
    draft = None
    if view.is_author:
        refusal = services.send_refusal_for(user)
        draft = AckDraftOut(
            own_it=thread.own_it,
            impact=thread.impact,
            change=thread.change,
            entries=[entry.pk for entry in view.entries],
            version=version_of(thread),
            unsent_changes=view.unsent_changes,
            send_refusal=refusal,  # type: ignore[arg-type]
            send_refusal_message=services.send_refusal_message(refusal) if refusal else None,
        )
    return AcknowledgementOut(
        id=thread.id,
        mine=view.is_author,
        sent=thread.sent_at is not None,
        draft=draft,
        copies=copies,
        can_answer=view.answering.number if view.answering else None,
    )


def _draft_form(request: HttpRequest, payload: AckDraftIn, version: int) -> AcknowledgementForm:
    data = {**payload.model_dump(), "version": version}
    data["entries"] = [str(entry) for entry in payload.entries]
    form = AcknowledgementForm(data, user=request.user)
    raise_for_form(form)
    return form


def _support(request: HttpRequest, form: AcknowledgementForm) -> SupportOut | None:
    return support_for(request, "\n".join(form.texts().values()))


def _draft_now(row: Acknowledgement) -> dict[str, Any]:
    return {
        "own_it": row.own_it,
        "impact": row.impact,
        "change": row.change,
        "entries": [str(entry.pk) for entry in row.entries.all()],
    }


# --- Routes (fixed paths before /{thread_id}) -------------------------------------


@router.get(
    "",
    response=responses({200: list[AckWrittenOut]}),
    summary="Acknowledgements I wrote, newest first",
)
@paginate(Newest)
def written(request: HttpRequest) -> Any:
    return selectors.acknowledgement_rows_written_by(request.user)


@router.get(
    "/received",
    response=responses({200: list[AckReceivedOut]}),
    summary="Acknowledgements my partner sent me, newest first",
)
@paginate(Newest)
def received(request: HttpRequest) -> Any:
    return selectors.acknowledgement_rows_received_by(request.user)


@router.post(
    "",
    response=responses({201: SavedAcknowledgement}, write=True),
    summary="Start a draft (only I can read it until I send it)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def create(request: HttpRequest, payload: AckDraftIn) -> Status:
    form = _draft_form(request, payload, version=1)
    thread = services.acknowledgement_create(
        user=request.user, thread_id=uuid.uuid4(), **form.draft_fields()
    )
    saved = SavedAcknowledgement(
        acknowledgement=_view(request, thread), support=_support(request, form)
    )
    return Status(201, saved)


@router.post(
    "/hints",
    response=responses({200: AckHintsOut}, write=True),
    summary="Check a draft's wording (nothing is saved)",
)
def hints(request: HttpRequest, payload: AckHintsIn) -> AckHintsOut:
    texts = payload.model_dump()
    return AckHintsOut(
        hints=[
            AckHintOut(**{k: str(v) for k, v in hint.items()})
            for hint in selectors.draft_hints_for(request.user, texts)
        ],
        support=support_for(request, "\n".join(texts.values())),
    )


@router.post(
    "/answers/{answer_id}/change",
    response=responses({200: AckAnswerOut, 201: AckAnswerOut}, write=True),
    summary="Change my answer to a copy (the earlier answer is kept, dated)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def answer_change(request: HttpRequest, answer_id: UUID, payload: AckAnswerChangeIn) -> Status:
    answer = selectors.answer_for_responder(request.user, answer_id)
    standing = selectors.current_answer_like(request.user, answer)
    form = AnswerForm(payload.model_dump())
    raise_for_form(form)
    try:
        changed = services.acknowledgement_answer_change(
            user=request.user,
            answer=answer,
            kind=form.cleaned_data["kind"],
            missing=form.cleaned_data["missing"],
        )
    except PermissionError:
        raise Http404 from None
    except services.AnswerChanged as conflict:
        raise ApiError(
            409,
            _(
                "Your answer was changed in another tab or on another device. "
                "Nothing was replaced: change the answer standing now instead."
            ),
            current=_answer(conflict.current).model_dump(mode="json"),
        ) from None
    # The same words as the answer standing change nothing (200); else a new answer (201).
    return Status(200 if changed.pk == standing.pk else 201, _answer(changed))


@router.get(
    "/{thread_id}",
    response=responses({200: AcknowledgementOut}),
    summary="One acknowledgement: my draft and what I sent, or what my partner sent me",
)
def detail(request: HttpRequest, thread_id: UUID, response: HttpResponse) -> AcknowledgementOut:
    thread = selectors.acknowledgement_visible_to(request.user, thread_id)
    if thread.author_id == request.user.pk:
        # Only the writer gets the draft's version: a partner would otherwise
        # see each revision of a draft they cannot read.
        with_etag(response, thread)
    return _view(request, thread)


@router.put(
    "/{thread_id}",
    response=responses({200: SavedAcknowledgement}, edit=True),
    summary="Revise my draft (send If-Match with the ETag you read)",
    openapi_extra=VERSIONED,
)
def edit(
    request: HttpRequest, thread_id: UUID, payload: AckDraftIn, response: HttpResponse
) -> SavedAcknowledgement:
    def find() -> Acknowledgement:
        return selectors.acknowledgement_for_author(request.user, thread_id)

    # Not mine: 404 before the body is looked at. The version travels in
    # If-Match, so the form's own version field is only filled in.
    form = _draft_form(request, payload, version=find().version)

    def apply(locked: Acknowledgement) -> Acknowledgement:
        try:
            return services.acknowledgement_update(
                thread=locked, version=locked.version, **form.draft_fields()
            )
        except services.EditConflict as conflict:
            current = conflict.current
            raise stale(_draft_now(current), version_of(current)) from None

    thread = edit_locked(request, find=find, apply=apply, current=_draft_now)
    with_etag(response, thread)
    return SavedAcknowledgement(
        acknowledgement=_view(request, thread), support=_support(request, form)
    )


@router.post(
    "/{thread_id}/send",
    response=responses({200: AcknowledgementOut, 201: AcknowledgementOut}, write=True),
    summary="Send the draft to my partner as the next copy (sending it again changes nothing)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def send(request: HttpRequest, thread_id: UUID) -> Status:
    thread = selectors.acknowledgement_for_author(request.user, thread_id)
    before = thread.latest_copy
    try:
        copy = services.acknowledgement_send(thread=thread)
    except services.SendRefused as refused:
        raise ApiError(409, refused.message) from None
    created = before is None or copy.pk != before.pk
    return Status(201 if created else 200, _view(request, thread))


@router.post(
    "/{thread_id}/answers",
    response=responses({201: AckAnswerOut}, write=True),
    summary="Answer a copy my partner sent: I feel heard, or not yet and what is missing",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def respond(request: HttpRequest, thread_id: UUID, payload: AckRespondIn) -> Status:
    thread = selectors.acknowledgement_shared_with(request.user, thread_id)
    form = ResponseForm(payload.model_dump())
    raise_for_form(form)
    copies = {copy.number: copy for copy in selectors.sent_copies_of(request.user, thread)}
    sent = copies.get(form.cleaned_data["sent"])
    if sent is None:
        raise Http404
    mine = [
        history
        for item in selectors.copies_with_answers(request.user, thread)
        if item.copy.pk == sent.pk
        for history in item.answers
        if history.mine
    ]
    if mine:
        raise ApiError(
            409,
            _("You've already answered this version. Change your answer instead."),
            [("sent", _("You've already answered this version."))],
        )
    try:
        answer = services.acknowledgement_respond(
            user=request.user,
            thread=thread,
            sent=sent,
            kind=form.cleaned_data["kind"],
            missing=form.cleaned_data["missing"],
        )
    except PermissionError:
        raise Http404 from None
    return Status(201, _answer(answer))


@router.delete(
    "/{thread_id}",
    response=responses({200: Deleted}, write=True),
    summary="Delete an acknowledgement with every copy I sent and the answers to it",
)
def delete(request: HttpRequest, thread_id: UUID) -> Deleted:
    services.acknowledgement_delete(
        thread=selectors.acknowledgement_for_author(request.user, thread_id)
    )
    return Deleted()
