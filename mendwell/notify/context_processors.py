from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mendwell.notify.selectors import unread_count


def unread(request: HttpRequest) -> dict[str, Any]:
    """How many of the person's own notifications are new, for the navigation."""
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user)}
