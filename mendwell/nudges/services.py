"""Writes for nudges."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.notify.services import notify
from mendwell.nudges.models import DAILY_LIMIT, Nudge
from mendwell.nudges.selectors import sent_today
from mendwell.safety.selectors import joint_exercises_allowed, reconnection_content_allowed


class Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _nudges() -> QuerySet[Nudge]:
    return cast("QuerySet[Nudge]", Nudge.objects.all())


def refusal_for(user: Any, *, sent: int | None = None) -> str | None:
    """Why this person cannot send a nudge now, or None. ``sent``: today's count, when the
    caller already has it (Today's plan counts it in the same query as other things)."""
    if partner_of(user) is None:
        return _(
            "Thinking-of-you notes go to your partner: once they have joined you, you can send one."
        )
    if not reconnection_content_allowed(user):
        return _("The couple program is paused for now. Your own tools still work.")
    if not joint_exercises_allowed(user):
        return _("Notes to your partner open once you've taken your private check.")
    if (sent_today(user) if sent is None else sent) >= DAILY_LIMIT:
        return _(
            "You've sent %(limit)d today, which is plenty. Your partner will hear from you again tomorrow."
        ) % {"limit": DAILY_LIMIT}
    return None


@transaction.atomic
def nudge_send(*, user: Any, nudge_id: uuid.UUID, note: str) -> Nudge:
    """Send one nudge (a double submit with the same form id sends one)."""
    # Look, count and create under a lock on the sender's row, so two sends at once
    # (two tabs, an app retrying) cannot both pass at nine and make eleven. SQLite
    # already serialises writers (IMMEDIATE transactions); PostgreSQL needs this.
    # NO KEY: the partner's send, crossing this one, points a notification at this row
    # (a key-share lock), which a plain FOR UPDATE would block: a deadlock.
    get_user_model().objects.select_for_update(no_key=True).filter(pk=user.pk).first()
    existing = _nudges().filter(pk=nudge_id, author=user).first()
    if existing is not None:
        return existing
    refusal = refusal_for(user)
    if refusal:
        raise Refused(refusal)
    partner = partner_of(user)
    nudge = _nudges().create(
        id=nudge_id,
        author=user,
        couple=couple_for_user(user),
        visibility=Visibility.SHARED,
        note=note,
    )
    notify(user=partner, kind="nudge.received", url_name="nudges:home")
    return nudge


@transaction.atomic
def nudge_delete(*, nudge: Nudge) -> None:
    """Take a sent note back: it leaves both lists at once. The partner's in-app
    notice stays, as it never held the note, only "thinking of you"."""
    nudge.delete()
