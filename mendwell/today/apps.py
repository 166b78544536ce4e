from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TodayConfig(AppConfig):
    name = "mendwell.today"
    label = "today"
    verbose_name = _("Today")
