"""Both partners tapping "thinking of you" at the same moment: both notes arrive.

Each send locks the sender's own row (so two tabs cannot pass the daily limit
together) and then writes a notification that points at the partner's row. On
PostgreSQL a plain ``FOR UPDATE`` lock conflicts with the key-share lock that the
notification's foreign key takes on the partner's row, so two crossing sends
waited for each other and one was killed as a deadlock: a 500 the capacity bench
found. The sender's lock is ``FOR NO KEY UPDATE`` now, which foreign keys pass.
"""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from django.db import connection

from mendwell.notify.models import Notification
from mendwell.nudges import services
from mendwell.nudges.models import Nudge


@pytest.mark.django_db(transaction=True)
def test_partners_nudging_each_other_at_the_same_moment_both_get_through(
    checked: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam = checked
    # PostgreSQL: hold both senders just after each has locked their own row, before
    # either tells the other: the crossing that deadlocked. SQLite lets one writer in
    # at a time (and the test database's shared cache refuses a second writer outright
    # instead of waiting), so there the two sends take turns, as they do in production.
    crossing = connection.vendor == "postgresql"
    both_locked = threading.Barrier(2, timeout=10)
    real_notify = services.notify

    def notify_once_both_hold_their_locks(**kwargs: Any) -> None:
        both_locked.wait()
        real_notify(**kwargs)

    if crossing:
        monkeypatch.setattr(services, "notify", notify_once_both_hold_their_locks)
    failures: list[str] = []

    def send(person: Any) -> None:
        try:
            services.nudge_send(user=person, nudge_id=uuid.uuid4(), note="")
        except Exception as error:  # noqa: BLE001 - the test reports whatever broke
            failures.append(repr(error))
        finally:
            connection.close()

    senders = [threading.Thread(target=send, args=(person,)) for person in (alex, sam)]
    for sender in senders:
        sender.start()
        if not crossing:
            sender.join(timeout=60)
    for sender in senders:
        sender.join(timeout=60)

    assert failures == []
    assert sorted(Nudge.objects.values_list("author__display_name", flat=True)) == ["Alex", "Sam"]
    told = Notification.objects.filter(kind="nudge.received")
    assert sorted(told.values_list("recipient__display_name", flat=True)) == ["Alex", "Sam"]
