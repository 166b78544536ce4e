from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "mendwell.safety"
    label = "safety"
    verbose_name = _("Safety")

    def ready(self) -> None:
        from mendwell.safety import (
            checks,  # noqa: F401  (registers the system checks)
            doctor,  # noqa: F401  (its line in manage.py doctor)
        )
