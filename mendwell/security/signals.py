"""Receivers: other apps' events that start a sign-in's bookkeeping or an alert.

Connected in ``apps.SecurityConfig.ready``. Each is one line into a service.
"""

from __future__ import annotations

from typing import Any

from mendwell.security.alerts import security_alert, send_alert


def on_any_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from mendwell.security import lifetime

    if request is not None and hasattr(request, "session"):
        lifetime.start(request.session, shared=False)


def on_sign_in_throttled(sender: Any, email: str, **kwargs: Any) -> None:
    from django.contrib.auth import get_user_model

    owner = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if owner is not None:
        security_alert(owner, "sign_in_blocked")


def on_user_logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from mendwell.security.services import sign_in_completed

    sign_in_completed(request=request, response=kwargs.get("response"), user=user)


def on_password_changed(sender: Any, user: Any, **kwargs: Any) -> None:
    from mendwell.security.tokens import tokens_revoke_all

    tokens_revoke_all(user)  # TS25/TS27: a new password cuts off every app too
    security_alert(user, "password_changed")


def on_email_changed(sender: Any, user: Any, **kwargs: Any) -> None:
    security_alert(user, "email_changed")


def on_email_added(sender: Any, user: Any, **kwargs: Any) -> None:
    # allauth mails only the new address here, so the owner's own gets ours.
    send_alert(user, "email_changed", email=True)


def on_second_factor_changed(sender: Any, user: Any, **kwargs: Any) -> None:
    security_alert(user, "mfa_changed")


def on_couple_left(sender: Any, user: Any, **kwargs: Any) -> None:
    security_alert(user, "couple_left")
