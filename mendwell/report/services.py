"""Writes for the progress report: make a link, and claim it exactly once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from mendwell.report.models import LINK_LIFETIME, ReportLink


class ReportUnavailable(Exception):
    """The PDF cannot be made on this server now (WeasyPrint's Pango libraries are
    missing); the link was left unused, so the same address works once fixed."""


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


def report_pdf_take(*, user: Any, token: str) -> bytes | None:
    """Claim the link and make its PDF in one transaction; ``None`` for a link that
    is not this person's, used, expired or made up. If the PDF cannot be made,
    ``ReportUnavailable`` is raised and the rollback leaves the link unused."""
    # Both import this module (for the token's hash): import them here, not above.
    from mendwell.report import pdf
    from mendwell.report.selectors import report_contents

    with transaction.atomic():
        link = report_link_claim(user=user, token=token)
        if link is None:
            return None
        choices = link.choices
        contents = report_contents(
            user,
            parts=frozenset(choices["parts"]),
            start=date.fromisoformat(choices["start"]),
            end=date.fromisoformat(choices["end"]),
        )
        try:
            return pdf.as_pdf(contents, made_on=timezone.localdate())
        except OSError as error:
            raise ReportUnavailable from error
