"""Step 9: counsellor access"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounselConfig(AppConfig):
    name = "mendwell.counsel"
    label = "counsel"
    verbose_name = _("Step 9: counsellor access")

    def ready(self) -> None:
        from mendwell.counsel import signals  # noqa: F401  (connects the receivers)
