"""Reads of small victories, always for the acting person and through the gate."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet

from mendwell.couples.access import get_authored_or_404
from mendwell.story.models import Victory


def victories_for(user: Any) -> list[Victory]:
    """The wall this person sees: their own victories and what the partner shared
    in their current couple, newest moment first."""
    rows = cast("QuerySet[Victory]", Victory.objects.visible_to(user))
    return list(rows.select_related("author").order_by("-happened_on", "-created_at"))


def victory_for_author(user: Any, victory_id: Any) -> Victory:
    return get_authored_or_404(Victory, user=user, pk=victory_id)
