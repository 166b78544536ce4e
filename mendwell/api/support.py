"""Crisis signposting in API answers: when what a person just saved reads like
self-harm or fear of their partner, the answer carries the same support lines
the web page would show them (and nothing about the text is kept)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Schema

from mendwell.safety.signposting import support_panel_context


class LineOut(Schema):
    kind: str
    name: str
    phone: str | None
    text_number: str | None
    url: str | None
    hours: str
    for_whom: str


class SupportOut(Schema):
    country: str
    emergency_number: str | None
    lines: list[LineOut]


def support_for(request: HttpRequest, text: str) -> SupportOut | None:
    panel: dict[str, Any] | None = support_panel_context(request, text)
    if panel is None:
        return None
    country = panel["country"]
    lines = [*panel["crisis_lines"], *panel["abuse_lines"], *panel["other_lines"]]
    return SupportOut(
        country=country.code,
        emergency_number=country.emergency_number,
        lines=[LineOut.model_validate(line, from_attributes=True) for line in lines],
    )
