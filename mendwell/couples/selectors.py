"""Reads about couples. Every function takes the acting user."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from mendwell.core import page_reads
from mendwell.couples.models import Couple, Invite, Membership, Role


def active_membership(user: Any) -> Membership | None:
    if user is None or not user.is_authenticated:
        return None
    if page_reads.active():
        _remember_couple_of(user)
        return page_reads.remembered(("membership", user.pk), lambda: None)
    return (
        Membership.objects.select_related("couple")
        .filter(user=user, role=Role.PARTNER, ended_at__isnull=True, couple__ended_at__isnull=True)
        .first()
    )


def _remember_couple_of(user: Any) -> None:
    """Inside a read-only page: both partners' memberships in one query, remembered."""

    def fetch() -> list[Membership]:
        active = {"role": Role.PARTNER, "ended_at__isnull": True, "couple__ended_at__isnull": True}
        mine = Membership.objects.filter(user=user, **active).values("couple")
        rows = list(
            Membership.objects.select_related("couple", "user").filter(couple__in=mine, **active)
        )
        for row in rows:
            others = [other.user for other in rows if other.user_id != row.user_id]
            page_reads.remember(("membership", row.user_id), row)
            page_reads.remember(("partner", row.user_id), others[0] if others else None)
            page_reads.remember(("couple_rows", row.user_id), rows)
        return rows

    page_reads.remembered(("couple_rows", user.pk), fetch)


def couple_for_user(user: Any) -> Couple | None:
    """The user's active couple space, or None when they use Mendwell alone."""
    membership = active_membership(user)
    return membership.couple if membership else None


def partner_of(user: Any) -> Any | None:
    """The other partner in the user's active couple, or None."""
    couple = couple_for_user(user)
    if couple is None:
        return None
    if page_reads.active():
        return page_reads.remembered(("partner", user.pk), lambda: None)
    other = (
        Membership.objects.select_related("user")
        .filter(couple=couple, role=Role.PARTNER, ended_at__isnull=True)
        .exclude(user=user)
        .first()
    )
    return other.user if other else None


def pending_invite_for(user: Any) -> Invite | None:
    """The invite this user sent that can still be used (only the inviter sees it)."""
    couple = couple_for_user(user)
    if couple is None:
        return None
    return (
        Invite.objects.filter(
            couple=couple,
            inviter=user,
            used_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )
        .order_by("-created_at")
        .first()
    )


def invite_for_inviter_or_none(user: Any, invite_id: Any) -> Invite | None:
    """An invite by id, only if this user sent it (anything else looks missing)."""
    if user is None or not user.is_authenticated:
        return None
    try:
        return Invite.objects.get(pk=invite_id, inviter=user)
    except (Invite.DoesNotExist, ValueError):
        return None
