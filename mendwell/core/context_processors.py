from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from mendwell.core.steps import STEPS


def site(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": settings.SITE_NAME,
        "quick_exit_url": settings.QUICK_EXIT_URL,
        "program_steps": STEPS,
    }
