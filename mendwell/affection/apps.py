"""Consent-first affection (step 7)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AffectionConfig(AppConfig):
    name = "mendwell.affection"
    label = "affection"
    verbose_name = _("Step 7: gentle affection, consent first")
