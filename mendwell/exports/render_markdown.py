"""The readable half of an export: one Markdown file per step, in the person's zone.

People's words are quoted and escaped, so nothing they wrote can turn into a
heading, a link or HTML when a Markdown viewer opens the file.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mendwell.core.steps import step_by_number
from mendwell.exports.records import CHILDREN, ENVELOPE, models_by_kind

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def quoted(text: str) -> str:
    return "\n".join(f"> {escape(line)}" if line else ">" for line in text.splitlines())


def _zone(user: Any) -> ZoneInfo:
    try:
        return ZoneInfo(user.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(iso: str, zone: ZoneInfo) -> str:
    moment = dt.datetime.fromisoformat(iso).astimezone(zone)
    return formats.date_format(moment, "DATETIME_FORMAT")


# Bookkeeping the app needs and a reader does not: left out of the Markdown
# (the JSON keeps everything).
HIDDEN = frozenset(
    {"version", "revision", "draft_version", "instrument_version", "position", "seq"}
)


def _catalogue_text(name: str, value: Any) -> str | None:
    """Our own catalogue's words for a question or an idea id, when known."""
    from mendwell.conversations.questions import QUESTIONS
    from mendwell.dates.ideas import IDEAS_BY_ID

    if name == "question_id":
        question = next((q for q in QUESTIONS if q.id == value), None)
        return str(question.text) if question else None
    if name == "idea_id":
        idea = IDEAS_BY_ID.get(value)
        return str(idea.text) if idea else None
    return None


def _shown(model_field: models.Field | None, name: str, value: Any, zone: ZoneInfo) -> str | None:
    """One value as a reader sees it, or None to leave the line out."""
    if value is None or value == "" or value == [] or value == {}:
        return None
    if isinstance(value, dict) and "question_id" in value:  # an answer's question of the day
        return _catalogue_text("question_id", value["question_id"])
    if name in {"question_id", "idea_id"}:
        return _catalogue_text(name, value)
    if model_field is None:
        return escape(str(value))
    if model_field.is_relation or model_field.many_to_many:
        return None  # ids: the JSON keeps the links
    if model_field.choices:
        return escape(str(dict(model_field.flatchoices).get(value, value)))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(model_field, models.DateTimeField):
        return _when(value, zone)
    if isinstance(model_field, models.DateField):
        return formats.date_format(dt.date.fromisoformat(value), "DATE_FORMAT")
    if isinstance(model_field, models.TimeField):
        return formats.time_format(dt.time.fromisoformat(value), "TIME_FORMAT")
    if isinstance(value, dict | list):
        return escape(
            ", ".join(f"{k}: {v}" for k, v in value.items())
            if isinstance(value, dict)
            else ", ".join(map(str, value))
        )
    text = str(value)
    # People's words: quoted on their own lines, so they can never become a heading.
    return "\n\n" + quoted(text) + "\n" if "\n" in text else escape(text)


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def _lines(model: type[models.Model] | None, values: dict[str, Any], zone: ZoneInfo) -> list[str]:
    lines = []
    for name, value in values.items():
        if name in ENVELOPE or name in HIDDEN:
            continue
        model_field = _field(model, name)
        shown = _shown(model_field, name, value, zone)
        if shown is None:
            continue
        label = model_field.verbose_name if model_field is not None else name.replace("_", " ")
        lines.append(f"- **{escape(str(label).capitalize())}**: {shown}")
    return lines


_CHILD_TITLES = {"sent": gettext_lazy("As sent"), "occurrences": gettext_lazy("When it fell due")}


def _item(record: dict[str, Any], zone: ZoneInfo, models_: dict[str, Any]) -> list[str]:
    model = models_.get(record["kind"])
    label = str(getattr(model, "export_label", record["kind"]))
    shared = _("shared") if record["visibility"] == "shared" else _("only you")
    lines = [f"### {escape(label)} · {_when(record['created_at'], zone)} ({shared})", ""]
    lines.extend(_lines(model, record["fields"], zone))
    for key, rows in record.get("children", {}).items():
        spec = next((c for c in CHILDREN.values() if c.key == key), None)
        child_model = spec.model if spec else None
        for row in rows:
            inner = _lines(child_model, row, zone)
            if inner:
                lines.append(f"- *{escape(str(_CHILD_TITLES.get(key, key)))}*")
                lines.extend(f"  {line}" for line in inner)
    lines.append("")
    return lines


def step_files(
    *, user: Any, items: list[dict[str, Any]], shared: list[dict[str, Any]]
) -> dict[str, str]:
    """File name → Markdown text, one per step with items, and one for what was shared."""
    zone = _zone(user)
    models_ = models_by_kind()
    by_step: dict[int, list[dict[str, Any]]] = {}
    for record in items:
        by_step.setdefault(record["step"] or 0, []).append(record)
    files: dict[str, str] = {}
    for number in sorted(by_step):
        step = step_by_number(number)
        title = (
            _("Step %(number)d: %(title)s") % {"number": number, "title": step.title}
            if step
            else _("Other things you wrote")
        )
        lines = [f"# {escape(str(title))}", ""]
        for record in by_step[number]:
            lines.extend(_item(record, zone, models_))
        files[f"step-{number:02d}.md"] = "\n".join(lines)
    if shared:
        lines = [f"# {_('Shared with you by your partner')}", ""]
        for record in shared:
            lines.extend(_item(record, zone, models_))
        files["shared-with-me.md"] = "\n".join(lines)
    return files


def readme(*, user: Any, document: dict[str, Any], files: list[str]) -> str:
    zone = _zone(user)
    lines = [
        f"# {_('Your Mendwell export')}",
        "",
        _("Made: %(when)s") % {"when": _when(document["exported_at"], zone)},
        "",
        _(
            "mendwell-export.json holds everything in a form a computer can read and that "
            "Mendwell can import again. The Markdown files below are the same things to read."
        ),
        "",
    ]
    lines.extend(f"- {name}" for name in files)
    return "\n".join(lines) + "\n"
