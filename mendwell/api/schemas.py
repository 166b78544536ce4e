"""Base schemas. Inputs reject unknown fields, so author, couple, visibility and
timestamps can only ever be set by the server (SECURITY.md IN-2)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Schema
from ninja.parser import Parser
from pydantic import ConfigDict


class In(Schema):
    model_config = ConfigDict(extra="forbid")


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
