"""The client's side of counsellor access, over ``mendwell.counsel`` and ``couples.grants``.

A client invites a counsellor with a single-use link, chooses what they may read
(whole kinds or single items, only the client's own shared ones, until a date),
stops any of it at once, and sees the record of what was granted and opened.
The partner is never told, and never reaches any of this.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, cast
from uuid import UUID

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.pagination import Newest
from mendwell.api.schemas import Deleted, In
from mendwell.core.steps import step_by_number
from mendwell.counsel import selectors, services
from mendwell.counsel.forms import GrantForm
from mendwell.counsel.models import CounsellorInvite, CounsellorNote
from mendwell.couples.grants import CounsellorLink, Grant

router = Router(tags=["counsel"])


# --- Schemas shared with the counsellor's router -------------------------------------


class CounselNoteOut(Schema):
    id: UUID
    created_at: datetime
    text: str
    # A step whose exercise the counsellor suggests, if any.
    suggested_step: int | None
    suggested_step_title: str | None

    @staticmethod
    def resolve_suggested_step_title(note: CounsellorNote) -> str | None:
        step = step_by_number(note.suggested_step) if note.suggested_step else None
        return str(step.title) if step else None


class ClientNoteOut(CounselNoteOut):
    counsellor_name: str

    @staticmethod
    def resolve_counsellor_name(note: CounsellorNote) -> str:
        return note.link.counsellor.name


def refused(error: services.CounselError) -> ApiError:
    """A service's refusal: a field to change is 422, a state that does not allow it 409."""
    message = str(error.message)
    if error.field:
        return ApiError(422, _("Some fields need another look."), [(error.field, message)])
    return ApiError(409, message)


# --- Schemas -------------------------------------------------------------------------


class CounselInviteOut(Schema):
    id: UUID
    created_at: datetime
    expires_at: datetime


class CounselNewInviteOut(Schema):
    invite: CounselInviteOut
    # Shown this once: only a hash is kept. Give the link to the counsellor; it works
    # once, for 7 days, for an account that is not a partner's.
    token: str
    url: str


class CounsellorOut(Schema):
    id: UUID
    name: str
    since: datetime


class GrantOut(Schema):
    id: UUID
    category: str
    label: str
    # One item (its id), or every shared item of the kind (null).
    item_id: UUID | None
    expires_at: datetime


AuditWhat = Literal["granted", "revoked", "viewed", "ended"]


class AuditOut(Schema):
    when: datetime
    what: AuditWhat
    label: str
    single: bool
    until: datetime | None


class CounsellorDetailOut(CounsellorOut):
    grants: list[GrantOut]
    audit: list[AuditOut]
    notes: list[CounselNoteOut]


class CounselKindOut(Schema):
    category: str
    label: str


class GrantableItemOut(Schema):
    id: UUID
    category: str
    label: str
    day: datetime
    preview: str


class GrantableOut(Schema):
    kinds: list[CounselKindOut]
    # The client's own shared items (never private ones, never the partner's).
    items: list[GrantableItemOut]


class GrantIn(In):
    categories: list[str] = []
    items: list[UUID] = []
    # The last day the counsellor may read these (at most 90 days from today).
    until: date


class GrantsOut(Schema):
    grants: list[GrantOut]


# --- Helpers -------------------------------------------------------------------------


def _counsellor_fields(link: CounsellorLink) -> dict[str, Any]:
    return {"id": link.id, "name": link.counsellor.name, "since": link.started_at}


def _grants_out(pairs: list[tuple[Grant, str]]) -> list[GrantOut]:
    return [
        GrantOut(
            id=grant.id,
            category=grant.category,
            label=label,
            item_id=grant.item_id,
            expires_at=grant.expires_at,
        )
        for grant, label in pairs
    ]


def _grant_form(request: HttpRequest, data: Any = None) -> GrantForm:
    return GrantForm(
        data, kinds=selectors.grant_kinds(), items=selectors.grantable_items_of(request.user)
    )


# --- Routes --------------------------------------------------------------------------


@router.get(
    "/invites",
    response=responses({200: list[CounselInviteOut]}),
    summary="My invitation links not used yet",
)
def invite_list(request: HttpRequest) -> list[CounsellorInvite]:
    return selectors.pending_invites_for(request.user)


