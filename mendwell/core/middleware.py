"""Cross-cutting request handling: request ids, user preferences, privacy headers."""

from __future__ import annotations

import secrets
import zoneinfo
from collections.abc import Callable
from typing import Any

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation

from mendwell.core.logging import current_request_id, log_access

Handler = Callable[[HttpRequest], HttpResponse]

# A JSON answer never needs to load anything, so it gets the tightest policy.
API_CSP = "default-src 'none'; frame-ancestors 'none'"
CLEAR_SITE_DATA = '"cache", "cookies", "storage"'


class RequestIdMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = secrets.token_hex(6)
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class AccessLogMiddleware:
    """Log refusals (401/403/404/429) and failed sign-ins: actor id, route, status.

    Sits just inside ``RequestIdMiddleware`` so the line carries the request id
    and so refusals made by other middleware (CSRF, the counsellor scope) count too.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        log_access(request, response.status_code)
        return response


class HttpOnlyCookiesMiddleware:
    """Every cookie this site sets is HttpOnly: no script here reads one.

    Django's sign-out deletes the session cookie without the flag, and the
    Observatory marks a session cookie without it down (TS101). Must sit
    outside ``SessionMiddleware``, which sets and deletes that cookie.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        for morsel in response.cookies.values():
            morsel["httponly"] = True
        return response


class CSPNonceMiddleware:
    """Give every HTML page's policy a fresh nonce (SECURITY.md CFG-3, TS71).

    django-csp writes ``'nonce-…'`` into ``script-src`` only when something
    read ``request.csp_nonce`` while the page was rendered, so pages without
    inline script went out with ``script-src 'self'`` alone and the policy
    changed shape from page to page. Reading the nonce here, on the way out
    and before ``CSPMiddleware`` writes the header, makes every HTML response
    carry one; an inline script still runs only with this response's nonce.
    Must sit just after ``csp.middleware.CSPMiddleware`` in ``MIDDLEWARE``.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        nonce = getattr(request, "csp_nonce", None)
        if nonce is not None and response.get("Content-Type", "").startswith("text/html"):
            str(nonce)  # evaluating the lazy nonce is what puts it in the header
        return response


class UserPreferencesMiddleware:
    """Show dates and times in the person's own time zone and language."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        activate_preferences(request, getattr(request, "user", None))
        return self.get_response(request)


def activate_preferences(request: HttpRequest, user: Any) -> None:
    """The person's own time zone and language for this request (the API calls it
    again once a token has said who is calling)."""
    if user is not None and user.is_authenticated:
        try:
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.deactivate()
        if user.locale:
            translation.activate(user.locale)
            request.LANGUAGE_CODE = translation.get_language()
    else:
        timezone.deactivate()


class PrivateResponseMiddleware:
    """Nothing Mendwell serves may be kept by a browser or a proxy.

    ``no-store`` stops the back button or a shared computer's cache from
    showing a page after logout or quick exit. Logging out also asks the
    browser to clear what it holds for this site.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, max-age=0"
        response["Pragma"] = "no-cache"
        if response.get("Content-Type", "").startswith("application/json"):
            response["Content-Security-Policy"] = API_CSP
        match = getattr(request, "resolver_match", None)
        url_name = match.url_name if match is not None else None
        if url_name == "quick_exit" or (url_name == "account_logout" and request.method == "POST"):
            response["Clear-Site-Data"] = CLEAR_SITE_DATA
        return response


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Every page needs a signed-in person unless it says otherwise.

    The JSON API and allauth's headless app flow answer 401 themselves (a login
    redirect means nothing to an app), so they are left to their own authentication.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(("/api/", "/_allauth/")):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
