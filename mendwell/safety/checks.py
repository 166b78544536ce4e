"""System checks: the operator hears about stale or broken resources at start."""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, Warning, register
from django.utils import timezone

from mendwell.safety import resources


@register()
def check_resources(app_configs: Any = None, **kwargs: Any) -> list[Any]:
    problems: list[Any] = []
    try:
        built_in = resources.load_file(resources.BUILT_IN_FILE)
    except resources.ResourcesFileError as exc:
        return [Error(f"The built-in resources file is broken: {exc}", id="mendwell.safety.E001")]
    found = built_in
    path = resources.operator_file()
    if path.exists():
        try:
            found = resources.merge(built_in, resources.load_file(path))
        except resources.ResourcesFileError as exc:
            problems.append(
                Error(
                    f"Your resources file could not be read, so people see only the "
                    f"built-in list: {exc}",
                    hint="Fix the file (same shape as mendwell/safety/data/resources.json).",
                    id="mendwell.safety.E002",
                )
            )
    stale = resources.stale_entries(found, today=timezone.localdate())
    if stale:
        problems.append(
            Warning(
                f"{len(stale)} support line(s) were last checked more than 180 days ago: "
                + "; ".join(stale[:10]),
                hint="Check each number against its source page and update last_verified.",
                id="mendwell.safety.W001",
            )
        )
    return problems
