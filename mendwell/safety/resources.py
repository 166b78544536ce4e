"""The directory of emergency, crisis and abuse lines, chosen by country.

It also lists, per country, where to find a counsellor or couples therapist (kind
``directory``: a professional body or service, its https link, our own words on what it
is, and the page that confirms it), shown on the Finding professional support page.

Built in: ``data/resources.json`` (versioned in the repo; every number checked
against its source, with a ``last_verified`` date). An operator can add or
replace countries and lines with a file of the same shape at
``SAFETY_RESOURCES_FILE`` (default: ``resources.json`` in the data directory).
A malformed operator file never takes the built-in list away from people: it
is reported by ``manage.py check`` and ignored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

BUILT_IN_FILE = Path(__file__).parent / "data" / "resources.json"
INTERNATIONAL = "INTL"
STALE_AFTER = timedelta(days=180)
# Where to find a counsellor or couples therapist: a professional body or service and its
# search page. Not a line to ring in a crisis, so it must say what it is and where it lives.
DIRECTORY = "directory"
KINDS = {"emergency", "crisis", "abuse", "support", DIRECTORY}


class ResourcesFileError(ValueError):
    pass


@dataclass(frozen=True)
class Line:
    id: str
    kind: str
    name: str
    phone: str | None
    text_number: str | None
    text_message: str | None
    url: str | None
    hours: str
    for_whom: str
    source: str | None
    last_verified: date | None

    @property
    def tel(self) -> str | None:
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+") if self.phone else None


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    emergency_number: str | None
    emergency_advice: str
    emergency_source: str | None
    emergency_verified: date | None
    lines: tuple[Line, ...] = field(default_factory=tuple)

    def lines_of(self, kind: str) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.kind == kind)


@dataclass(frozen=True)
class Directory:
    version: str
    countries: dict[str, Country]

    def for_country(self, code: str | None) -> Country:
        """The person's country, or the international entry when we have none for it."""
        return self.countries.get((code or "").upper()) or self.countries[INTERNATIONAL]

    def choices(self) -> list[tuple[str, str]]:
        named = sorted(
            (code, country.name)
            for code, country in self.countries.items()
            if code != INTERNATIONAL
        )
        return sorted(named, key=lambda pair: pair[1])


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ResourcesFileError(
            f"{where}: last_verified {value!r} is not a YYYY-MM-DD date"
        ) from exc


def _required_str(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ResourcesFileError(f"{where}: '{key}' must be a non-empty string")
    return value


def _https(data: dict[str, Any], key: str, where: str) -> str:
    value = _required_str(data, key, where)
    if not value.startswith("https://"):
        raise ResourcesFileError(f"{where}: '{key}' must be an https:// address")
    return value


def _check_directory(data: dict[str, Any], where: str) -> None:
    """A directory entry is a fact we show people: it needs its link, words and evidence."""
    _https(data, "url", where)
    _https(data, "source", where)
    _required_str(data, "for", where)
    if data.get("last_verified") is None:
        raise ResourcesFileError(f"{where}: 'last_verified' is required for a directory")


def _line(data: Any, where: str) -> Line:
    if not isinstance(data, dict):
        raise ResourcesFileError(f"{where}: each line must be an object")
    if isinstance(data.get("id"), str) and data["id"].strip():
        where = f"{where} ({data['id']})"  # name the entry so the operator can find it
    kind = _required_str(data, "kind", where)
    if kind not in KINDS:
        raise ResourcesFileError(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
    text = data.get("text") or {}
    if not isinstance(text, dict):
        raise ResourcesFileError(f"{where}: 'text' must be an object or null")
    if not (data.get("phone") or text.get("number") or data.get("url")):
        raise ResourcesFileError(f"{where}: a line needs a phone, a text number or a url")
    if kind == DIRECTORY:
        _check_directory(data, where)
    return Line(
        id=_required_str(data, "id", where),
        kind=kind,
        name=_required_str(data, "name", where),
        phone=data.get("phone"),
        text_number=text.get("number"),
        text_message=text.get("message"),
        url=data.get("url"),
        hours=str(data.get("hours") or ""),
        for_whom=str(data.get("for") or ""),
        source=data.get("source"),
        last_verified=_date(data.get("last_verified"), where),
    )


def parse(raw: Any, *, origin: str) -> Directory:
    if not isinstance(raw, dict) or not isinstance(raw.get("countries"), dict):
        raise ResourcesFileError(f"{origin}: expected an object with a 'countries' object")
    countries: dict[str, Country] = {}
    for code, data in raw["countries"].items():
        where = f"{origin}: country {code}"
        if not isinstance(data, dict):
            raise ResourcesFileError(f"{where}: must be an object")
        emergency = data.get("emergency") or {}
        lines = data.get("lines") or []
        if not isinstance(lines, list):
            raise ResourcesFileError(f"{where}: 'lines' must be a list")
        countries[code.upper()] = Country(
            code=code.upper(),
            name=_required_str(data, "name", where),
            emergency_number=emergency.get("number"),
            emergency_advice=str(emergency.get("advice") or ""),
            emergency_source=emergency.get("source"),
            emergency_verified=_date(emergency.get("last_verified"), where),
            lines=tuple(_line(line, f"{where} line {i + 1}") for i, line in enumerate(lines)),
        )
    return Directory(version=str(raw.get("version", "")), countries=countries)


def load_file(path: Path) -> Directory:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ResourcesFileError(f"{path}: {exc}") from exc
    return parse(raw, origin=str(path))


def operator_file() -> Path:
    configured = getattr(settings, "SAFETY_RESOURCES_FILE", "")
    return Path(configured) if configured else settings.DATA_DIR / "resources.json"


def merge(base: Directory, extra: Directory) -> Directory:
    countries = dict(base.countries)
    countries.update(extra.countries)  # the operator's entry for a country replaces ours
    return Directory(version=f"{base.version}+{extra.version}", countries=countries)


@lru_cache(maxsize=1)
def directory() -> Directory:
    """Built-in list plus the operator's file when it is present and valid."""
    base = load_file(BUILT_IN_FILE)
    path = operator_file()
    if not path.exists():
        return base
    try:
        return merge(base, load_file(path))
    except ResourcesFileError:
        return base  # reported by the system check; people keep the built-in list


@receiver(setting_changed)
def _reset(*, setting: str, **kwargs: object) -> None:
    if setting in {"SAFETY_RESOURCES_FILE", "DATA_DIR"}:
        directory.cache_clear()


def stale_entries(found: Directory, *, today: date) -> list[str]:
    """Names of entries not verified within the last 180 days (or never)."""
    stale = []
    for country in found.countries.values():
        if country.emergency_number and (
            country.emergency_verified is None or today - country.emergency_verified > STALE_AFTER
        ):
            stale.append(f"{country.code} emergency number")
        for line in country.lines:
            if line.last_verified is None or today - line.last_verified > STALE_AFTER:
                stale.append(f"{country.code} {line.name}")
    return stale
