"""One error shape for every refusal: ``{"detail": ..., "errors": [{"field", "message"}]}``.

Every operation documents every status it can answer (``responses``), so a
client (and schemathesis) can rely on the document. Bad input names the field
and changes nothing (non-negotiable 4); hidden and missing objects answer the
same 404 (AC-3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from mendwell.api.throttles import ApiThrottle


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


class ConflictOut(ErrorOut):
    """412: the resource as it is now, so the client can merge and send again."""

    current: dict[str, Any]
    current_version: str


class ApiError(Exception):
    """Raised by a handler to answer with ``status`` and the shared error shape."""

    def __init__(
        self, status: int, detail: str, errors: Iterable[tuple[str, str]] = (), **extra: Any
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = list(errors)
        self.extra = extra


# Statuses any operation can answer, whatever it does.
_ALWAYS = (400, 401, 404, 413, 422, 429)
# Writes also meet CSRF (session cookie), conflicts and, for edits, stale versions.
_WRITES = (403, 409)


def responses(
    ok: Mapping[int, Any], *, write: bool = False, edit: bool = False, also: Iterable[int] = ()
) -> dict:
    """The response map for one operation: its successes plus every error it can give
    (``also``: statuses a read gives in some state, e.g. 409 while a tool is closed)."""
    codes = set(_ALWAYS) | set(also)
    if write or edit:
        codes.update(_WRITES)
    if edit:
        codes.add(428)
    answers: dict[int, Any] = {**ok, **dict.fromkeys(sorted(codes), ErrorOut)}
    if edit:
        answers[412] = ConflictOut
    return answers


def error_response(
    api: NinjaAPI, request: HttpRequest, status: int, detail: str, errors: Iterable = ()
) -> HttpResponse:
    body = {
        "detail": detail,
        "errors": [{"field": field, "message": str(message)} for field, message in errors],
    }
    return api.create_response(request, body, status=status)


def form_errors(form: Any) -> list[tuple[str, str]]:
    """A Django form's errors as (field, message) pairs; form-wide ones name ``__all__``."""
    return [(field, message) for field, messages in form.errors.items() for message in messages]


def raise_for_form(form: Any) -> None:
    if not form.is_valid():
        raise ApiError(422, _("Some fields need another look."), form_errors(form))


_MESSAGES = {
    "missing": lambda: _("This field is required."),
    "extra_forbidden": lambda: _(
        "This field is not accepted: the server sets it or it is unknown."
    ),
    "int_parsing": lambda: _("Enter a whole number."),
    "int_type": lambda: _("Enter a whole number."),
    "bool_parsing": lambda: _("Enter true or false."),
    "bool_type": lambda: _("Enter true or false."),
    "string_type": lambda: _("Enter text."),
    "date_from_datetime_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
    "date_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
    "date_type": lambda: _("Enter a date as YYYY-MM-DD."),
    "datetime_type": lambda: _("Enter a date and time in ISO 8601."),
    "time_type": lambda: _("Enter a time as hours and minutes, like 08:30."),
    "uuid_type": lambda: _("Enter a valid id."),
    "uuid_parsing": lambda: _("Enter a valid id."),
    "literal_error": lambda: _("Choose one of the listed values."),
    "enum": lambda: _("Choose one of the listed values."),
}
_LOCATIONS = {"body", "query", "path", "header", "cookie", "form"}


def _field_of(location: Iterable[Any]) -> str:
    parts = [str(part) for part in location]
    if parts and parts[0] in _LOCATIONS:
        kind = parts.pop(0)
        # A body is one named parameter: "payload.note" reads better as "note".
        if kind == "body" and len(parts) > 1:
            parts.pop(0)
    return ".".join(parts) or "__all__"


def _validation_errors(errors: Iterable[Mapping[str, Any]]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for error in errors:
        if "msg" not in error:  # ninja's own shorthand, e.g. {"cursor": "Invalid Cursor"}
            pairs.extend((str(field), str(text)) for field, text in error.items())
            continue
        message = _MESSAGES.get(error.get("type", ""))
        pairs.append((_field_of(error.get("loc", ())), message() if message else error["msg"]))
    return pairs


def install(api: NinjaAPI) -> None:
    """Replace ninja's default handlers with ones that answer in our shape."""

    def on_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        body = {
            "detail": exc.detail,
            "errors": [{"field": f, "message": str(m)} for f, m in exc.errors],
            **exc.extra,
        }
        return api.create_response(request, body, status=exc.status)

    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = _validation_errors(exc.errors)
        return error_response(api, request, 422, _("Some fields need another look."), errors)

    def on_django_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        if hasattr(exc, "error_dict"):
            errors = [(f, m) for f, items in exc.message_dict.items() for m in items]
        else:
            errors = [("__all__", m) for m in exc.messages]
        return error_response(api, request, 422, _("Some fields need another look."), errors)

    def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        # Identical for "does not exist" and "not yours": nothing to tell apart.
        return error_response(api, request, 404, _("Not found."))

    def on_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(
            api, request, 413, _("The request body is too large: the limit is 1 MB.")
        )

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc, AuthenticationError):
            # ninja checks limits only after a caller is known: count refusals per
            # address here, so guessing credentials meets the same limit.
            throttle = ApiThrottle("ip")
            if not throttle.allow_request(request):
                response = on_http_error(request, Throttled(wait=int(throttle.wait())))
                response["Retry-After"] = str(int(throttle.wait()))
                return response
        if isinstance(exc, Throttled):
            detail = _("Too many requests. Wait a little, then try again.")
        elif isinstance(exc, AuthenticationError):
            detail = _("Sign in first: send a valid token or session.")
        elif exc.status_code == 403:
            detail = _("The CSRF check failed: send the X-CSRFToken header with the cookie.")
        elif exc.status_code == 400 and getattr(request, "mendwell_wrong_content_type", False):
            detail = _("Send the body as JSON, with Content-Type: application/json.")
        elif exc.status_code == 400:
            detail = _("The request body is not valid JSON.")
        else:
            detail = str(exc)
        return error_response(api, request, exc.status_code, detail)

    def on_denied(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(api, request, 403, _("This is not open to you."))

    handlers: list[tuple[type[Exception], Any]] = [
        (ApiError, on_api_error),
        (ValidationError, on_validation),
        (DjangoValidationError, on_django_validation),
        (Http404, on_not_found),
        (RequestDataTooBig, on_too_big),
        (HttpError, on_http_error),
        (PermissionDenied, on_denied),
    ]
    for exception, handler in handlers:
        api.add_exception_handler(exception, handler)
