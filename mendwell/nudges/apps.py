"""Step 3: "thinking of you", a warm nudge in one tap."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NudgesConfig(AppConfig):
    name = "mendwell.nudges"
    label = "nudges"
    verbose_name = _("Step 3: thinking of you")
