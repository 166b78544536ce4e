"""In-app notifications and the channels a person chose (email for now)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "mendwell.notify"
    label = "notify"
    verbose_name = _("Notifications")
