"""Treat people whose data key was destroyed as deleted (crypto-shredding).

After a database backup from before an account deletion is restored, that
person's rows are back but their key is a tombstone in the keyring: nothing
can read them. This removes those accounts (and, by cascade, their rows) so
the app never trips over unreadable text. A key that is simply *missing*
(no tombstone) is a keyring that was not restored: that is reported, never
"fixed" by deleting anyone.
"""

from __future__ import annotations

import logging
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction

from mendwell.core import keyring

logger = logging.getLogger(__name__)


def purge_shredded_accounts() -> int:
    """Delete every account whose data key has a tombstone; return how many."""
    destroyed = {uuid.UUID(kid) for kid in keyring.shredded_ids()}
    if not destroyed:
        return 0
    user_model = get_user_model()
    purged = 0
    for pk in user_model._default_manager.filter(data_key__in=destroyed).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            user_model._default_manager.filter(pk=pk).delete()
        purged += 1
    if purged:
        logger.warning("removed %d account(s) whose data key was destroyed", purged)
    return purged
