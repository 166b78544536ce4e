"""Writes for step 7. Each is atomic, idempotent where a double tap is likely,
and stores nothing that counts or records an answer."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from mendwell.affection.catalogue import BY_ID
from mendwell.affection.models import AffectionNote, AffectionProfile, TouchChallenge
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user


class NotLinked(Exception):
    """Affection tools are for a couple; this person has no partner linked."""


class UnknownKind(ValueError):
    """A kind of touch that is not in our catalogue."""


def _profiles() -> QuerySet[AffectionProfile]:
    # The gate's manager is declared on the abstract base; name the concrete types.
    return cast("QuerySet[AffectionProfile]", AffectionProfile.objects.all())


def _challenges() -> QuerySet[TouchChallenge]:
    return cast("QuerySet[TouchChallenge]", TouchChallenge.objects.all())


def _notes() -> QuerySet[AffectionNote]:
    return cast("QuerySet[AffectionNote]", AffectionNote.objects.all())


@transaction.atomic
def affection_opt_in(*, user: Any) -> AffectionProfile:
    """Say yes for oneself. Saying it twice changes nothing."""
    couple = couple_for_user(user)
    if couple is None:
        raise NotLinked
    profile = _profiles().select_for_update(no_key=True).filter(author=user).first()
    if profile is not None:
        if profile.couple_id != couple.pk:
            # A yes given to a former partner does not carry over to a new one.
            profile.couple = couple
            profile.open_kinds_json = "[]"
            profile.save(update_fields=["couple", "open_kinds_json", "updated_at"])
        return profile
    try:
        with transaction.atomic():
            return _profiles().create(author=user, couple=couple)
    except IntegrityError:  # the other tab won the race: same outcome
        return _profiles().get(author=user)


@transaction.atomic
def affection_opt_out(*, user: Any, today: date) -> None:
    """Withdraw, at any time: the choices go, and a running challenge ends for both."""
    _profiles().filter(author=user).delete()
    couple = couple_for_user(user)
    if couple is not None:
        _challenges().filter(couple=couple, ended_on__isnull=True).update(ended_on=today)


def clean_kinds(kinds: Iterable[str]) -> list[str]:
    chosen = sorted(set(kinds))
    unknown = [kind for kind in chosen if kind not in BY_ID]
    if unknown:
        raise UnknownKind(", ".join(unknown))
    return chosen


@transaction.atomic
def comfort_set(*, profile: AffectionProfile, open_kinds: Iterable[str]) -> AffectionProfile:
    """Replace the person's "open to now" kinds; unknown ids save nothing."""
    profile.open_kinds_json = json.dumps(clean_kinds(open_kinds))
    profile.save(update_fields=["open_kinds_json", "updated_at"])
    return profile


@transaction.atomic
def challenge_start(*, user: Any, today: date) -> TouchChallenge:
    """Start the couple's seven days; if one is already running, that one stands."""
    couple = couple_for_user(user)
    if couple is None:
        raise NotLinked
    running = _challenges().filter(couple=couple, ended_on__isnull=True).first()
    if running is not None:
        return running
    try:
        with transaction.atomic():
            return _challenges().create(
                author=user, couple=couple, visibility=Visibility.SHARED, started_on=today
            )
    except IntegrityError:  # both pressed start at once: one challenge
        return _challenges().get(couple=couple, ended_on__isnull=True)


@transaction.atomic
def challenge_pause(*, challenge: TouchChallenge, today: date) -> None:
    # Who paused is deliberately not stored: the page only ever says it is paused.
    if challenge.paused_on is None:
        challenge.paused_on = today
        challenge.save(update_fields=["paused_on", "updated_at"])


@transaction.atomic
def challenge_resume(*, challenge: TouchChallenge, today: date) -> None:
    if challenge.paused_on is not None:
        # Shift the start by the paused days so the day number carries on, uncounted.
        challenge.started_on += max(today - challenge.paused_on, timedelta(0))
        challenge.paused_on = None
        challenge.save(update_fields=["started_on", "paused_on", "updated_at"])


@transaction.atomic
def challenge_end(*, challenge: TouchChallenge, today: date) -> None:
    challenge.ended_on = today
    challenge.save(update_fields=["ended_on", "updated_at"])


@transaction.atomic
def note_create(*, user: Any, note_id: uuid.UUID, text: str, share: bool) -> AffectionNote:
    """Write a note, private unless the writer shares it; the same form twice makes one."""
    existing = _notes().filter(pk=note_id).first()
    if existing is not None and existing.author_id == user.pk:
        return existing
    if existing is not None:
        # Someone else's id (a tampered form): never touch theirs, make a new one.
        note_id = uuid.uuid4()
    return _notes().create(
        id=note_id,
        author=user,
        couple=couple_for_user(user),
        visibility=Visibility.SHARED if share else Visibility.PRIVATE,
        text=text,
    )


@transaction.atomic
def note_delete(*, note: AffectionNote) -> None:
    note.delete()
