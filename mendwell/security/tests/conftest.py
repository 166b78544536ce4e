from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _quick_passwords_and_fresh_limits(settings: Any, db: Any) -> Any:
    """These tests sign in through the real form many times: how the password is
    hashed is not what they test (a fast hasher), and allauth's rate-limit
    counters (kept in the cache) start empty."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()
