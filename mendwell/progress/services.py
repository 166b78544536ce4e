"""Writes for step 8. Answers are checked against their instrument before
anything is saved; a bad answer changes nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from mendwell.core.zones import local_today
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user
from mendwell.progress import registry
from mendwell.progress.models import BaselineSkip, Kind, PulseResponse, PulseSharing
from mendwell.progress.registry import Instrument
from mendwell.safety.selectors import joint_exercises_allowed


class PulseInvalid(ValueError):
    """Some answers are missing or outside the scale: item id → problem."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(sorted(problems)))
        self.problems = problems


class ShareRefused(PermissionError):
    """Sharing needs a partner and joint exercises open for this person."""


def week_of(day: date) -> date:
    """The Monday that starts the week ``day`` falls in."""
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Saved:
    response: PulseResponse
    replaced: bool  # a pulse for this week (or the baseline) already existed and was replaced


def _shared_item_ids(user: Any) -> tuple[Any, set[str]]:
    couple = couple_for_user(user)
    if couple is None:
        return None, set()
    choice = PulseSharing.objects.filter(user=user, couple=couple).first()
    return couple, set(choice.item_ids) if choice else set()


def _sharing_fields(
    user: Any, instrument: Instrument, answers: Mapping[str, int]
) -> dict[str, Any]:
    if instrument.id != registry.PULSE_ID:
        # Per-measure sharing is a choice about our pulse's measures only: answers to any
        # other questionnaire stay private, even where an item id happens to match.
        couple, _ids = _shared_item_ids(user)
        return _fields_for(couple, set(), answers)
    return _fields_for(*_shared_item_ids(user), answers)


def _fields_for(couple: Any, ids: set[str], answers: Mapping[str, int]) -> dict[str, Any]:
    shared = {key: value for key, value in answers.items() if key in ids}
    return {
        "couple": couple,
        "shared_answers": shared,
        "visibility": Visibility.SHARED if couple and shared else Visibility.PRIVATE,
    }


@transaction.atomic
def pulse_save(
    *,
    user: Any,
    kind: str,
    answers: Mapping[str, Any],
    instrument: Instrument | None = None,
    now: datetime | None = None,
) -> Saved:
    """Save a baseline or this week's answers to ``instrument`` (default: our pulse);
    a second set in the same week replaces the first."""
    instrument = instrument or registry.pulse()
    problems = instrument.problems_with(answers)
    if problems:
        raise PulseInvalid(problems)
    clean = {item_id: int(answers[item_id]) for item_id in instrument.item_ids}
    moment = now or timezone.now()
    this_week = week_of(local_today(user, moment))
    key: dict[str, Any] = {"author": user, "instrument_id": instrument.id, "kind": kind}
    values: dict[str, Any] = {
        "instrument_version": instrument.version,
        "answers": clean,
        **_sharing_fields(user, instrument, clean),
    }
    if kind == Kind.WEEKLY:
        key["week_of"] = this_week
    elif kind == Kind.BASELINE:
        values["week_of"] = this_week  # a retaken baseline moves to the week it was retaken
    else:
        raise ValueError(f"unknown pulse kind {kind!r}")
    existing = PulseResponse.objects.select_for_update(no_key=True).filter(**key).first()
    if existing is None:
        try:
            with transaction.atomic():
                created = cast("PulseResponse", PulseResponse.objects.create(**key, **values))
            return Saved(created, replaced=False)
        except IntegrityError:
            # The same person sent twice at once: the other request made the row; replace it.
            existing = PulseResponse.objects.select_for_update(no_key=True).get(**key)
    for name, value in values.items():
        setattr(existing, name, value)
    existing.replaced_at = moment
    existing.save()
    return Saved(existing, replaced=True)


def baseline_skip(*, user: Any) -> BaselineSkip:
    skip, _created = BaselineSkip.objects.get_or_create(user=user)
    return skip


@transaction.atomic
def sharing_set(*, user: Any, item_ids: Iterable[str]) -> None:
    """Record which measures the partner may see, and bring every row in line at once."""
    instrument = registry.pulse()
    chosen = sorted(set(item_ids) & set(instrument.item_ids))
    couple = couple_for_user(user)
    if couple is None or (chosen and not joint_exercises_allowed(user)):
        if chosen:
            raise ShareRefused
    else:
        PulseSharing.objects.update_or_create(
            user=user, couple=couple, defaults={"item_ids": chosen}
        )
    couple, ids = _shared_item_ids(user)
    rows = list(
        cast("QuerySet[PulseResponse]", PulseResponse.objects.authored_by(user))
        .filter(instrument_id=instrument.id)
        .select_for_update(no_key=True)
    )
    for row in rows:
        for name, value in _fields_for(couple, ids, row.answers).items():
            setattr(row, name, value)
    PulseResponse.objects.bulk_update(rows, ["couple", "shared_answers", "visibility"])


@transaction.atomic
def pulse_delete(*, pulse: PulseResponse) -> None:
    """A taken pulse, gone: from the person's charts, the partner's view and any report."""
    pulse.delete()
