"""Bring one's own export back: check the whole file first, then write it in one go.

Checking comes first and writes nothing: a wrong, damaged or too-new file is
refused with a message naming the field (``items[3].fields.mood``). Writing is
one transaction. What is recreated is the person's own items, all private
(sharing is chosen again), with their original ids where those are free, and
the export's id is recorded so the same file twice adds nothing. Items that
answer or point at something not in the file (the partner's acknowledgement,
a jar act the partner wrote) are counted as skipped, like the kinds that need
consent given again (``records.NOT_IMPORTED``).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from mendwell.conversations.models import DailyQuestion
from mendwell.couples.access import SharedContent, Visibility
from mendwell.exports.bundle import JSON_NAME
from mendwell.exports.models import ImportedExport
from mendwell.exports.records import CHILDREN, ENVELOPE, ME, NOT_IMPORTED, models_by_kind
from mendwell.exports.render_json import FORMAT, FORMAT_VERSION
from mendwell.notify.services import channels_set
from mendwell.reminders.models import Kind as ReminderKind
from mendwell.reminders.services import reminder_set

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A zip can unpack to far more than it weighs: refuse before reading it all.
MAX_JSON_BYTES = 50 * 1024 * 1024


class ImportRefused(Exception):
    """The file cannot be imported; ``str()`` is the message for the person."""


@dataclass
class Outcome:
    added: int = 0
    already_there: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    already_imported: bool = False

    def skip(self, kind: str) -> None:
        self.skipped[kind] = self.skipped.get(kind, 0) + 1


# --- Reading the file -------------------------------------------------------------


def read_document(upload: Any) -> dict[str, Any]:
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file is larger than 10 MB, so it is not an export from here."))
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            info = archive.getinfo(JSON_NAME)
            if info.file_size > MAX_JSON_BYTES:
                raise ImportRefused(_("%(name)s is too large to import.") % {"name": JSON_NAME})
            raw = archive.read(info)
    except KeyError:
        raise ImportRefused(
            _("The zip has no %(name)s: choose the zip Mendwell made for you.")
            % {"name": JSON_NAME}
        ) from None
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
        raise ImportRefused(_("This is not a zip file Mendwell can open.")) from None
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ImportRefused(
            _("%(name)s is damaged: it is not valid JSON.") % {"name": JSON_NAME}
        ) from None
    return check_header(document)


def _refuse(path: str, problem: str) -> ImportRefused:
    return ImportRefused(_("%(field)s: %(problem)s") % {"field": path, "problem": problem})


def check_header(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _refuse("format", _("this is not a Mendwell export."))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _refuse("version", _("must be a whole number."))
    if version > FORMAT_VERSION:
        raise _refuse(
            "version",
            _(
                "the file was made by a newer Mendwell (format %(found)d); this one reads up to %(known)d."
            )
            % {"found": version, "known": FORMAT_VERSION},
        )
    if version < 1:
        raise _refuse("version", _("unknown format version."))
    try:
        uuid.UUID(str(document.get("export_id")))
    except ValueError:
        raise _refuse("export_id", _("must be the export's id.")) from None
    for key in ("items", "shared_with_me"):
        if not isinstance(document.get(key), list):
            raise _refuse(key, _("must be a list."))
    if not isinstance(document.get("settings"), dict):
        raise _refuse("settings", _("must be an object."))
    return document


# --- Checking values --------------------------------------------------------------


def _parse_instant(value: Any) -> dt.datetime:
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("naive")
    return moment


_PARSERS: list[tuple[type[models.Field], Callable[[Any], Any]]] = [
    (models.DateTimeField, _parse_instant),
    (models.DateField, dt.date.fromisoformat),
    (models.TimeField, dt.time.fromisoformat),
]


def _wanted(model_field: models.Field) -> str:
    if isinstance(model_field, models.BooleanField):
        return _("must be true or false.")
    if isinstance(model_field, models.IntegerField):
        return _("must be a whole number.")
    if isinstance(model_field, models.DateTimeField):
        return _("must be a date and time with its offset.")
    if isinstance(model_field, models.DateField):
        return _("must be a date (YYYY-MM-DD).")
    if isinstance(model_field, models.TimeField):
        return _("must be a time (HH:MM).")
    if isinstance(model_field, models.JSONField):
        return _("must be an object of whole numbers.")
    return _("must be text.")


def check_value(model_field: models.Field, value: Any, path: str) -> Any:
    """The Python value for one plain field, or a refusal naming it."""
    if value is None:
        if model_field.null:
            return None
        raise _refuse(path, _("is missing."))
    try:
        if isinstance(model_field, models.BooleanField):
            if not isinstance(value, bool):
                raise ValueError
            result: Any = value
        elif isinstance(model_field, models.IntegerField):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError
            result = value
        elif isinstance(model_field, models.JSONField):
            # The only JSON content is pulse answers: item id → a whole number.
            if not isinstance(value, dict) or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in value.values()
            ):
                raise ValueError
            result = value
        else:
            for kind, parse in _PARSERS:
                if isinstance(model_field, kind):
                    if not isinstance(value, str):
                        raise ValueError
                    result = parse(value)
                    break
            else:
                if not isinstance(value, str):
                    raise ValueError
                result = value
    except (ValueError, TypeError):
        raise _refuse(path, _wanted(model_field)) from None
    if model_field.name == "time_zone" and result is not None:
        try:
            ZoneInfo(result)
        except (ZoneInfoNotFoundError, ValueError):
            raise _refuse(path, _("is not a time zone.")) from None
    try:
        model_field.run_validators(result)
        if model_field.choices and result not in {c[0] for c in model_field.flatchoices}:
            raise _refuse(path, _("is not one of the allowed values."))
    except Exception as error:
        if isinstance(error, ImportRefused):
            raise
        raise _refuse(path, _("is out of range.")) from None
    return result


@dataclass
class Planned:
    kind: str
    model: type[models.Model]
    old_id: uuid.UUID
    created_at: dt.datetime
    updated_at: dt.datetime
    values: dict[str, Any]  # plain fields, checked
    refs: dict[str, Any]  # relation fields, still as in the file
    children: list[Planned] = field(default_factory=list)


def _plan_row(
    model: type[models.Model], data: dict[str, Any], path: str, *, skip: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    values: dict[str, Any] = {}
    refs: dict[str, Any] = {}
    for model_field in model._meta.concrete_fields:
        if model_field.name in skip:
            continue
        if model_field.name not in data:
            raise _refuse(f"{path}.{model_field.name}", _("is missing."))
        value = data[model_field.name]
        if model_field.is_relation:
            refs[model_field.name] = value
        else:
            values[model_field.name] = check_value(model_field, value, f"{path}.{model_field.name}")
    for relation in model._meta.many_to_many:
        ids = data.get(relation.name, [])
        if not isinstance(ids, list):
            raise _refuse(f"{path}.{relation.name}", _("must be a list of ids."))
        refs[relation.name] = [_uuid(value, f"{path}.{relation.name}") for value in ids]
    return values, refs


def _uuid(value: Any, path: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise _refuse(path, _("must be an id.")) from None


def plan(document: dict[str, Any]) -> list[Planned]:
    known = models_by_kind()
    planned: list[Planned] = []
    for index, item in enumerate(document["items"]):
        path = f"items[{index}]"
        if not isinstance(item, dict):
            raise _refuse(path, _("must be an object."))
        kind = item.get("kind")
        model = known.get(kind) if isinstance(kind, str) else None
        if model is None or not isinstance(kind, str):
            raise _refuse(f"{path}.kind", _("is not a kind of item this Mendwell knows."))
        fields = item.get("fields")
        if not isinstance(fields, dict):
            raise _refuse(f"{path}.fields", _("must be an object."))
        created = check_value(models.DateTimeField(), item.get("created_at"), f"{path}.created_at")
        updated = check_value(models.DateTimeField(), item.get("updated_at"), f"{path}.updated_at")
        values, refs = _plan_row(model, fields, f"{path}.fields", skip=ENVELOPE)
        row = Planned(
            kind, model, _uuid(item.get("id"), f"{path}.id"), created, updated, values, refs
        )
        spec = CHILDREN.get(kind)
        if spec is not None:
            rows = (item.get("children") or {}).get(spec.key, [])
            if not isinstance(rows, list):
                raise _refuse(f"{path}.children.{spec.key}", _("must be a list."))
            for number, child in enumerate(rows):
                child_path = f"{path}.children.{spec.key}[{number}]"
                if not isinstance(child, dict):
                    raise _refuse(child_path, _("must be an object."))
                skip = frozenset({"id", spec.parent_field})
                c_values, c_refs = _plan_row(spec.model, child, child_path, skip=skip)
                child_id = _uuid(child.get("id"), f"{child_path}.id")
                row.children.append(
                    Planned(kind, spec.model, child_id, created, updated, c_values, c_refs)
                )
        planned.append(row)
    _check_settings(document["settings"])
    return planned


def _check_settings(settings_: dict[str, Any]) -> None:
    reminders = settings_.get("reminders", [])
    if not isinstance(reminders, list):
        raise _refuse("settings.reminders", _("must be a list."))
    for index, reminder in enumerate(reminders):
        path = f"settings.reminders[{index}]"
        if not isinstance(reminder, dict) or reminder.get("kind") not in ReminderKind.values:
            raise _refuse(f"{path}.kind", _("is not one of the allowed values."))
        check_value(models.BooleanField(), reminder.get("enabled"), f"{path}.enabled")
        check_value(models.TimeField(), reminder.get("at"), f"{path}.at")
        check_value(models.IntegerField(null=True), reminder.get("weekday"), f"{path}.weekday")
    channels = settings_.get("channels")
    if channels is not None:
        if not isinstance(channels, dict):
            raise _refuse("settings.channels", _("must be an object."))
        for name in ("email", "push", "reminders_in_app"):
            check_value(models.BooleanField(), channels.get(name), f"settings.channels.{name}")
        for name in ("quiet_from", "quiet_until"):
            check_value(
                models.TimeField(null=True), channels.get(name), f"settings.channels.{name}"
            )


# --- Writing ----------------------------------------------------------------------


def _order(planned: list[Planned]) -> list[Planned]:
    """Kinds that point at others come after them (a turn after its conversation)."""
    kinds = {row.kind: row.model for row in planned}
    child_owner = {spec.model: kind for kind, spec in CHILDREN.items()}
    depth: dict[str, int] = {}

    def level(kind: str, seen: frozenset[str] = frozenset()) -> int:
        if kind in depth:
            return depth[kind]
        deepest = 0
        meta = kinds[kind]._meta
        for model_field in [*meta.concrete_fields, *meta.many_to_many]:
            target = model_field.related_model
            if not model_field.is_relation or not isinstance(target, type):
                continue
            parent = child_owner.get(target) or target._meta.label_lower
            if parent in kinds and parent != kind and parent not in seen:
                deepest = max(deepest, level(parent, seen | {kind}) + 1)
        depth[kind] = deepest
        return deepest

    return sorted(planned, key=lambda row: (level(row.kind), row.created_at))


class _Unresolved(Exception):
    """The row points at something not in this account: skip it."""


def _resolve(row: Planned, user: Any, id_map: dict[uuid.UUID, uuid.UUID]) -> dict[str, Any]:
    resolved: dict[str, Any] = {}
    for name, value in row.refs.items():
        model_field = row.model._meta.get_field(name)
        assert isinstance(model_field, models.Field)
        target = model_field.related_model
        if model_field.many_to_many:
            continue  # set after the row exists (_write_many)
        if value is None:
            resolved[f"{name}_id"] = None
        elif target is get_user_model():
            # Only the person themselves comes along; anyone else is left out.
            resolved[f"{name}_id"] = user.pk if value == ME else None
        elif target is DailyQuestion:
            if not isinstance(value, dict):
                raise _Unresolved
            day = check_value(models.DateField(), value.get("day"), f"{name}.day")
            question = check_value(
                models.CharField(), value.get("question_id"), f"{name}.question_id"
            )
            daily, _created = DailyQuestion.objects.get_or_create(
                owner=user, couple=None, day=day, defaults={"question_id": question}
            )
            if daily.question_id != question:
                raise _Unresolved
            resolved[f"{name}_id"] = daily.pk
        else:
            try:
                old = uuid.UUID(str(value))
            except ValueError:
                raise _Unresolved from None
            if old not in id_map:
                raise _Unresolved
            resolved[f"{name}_id"] = id_map[old]
        if resolved[f"{name}_id"] is None and not model_field.null:
            raise _Unresolved
    return resolved


def _free_id(model: type[models.Model], old: uuid.UUID) -> uuid.UUID:
    return uuid.uuid4() if model._default_manager.filter(pk=old).exists() else old


def _write(row: Planned, user: Any, id_map: dict[uuid.UUID, uuid.UUID], outcome: Outcome) -> None:
    if row.model._default_manager.filter(pk=row.old_id, author=user).exists():
        id_map[row.old_id] = row.old_id
        outcome.already_there += 1
        return
    try:
        refs = _resolve(row, user, id_map)
    except (_Unresolved, ImportRefused):
        outcome.skip(row.kind)
        return
    values = dict(row.values)
    if "shared_answers" in values:
        values["shared_answers"] = {}  # nothing is shared until the person shares again
    new_id = _free_id(row.model, row.old_id)
    obj = row.model(
        id=new_id,
        author=user,
        couple=None,
        visibility=Visibility.PRIVATE,
        **values,
        **refs,
    )
    try:
        with transaction.atomic():
            obj.save(force_insert=True)
            for relation in row.model._meta.many_to_many:
                # Only what came along in this file: the rest was never the person's.
                wanted = [id_map[old] for old in row.refs.get(relation.name, []) if old in id_map]
                getattr(obj, relation.name).set(wanted)
            row.model._default_manager.filter(pk=new_id).update(
                created_at=row.created_at, updated_at=row.updated_at
            )
            id_map[row.old_id] = new_id
            for child in row.children:
                child_id = _free_id(child.model, child.old_id)
                child_refs = _resolve(child, user, id_map)
                parent_field = CHILDREN[row.kind].parent_field
                child.model(
                    id=child_id, **{f"{parent_field}_id": new_id}, **child.values, **child_refs
                ).save(force_insert=True)
                id_map[child.old_id] = child_id
    except (IntegrityError, _Unresolved):
        # Already there in another form (one check-in a day, say): keep what is there.
        id_map.pop(row.old_id, None)
        outcome.already_there += 1
        return
    outcome.added += 1


def _apply_settings(user: Any, settings_: dict[str, Any]) -> None:
    for reminder in settings_.get("reminders", []):
        reminder_set(
            user=user,
            kind=reminder["kind"],
            enabled=reminder["enabled"],
            at=dt.time.fromisoformat(reminder["at"]),
            weekday=reminder["weekday"],
        )
    channels = settings_.get("channels")
    if channels is not None:
        quiet_from, quiet_until = channels["quiet_from"], channels["quiet_until"]
        channels_set(
            user=user,
            email=channels["email"],
            push=channels["push"],
            reminders_in_app=channels["reminders_in_app"],
            quiet_from=dt.time.fromisoformat(quiet_from) if quiet_from else None,
            quiet_until=dt.time.fromisoformat(quiet_until) if quiet_until else None,
            quiet_hours=True,
        )


def import_document(*, user: Any, document: dict[str, Any]) -> Outcome:
    """Check everything, then write it all or nothing."""
    document = check_header(document)
    planned = plan(document)
    export_id = uuid.UUID(str(document["export_id"]))
    outcome = Outcome()
    with transaction.atomic():
        try:
            with transaction.atomic():
                ImportedExport.objects.create(owner=user, export_id=export_id)
        except IntegrityError:
            outcome.already_imported = True
            return outcome
        id_map: dict[uuid.UUID, uuid.UUID] = {}
        for row in _order(planned):
            if row.kind in NOT_IMPORTED or not issubclass(row.model, SharedContent):
                outcome.skip(row.kind)
                continue
            _write(row, user, id_map, outcome)
        _apply_settings(user, document["settings"])
        ImportedExport.objects.filter(owner=user, export_id=export_id).update(
            item_count=outcome.added
        )
    return outcome
