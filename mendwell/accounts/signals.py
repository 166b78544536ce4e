"""Signals for the layers above accounts, which accounts may not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``user=`` inside the transaction that saved a new time zone.
time_zone_changed = Signal()
