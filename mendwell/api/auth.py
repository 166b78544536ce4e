"""Who is calling: an app token, an allauth headless session token, or the
browser's session cookie with CSRF. Partner routes refuse counsellor accounts
and the counsellor router refuses everyone else, each with a plain 401.

Every way in ends in a revocable, listed credential: app tokens and headless
sessions both appear on the devices page, and both end on a password reset.
"""

from __future__ import annotations

from typing import Any

from allauth.headless.contrib.ninja.security import XSessionTokenAuth
from allauth.headless.internal.sessionkit import authenticate_by_x_session_token
from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from mendwell.core.middleware import activate_preferences
from mendwell.couples.grants import is_counsellor
from mendwell.security.tokens import user_for


def _fits(user: Any, counsellor: bool) -> bool:
    return user is not None and user.is_active and is_counsellor(user) == counsellor


def _adopt(request: HttpRequest, user: Any) -> Any:
    """Make ``user`` the caller, in their own time zone and language."""
    request.user = user
    activate_preferences(request, user)
    return user


class AppToken(HttpBearer):
    """``Authorization: Bearer mw_…`` from the devices page."""

    def __init__(self, *, counsellor: bool = False) -> None:
        super().__init__()
        self.counsellor = counsellor

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for(token)
        if not _fits(user, self.counsellor):
            return None
        request.api_via_token = True  # type: ignore[attr-defined]
        return _adopt(request, user)


class HeadlessSession(XSessionTokenAuth):
    """``X-Session-Token`` from the allauth headless app flow (login, MFA, signup)."""

    # allauth's class names neither, and OpenAPI requires both for an API key.
    openapi_in = "header"
    openapi_name = "X-Session-Token"

    def __init__(self, *, counsellor: bool = False) -> None:
        super().__init__()
        self.counsellor = counsellor

    def __call__(self, request: HttpRequest) -> Any:
        token = self.get_session_token(request)
        found = authenticate_by_x_session_token(token) if token else None
        if found is None or not _fits(found[0], self.counsellor):
            return None
        # The app's own session (not the cookie's): sudo and "sign out others" use it.
        request.api_session = found[1]  # type: ignore[attr-defined]
        return _adopt(request, found[0])


class BrowserSession(SessionAuth):
    """The web app's own session cookie; writes need the CSRF token."""

    def __init__(self, *, counsellor: bool = False) -> None:
        super().__init__(csrf=True)
        self.counsellor = counsellor

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return _adopt(request, user) if _fits(user, self.counsellor) else None


def partner_auth() -> list[Any]:
    return [AppToken(), HeadlessSession(), BrowserSession()]


def counsellor_auth() -> list[Any]:
    return [
        AppToken(counsellor=True),
        HeadlessSession(counsellor=True),
        BrowserSession(counsellor=True),
    ]


def calling_session(request: HttpRequest) -> Any:
    """The session making this request: an app's headless session, or the browser's
    cookie session; ``None`` for an app token, which is no session at all."""
    if getattr(request, "api_via_token", False):
        return None
    return getattr(request, "api_session", None) or getattr(request, "session", None)
