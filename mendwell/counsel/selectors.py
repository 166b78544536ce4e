"""Reads for counsellor access. Every function takes the acting user.

The counsellor's reads of a client's items go through the access gate
(``visible_to``), which alone decides what a grant covers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from mendwell.counsel.models import CounsellorInvite, CounsellorNote, GrantView
from mendwell.couples.access import SharedContent, Visibility, grantable_models
from mendwell.couples.grants import CounsellorLink, Grant


def _uuid_or_none(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


# --- The client's side ---------------------------------------------------------------


def pending_invites_for(client: Any) -> list[CounsellorInvite]:
    invites = CounsellorInvite.objects.filter(
        client_id=client.pk, used_at__isnull=True, revoked_at__isnull=True
    ).order_by("-created_at")
    return [invite for invite in invites if invite.is_pending]


def invite_is_usable(token: str) -> bool:
    from mendwell.counsel.services import token_hash

    invite = CounsellorInvite.objects.filter(token_hash=token_hash(token)).first()
    return invite is not None and invite.is_pending


def invite_of_client_or_404(client: Any, invite_id: Any) -> CounsellorInvite:
    pk = _uuid_or_none(invite_id)
    invite = CounsellorInvite.objects.filter(pk=pk, client_id=client.pk).first() if pk else None
    if invite is None:
        raise Http404
    return invite


def counsellors_of(client: Any) -> QuerySet[CounsellorLink]:
    return (
        CounsellorLink.objects.for_client(client)
        .select_related("counsellor")
        .order_by("started_at")
    )


def link_of_client_or_404(client: Any, link_id: Any) -> CounsellorLink:
    pk = _uuid_or_none(link_id)
    link = counsellors_of(client).filter(pk=pk).first() if pk else None
    if link is None:
        raise Http404
    return link


def grant_of_client_or_404(client: Any, grant_id: Any) -> Grant:
    pk = _uuid_or_none(grant_id)
    grant = Grant.objects.active().filter(pk=pk, link__client_id=client.pk).first() if pk else None
    if grant is None:
        raise Http404
    return grant


@dataclass(frozen=True)
class Item:
    """One of the client's items as a line in a list: kind, day and a short preview."""

    category: str
    id: uuid.UUID
    label: str
    day: Any
    preview: str


def _preview(obj: SharedContent) -> str:
    for field in obj.export_fields:
        value = getattr(obj, field)
        if isinstance(value, str) and value.strip():
            return value if len(value) <= 80 else value[:79] + "…"
    return ""


def _item(category: str, obj: SharedContent) -> Item:
    return Item(
        category=category,
        id=obj.pk,
        label=str(obj.export_label),
        day=obj.created_at,
        preview=_preview(obj),
    )


def grantable_items_of(client: Any) -> list[Item]:
    """The client's own shared items a grant could cover (never private, never the partner's)."""
    items: list[Item] = []
    for category, model in grantable_models().items():
        rows = model.objects.authored_by(client).filter(visibility=Visibility.SHARED)
        items.extend(_item(category, row) for row in rows.order_by("-created_at")[:50])
    return items


def grant_kinds() -> list[tuple[str, str]]:
    return [(category, str(model.export_label)) for category, model in grantable_models().items()]


@dataclass(frozen=True)
class AuditLine:
    when: Any
    what: str  # "granted" | "revoked" | "viewed" | "ended"
    label: str
    single: bool = False  # one item, rather than every item of the kind
    until: Any = None


def audit_for(link: CounsellorLink) -> list[AuditLine]:
    """What was granted, revoked and opened, newest first: the client's own record."""
    models = grantable_models()
    labels = {category: str(model.export_label) for category, model in models.items()}
    lines = []
    for grant in Grant.objects.filter(link=link):
        label = labels.get(grant.category, grant.category)
        single = grant.item_id is not None
        lines.append(AuditLine(grant.created_at, "granted", label, single, grant.expires_at))
        if grant.revoked_at:
            lines.append(AuditLine(grant.revoked_at, "revoked", label, single))
    for view in GrantView.objects.filter(link=link):
        lines.append(AuditLine(view.viewed_at, "viewed", labels.get(view.category, view.category)))
    return sorted(lines, key=lambda line: line.when, reverse=True)


def active_grants_of(link: CounsellorLink) -> list[tuple[Grant, str]]:
    models = grantable_models()
    return [
        (grant, str(models[grant.category].export_label) if grant.category in models else "")
        for grant in Grant.objects.active().filter(link=link).order_by("category", "created_at")
    ]


# --- The counsellor's side -----------------------------------------------------------


def clients_of(counsellor: Any) -> QuerySet[CounsellorLink]:
    return (
        CounsellorLink.objects.for_counsellor(counsellor)
        .select_related("client")
        .order_by("started_at")
    )


def link_of_counsellor_or_404(counsellor: Any, link_id: Any) -> CounsellorLink:
    pk = _uuid_or_none(link_id)
    link = clients_of(counsellor).filter(pk=pk).first() if pk else None
    if link is None:
        raise Http404
    return link


def granted_items(counsellor: Any, link: CounsellorLink) -> list[Item]:
    """This client's items the gate lets the counsellor read, newest first."""
    items: list[Item] = []
    for category, model in grantable_models().items():
        rows = model.objects.visible_to(counsellor).filter(author_id=link.client_id)
        items.extend(_item(category, row) for row in rows)
    return sorted(items, key=lambda item: item.day, reverse=True)


def granted_item_or_404(counsellor: Any, item_id: Any) -> tuple[CounsellorLink, str, SharedContent]:
    """One item through the gate, with the client link it came through; else the usual 404."""
    pk = _uuid_or_none(item_id)
    if pk is not None:
        for category, model in grantable_models().items():
            obj = model.objects.visible_to(counsellor).exclude(author_id=counsellor.pk)
            row = obj.filter(pk=pk).first()
            if row is None:
                continue
            link = clients_of(counsellor).filter(client_id=row.author_id).first()
            if link is not None:
                return link, category, row
    raise Http404


def item_fields(obj: SharedContent) -> list[tuple[str, Any]]:
    """The item's own words and values, named by their field's verbose name."""
    lines = []
    for name in obj.export_fields:
        value = getattr(obj, name)
        if value in ("", None):
            continue
        field = obj._meta.get_field(name)
        verbose = getattr(field, "verbose_name", name)
        display = getattr(obj, f"get_{name}_display", None)
        lines.append((str(verbose), display() if display else value))
    return lines


def notes_for(link: CounsellorLink) -> QuerySet[CounsellorNote]:
    return CounsellorNote.objects.filter(link=link).order_by("-created_at")


def notes_for_client(client: Any) -> QuerySet[CounsellorNote]:
    """Notes from every counsellor the client still works with (never the partner's)."""
    return (
        CounsellorNote.objects.filter(link__client_id=client.pk, link__ended_at__isnull=True)
        .select_related("link__counsellor")
        .order_by("-created_at")
    )
