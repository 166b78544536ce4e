"""Reads for deletion: the plain summary a person sees before deleting their account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mendwell.couples.access import content_models
from mendwell.couples.grants import CounsellorLink, Grant
from mendwell.couples.selectors import partner_of
from mendwell.erasure.services import session_keys_of
from mendwell.push.models import PushSubscription
from mendwell.reminders.models import Reminder


@dataclass(frozen=True)
class KindCount:
    label: str
    count: int


@dataclass(frozen=True)
class AccountSummary:
    items: list[KindCount]  # the person's own items, by kind, only kinds they have
    reminders: int
    devices: int  # devices that get push reminders
    sessions: int  # browsers signed in, this one included
    counsellors: int  # counsellors this person works with
    clients: int  # for a counsellor account: the clients it works with
    grants: int  # what those counsellors were allowed to read
    has_partner: bool


def account_summary(user: Any) -> AccountSummary:
    """Counts of what deleting this person's account removes (their own rows only)."""
    by_label: dict[str, int] = {}
    for model in content_models():
        count = model.objects.authored_by(user).count()
        if count:
            label = str(model.export_label)
            by_label[label] = by_label.get(label, 0) + count
    items = [KindCount(label, count) for label, count in sorted(by_label.items())]
    links = CounsellorLink.objects.active()
    return AccountSummary(
        items=items,
        reminders=Reminder.objects.filter(user_id=user.pk, enabled=True).count(),
        devices=PushSubscription.objects.filter(user_id=user.pk).count(),
        sessions=len(session_keys_of(user)),
        counsellors=links.filter(client_id=user.pk).count(),
        clients=links.filter(counsellor_id=user.pk).count(),
        grants=Grant.objects.active().filter(link__client_id=user.pk).count(),
        has_partner=partner_of(user) is not None,
    )
