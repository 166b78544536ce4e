from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "mendwell.conversations"
    label = "conversations"
    verbose_name = _("Step 2: conversations and questions")
