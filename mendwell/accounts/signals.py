"""Signals for the layers above accounts, which accounts may not import."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with ``user=`` inside the transaction that saved a new time zone.
time_zone_changed = Signal()

# Sent with ``user=`` when staff delete an account through the admin: the
# erasure app answers True once it has deleted it the way a person's own
# deletion does (conversations handed over, sessions ended, key destroyed).
account_deletion_requested = Signal()

# Sent with ``email=`` when sign-ins for that address are refused for too many
# wrong passwords (the security app tells the owner, if there is one).
sign_in_throttled = Signal()
