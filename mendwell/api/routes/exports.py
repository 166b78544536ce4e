"""One's own export, over ``mendwell.exports``: ask for it (sudo), watch it being
made, download it once with a single-use link, and import one back (sudo).

The raw download token is given once, in the answer that made it (the job keeps
only its hash), as the web page keeps it in the asker's session. Another device
can ask for a fresh link once the export is ready.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from mendwell.api.errors import ApiError, raise_for_form, responses
from mendwell.api.idempotency import DOCUMENTED as IDEMPOTENT
from mendwell.api.idempotency import idempotent
from mendwell.api.schemas import In
from mendwell.api.sudo import require_sudo
from mendwell.exports import importer, selectors, services
from mendwell.exports.forms import ExportForm, ImportForm
from mendwell.exports.models import ExportJob

router = Router(tags=["export"])


class JobOut(Schema):
    id: UUID
    status: Literal["pending", "running", "ready", "failed", "cancelled"]
    include_shared: bool
    created_at: datetime
    finished_at: datetime | None
    # Until when the one download works, once ready.
    expires_at: datetime | None
    # When it was downloaded (the file is then deleted from the server).
    used_at: datetime | None
    # Ready and not yet downloaded: a download link works now.
    downloadable: bool

    @staticmethod
    def resolve_downloadable(job: ExportJob) -> bool:
        return selectors.downloadable(job)


class ExportStatusOut(Schema):
    job: JobOut | None


class ExportIn(In):
    # Also include what the partner shared with me (never what they kept private).
    include_shared: bool = False
    # Needed from an app token (no recent sign-in): your current password.
    password: str | None = None


class ExportSudoIn(In):
    password: str | None = None


class DownloadLinkOut(Schema):
    # Shown once; the link works once, for me only, when the export is ready.
    token: str
    download_url: str


class RequestedOut(Schema):
    job: JobOut
    # Absent when an export was already being made: ask POST /export/link once it is ready.
    link: DownloadLinkOut | None


class ImportedOut(Schema):
    added: int
    already_there: int
    # Left out, by kind: they answer something the partner wrote, or need consent again.
    skipped: dict[str, int]
    already_imported: bool


def _link(request: HttpRequest, token: str) -> DownloadLinkOut:
    path = reverse("api-v1:export_download", kwargs={"token": token})
    return DownloadLinkOut(token=token, download_url=request.build_absolute_uri(path))


@router.get("", response=responses({200: ExportStatusOut}), summary="My latest export")
def status(request: HttpRequest) -> ExportStatusOut:
    return ExportStatusOut.model_validate({"job": selectors.latest_job_for(request.user)})


@router.post(
    "",
    response=responses({200: RequestedOut, 201: RequestedOut}, write=True),
    summary="Ask for an export of everything I wrote (needs sudo)",
    openapi_extra=IDEMPOTENT,
)
@idempotent
def request_export(request: HttpRequest, payload: ExportIn) -> Status:
    require_sudo(request, payload.password)
    form = ExportForm(payload.model_dump(exclude={"password"}))
    raise_for_form(form)
    job, token = services.export_request(
        user=request.user, include_shared=form.cleaned_data["include_shared"]
    )
    body = RequestedOut.model_validate(
        {"job": job, "link": _link(request, token) if token else None}
    )
    # 200: one was already being made, and that one is the answer.
    return Status(201 if token else 200, body)


@router.post(
    "/link",
    response=responses({200: DownloadLinkOut}, write=True),
    summary="A fresh download link for my ready export, e.g. on another device (needs sudo)",
)
def link_renew(request: HttpRequest, payload: ExportSudoIn) -> DownloadLinkOut:
    require_sudo(request, payload.password)
    job = selectors.latest_job_for(request.user)
    token = services.export_link_renew(user=request.user, job_id=job.pk) if job else None
    if token is None:
        raise ApiError(409, _("That export can no longer be downloaded. Make a new one."))
    return _link(request, token)


@router.get(
    "/download/{token}",
    url_name="export_download",
    response=responses({200: None}),
    summary="Download my export (a zip; works once, for me only)",
    openapi_extra={
        "responses": {
            200: {
                "description": "The zip",
                "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    },
)
def download(request: HttpRequest, token: str) -> HttpResponse:
    data = services.export_take(user=request.user, token=token)
    if data is None:
        raise Http404  # used, expired, someone else's or made up: all the same 404
    day = timezone.localdate().isoformat()
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="mendwell-export-{day}.zip"'
    response["Cache-Control"] = "no-store"
    return response


@router.post(
    "/import",
    response=responses({200: ImportedOut, 201: ImportedOut}, write=True),
    summary="Import my export back (multipart: the zip as 'file'; needs sudo)",
)
def import_export(
    request: HttpRequest,
    file: UploadedFile = File(...),  # noqa: B008 - ninja's way to declare an upload
    password: str | None = Form(None),  # noqa: B008
) -> Status:
    # Not @idempotent: the file itself is the key (importing it twice adds nothing).
    require_sudo(request, password)
    form = ImportForm(data={}, files=MultiValueDict({"file": [file]}))
    raise_for_form(form)
    outcome: Any = importer.import_document(user=request.user, document=form.document)
    body = ImportedOut(
        added=outcome.added,
        already_there=outcome.already_there,
        skipped=outcome.skipped,
        already_imported=outcome.already_imported,
    )
    return Status(201 if outcome.added else 200, body)
