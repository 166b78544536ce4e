"""Base schemas. Inputs reject unknown fields, so author, couple, visibility and
timestamps can only ever be set by the server (SECURITY.md IN-2)."""

from __future__ import annotations

from datetime import date, datetime, time
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin
from uuid import UUID

from django.http import HttpRequest
from ninja import Schema
from ninja.parser import Parser
from pydantic import ConfigDict, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError


class In(Schema):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _as_declared(cls, value: Any, info: ValidationInfo) -> Any:
        field = cls.model_fields.get(info.field_name or "")
        misfit = _misfit(field.annotation, value) if field is not None else None
        if misfit is not None:
            raise PydanticCustomError(misfit, "Send this field as the type the schema gives.")
        return value


class Deleted(Schema):
    deleted: bool = True


class JsonParser(Parser):
    """JSON only: a form or text body is refused with a message that says so."""

    def parse_body(self, request: HttpRequest) -> Any:
        content_type = request.content_type or ""
        if content_type != "application/json" and not content_type.endswith("+json"):
            request.mendwell_wrong_content_type = True  # type: ignore[attr-defined]
            raise ValueError("wrong content type")
        return super().parse_body(request)


def documented(*blocks: dict[str, Any]) -> dict[str, Any]:
    """Merge ``openapi_extra`` header blocks (``IDEMPOTENT``, ``VERSIONED``) for one operation."""
    return {"parameters": [parameter for block in blocks for parameter in block["parameters"]]}


_WRITTEN_AS_TEXT = {
    date: "date_type",
    datetime: "datetime_type",
    time: "time_type",
    UUID: "uuid_type",
}


def _bare(annotation: Any) -> Any:
    """``X`` from ``Annotated[X, ...]`` and ``X | None``."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, UnionType):
        options = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(options) == 1:
            return _bare(options[0])
    return annotation


def _misfit(annotation: Any, value: Any) -> str | None:
    """The pydantic error type if ``value``, as JSON decoded it, lacks the declared type.

    pydantic's lax mode would read ``0`` as ``false`` and ``"5"`` as ``5``; the
    OpenAPI document promises a boolean and an integer, so those are refused
    (with the same error types, hence the same messages, as pydantic's own).
    """
    if value is None:
        return None  # None is checked by the field itself (optional or not)
    annotation = _bare(annotation)
    origin = get_origin(annotation)
    if annotation is bool:
        return None if isinstance(value, bool) else "bool_type"
    if annotation in (int, float):
        number = isinstance(value, (int, float) if annotation is float else int)
        return None if number and not isinstance(value, bool) else "int_type"
    if annotation is str:
        return None if isinstance(value, str) else "string_type"
    if annotation in _WRITTEN_AS_TEXT:
        # JSON has no dates or ids: pydantic would read 0 as 1970-01-01.
        return None if isinstance(value, str) else _WRITTEN_AS_TEXT[annotation]
    if origin is Literal:
        options = get_args(annotation)
        fits = any(type(value) is type(option) and value == option for option in options)
        return None if fits else "literal_error"
    if origin in (list, set, tuple) and isinstance(value, list):
        item = (get_args(annotation) or (Any,))[0]
        if get_origin(_bare(item)) is Literal:
            return None  # pydantic's own check names the element's index
        return next((m for element in value if (m := _misfit(item, element))), None)
    if origin is dict and isinstance(value, dict):
        arguments = get_args(annotation)
        item = arguments[1] if len(arguments) == 2 else Any
        return next((m for element in value.values() if (m := _misfit(item, element))), None)
    return None  # dates, ids, nested schemas: their own validation is strict enough
