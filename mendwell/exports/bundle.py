"""The export zip: the JSON document, a README and one Markdown file per step."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from mendwell.exports import render_json, render_markdown

JSON_NAME = "mendwell-export.json"


def build_zip(*, user: Any, export_id: Any, include_shared: bool) -> bytes:
    document = render_json.export_document(
        user=user, export_id=export_id, include_shared=include_shared
    )
    markdown = render_markdown.step_files(
        user=user, items=document["items"], shared=document["shared_with_me"]
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, render_json.as_json(document))
        archive.writestr(
            "README.md",
            render_markdown.readme(user=user, document=document, files=[JSON_NAME, *markdown]),
        )
        for name, text in markdown.items():
            archive.writestr(name, text)
    return buffer.getvalue()
