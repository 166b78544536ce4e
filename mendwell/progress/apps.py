"""Step 8: baseline, weekly pulse and honest trends"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgressConfig(AppConfig):
    name = "mendwell.progress"
    label = "progress"
    verbose_name = _("Step 8: the weekly pulse")

    def ready(self) -> None:
        from mendwell.progress import checks  # noqa: F401  (registers the system checks)
