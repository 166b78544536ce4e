"""Reads for step 7. Every function takes the acting user.

The partner's private row is read in exactly one place, ``_current_profile``,
and only to derive the two joint facts the spec allows: whether both have
opted in, and which kinds both are open to. Neither the row nor anything else
about one side alone ever leaves this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from mendwell.affection.catalogue import TouchKind, invitation_for
from mendwell.affection.models import (
    CHALLENGE_DAYS,
    AffectionNote,
    AffectionProfile,
    TouchChallenge,
)
from mendwell.core import page_reads
from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import reconnection_content_allowed


def local_today(user: Any) -> date:
    """The person's own calendar day, whatever zone the server runs in."""
    try:
        zone = ZoneInfo(user.time_zone or "UTC")
    except (ValueError, KeyError):
        zone = ZoneInfo("UTC")
    return timezone.localtime(timezone.now(), zone).date()


def _current_profile(person: Any) -> AffectionProfile | None:
    """A person's opt-in, if it was made in their current couple (a new partner starts fresh)."""
    couple = couple_for_user(person)
    if couple is None:
        return None
    if not page_reads.active():
        mine = cast("QuerySet[AffectionProfile]", AffectionProfile.objects.authored_by(person))
        return mine.filter(couple=couple).first()

    def fetch() -> AffectionProfile | None:
        # Inside a read-only page both partners' rows come in one query (both_opted_in and
        # shared_open_kinds ask about each); each row still only ever answers for its author.
        partner = partner_of(person)
        people = [person.pk] + ([partner.pk] if partner is not None else [])
        rows = {
            row.author_id: row
            for row in AffectionProfile.objects.filter(couple=couple, author_id__in=people)
        }
        for pk in people:
            page_reads.remember(("affection_profile", pk), rows.get(pk))
        return rows.get(person.pk)

    return page_reads.remembered(("affection_profile", person.pk), fetch)


def own_profile(user: Any) -> AffectionProfile | None:
    return _current_profile(user)


def both_opted_in(user: Any) -> bool:
    partner = partner_of(user)
    return (
        partner is not None
        and _current_profile(user) is not None
        and _current_profile(partner) is not None
    )


def tools_open(user: Any) -> bool:
    """Affection tools show only when both chose them and the couple program runs."""
    return reconnection_content_allowed(user) and both_opted_in(user)


def page_state(user: Any) -> str:
    """One word for what the person's step 7 page offers: "solo", "paused",
    "waiting" or "open". "waiting" is the same whether the partner has not
    decided, said no, or withdrew: nothing here ever tells those apart."""
    if couple_for_user(user) is None:
        return "solo"
    if not reconnection_content_allowed(user):
        return "paused"
    return "open" if both_opted_in(user) else "waiting"


def shared_open_kinds(user: Any) -> frozenset[str]:
    """The kinds both partners are open to now: the only thing suggestions use."""
    mine, partner = _current_profile(user), partner_of(user)
    theirs = _current_profile(partner) if partner is not None else None
    if mine is None or theirs is None:
        return frozenset()
    return mine.open_kinds & theirs.open_kinds


def profile_for_author_or_404(user: Any, profile_id: Any) -> AffectionProfile:
    """The person's own comfort settings; anyone else's answers like a missing id."""
    if not tools_open(user):
        raise Http404
    profile = get_authored_or_404(AffectionProfile, user=user, pk=profile_id)
    couple = couple_for_user(user)
    if couple is None or profile.couple_id != couple.pk:
        raise Http404
    return profile


def running_challenge_for(user: Any) -> TouchChallenge | None:
    couple = couple_for_user(user)
    if couple is None or not tools_open(user):
        return None
    visible = cast("QuerySet[TouchChallenge]", TouchChallenge.objects.visible_to(user))
    return visible.filter(couple=couple, ended_on__isnull=True).first()


def challenge_for_or_404(user: Any, challenge_id: Any) -> TouchChallenge:
    """The couple's running challenge, for either partner; an old or ended one is gone."""
    if not tools_open(user):
        raise Http404
    challenge = get_visible_or_404(TouchChallenge, user=user, pk=challenge_id)
    couple = couple_for_user(user)
    if couple is None or challenge.couple_id != couple.pk or challenge.ended_on is not None:
        raise Http404
    return challenge


def day_number(challenge: TouchChallenge, today: date) -> int:
    """1 on the day it starts; a paused challenge stays on the day it was paused."""
    return ((challenge.paused_on or today) - challenge.started_on).days + 1


@dataclass(frozen=True)
class ChallengeView:
    challenge: TouchChallenge
    day: int
    paused: bool
    finished: bool
    invitation: TouchKind | None
    days: int = CHALLENGE_DAYS


def challenge_view_for(user: Any, *, today: date | None = None) -> ChallengeView | None:
    challenge = running_challenge_for(user)
    if challenge is None:
        return None
    day = max(1, day_number(challenge, today or local_today(user)))
    finished = day > CHALLENGE_DAYS
    invitation = None
    if not finished:
        invitation = invitation_for(
            challenge_id=challenge.pk, day=day, shared_kinds=shared_open_kinds(user)
        )
    return ChallengeView(
        challenge=challenge,
        day=day,
        paused=challenge.paused_on is not None,
        finished=finished,
        invitation=invitation,
    )


def answerable_day(user: Any, *, today: date) -> int | None:
    """The day number today's answer is for, or None when there is nothing to
    answer now (no running challenge, or it is paused or over)."""
    view = challenge_view_for(user, today=today)
    if view is None or view.paused or view.finished:
        return None
    return view.day


def notes_query(user: Any) -> QuerySet[AffectionNote]:
    """The person's own notes and the ones their partner shared with them, newest first."""
    return cast("QuerySet[AffectionNote]", AffectionNote.objects.visible_to(user)).order_by(
        "-created_at"
    )


def notes_for(user: Any) -> list[AffectionNote]:
    """The person's own notes and the ones their partner shared with them, newest first."""
    return list(notes_query(user))


def note_for_author_or_404(user: Any, note_id: Any) -> AffectionNote:
    return get_authored_or_404(AffectionNote, user=user, pk=note_id)
