from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JournalConfig(AppConfig):
    name = "mendwell.journal"
    label = "journal"
    verbose_name = _("Step 1: the private log")
