"""Writes about safety. None of them tells anyone but the acting person anything."""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from mendwell.safety.models import SafetyCheck, SafetyState
from mendwell.safety.questions import CHECK_VERSION, ITEM_KEYS, Answer, Outcome, score

logger = logging.getLogger(__name__)

RECHECK_EVERY = timedelta(days=28)
# A second identical submit this soon after the first is a double click.
DOUBLE_SUBMIT_WINDOW = timedelta(seconds=30)


class SafetyError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.code = code


def _state_for(user: Any) -> SafetyState:
    state, _ = SafetyState.objects.get_or_create(user=user)
    return state


def _save_flags(state: SafetyState, **changes: bool) -> None:
    flags = state.flags
    flags.update(changes)
    state.flags_json = json.dumps(flags, sort_keys=True)


@transaction.atomic
def safety_check_submit(*, user: Any, answers: dict[str, str]) -> tuple[SafetyCheck, Outcome]:
    """Record a check. A pathway outcome pauses the couple program at once."""
    clean = {key: answers[key] for key in ITEM_KEYS if answers.get(key) in set(Answer)}
    now = timezone.now()
    stored = json.dumps(clean, sort_keys=True)
    recent = SafetyCheck.objects.filter(
        user=user, created_at__gte=now - DOUBLE_SUBMIT_WINDOW
    ).first()
    if recent is not None and recent.answers_json == stored:
        return recent, score(clean)[0]
    check = SafetyCheck.objects.create(
        user=user, version=CHECK_VERSION, answers_json=stored, created_at=now
    )
    outcome, _reasons = score(clean)
    state = _state_for(user)
    if outcome is Outcome.PATHWAY:
        _save_flags(state, pathway=True)
    state.check_completed_at = now
    state.check_requested_at = None
    state.next_check_due_at = now + RECHECK_EVERY
    state.save()
    # No log line says what the outcome was: only that a check happened.
    logger.info("safety check recorded for user %s", user.pk)
    return check, outcome


@transaction.atomic
def safety_check_skip(*, user: Any) -> None:
    state = _state_for(user)
    state.check_skipped_at = timezone.now()
    state.save(update_fields=["check_skipped_at"])


@transaction.atomic
def program_pause(*, user: Any) -> None:
    """Pause the couple program by choice, without taking the check."""
    state = _state_for(user)
    _save_flags(state, paused=True)
    state.save(update_fields=["flags_json"])


@transaction.atomic
def program_resume(*, user: Any) -> None:
    """Lift this person's own pause. Leaving the pathway needs a check that no
    longer points to it, so a resume is never one tap away from a bad moment."""
    from mendwell.safety.selectors import latest_outcome_for

    state = _state_for(user)
    if state.on_pathway and latest_outcome_for(user) is Outcome.PATHWAY:
        raise SafetyError(
            "Your latest check suggests couples exercises are not safe right now.",
            code="pathway_outcome",
        )
    _save_flags(state, paused=False, pathway=False)
    state.save(update_fields=["flags_json"])


def request_due_checks(*, now: Any = None) -> int:
    """Mark people whose private re-check is due; the Today page then shows it to them alone."""
    now = now or timezone.now()
    return SafetyState.objects.filter(
        next_check_due_at__lte=now, check_requested_at__isnull=True
    ).update(check_requested_at=now)


@transaction.atomic
def country_set(*, user: Any, country: str) -> None:
    user.country = country
    user.save(update_fields=["country"])
