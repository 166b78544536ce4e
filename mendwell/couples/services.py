"""Writes about couples: creating a space, inviting, joining, leaving.

Each service is atomic. Races (two accepts of one code, two devices joining
two couples at once) are settled by conditional UPDATEs and the database's
unique constraint, not by reading first.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mendwell.couples.grants import is_counsellor
from mendwell.couples.models import Couple, Invite, Membership, Role
from mendwell.couples.selectors import active_membership, couple_for_user, partner_of
from mendwell.couples.signals import couple_left

logger = logging.getLogger(__name__)

INVITE_CODE_BYTES = 20  # 160 bits, above the 128 the security checklist asks for


class CoupleError(Exception):
    """A request that cannot be done, with a kind message for the person."""

    def __init__(self, message: str | Promise, *, code: str) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code


COUNSELLOR_ACCOUNT = _(
    "This is a counsellor account, so it can't join or start a couple space. "
    "To use Mendwell with a partner, sign up with another account."
)

INVALID_CODE = _(
    "That code doesn't work. It may have expired, been used already, or been mistyped. "
    "Ask your partner to make a new one."
)


@dataclass(frozen=True)
class NewInvite:
    invite: Invite
    code: str  # shown once to the inviter; only its hash is stored


def normalise_code(raw: str) -> str:
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def hash_code(raw: str) -> str:
    return hashlib.sha256(normalise_code(raw).encode()).hexdigest()


def _new_code() -> str:
    letters = base64.b32encode(secrets.token_bytes(INVITE_CODE_BYTES)).decode().rstrip("=")
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


@transaction.atomic
def couple_create(*, user: Any) -> Couple:
    """Start a couple space for a person on their own; returns the existing one if any."""
    if is_counsellor(user):
        raise CoupleError(COUNSELLOR_ACCOUNT, code="counsellor")
    existing = couple_for_user(user)
    if existing is not None:
        return existing
    couple = Couple.objects.create()
    try:
        with transaction.atomic():
            Membership.objects.create(couple=couple, user=user, role=Role.PARTNER)
    except IntegrityError:
        # Another request linked this person a moment ago; use that couple.
        couple.delete()
        existing = couple_for_user(user)
        if existing is None:
            raise
        return existing
    logger.info("couple space created by user %s", user.pk)
    return couple


@transaction.atomic
def invite_create(*, user: Any) -> NewInvite:
    """Make a fresh single-use code for the partner. Older unused codes stop working."""
    couple = couple_create(user=user)
    if partner_of(user) is not None:
        raise CoupleError(_("You're already linked with your partner."), code="already_linked")
    now = timezone.now()
    Invite.objects.filter(couple=couple, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    code = _new_code()
    invite = Invite.objects.create(
        couple=couple,
        inviter=user,
        code_hash=hash_code(code),
        created_at=now,
        expires_at=now + timedelta(hours=settings.INVITE_LIFETIME_HOURS),
    )
    logger.info("invite created by user %s", user.pk)
    return NewInvite(invite=invite, code=code)


@transaction.atomic
def invite_revoke(*, user: Any, invite: Invite) -> None:
    if invite.inviter_id != user.pk:
        raise CoupleError(INVALID_CODE, code="invalid")
    Invite.objects.filter(pk=invite.pk, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


@transaction.atomic
def invite_accept(*, user: Any, code: str) -> Couple:
    """Join the inviter's couple with a code. Every unusable code gets one message."""
    if not normalise_code(code):
        raise CoupleError(_("Please enter the code your partner gave you."), code="required")
    if is_counsellor(user):
        raise CoupleError(COUNSELLOR_ACCOUNT, code="counsellor")
    now = timezone.now()
    invite = Invite.objects.select_related("couple").filter(code_hash=hash_code(code)).first()
    if invite is not None and invite.inviter_id == user.pk:
        raise CoupleError(
            _("This is your own invite. Send it to your partner so they can join you."),
            code="own_invite",
        )
    mine = active_membership(user)
    if invite is not None and mine is not None and mine.couple_id == invite.couple_id:
        # Usually a double submit: the first press already linked this person.
        raise CoupleError(_("You're already in this couple space."), code="already_linked")
    if invite is None or not invite.is_pending(now) or not invite.couple.is_active:
        raise CoupleError(INVALID_CODE, code="invalid")
    if mine is not None:
        has_partner = (
            Membership.objects.filter(couple=mine.couple, ended_at__isnull=True)
            .exclude(user=user)
            .exists()
        )
        if has_partner:
            raise CoupleError(
                _(
                    "You're already linked with a partner. Leave that couple first if you "
                    "want to join this one."
                ),
                code="already_linked",
            )
        # A space the person started alone is simply closed when they join another.
        _end_couple(mine.couple, now=now)
    inviter_still_there = Membership.objects.filter(
        couple=invite.couple, user_id=invite.inviter_id, ended_at__isnull=True
    ).exists()
    others = Membership.objects.filter(couple=invite.couple, ended_at__isnull=True).exclude(
        user_id=invite.inviter_id
    )
    if not inviter_still_there or others.exists():
        raise CoupleError(INVALID_CODE, code="invalid")
    claimed = Invite.objects.filter(
        pk=invite.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).update(used_at=now, used_by=user)
    if claimed != 1:
        raise CoupleError(INVALID_CODE, code="invalid")
    try:
        with transaction.atomic():
            Membership.objects.create(couple=invite.couple, user=user, role=Role.PARTNER)
    except IntegrityError:
        raise CoupleError(
            _("You're already linked with a partner."), code="already_linked"
        ) from None
    logger.info("user %s joined a couple by invite", user.pk)
    return invite.couple


def _end_couple(couple: Couple, *, now: Any) -> None:
    Membership.objects.filter(couple=couple, ended_at__isnull=True).update(ended_at=now)
    Invite.objects.filter(couple=couple, used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    Couple.objects.filter(pk=couple.pk, ended_at__isnull=True).update(ended_at=now)


@transaction.atomic
def couple_leave(*, user: Any) -> None:
    """End the link, alone and at once. Nobody is told; each keeps what they wrote.

    The couple itself ends, so everything shared inside it stops resolving for
    both people on their next request, and linking again needs a new invite.
    ``couple_left`` goes out for the leaver only (a security alert to them, so
    someone else using their account cannot unlink it unnoticed).
    """
    membership = active_membership(user)
    if membership is None:
        raise CoupleError(_("You're not linked with anyone right now."), code="not_linked")
    _end_couple(membership.couple, now=timezone.now())
    couple_left.send(sender=Couple, user=user)
    logger.info("user %s left their couple", user.pk)
