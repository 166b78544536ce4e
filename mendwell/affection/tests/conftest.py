from __future__ import annotations

from typing import Any

import pytest

from mendwell.affection import services
from mendwell.affection.models import AffectionProfile
from mendwell.affection.selectors import local_today


def opt_in_with(user: Any, *kinds: str) -> AffectionProfile:
    profile = services.affection_opt_in(user=user)
    return services.comfort_set(profile=profile, open_kinds=kinds)


@pytest.fixture
def both_in(alex: Any, sam: Any) -> tuple[AffectionProfile, AffectionProfile]:
    """Alex and Sam have both said yes; both are open to a hug, each to one more thing."""
    return opt_in_with(alex, "hug", "forehead_kiss"), opt_in_with(sam, "hug", "cuddle")


@pytest.fixture
def challenge(alex: Any, both_in: Any) -> Any:
    return services.challenge_start(user=alex, today=local_today(alex))
