"""Writing audit records: one per staff action on one account."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import transaction

from mendwell.staff.models import AuditAction, AuditRecord

logger = logging.getLogger("mendwell.staff")


def _actor_label(actor: Any) -> str:
    return str(actor.email)


@transaction.atomic
def audit_record(*, actor: Any, subject: Any, action: AuditAction, detail: str = "") -> AuditRecord:
    """Record that ``actor`` (a staff member) did ``action`` to ``subject``'s account."""
    record = AuditRecord.objects.create(
        subject=subject,
        subject_public_id=subject.public_id,
        actor=actor,
        actor_label=_actor_label(actor),
        action=action,
        detail=detail[:200],
    )
    # Ids and the action word only: the operator's log says what happened, to whom.
    logger.info(
        "staff action: actor=%s subject=%s action=%s", actor.pk, subject.public_id, action.value
    )
    return record


@transaction.atomic
def audit_record_deletions(*, actor: Any, subjects: Iterable[Any]) -> list[AuditRecord]:
    """Record deletions by staff, before the accounts go.

    The account's own records cascade away with it, so this one is kept
    without the link: only the public id says which account it was.
    """
    records = []
    for subject in subjects:
        records.append(
            AuditRecord.objects.create(
                subject=None,
                subject_public_id=subject.public_id,
                actor=actor,
                actor_label=_actor_label(actor),
                action=AuditAction.DELETED,
            )
        )
        logger.info("staff action: actor=%s subject=%s action=deleted", actor.pk, subject.public_id)
    return records
