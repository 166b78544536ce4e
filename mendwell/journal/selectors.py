"""Reads of the log: always the acting person's own entries, through the gate."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django.db.models import QuerySet

from mendwell.couples.access import get_authored_or_404
from mendwell.journal.models import LogEntry


def log_entry_rows_for(
    user: Any, *, tag: str = "", since: date | None = None, until: date | None = None
) -> QuerySet[LogEntry]:
    """The person's own entries, filtered, as a queryset (the API pages it)."""
    entries = cast("QuerySet[LogEntry]", LogEntry.objects.authored_by(user))
    if since:
        entries = entries.filter(happened_on__gte=since)
    if until:
        entries = entries.filter(happened_on__lte=until)
    if tag:
        # Tags are encrypted, so the tag filter runs here rather than in SQL; a
        # person's log is small.
        entries = entries.filter(pk__in=[entry.pk for entry in entries if tag in entry.tags])
    return entries


def log_entries_for(
    user: Any, *, tag: str = "", since: date | None = None, until: date | None = None
) -> list[LogEntry]:
    entries = log_entry_rows_for(user, tag=tag, since=since, until=until)
    return list(entries.order_by("-happened_on", "-created_at"))


def log_entry_for_author(user: Any, entry_id: Any) -> LogEntry:
    return get_authored_or_404(LogEntry, user=user, pk=entry_id)
