"""What goes into a person's export, gathered through the access gate only.

Own items come from ``authored_by(user)``: everything the person wrote,
private or shared. The partner's items come from ``shared_with(user)`` and
only when the person ticked the option: what the partner shared with them,
never a private row (the gate cannot return one). Settings are the person's
own rows: profile basics, reminders, channels.
"""

from __future__ import annotations

from typing import Any

from mendwell.couples.access import content_models
from mendwell.exports.records import kind_of, plain, record_for
from mendwell.notify.models import ChannelChoice
from mendwell.reminders.models import Reminder


def _ordered(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # A stable order (kind, then when, then id) so two exports of the same
    # account compare equal.
    return sorted(records, key=lambda r: (r["kind"], r["created_at"], r["id"]))


def own_items(user: Any) -> list[dict[str, Any]]:
    records = []
    for model in content_models():
        for obj in model.objects.authored_by(user):
            records.append(record_for(obj, user))
    return _ordered(records)


def shared_with_me(user: Any) -> list[dict[str, Any]]:
    records = []
    for model in content_models():
        for obj in model.objects.shared_with(user):
            record = record_for(obj, user)
            record.pop("children", None)  # the partner's drafts and marks stay theirs
            records.append(record)
    return _ordered(records)


def profile(user: Any) -> dict[str, Any]:
    return {
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "locale": user.locale,
        "country": user.country,
        "discreet_mode": user.discreet_mode,
        "coach_enabled": user.coach_enabled,
        "joined_at": plain(user.date_joined),
    }


def settings_of(user: Any) -> dict[str, Any]:
    reminders = [
        {"kind": r.kind, "enabled": r.enabled, "at": plain(r.at), "weekday": r.weekday}
        for r in Reminder.objects.filter(user=user).order_by("kind")
    ]
    choice = ChannelChoice.objects.filter(user=user).first()
    channels = None
    if choice is not None:
        channels = {
            "email": choice.email,
            "push": choice.push,
            "reminders_in_app": choice.reminders_in_app,
            "quiet_from": plain(choice.quiet_from),
            "quiet_until": plain(choice.quiet_until),
        }
    return {"reminders": reminders, "channels": channels}


def kinds_exported() -> list[str]:
    return sorted(kind_of(model) for model in content_models())
