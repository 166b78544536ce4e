"""Deleting: one item everywhere at once, or the whole account with its data key."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ErasureConfig(AppConfig):
    name = "mendwell.erasure"
    label = "erasure"
    verbose_name = _("Deletion")

    def ready(self) -> None:
        from mendwell.erasure import signals

        signals.connect()
