"""Conflict-safe edits: ``ETag`` on reads, ``If-Match`` required on writes.

A missing ``If-Match`` gets 428 (RFC 6585). A row's version is its ``version`` counter where the model keeps one (the log
and acknowledgements, whose web forms merge conflicts), otherwise its
``updated_at`` to the microsecond, which every save moves. The check and the
write run in one transaction on the locked row, so two clients holding the same
version cannot both win: the second gets 412 with the current version and
text, and what it sent is not applied (nothing saved is lost).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db import models, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from mendwell.api.errors import ApiError

Row = TypeVar("Row", bound=models.Model)

DOCUMENTED = {
    "parameters": [
        {
            "in": "header",
            "name": "If-Match",
            "required": True,
            "schema": {"type": "string"},
            "description": "The ETag from your last read; a stale one gets 412.",
        }
    ]
}


def version_of(row: models.Model) -> str:
    counter = getattr(row, "version", None)
    if isinstance(counter, int):
        return f"v{counter}"
    stamp = row.updated_at  # type: ignore[attr-defined]
    return f"t{int(stamp.timestamp() * 1_000_000):x}"


def etag_of(row: models.Model) -> str:
    return f'"{version_of(row)}"'


def with_etag(response: HttpResponse, row: models.Model) -> HttpResponse:
    response["ETag"] = etag_of(row)
    return response


def _wanted(request: HttpRequest) -> str:
    header = request.headers.get("If-Match")
    if not header:
        raise ApiError(
            428,
            _("Send If-Match with the ETag from your last read, so no edit is lost."),
            [("If-Match", _("This header is required."))],
        )
    return header.strip().removeprefix("W/").strip('"')


def edit_locked(
    request: HttpRequest,
    find: Callable[[], Row],
    apply: Callable[[Row], Any],
    current: Callable[[Row], Any],
) -> Any:
    """Lock the row ``find`` returns, check If-Match, then ``apply``; stale → 412.

    ``current`` renders the row for the 412 body so the client can merge.
    """
    wanted = _wanted(request)
    with transaction.atomic():
        row = find()
        locked = type(row)._base_manager.select_for_update(no_key=True).get(pk=row.pk)
        if version_of(locked) != wanted:
            raise stale(current(locked), version_of(locked))
        return apply(locked)


def stale(current: Any, current_version: str) -> ApiError:
    """The 412 for an edit made on top of an older version, with what is there now."""
    return ApiError(
        412,
        _(
            "Someone saved a newer version first. "
            "Nothing of yours was lost: merge, then send it again."
        ),
        [("If-Match", _("This version is out of date."))],
        current=current,
        current_version=current_version,
    )


def require_version(request: HttpRequest, current_version: str, current: Callable[[], Any]) -> None:
    """If-Match for a resource made of several rows; call it inside the write's
    transaction, after locking what the version is computed from."""
    if _wanted(request) != current_version:
        raise stale(current(), current_version)
