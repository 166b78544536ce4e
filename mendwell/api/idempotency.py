"""``Idempotency-Key`` on creating POSTs (SECURITY.md REL-6).

A retry with the same key within 24 hours gets the original answer back and
creates nothing; the same key with another body is refused with 422. The
record is written in the same transaction as the create, so a request that
fails leaves no record and may be retried with its key.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import inspect
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import BaseModel

from mendwell.api.errors import ApiError
from mendwell.api.models import IDEMPOTENCY_WINDOW, IdempotencyRecord

HEADER = "Idempotency-Key"
# For ``openapi_extra``: documents the header on each creating operation.
DOCUMENTED = {
    "parameters": [
        {
            "in": "header",
            "name": HEADER,
            "required": False,
            "schema": {"type": "string", "minLength": 1, "maxLength": 255},
            "description": "Retry safely: the same key within 24 hours returns the first answer.",
        }
    ]
}


def _fingerprint(request: HttpRequest) -> str:
    # Keyed, so the stored value reveals nothing about a body with few possible
    # values (a set of answers) to someone holding only the database.
    digest = hmac.new(settings.SECRET_KEY.encode(), digestmod=hashlib.sha256)
    for part in (request.method or "", request.path, request.body):
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\x00")
    return digest.hexdigest()


def _as_json(payload: Any) -> str:
    if isinstance(payload, BaseModel):
        return payload.model_dump_json(by_alias=True)
    return json.dumps(payload, cls=DjangoJSONEncoder)


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(
        record.response_body, status=record.status, content_type="application/json"
    )
    response["Idempotent-Replayed"] = "true"
    return response


def _claim(request: HttpRequest, key: str, fingerprint: str) -> IdempotencyRecord | HttpResponse:
    user: Any = request.user
    rows = IdempotencyRecord.objects.filter(user=user)
    fields = {"method": request.method or "", "path": request.path[:500], "body_hash": fingerprint}
    try:
        with transaction.atomic():
            return rows.create(user=user, key=key, **fields)
    except IntegrityError:
        pass
    earlier = rows.select_for_update(no_key=True).get(key=key)
    if earlier.created_at < timezone.now() - IDEMPOTENCY_WINDOW:
        earlier.delete()  # an expired key starts afresh
        return rows.create(user=user, key=key, **fields)
    if earlier.body_hash != fingerprint:
        raise ApiError(
            422,
            _("This Idempotency-Key was already used for a different request."),
            [(HEADER, _("Use a new key for a new request."))],
        )
    if earlier.status == 0:
        raise ApiError(409, _("A request with this Idempotency-Key is still being processed."))
    return _replay(earlier)


def idempotent(func: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a creating handler that returns ``Status(code, schema instance)``.

    The instance (not a bare row) is what gets stored, so a replay answers
    byte for byte what the first request did.
    """

    @functools.wraps(func)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(HEADER)
        if key is None:
            return func(request, *args, **kwargs)
        if not 1 <= len(key) <= 255:
            raise ApiError(
                422,
                _("Some fields need another look."),
                [(HEADER, _("Use between 1 and 255 characters."))],
            )
        with transaction.atomic():
            claimed = _claim(request, key, _fingerprint(request))
            if isinstance(claimed, HttpResponse):
                return claimed
            result = func(request, *args, **kwargs)
            status, payload = result.status_code, result.value
            claimed.status = status
            claimed.response_body = _as_json(payload)
            claimed.save(update_fields=["status", "response_body"])
        response = HttpResponse(claimed.response_body, status=status)
        response["Content-Type"] = "application/json"
        return response

    # ninja reads the handler's signature; resolve its annotations here, where the
    # handler's own module is at hand (the wrapper's globals are this module's).
    wrapper.__signature__ = inspect.signature(func, eval_str=True)  # type: ignore[attr-defined]
    return wrapper


def purge_expired() -> int:
    cutoff = timezone.now() - IDEMPOTENCY_WINDOW
    deleted, _counts = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
