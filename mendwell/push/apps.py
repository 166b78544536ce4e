"""Web push: the installed app's push subscriptions and sending to them."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    name = "mendwell.push"
    label = "push"
    verbose_name = _("Web push")
