"""Step 4: dates that actually happen — ideas, plans, calendar files and feeds."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DatesConfig(AppConfig):
    name = "mendwell.dates"
    label = "dates"
    verbose_name = _("Step 4: time together")
