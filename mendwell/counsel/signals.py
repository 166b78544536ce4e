"""Remember the counsellor role in the session at sign-in (read by the middleware)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from mendwell.counsel.middleware import COUNSELLOR_SESSION_KEY
from mendwell.couples.grants import is_counsellor


@receiver(user_logged_in, dispatch_uid="counsel_remember_role")
def remember_role(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session") and is_counsellor(user):
        request.session[COUNSELLOR_SESSION_KEY] = True
