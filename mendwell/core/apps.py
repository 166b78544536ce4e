from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mendwell.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from mendwell.core import doctor  # noqa: F401  (registers core's manage.py doctor lines)
        from mendwell.core.fields import check_row_bindings, encrypted_fields

        for model in {model for model, _field in encrypted_fields()}:
            check_row_bindings(model)
