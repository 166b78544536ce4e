"""Counsellor access set up the way people do it, for the crawl and journeys."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from mendwell.checkins.models import CheckIn
from mendwell.counsel import services
from mendwell.couples.access import Visibility
from mendwell.couples.grants import CounsellorLink
from mendwell.couples.selectors import couple_for_user


def counsellor_for(client: Any, counsellor: Any) -> CounsellorLink:
    """The counsellor accepted the client's invitation (again is harmless)."""
    existing = CounsellorLink.objects.for_counsellor(counsellor).filter(client_id=client.pk)
    if existing.exists():
        return existing.get()
    return services.invite_accept(
        user=counsellor, token=services.invite_create(client=client).token
    )


def shared_checkins(client: Any, count: int = 2) -> list[CheckIn]:
    """The client's check-ins shared with their partner on the first days of March."""
    made = []
    for day in range(1, count + 1):
        made.append(
            CheckIn.objects.get_or_create(
                author=client,
                day=date(2026, 3, day),
                defaults={
                    "couple": couple_for_user(client),
                    "visibility": Visibility.SHARED,
                    "mood": 3,
                    "closeness": 4,
                    "note": "A calmer evening than last week.",
                },
            )[0]
        )
    return made


def granted_and_seen(client: Any, counsellor: Any) -> tuple[CounsellorLink, list[CheckIn]]:
    """A working link: two items granted, one opened, one note with an exercise."""
    link = counsellor_for(client, counsellor)
    items = shared_checkins(client)
    services.grant_create(
        client=client,
        link=link,
        categories=[],
        item_ids=[item.pk for item in items],
        until=timezone.localdate() + timedelta(days=30),
    )
    services.view_record(link=link, category="checkins.checkin", item_id=items[0].pk)
    services.note_add(
        counsellor=counsellor,
        link=link,
        note_id=uuid.uuid4(),
        text="Try the ten-minute talk twice this week.",
        suggested_step=2,
    )
    return link, items
