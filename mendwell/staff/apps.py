"""What the operator can do: metadata-only admin and an audit log of every staff action the person can see."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "mendwell.staff"
    label = "staff"
    verbose_name = _("Operator and audit")
