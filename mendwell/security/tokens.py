"""App tokens: made, checked and revoked here; the API's bearer auth calls ``user_for``.

A token is 32 random bytes (URL-safe), prefixed ``mw_`` so a leaked one is
easy to recognise in a scanner's report. It lasts 90 days; its SHA-256 is
what the database holds, so a copy of the database holds no usable token.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mendwell.security.models import AppToken

PREFIX = "mw_"
LIFETIME = timedelta(days=90)
MAX_ACTIVE = 10


class TooManyTokens(Exception):
    pass


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def active_tokens(user: Any) -> list[AppToken]:
    now = timezone.now()
    return list(
        AppToken.objects.filter(
            user_id=user.pk, revoked_at__isnull=True, expires_at__gt=now
        ).order_by("-created_at")
    )


@transaction.atomic
def token_create(*, user: Any, name: str) -> tuple[AppToken, str]:
    """Make a token; returns the row and the token itself (shown once, never stored)."""
    if len(active_tokens(user)) >= MAX_ACTIVE:
        raise TooManyTokens
    token = PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    row = AppToken.objects.create(
        user=user, name=name, token_hash=_hash(token), created_at=now, expires_at=now + LIFETIME
    )
    return row, token


def token_revoke(*, user: Any, token_id: Any) -> bool:
    """Revoke one of the person's own tokens; False when there is no such active token."""
    return bool(
        AppToken.objects.filter(pk=token_id, user_id=user.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
    )


def tokens_revoke_all(user: Any) -> int:
    """Every token of the person stops working (a password change or reset)."""
    return AppToken.objects.filter(user_id=user.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def user_for(token: str) -> Any | None:
    """The active account an unrevoked, unexpired token belongs to; None otherwise."""
    if not token.startswith(PREFIX) or len(token) > 100:
        return None
    now = timezone.now()
    row = (
        AppToken.objects.select_related("user")
        .filter(token_hash=_hash(token), revoked_at__isnull=True, expires_at__gt=now)
        .first()
    )
    if row is None or not row.user.is_active:
        return None
    today = timezone.localdate(now)
    if row.last_used_on != today:  # one write a day at most
        AppToken.objects.filter(pk=row.pk).update(last_used_on=today)
    return row.user
