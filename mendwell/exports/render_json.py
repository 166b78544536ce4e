"""The JSON document of an export: ``{"format": "mendwell-export", "version": 1, ...}``.

The schema is ``exports/schema/mendwell-export.schema.json``, described for
people in ``docs/EXPORT_FORMAT.md``. Bump ``FORMAT_VERSION`` on any change a
version-1 reader could misread; the importer refuses versions it does not know.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils import timezone

from mendwell.exports import collect
from mendwell.exports.records import plain

FORMAT = "mendwell-export"
FORMAT_VERSION = 1


def export_document(*, user: Any, export_id: Any, include_shared: bool) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "export_id": str(export_id),
        "exported_at": plain(timezone.now()),
        "include_shared": include_shared,
        "account": collect.profile(user),
        "settings": collect.settings_of(user),
        "items": collect.own_items(user),
        "shared_with_me": collect.shared_with_me(user) if include_shared else [],
    }


def as_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
