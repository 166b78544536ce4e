"""The private log of moments a person was absent, over ``mendwell.journal``.

Entries are never shared: every route reads and writes only the caller's own
rows, and anyone else's id answers like one that does not exist.
"""

from __future__ import annotations

import inspect
import re
import uuid
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal
from uuid import UUID

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from mendwell.api.errors import raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.api.support import SupportOut, support_for
from mendwell.api.versions import DOCUMENTED as VERSIONED
from mendwell.api.versions import edit_locked, stale, version_of, with_etag
from mendwell.journal import selectors, services
from mendwell.journal.forms import LogEntryForm, LogFilterForm
from mendwell.journal.models import TAGS, LogEntry

router = Router(tags=["log"])

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_only(value: Any) -> Any:
    # pydantic would read a number (or "0") as a Unix time, 1970-01-01: a date
    # here is only ever written as YYYY-MM-DD, as the document says.
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise PydanticCustomError("date_parsing", "Input should be a date as YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_only)]

# The keys of ``journal.models.TAGS`` (a test keeps the two the same).
Tag = Literal["time", "attention", "affection", "promises", "support"]


class LogEntryOut(Schema):
    id: UUID
    what_happened: str
    happened_on: date | None
    rough_period: str
    impact: str
    differently: str
    tags: list[Tag]
    written_on: date
    version: str

    @staticmethod
    def resolve_tags(row: LogEntry) -> list[str]:
        return [tag for tag in row.tags if tag in TAGS]

    @staticmethod
    def resolve_written_on(row: LogEntry) -> date:
        return row.created_at.date()

    @staticmethod
    def resolve_version(row: LogEntry) -> str:
        return version_of(row)


class SavedLogEntry(Schema):
    entry: LogEntryOut
    # Present when the words read like a crisis: the support lines, for the writer only.
    support: SupportOut | None = None


class LogEntryIn(In):
    what_happened: str
    happened_on: IsoDate | None = None
    rough_period: str = ""
    impact: str = ""
    differently: str = ""
    tags: list[Tag] = []


class LogFilterIn(Schema):
    tag: Tag | None = None
    since: IsoDate | None = None
    until: IsoDate | None = None


class LogTagOut(Schema):
    key: Tag
    label: str


def _form(payload: LogEntryIn, version: int) -> LogEntryForm:
    form = LogEntryForm({**payload.model_dump(), "version": version})
    raise_for_form(form)
    return form


def _current(row: LogEntry) -> dict[str, Any]:
    return LogEntryOut.from_orm(row).model_dump(mode="json")


@router.get(
    "/tags", response=responses({200: list[LogTagOut]}), summary="The tags an entry can carry"
)
def tags(request: HttpRequest) -> list[LogTagOut]:
    labels = [(key, str(label)) for key, label in TAGS.items()]
    return [LogTagOut(key=key, label=label) for key, label in labels]  # type: ignore[arg-type]


def _typed(func: Callable[..., Any]) -> Callable[..., Any]:
    """Resolve the handler's annotations here, in this module.

    ``paginate`` wraps the handler, and ninja then resolves the string
    annotations (``from __future__ import annotations``) in the pagination
    module, where ``Query`` and the filter schema are unknown.
    """
    func.__signature__ = inspect.signature(func, eval_str=True)  # type: ignore[attr-defined]
    return func


@router.get(
    "",
    response=responses({200: list[LogEntryOut]}),
    summary="My log entries, newest first, optionally by tag or period",
)
@paginate(Newest)
@_typed
def list_mine(request: HttpRequest, filters: Query[LogFilterIn]) -> Any:
    form = LogFilterForm(filters.model_dump(exclude_none=True))
    raise_for_form(form)
    data = form.cleaned_data
    return selectors.log_entry_rows_for(
        request.user, tag=data.get("tag") or "", since=data.get("since"), until=data.get("until")
    )


@router.post(
    "",
    response=responses({201: SavedLogEntry}, write=True),
    summary="Write a log entry (only I can ever read it)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def create(request: HttpRequest, payload: LogEntryIn) -> Status:
    form = _form(payload, version=1)
    row = services.log_entry_create(user=request.user, entry_id=uuid.uuid4(), **form.entry_fields())
    support = support_for(request, form.all_text())
    return Status(201, SavedLogEntry(entry=row, support=support))  # type: ignore[arg-type]


@router.get("/{entry_id}", response=responses({200: LogEntryOut}), summary="One of my entries")
def detail(request: HttpRequest, entry_id: UUID, response: HttpResponse) -> LogEntry:
    row = selectors.log_entry_for_author(request.user, entry_id)
    with_etag(response, row)
    return row


@router.put(
    "/{entry_id}",
    response=responses({200: SavedLogEntry}, edit=True),
    summary="Rewrite an entry (send If-Match with the ETag you read)",
    openapi_extra=VERSIONED,
)
def edit(
    request: HttpRequest, entry_id: UUID, payload: LogEntryIn, response: HttpResponse
) -> SavedLogEntry:
    def find() -> LogEntry:
        return selectors.log_entry_for_author(request.user, entry_id)

    # Someone else's id is a 404 before anything is read from the body; then a
    # bad field is refused whatever the version. The version travels in
    # If-Match, so the form's own version field is only filled in.
    form = _form(payload, version=find().version)

    def apply(locked: LogEntry) -> LogEntry:
        try:
            return services.log_entry_update(
                entry=locked, version=locked.version, **form.entry_fields()
            )
        except services.EditConflict as conflict:
            current = conflict.current
            raise stale(_current(current), version_of(current)) from None

    row = edit_locked(request, find=find, apply=apply, current=_current)
    with_etag(response, row)
    return SavedLogEntry(entry=row, support=support_for(request, form.all_text()))


@router.delete(
    "/{entry_id}", response=responses({200: Deleted}, write=True), summary="Delete an entry"
)
def delete(request: HttpRequest, entry_id: UUID) -> Deleted:
    services.log_entry_delete(entry=selectors.log_entry_for_author(request.user, entry_id))
    return Deleted()
