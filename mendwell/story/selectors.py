"""Reads of small victories, always for the acting person and through the gate."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import QuerySet

from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.safety.selectors import joint_exercises_allowed
from mendwell.story.models import Victory


def victories_visible(user: Any) -> QuerySet[Victory]:
    """Their own victories and what the partner shared in their current couple."""
    rows = cast("QuerySet[Victory]", Victory.objects.visible_to(user))
    return rows.select_related("author")


def victories_for(user: Any) -> list[Victory]:
    """The wall this person sees, newest moment first."""
    return list(victories_visible(user).order_by("-happened_on", "-created_at"))


def victory_for_author(user: Any, victory_id: Any) -> Victory:
    return get_authored_or_404(Victory, user=user, pk=victory_id)


def posts_go_on_shared_wall(user: Any) -> bool:
    """A new victory goes on the couple's shared wall when working together is open
    for this person (a partner, and their own private check done); else it is theirs."""
    return partner_of(user) is not None and joint_exercises_allowed(user)
