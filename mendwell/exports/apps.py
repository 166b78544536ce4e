"""Your data, yours to take: a zip of everything you wrote (JSON and Markdown), and importing it again."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "mendwell.exports"
    label = "exports"
    verbose_name = _("Export and import")

    def ready(self) -> None:
        from mendwell.exports import signals  # noqa: F401
