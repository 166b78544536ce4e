"""Two small steps on every signed-in request: end a session past its limits,
and note when and where a session was last used (for the devices page)."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from mendwell.security import lifetime, services

Handler = Callable[[HttpRequest], HttpResponse]


class SessionLifetimeMiddleware:
    """Sign out a session idle too long, or a shared-device one older than 12 hours.

    Must sit after ``AuthenticationMiddleware`` and before
    ``LoginRequiredMiddleware``, so the expired request is already anonymous
    and is sent to the login page like any other.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            if lifetime.has_expired(request.session, now=now):
                services.session_forget(session_key=request.session.session_key)
                logout(request)
            else:
                lifetime.touch(request.session, now=now)
        return self.get_response(request)


class SessionActivityMiddleware:
    """Keep the devices page's "last used" current, without a write per request.

    Used instead of allauth's ``UserSessionsMiddleware``, which saves the row
    on every request and would write the full IP back onto a session old
    enough to have had it shortened.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.session.session_key:
            services.session_seen(request)
        return self.get_response(request)
