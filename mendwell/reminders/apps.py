"""Reminders: the times each person chose, and the scheduler's claim of due ones."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RemindersConfig(AppConfig):
    name = "mendwell.reminders"
    label = "reminders"
    verbose_name = _("Reminders")

    def ready(self) -> None:
        from mendwell.accounts.signals import time_zone_changed

        time_zone_changed.connect(_zone_changed, dispatch_uid="reminders.zone_changed")


def _zone_changed(sender: object, user: object, **kwargs: object) -> None:
    from mendwell.reminders.services import reschedule_for

    reschedule_for(user)
