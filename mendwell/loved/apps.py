"""How each partner feels loved (step 5)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LovedConfig(AppConfig):
    name = "mendwell.loved"
    label = "loved"
    verbose_name = _("Step 5: how each of you feels loved")
