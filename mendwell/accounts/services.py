from __future__ import annotations

from typing import Any

from django.db import transaction

from mendwell.accounts.signals import time_zone_changed


@transaction.atomic
def profile_update(
    *,
    user: Any,
    display_name: str,
    time_zone: str,
    locale: str,
    discreet_mode: bool = False,
    coach_enabled: bool = False,
) -> Any:
    zone_changed = user.time_zone != time_zone
    user.display_name = display_name
    user.time_zone = time_zone
    user.locale = locale
    user.discreet_mode = discreet_mode
    user.coach_enabled = coach_enabled
    # updated_at is named: an auto_now field moves only when listed in update_fields.
    user.save(
        update_fields=[
            "display_name",
            "time_zone",
            "locale",
            "discreet_mode",
            "coach_enabled",
            "updated_at",
        ]
    )
    if zone_changed:
        # Features above this layer (reminders) keep UTC times derived from it.
        time_zone_changed.send(sender=type(user), user=user)
    return user


COACH_CHOICES = ("on", "off", "not_now")


@transaction.atomic
def coach_choice_save(*, user: Any, choice: str) -> Any:
    """Turn wording hints on or off, or decline the offer ("not now") so it stops showing."""
    if choice == "on":
        user.coach_enabled = True
    elif choice == "off":
        user.coach_enabled = False
    elif choice == "not_now":
        user.coach_offer_dismissed = True
    else:
        raise ValueError(f"unknown coach choice {choice!r}")
    user.save(update_fields=["coach_enabled", "coach_offer_dismissed", "updated_at"])
    return user
