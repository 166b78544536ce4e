"""Request ids for log lines, so a person can quote one from an error page,
and the access log of refusals (SECURITY.md LOG-1, AC-9, TS81)."""

from __future__ import annotations

import logging
from contextvars import ContextVar
from typing import Any

from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        return True


access_log = logging.getLogger("mendwell.access")

# Answers worth a line: not signed in, refused, not found (the gate's answer
# for anything not yours), too many tries.
LOGGED_STATUSES = frozenset({401, 403, 404, 429})


@receiver(user_login_failed, dispatch_uid="mendwell.core.logging.mark_failed_login")
def mark_failed_login(
    sender: Any, credentials: Any = None, request: Any = None, **kwargs: Any
) -> None:
    """Remember on the request that a sign-in failed; the access log writes it.

    Nothing from ``credentials`` is kept: not the password, not the address typed.
    """
    if request is not None:
        request.mendwell_login_failed = True


def log_access(request: Any, status: int) -> None:
    """One line for a refused request or a failed sign-in: who (by id), which route,
    what status. Never the path's other parts, a body, a query string or content."""
    failed_login = getattr(request, "mendwell_login_failed", False)
    if status not in LOGGED_STATUSES and not failed_login:
        return
    user = getattr(request, "user", None)
    actor = user.pk if user is not None and user.is_authenticated else "anonymous"
    match = getattr(request, "resolver_match", None)
    route = match.view_name if match is not None else "unresolved"
    event = "authentication failed" if failed_login else "access refused"
    access_log.warning(
        "%s: actor=%s route=%s method=%s status=%s",
        event,
        actor,
        route,
        request.method if request.method in _METHODS else "other",
        status,
    )


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