@router.post(
    "/invites",
    response=responses({201: CounselNewInviteOut}, write=True),
    summary="Make a single-use invitation link for my counsellor (shown once)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def invite_create(request: HttpRequest) -> Status:
    try:
        new = services.invite_create(client=request.user)
    except services.CounselError as error:
        raise refused(error) from None
    url = request.build_absolute_uri(reverse("counsel:join", kwargs={"token": new.token}))
    return Status(
        201,
        CounselNewInviteOut(invite=CounselInviteOut.from_orm(new.invite), token=new.token, url=url),
    )


@router.delete(
    "/invites/{invite_id}",
    response=responses({200: Deleted}, write=True),
    summary="Cancel an invitation link: it stops working at once",
)
def invite_revoke(request: HttpRequest, invite_id: UUID) -> Deleted:
    invite = selectors.invite_of_client_or_404(request.user, invite_id)
    services.invite_revoke(client=request.user, invite=invite)
    return Deleted()


@router.get(
    "/counsellors",
    response=responses({200: list[CounsellorOut]}),
    summary="The counsellors I work with here",
)
def counsellor_list(request: HttpRequest) -> list[CounsellorOut]:
    return [
        CounsellorOut(**_counsellor_fields(link)) for link in selectors.counsellors_of(request.user)
    ]


@router.get(
    "/grantable",
    response=responses({200: GrantableOut}),
    summary="What I could let a counsellor read: kinds, and my own shared items",
)
def grantable(request: HttpRequest) -> GrantableOut:
    return GrantableOut(
        kinds=[CounselKindOut(category=c, label=label) for c, label in selectors.grant_kinds()],
        items=[
            GrantableItemOut(
                id=item.id,
                category=item.category,
                label=item.label,
                day=item.day,
                preview=item.preview,
            )
            for item in selectors.grantable_items_of(request.user)
        ],
    )


@router.get(
    "/notes",
    response=responses({200: list[ClientNoteOut]}),
    summary="Notes and suggested exercises my counsellors left for me, newest first",
)
@paginate(Newest)
def notes(request: HttpRequest) -> Any:
    return selectors.notes_for_client(request.user)


@router.get(
    "/counsellors/{link_id}",
    response=responses({200: CounsellorDetailOut}),
    summary="One counsellor: what they can read now, the record of it, and their notes",
)
def counsellor_detail(request: HttpRequest, link_id: UUID) -> CounsellorDetailOut:
    link = selectors.link_of_client_or_404(request.user, link_id)
    return CounsellorDetailOut(
        **_counsellor_fields(link),
        grants=_grants_out(selectors.active_grants_of(link)),
        audit=[
            AuditOut(
                when=line.when,
                what=cast(AuditWhat, line.what),
                label=line.label,
                single=line.single,
                until=line.until,
            )
            for line in selectors.audit_for(link)
        ],
        notes=[CounselNoteOut.from_orm(note) for note in selectors.notes_for(link)],
    )


@router.post(
    "/counsellors/{link_id}/grants",
    response=responses({201: GrantsOut}, write=True),
    summary="Let this counsellor read whole kinds or single items, until a date",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def grant_create(request: HttpRequest, link_id: UUID, payload: GrantIn) -> Status:
    link = selectors.link_of_client_or_404(request.user, link_id)
    data = {
        "categories": payload.categories,
        "items": [str(item) for item in payload.items],
        "until": payload.until,
    }
    form = _grant_form(request, data)
    raise_for_form(form)
    try:
        made = services.grant_create(
            client=request.user,
            link=link,
            categories=form.cleaned_data["categories"],
            item_ids=form.item_ids(),
            until=form.cleaned_data["until"],
        )
    except services.CounselError as error:
        raise refused(error) from None
    labels = dict(selectors.grant_kinds())
    pairs = [(grant, labels.get(grant.category, "")) for grant in made]
    return Status(201, GrantsOut(grants=_grants_out(pairs)))


@router.delete(
    "/grants/{grant_id}",
    response=responses({200: Deleted}, write=True),
    summary="Stop a grant: the counsellor can no longer read it, from their next request",
)
def grant_revoke(request: HttpRequest, grant_id: UUID) -> Deleted:
    grant = selectors.grant_of_client_or_404(request.user, grant_id)
    services.grant_revoke(client=request.user, grant=grant)
    return Deleted()


@router.delete(
    "/counsellors/{link_id}",
    response=responses({200: Deleted}, write=True),
    summary="Stop working with this counsellor here: they see nothing of mine from now on",
)
def link_end(request: HttpRequest, link_id: UUID) -> Deleted:
    link = selectors.link_of_client_or_404(request.user, link_id)
    services.link_end(user=request.user, link=link)
    return Deleted()
