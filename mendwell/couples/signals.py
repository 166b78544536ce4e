"""Events the couple link sends to the apps above it (which couples may not import)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by ``services.couple_leave`` after the link ended, with ``user``: the person
# who left. Account security tells that person (and only them) by a security alert.
couple_left = Signal()
