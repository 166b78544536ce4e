"""Step 8: small victories, milestones and our story"""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoryConfig(AppConfig):
    name = "mendwell.story"
    label = "story"
    verbose_name = _("Step 8: small victories, milestones and our story")
