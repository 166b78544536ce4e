"""Writes for the progress report: make a link, and claim it exactly once."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.utils import timezone

from mendwell.report.models import LINK_LIFETIME, ReportLink


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def report_link_create(*, user: Any, choices: dict[str, Any]) -> str:
    """A new single-use link; returns the raw token, which is never stored."""
    token = secrets.token_urlsafe(32)
    ReportLink.objects.create(
        user=user,
        token_hash=token_hash(token),
        choices=choices,
        expires_at=timezone.now() + LINK_LIFETIME,
    )
    return token


def report_link_claim(*, user: Any, token: str) -> ReportLink | None:
    """Mark the link used, if it is this person's, unused and unexpired.

    One conditional UPDATE decides it, so two requests racing for the same
    link cannot both win. Call inside a transaction: if making the PDF then
    fails, the rollback leaves the link unused.
    """
    now = timezone.now()
    rows = ReportLink.objects.filter(
        user=user, token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=now
    )
    if rows.update(used_at=now) != 1:
        return None
    return ReportLink.objects.get(user=user, token_hash=token_hash(token))
