"""Keep counsellor accounts on the counsellor pages.

A counsellor reads a client's items only through ``/counsellor/``: the feature
pages were written for partners (answering, marking, sharing), and a grant
must never turn into a partner's powers there. So, for a counsellor account,
every other app page and the API answer 404, and the home page leads to the
client list itself. Account, help and public pages stay open.

The role is remembered in the session when the person signs in or accepts an
invitation (see ``signals``), so partners' pages pay no extra query. This is
a fence around pages, not the authorization of content: what a counsellor may
read is decided by the access gate on every query.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

COUNSELLOR_SESSION_KEY = "counsel_is_counsellor"

OPEN_TO_COUNSELLORS = (
    "/counsellor/",
    "/api/v1/counsellor/",  # the counsellor API (its own auth refuses partners)
    "/accounts/",
    "/profile/",
    "/delete/account/",  # a counsellor may delete their own account like anyone
    "/help-now/",
    "/safety/professional-help/",
    "/steps/",
    "/quick-exit/",
    "/exit/",
    "/privacy/",
    "/healthz",
    "/manifest.webmanifest",
    "/sw.js",
    "/offline/",
    "/static/",
)


class CounsellorScopeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(OPEN_TO_COUNSELLORS) or not request.session.get(COUNSELLOR_SESSION_KEY):
            return self.get_response(request)
        if path == "/":
            # The counsellor's home is their client list (shown here, not redirected,
            # so the sign-in message is read on the page it leads to).
            from mendwell.counsel.views import clients

            return clients(request)
        raise Http404
