"""The download a person is offered before leaving: what the partner shared with them."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from mendwell.couples.access import content_models

EXPORT_SCHEMA_VERSION = 1


def shared_with_me(user: Any) -> list[dict[str, Any]]:
    """Every item the partner shared with this user, through the access gate."""
    items: list[dict[str, Any]] = []
    for model in content_models():
        for item in model.objects.shared_with(user).order_by("created_at"):
            record = item.export_dict()
            record["label"] = str(model.export_label)
            items.append(record)
    return items


def _markdown(items: list[dict[str, Any]]) -> str:
    lines = [f"# {_('Shared with me')}", ""]
    if not items:
        lines.append(_("Nothing was shared with you in this couple space."))
    for item in items:
        lines.append(f"## {item['label']} — {item['created']}")
        lines.append("")
        for key, value in item.items():
            if key in {"id", "kind", "label", "created"}:
                continue
            lines.append(f"**{key}**: {value}")
            lines.append("")
    return "\n".join(lines) + "\n"


def shared_with_me_zip(user: Any) -> bytes:
    items = shared_with_me(user)
    payload = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "generated": timezone.now().date().isoformat(),
        "items": items,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("shared-with-me.json", json.dumps(payload, indent=2, ensure_ascii=False))
        archive.writestr("shared-with-me.md", _markdown(items))
    return buffer.getvalue()
