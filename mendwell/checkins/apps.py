"""Step 3: the daily check-in (mood and closeness in a few taps)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CheckinsConfig(AppConfig):
    name = "mendwell.checkins"
    label = "checkins"
    verbose_name = _("Step 3: daily check-in")
