"""Reads of the log: always the acting person's own entries, through the gate."""

from __future__ import annotations

from datetime import date
from typing import Any

from mendwell.couples.access import get_authored_or_404
from mendwell.journal.models import LogEntry


def log_entries_for(
    user: Any, *, tag: str = "", since: date | None = None, until: date | None = None
) -> list[LogEntry]:
    entries = LogEntry.objects.authored_by(user)
    if since:
        entries = entries.filter(happened_on__gte=since)
    if until:
        entries = entries.filter(happened_on__lte=until)
    found = list(entries.order_by("-happened_on", "-created_at"))
    # Tags are encrypted, so the tag filter runs here rather than in SQL; a
    # person's log is small.
    return [entry for entry in found if not tag or tag in entry.tags]


def log_entry_for_author(user: Any, entry_id: Any) -> LogEntry:
    return get_authored_or_404(LogEntry, user=user, pk=entry_id)
