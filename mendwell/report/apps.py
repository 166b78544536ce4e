"""Step 9: a printable progress report the person makes for themselves."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportConfig(AppConfig):
    name = "mendwell.report"
    label = "report"
    verbose_name = _("Step 9: a printable progress report")
