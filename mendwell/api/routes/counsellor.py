"""The counsellor's side of counsellor access, over ``mendwell.counsel``.

Only counsellor accounts get in (the router's own auth); partners get 401. What a
counsellor may read is decided by the access gate on every request, from the
client's grants: a revoked or expired grant, or an ended link, stops it on the
very next request. Opening an item is recorded for the client, once a day; the
client list and the item lists show kinds and days only, never the words.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from uuid import UUID

from django.contrib.auth import SESSION_KEY
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.auth import counsellor_auth, partner_auth
from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.routes.counsel import CounselNoteOut, refused
from mendwell.api.schemas import Deleted, In
from mendwell.counsel import selectors, services
from mendwell.counsel.forms import NoteForm
from mendwell.counsel.middleware import COUNSELLOR_SESSION_KEY
from mendwell.couples.grants import CounsellorLink

router = Router(tags=["counsellor"], auth=counsellor_auth())


class ClientOut(Schema):
    id: UUID
    name: str
    since: datetime


def _client_fields(link: CounsellorLink) -> dict[str, Any]:
    return {"id": link.id, "name": link.client.name, "since": link.started_at}


class GrantedItemOut(Schema):
    """A line in the list: the kind and the day. The words are read by opening it."""

    id: UUID
    category: str
    label: str
    day: datetime


class ClientDetailOut(ClientOut):
    items: list[GrantedItemOut]
    notes: list[CounselNoteOut]


class FieldOut(Schema):
    name: str
    value: str


class CounsellorItemOut(Schema):
    id: UUID
    # The client's id in /counsellor/clients.
    client_id: UUID
    category: str
    label: str
    created_at: datetime
    fields: list[FieldOut]


class CounsellorNoteIn(In):
    text: str
    # A step whose exercise to suggest (1-10), or leave out.
    suggested_step: int | None = None


class CounsellorJoinIn(In):
    # The token from the invitation link the client gave you (the part after /join/).
    token: str


@router.post(
    "/join",
    auth=[*counsellor_auth(), *partner_auth()],
    response=responses({201: ClientOut}, write=True),
    summary="Accept a client's invitation link (this account becomes a counsellor account)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def join(request: HttpRequest, payload: CounsellorJoinIn) -> Status:
    try:
        link = services.invite_accept(user=request.user, token=payload.token)
    except services.CounselError as error:
        message = str(error.message)
        raise ApiError(422, _("Some fields need another look."), [("token", message)]) from None
    session = getattr(request, "session", None)
    if session is not None and session.get(SESSION_KEY) == str(request.user.pk):
        # Signed in by the browser: fence the partner pages off, as the join page does.
        session[COUNSELLOR_SESSION_KEY] = True
    return Status(201, ClientOut(**_client_fields(link)))


@router.get(
    "/clients",
    response=responses({200: list[ClientOut]}),
    summary="My clients",
)
def client_list(request: HttpRequest) -> list[ClientOut]:
    return [ClientOut(**_client_fields(link)) for link in selectors.clients_of(request.user)]


@router.get(
    "/clients/{link_id}",
    response=responses({200: ClientDetailOut}),
    summary="One client: the items they let me read now, and my notes for them",
)
def client_detail(request: HttpRequest, link_id: UUID) -> ClientDetailOut:
    link = selectors.link_of_counsellor_or_404(request.user, link_id)
    return ClientDetailOut(
        **_client_fields(link),
        items=[
            GrantedItemOut(id=item.id, category=item.category, label=item.label, day=item.day)
            for item in selectors.granted_items(request.user, link)
        ],
        notes=[CounselNoteOut.from_orm(note) for note in selectors.notes_for(link)],
    )


@router.post(
    "/clients/{link_id}/notes",
    response=responses({201: CounselNoteOut}, write=True),
    summary="Leave a note for this client, optionally suggesting a step's exercise",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def note_add(request: HttpRequest, link_id: UUID, payload: CounsellorNoteIn) -> Status:
    link = selectors.link_of_counsellor_or_404(request.user, link_id)
    form = NoteForm(
        {
            "note_id": str(uuid.uuid4()),
            "text": payload.text,
            "suggested_step": "" if payload.suggested_step is None else payload.suggested_step,
        }
    )
    raise_for_form(form)
    try:
        note = services.note_add(
            counsellor=request.user,
            link=link,
            note_id=form.cleaned_data["note_id"],
            text=form.cleaned_data["text"],
            suggested_step=form.cleaned_data["suggested_step"],
        )
    except services.CounselError as error:
        raise refused(error) from None
    return Status(201, CounselNoteOut.from_orm(note))


@router.delete(
    "/clients/{link_id}",
    response=responses({200: Deleted}, write=True),
    summary="Stop working with this client here (for good: they would invite me again)",
)
def link_end(request: HttpRequest, link_id: UUID) -> Deleted:
    link = selectors.link_of_counsellor_or_404(request.user, link_id)
    services.link_end(user=request.user, link=link)
    return Deleted()


@router.get(
    "/items/{item_id}",
    response=responses({200: CounsellorItemOut}),
    summary="Open one item a client let me read (the client sees that it was opened)",
)
def item_detail(request: HttpRequest, item_id: UUID) -> CounsellorItemOut:
    link, category, item = selectors.granted_item_or_404(request.user, item_id)
    services.view_record(link=link, category=category, item_id=item.pk)
    return CounsellorItemOut(
        id=item.pk,
        client_id=link.pk,
        category=category,
        label=str(item.export_label),
        created_at=item.created_at,
        fields=[
            FieldOut(name=str(name), value=str(value))
            for name, value in selectors.item_fields(item)
        ],
    )
