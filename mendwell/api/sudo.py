"""Sudo mode over the API: the same sensitive actions as the web app (export,
delete, unlink, sessions and tokens) need proof the caller is the person.

A browser or headless session that re-authenticated in the last 15 minutes is
enough (allauth's own record, as on the web). An app token has no session, so
such a request carries the current ``password`` in its body; wrong passwords
count against allauth's login-failure limit for the account, so the API is no
easier to guess through than the sign-in page.
"""

from __future__ import annotations

from typing import Any

from allauth.account.internal.flows.reauthentication import did_recently_reauthenticate
from allauth.core import ratelimit
from django.http import HttpRequest
from django.utils.translation import gettext as _

from mendwell.api.auth import calling_session
from mendwell.api.errors import ApiError


def _recently_reauthenticated(request: HttpRequest) -> bool:
    session = calling_session(request)
    if session is None:
        return False
    # allauth reads the record from request.session: show it the calling session
    # (an app's headless one), then put the cookie session back.
    cookie_session = getattr(request, "session", None)
    request.session = session
    try:
        return did_recently_reauthenticate(request)
    finally:
        if cookie_session is not None:
            request.session = cookie_session


def require_sudo(request: HttpRequest, password: str | None) -> None:
    user: Any = request.user
    if password is None:
        if _recently_reauthenticated(request):
            return
        raise ApiError(
            403,
            _("Confirm it's you: send your current password with this request."),
            [("password", _("This field is required for this action."))],
        )
    key = f"api-sudo:{user.pk}"
    if not ratelimit.consume(request, action="login_failed", key=key, dry_run=True):
        raise ApiError(429, _("Too many wrong passwords. Wait a little, then try again."))
    if not user.check_password(password):
        ratelimit.consume(request, action="login_failed", key=key)
        raise ApiError(
            403,
            _("That password is not right."),
            [("password", _("That password is not right."))],
        )
