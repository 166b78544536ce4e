"""``manage.py check`` names every instrument file the registry had to skip.

A warning, not an error: the app keeps serving every other instrument, and
an operator who dropped in a bad file should not be locked out of migrate.
"""

from __future__ import annotations

from typing import Any

from django.core.checks import Warning, register

from mendwell.progress import registry


@register()
def instrument_files(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    found = registry.reload()
    return [
        Warning(
            f"Instrument file {path} was skipped: {reason}",
            hint="Fix the file (or restore its original wording) and restart; "
            "the other instruments are unaffected.",
            id="progress.W001",
        )
        for path, reason in found.problems
    ]
