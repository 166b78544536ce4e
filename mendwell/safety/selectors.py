"""Reads about safety. Each function takes the acting user and answers only
about what that user may know: their own state, and a single neutral
"paused" for the couple."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from mendwell.core import page_reads
from mendwell.couples.selectors import partner_of
from mendwell.safety.models import SafetyCheck, SafetyState
from mendwell.safety.questions import Outcome, score


class ProgramState(StrEnum):
    """What the couple program is, as both partners may see it."""

    SOLO = "solo"  # no partner linked
    ACTIVE = "active"
    PAUSED = "paused"  # identical whoever paused and why


def safety_state_for(user: Any) -> SafetyState:
    """The person's state; an unsaved blank one until their first check or pause
    (a read never writes: the services create the row)."""
    return SafetyState.objects.filter(user=user).first() or SafetyState(user=user)


def latest_check_for(user: Any) -> SafetyCheck | None:
    return SafetyCheck.objects.filter(user=user).first()


def latest_outcome_for(user: Any) -> Outcome | None:
    check = latest_check_for(user)
    return score(check.answers)[0] if check else None


def _state_row(user: Any) -> SafetyState | None:
    """The person's saved state, or None. Inside a read-only page, the two partners'
    rows come in one query and are remembered (program_state_for asks about both)."""
    if not page_reads.active():
        return SafetyState.objects.filter(user=user).first()

    def fetch() -> SafetyState | None:
        partner = partner_of(user)
        people = [user.pk] + ([partner.pk] if partner is not None else [])
        rows = {row.user_id: row for row in SafetyState.objects.filter(user_id__in=people)}
        for pk in people:
            page_reads.remember(("safety_state", pk), rows.get(pk))
        return rows.get(user.pk)

    return page_reads.remembered(("safety_state", user.pk), fetch)


def _pauses(user: Any) -> bool:
    state = _state_row(user)
    return bool(state and state.pauses_program)


def program_state_for(user: Any) -> ProgramState:
    """The single derived value both partners see. It never says who or why."""
    partner = partner_of(user)
    if partner is None:
        return ProgramState.SOLO
    if _pauses(user) or _pauses(partner):
        return ProgramState.PAUSED
    return ProgramState.ACTIVE


def safety_check_done(user: Any) -> bool:
    state = _state_row(user)
    return bool(state and state.check_completed_at)


def joint_exercises_allowed(user: Any) -> bool:
    """Joint exercises need this person's own check done and the program not paused.

    The partner's check is their own business: they meet the same lock when
    they try a joint exercise, and nobody is told whether the other has done it.
    """
    return safety_check_done(user) and program_state_for(user) is ProgramState.ACTIVE


def reconnection_content_allowed(user: Any) -> bool:
    """Nudges and affection content: off for the couple while it is paused."""
    return program_state_for(user) is not ProgramState.PAUSED


def check_prompt_due(user: Any) -> bool:
    """Show the person (only them) the private check: never done, or due again."""
    state = _state_row(user)
    if state is None or state.check_completed_at is None:
        return True
    return state.check_requested_at is not None
