"""Step 9's printable report for professional support, over ``mendwell.report``.

As on the web: choose what goes in, confirm it's you (sudo), get a single-use
link shown once, and download the PDF with it once, within 24 hours. Nothing is
emailed and nobody else is told.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any, Literal, cast

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mendwell.api.errors import ApiError, ErrorOut, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import In
from mendwell.api.sudo import require_sudo
from mendwell.report import services
from mendwell.report.forms import PART_CHOICES, ReportForm, default_start
from mendwell.report.selectors import link_for_owner

logger = logging.getLogger(__name__)

router = Router(tags=["report"])

Part = Literal["pulse", "victories", "checkins", "week_notes", "promises"]


class PartOut(Schema):
    value: Part
    label: str


class ReportChoicesOut(Schema):
    parts: list[PartOut]
    default_start: date
    default_end: date


class ReportIn(In):
    parts: list[Part]
    # Leave out for 12 weeks ago, and for today.
    start: date | None = None
    end: date | None = None
    # Needed from an app token (no recent sign-in): your current password.
    password: str | None = None


class ReportLinkOut(Schema):
    # Shown this once (only a hash is kept): GET it from download_url, once, by 24 hours.
    token: str
    download_url: str
    expires_at: datetime


@router.get(
    "",
    response=responses({200: ReportChoicesOut}),
    summary="What a report can hold, and its default dates",
)
def choices(request: HttpRequest) -> ReportChoicesOut:
    return ReportChoicesOut(
        parts=[PartOut(value=cast(Part, value), label=str(label)) for value, label in PART_CHOICES],
        default_start=default_start(),
        default_end=timezone.localdate(),
    )


@router.post(
    "",
    response=responses({201: ReportLinkOut}, write=True),
    summary="Make a single-use download link for a report (needs sudo)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def link_create(request: HttpRequest, payload: ReportIn) -> Status:
    require_sudo(request, payload.password)
    user: Any = request.user
    form = ReportForm(payload.model_dump(exclude={"password"}, exclude_none=True))
    raise_for_form(form)
    token = services.report_link_create(user=user, choices=form.choices())
    link = link_for_owner(user, token)
    if link is None:  # pragma: no cover - made a moment ago, in this transaction
        raise Http404
    url = request.build_absolute_uri(reverse("api-v1:report_download", kwargs={"token": token}))
    return Status(201, ReportLinkOut(token=token, download_url=url, expires_at=link.expires_at))


@router.get(
    "/download/{token}",
    url_name="report_download",
    response=responses({200: None, 503: ErrorOut}),
    summary="Download the report's PDF (works once, for its maker only)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The PDF",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def download(request: HttpRequest, token: str) -> HttpResponse:
    try:
        content = services.report_pdf_take(user=request.user, token=token)
    except services.ReportUnavailable:
        logger.exception("Report PDF unavailable: the Pango libraries are missing")
        raise ApiError(
            503, _("A PDF can't be made on this server right now. Please try again later.")
        ) from None
    if content is None:
        raise Http404  # used, expired, someone else's or made up: all the same 404
    response = HttpResponse(content, content_type="application/pdf")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mendwell-report-{day}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
