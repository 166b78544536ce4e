"""Promises kept (step 6)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "mendwell.promises"
    label = "promises"
    verbose_name = _("Step 6: promises kept")
