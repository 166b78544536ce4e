"""Step 3: the connection jar of small acts each partner would love to receive."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JarConfig(AppConfig):
    name = "mendwell.jar"
    label = "jar"
    verbose_name = _("Step 3: the connection jar")
