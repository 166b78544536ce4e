"""Couples for the benchmarks, made inside a running instance's Django.

Run through ``Instance.shell`` (``bench/kit.py`` calls ``make``), never
imported by the bench processes themselves. Each couple is linked the way the
app links people (an invite, accepted), both partners pass the private safety
check, and their history is the one the Today query-budget test builds
(``mendwell.today.tests.history.build_history``: daily check-ins with notes,
answers to the question of the day, nudges with their notifications, log
entries, promises with occurrences, weekly pulses, dates with reflections,
jar draws, guided talks, Today's own marks), with the nudges moved onto the
days they belong to, and email notifications chosen. Sign-ins are real sessions in
the instance's session store (``Client.force_login`` runs Django's ``login``,
so the app's sign-in receivers start the session clocks as for a password
sign-in); passwords are unusable, as nobody signs in through the form here.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

BANNER = "BENCH_JSON:"


def _person(email: str, name: str) -> Any:
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        email, None, display_name=name, time_zone="Europe/London"
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _sessions(user: Any, count: int) -> list[str]:
    from django.conf import settings
    from django.test import Client

    cookies = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        cookies.append(client.cookies[settings.SESSION_COOKIE_NAME].value)
    return cookies


def _spread_nudges(people: tuple[Any, Any], days: int) -> None:
    """Put each nudge of the history on its own day, at 9:00 and 18:00.

    ``build_history`` writes nudges with ``bulk_create``, which stamps every row
    with the moment it ran (``auto_now_add``): two years of nudges would all have
    been sent today, every sender far past the ten-a-day limit and the nudges page
    sorting a pile of equal times. The texts are all alike, so which row gets
    which moment does not matter.
    """
    from django.utils import timezone

    from mendwell.nudges.models import Nudge

    zone = ZoneInfo("Europe/London")
    today = timezone.localdate()
    moments = [
        datetime.combine(today - timedelta(days=back), time(hour), tzinfo=zone)
        for back in range(days, 0, -1)
        for hour in (9, 18)
    ]
    for person in people:
        rows = list(Nudge.objects.filter(author=person).only("id").order_by("pk"))
        for row, moment in zip(rows, moments, strict=False):
            row.created_at = moment
        Nudge.objects.bulk_update(rows, ["created_at"], batch_size=500)


def _talk(alex: Any, sam: Any) -> str:
    """A guided talk with free turns, rules agreed and a topic set: ready for turns."""
    from mendwell.conversations.guided import selectors, services

    conversation = services.conversation_start(
        user=alex,
        conversation_id=uuid.uuid4(),
        speaker_listener=False,
        one_device=False,
        turn_minutes=5,
    )
    for person in (alex, sam):
        services.rules_agree(view=selectors.view_of(person, conversation), people=[person])
    services.topic_set(
        view=selectors.view_of(alex, conversation), topic="our week", first_speaker=alex
    )
    return str(conversation.pk)


def couples(
    *,
    label: str,
    count: int,
    days: int,
    sessions: int = 1,
    token: bool = False,
    talk: bool = False,
    planned: bool = True,
) -> list[dict[str, Any]]:
    """``count`` linked couples with ``days`` of history; their people, signed in."""
    from mendwell.couples.services import invite_accept, invite_create
    from mendwell.notify.services import channels_set
    from mendwell.safety.questions import ITEM_KEYS
    from mendwell.safety.services import safety_check_submit
    from mendwell.security.tokens import token_create
    from mendwell.today.tests.history import add_a_day_of_today_to_do, build_history

    made = []
    for number in range(count):
        alex = _person(f"alex.{label}.{number}@example.com", "Alex")
        sam = _person(f"sam.{label}.{number}@example.com", "Sam")
        invite_accept(user=sam, code=invite_create(user=alex).code)
        for person in (alex, sam):
            safety_check_submit(user=person, answers=dict.fromkeys(ITEM_KEYS, "no"))
            # Email on: a nudge then gives the task worker an email to send, as it would
            # for anyone who chose email (the instance's email goes to files).
            channels_set(user=person, email=True)
        if days:
            build_history(alex, sam, days=days)
            _spread_nudges((alex, sam), days)
        if planned:
            add_a_day_of_today_to_do(alex)
        conversation = _talk(alex, sam) if talk else ""
        for person in (alex, sam):
            made.append(
                {
                    "email": person.email,
                    "couple": number,
                    "sessions": _sessions(person, sessions),
                    "token": token_create(user=person, name="bench")[1] if token else "",
                    "talk": conversation,
                }
            )
    return made


def facts() -> dict[str, Any]:
    """What a client needs beyond the people: cookie names, the pulse's items and scale."""
    from django.conf import settings

    from mendwell.progress import registry

    pulse = registry.pulse()
    return {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "pulse_items": list(pulse.item_ids),
        "pulse_scale": [pulse.scale_min, pulse.scale_max],
    }


def make(groups: dict[str, dict[str, Any]]) -> None:
    """Print ``{"facts": …, "<group>": [people…]}`` for ``{"<group>": couples() kwargs}``."""
    from django.db import transaction

    out: dict[str, Any] = {"facts": facts()}
    for label, options in groups.items():
        # One commit for the lot: with synchronous=FULL each commit is an fsync, and
        # hundreds of couples committed row by row would take minutes to make.
        with transaction.atomic():
            out[label] = couples(label=label, **options)
    print(BANNER + json.dumps(out))
