from __future__ import annotations

from typing import Any

from django.db import transaction


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
    user.display_name = display_name
    user.time_zone = time_zone
    user.locale = locale
    user.discreet_mode = discreet_mode
    user.coach_enabled = coach_enabled
    user.save(
        update_fields=["display_name", "time_zone", "locale", "discreet_mode", "coach_enabled"]
    )
    return user
