from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouplesConfig(AppConfig):
    name = "mendwell.couples"
    label = "couples"
    verbose_name = _("Couples")
