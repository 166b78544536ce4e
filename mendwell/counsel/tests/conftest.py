from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from mendwell.checkins.models import CheckIn
from mendwell.counsel import services
from mendwell.couples.access import Visibility
from mendwell.couples.selectors import couple_for_user


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dana(make_user: Any) -> Any:
    """A counsellor with her own account, not yet anyone's counsellor."""
    return make_user("dana@example.com", "Dana")


@pytest.fixture
def dana_for_alex(alex: Any, sam: Any, dana: Any) -> Any:
    """Dana, who accepted Alex's invitation (Alex and Sam are linked)."""
    token = services.invite_create(client=alex).token
    return services.invite_accept(user=dana, token=token)


def shared_checkin(author: Any, day: int, note: str, *, shared: bool = True) -> CheckIn:
    return CheckIn.objects.create(
        author=author,
        couple=couple_for_user(author),
        visibility=Visibility.SHARED if shared else Visibility.PRIVATE,
        day=date(2026, 3, day),
        mood=3,
        closeness=4,
        note=note,
    )


def in_days(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)
