"""Writes for counsellor access: invites, accepting, grants, revoking, notes, the audit.

Every service is atomic; races (two presses of "Accept", two tabs) are settled
by conditional UPDATEs and unique constraints, not by reading first.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mendwell.counsel.models import CounsellorInvite, CounsellorNote, GrantView
from mendwell.couples.access import Visibility, grantable_models
from mendwell.couples.grants import (
    GRANT_MAX_DAYS,
    CounsellorLink,
    CounsellorProfile,
    Grant,
    is_counsellor,
)
from mendwell.couples.selectors import active_membership
from mendwell.notify.services import notify
from mendwell.security.alerts import security_alert

logger = logging.getLogger(__name__)

INVITE_LIFETIME = timedelta(days=7)


class CounselError(Exception):
    """A request that cannot be done, with a kind message naming what to change."""

    def __init__(self, message: str | Promise, *, code: str, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.code = code
        self.field = field


INVALID_LINK = _(
    "This invitation link doesn't work. It may have been used already, expired after "
    "7 days, or been cancelled. Ask your client for a new one."
)


MAX_WAITING_INVITES = 3


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class NewInvite:
    invite: CounsellorInvite
    token: str  # shown once to the client; only its hash is stored


@transaction.atomic
def invite_create(*, client: Any) -> NewInvite:
    if is_counsellor(client):
        raise CounselError(_("A counsellor account can't invite a counsellor."), code="counsellor")
    now = timezone.now()
    waiting = CounsellorInvite.objects.filter(
        client=client, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    )
    if waiting.count() >= MAX_WAITING_INVITES:
        # A handful is plenty; more unused live links are only more to leak.
        raise CounselError(
            _("You have %(count)d links not used yet. Cancel one before making another.")
            % {"count": MAX_WAITING_INVITES},
            code="too_many",
        )
    token = secrets.token_urlsafe(32)
    invite = CounsellorInvite.objects.create(
        client=client,
        token_hash=token_hash(token),
        created_at=now,
        expires_at=now + INVITE_LIFETIME,
    )
    logger.info("counsellor invite created by user %s", client.pk)
    return NewInvite(invite=invite, token=token)


@transaction.atomic
def invite_revoke(*, client: Any, invite: CounsellorInvite) -> None:
    CounsellorInvite.objects.filter(
        pk=invite.pk, client_id=client.pk, used_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=timezone.now())


@transaction.atomic
def invite_accept(*, user: Any, token: str) -> CounsellorLink:
    """Become this client's counsellor. Any unusable link gets one message; nothing changes."""
    now = timezone.now()
    invite = CounsellorInvite.objects.filter(token_hash=token_hash(token)).first()
    if invite is None:
        raise CounselError(INVALID_LINK, code="invalid")
    if invite.client_id == user.pk:
        raise CounselError(
            _("This is your own invitation. Send the link to your counsellor."), code="own"
        )
    if invite.used_at is not None:
        existing = CounsellorLink.objects.for_counsellor(user).filter(client_id=invite.client_id)
        if existing.exists():
            return existing.get()  # a double submit: the first press already linked
    if not invite.is_pending:
        raise CounselError(INVALID_LINK, code="invalid")
    if active_membership(user) is not None:
        raise CounselError(
            _(
                "This account uses Mendwell as a partner, so it can't become a counsellor "
                "account. Sign out and create a separate account for your counselling work."
            ),
            code="partner",
        )
    claimed = CounsellorInvite.objects.filter(
        pk=invite.pk, used_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    if not claimed:
        raise CounselError(INVALID_LINK, code="invalid")
    CounsellorProfile.objects.get_or_create(user=user)
    try:
        with transaction.atomic():
            link = CounsellorLink.objects.create(client_id=invite.client_id, counsellor=user)
    except IntegrityError:
        # Already this client's counsellor through an earlier link: keep that one.
        link = CounsellorLink.objects.for_counsellor(user).get(client_id=invite.client_id)
    logger.info("counsellor link %s started", link.pk)
    return link


@transaction.atomic
def link_end(*, user: Any, link: CounsellorLink) -> None:
    """Either side ends the link; every grant stops on the next request (the gate checks it)."""
    now = timezone.now()
    CounsellorLink.objects.filter(pk=link.pk, ended_at__isnull=True).filter(
        client_id=user.pk
    ).update(ended_at=now)
    CounsellorLink.objects.filter(pk=link.pk, ended_at__isnull=True).filter(
        counsellor_id=user.pk
    ).update(ended_at=now)
    Grant.objects.filter(link=link, revoked_at__isnull=True).update(revoked_at=now)


def _end_of_day(day: date, zone: Any) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def grant_create(
    *,
    client: Any,
    link: CounsellorLink,
    categories: list[str],
    item_ids: list[uuid.UUID],
    until: date,
) -> list[Grant]:
    """Grant whole kinds and single items until the end of ``until`` (client's day)."""
    today = timezone.localdate()
    if until < today or until > today + timedelta(days=GRANT_MAX_DAYS):
        raise CounselError(
            _("Choose an end date between today and %(days)s days from now.")
            % {"days": GRANT_MAX_DAYS},
            code="until",
            field="until",
        )
    if not categories and not item_ids:
        raise CounselError(
            _("Tick at least one kind of item or one item to share."), code="empty", field="items"
        )
    models = grantable_models()
    targets: list[tuple[str, uuid.UUID | None]] = []
    for category in categories:
        if category not in models:
            raise CounselError(_("That kind of item can't be shared."), code="kind", field="items")
        targets.append((category, None))
    wanted = set(item_ids)
    for category, model in models.items():
        # Only the client's own, shared items: never the partner's, never a private one.
        own = model.objects.authored_by(client).filter(visibility=Visibility.SHARED, pk__in=wanted)
        for pk in own.values_list("pk", flat=True):
            targets.append((category, pk))
            wanted.discard(pk)
    if wanted:
        raise CounselError(
            _("One of the chosen items can't be shared. Please choose again."),
            code="item",
            field="items",
        )
    expires_at = _end_of_day(until, timezone.get_current_timezone())
    grants = _save_grants(link=link, targets=targets, expires_at=expires_at)
    # The client alone is told (never the partner): a grant made by someone
    # else signed in as them should not go unnoticed.
    security_alert(client, "counsellor_granted")
    return grants


@transaction.atomic
def _save_grants(
    *, link: CounsellorLink, targets: list[tuple[str, uuid.UUID | None]], expires_at: datetime
) -> list[Grant]:
    if not CounsellorLink.objects.active().filter(pk=link.pk).exists():
        raise CounselError(_("You no longer work with this counsellor."), code="ended")
    grants: list[Grant] = []
    for category, item_id in targets:
        same = Grant.objects.active().filter(link=link, category=category, item_id=item_id)
        # Granting again moves the end date instead of adding a duplicate line.
        if same.update(expires_at=expires_at):
            grants.extend(same)
            continue
        grants.append(
            Grant.objects.create(
                link=link, category=category, item_id=item_id, expires_at=expires_at
            )
        )
    return grants


@transaction.atomic
def grant_revoke(*, client: Any, grant: Grant) -> None:
    Grant.objects.filter(pk=grant.pk, link__client_id=client.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def view_record(*, link: CounsellorLink, category: str, item_id: uuid.UUID) -> None:
    """One audit row per item and day: enough for the client, and no log of every glance."""
    GrantView.objects.get_or_create(
        link=link,
        item_id=item_id,
        day=timezone.now().date(),
        defaults={"category": category},
    )


@transaction.atomic
def note_add(
    *,
    counsellor: Any,
    link: CounsellorLink,
    note_id: uuid.UUID,
    text: str,
    suggested_step: int | None,
) -> CounsellorNote:
    if link.counsellor_id != counsellor.pk:
        raise CounselError(_("You no longer work with this client."), code="ended")
    note, created = CounsellorNote.objects.get_or_create(
        id=note_id, defaults={"link": link, "text": text, "suggested_step": suggested_step}
    )
    if note.link_id != link.pk:
        raise CounselError(_("Please try again."), code="conflict")
    if created:
        # The client hears that something is waiting, never what or from whom.
        notify(user=link.client, kind="counsel.note", url_name="counsel:home")
    return note
