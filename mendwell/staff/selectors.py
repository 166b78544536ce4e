"""Reading the audit log: a person reads the records about their own account only."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from mendwell.staff.models import AuditRecord


def audit_records_for(user: Any) -> QuerySet[AuditRecord]:
    """What staff did to ``user``'s account, newest first."""
    return AuditRecord.objects.filter(subject=user).order_by("-created_at")
