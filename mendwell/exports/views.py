"""Thin views: ask for an export, watch it, download it once, import one.

Asking, a new link and importing need the password entered in the last 15
minutes. The raw download token is kept in the asker's session only (the job
stores its hash), so the link shows on the device that asked; another device
can ask for a fresh link.
"""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.exports import importer, selectors, services
from mendwell.exports.forms import ExportForm, ImportForm

SESSION_KEY = "exports.download"


def _status_context(request: HttpRequest) -> dict[str, object]:
    job = selectors.latest_job_for(request.user)
    held = request.session.get(SESSION_KEY) or {}
    token = held.get("token") if job is not None and held.get("job") == str(job.pk) else None
    ready = selectors.downloadable(job)
    return {"job": job, "ready": ready, "token": token if ready else None}


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"  # the page may hold the one-time link
    return response


@require_http_methods(["GET", "POST"])
@reauthentication_required
def export_home(request: HttpRequest) -> HttpResponse:
    form = ExportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        job, token = services.export_request(
            user=request.user, include_shared=form.cleaned_data["include_shared"]
        )
        if token is None:
            messages.info(request, _("Your export is already being made."))
        else:
            request.session[SESSION_KEY] = {"job": str(job.pk), "token": token}
            messages.success(
                request, _("Your export is being made. This page shows when it is ready.")
            )
        return redirect("exports:home")
    context = {"form": form, **_status_context(request)}
    return _no_store(render(request, "exports/home.html", context))


@require_GET
def export_status(request: HttpRequest) -> HttpResponse:
    """The status box alone, for the page's polling while an export is being made."""
    return _no_store(render(request, "exports/_status.html", _status_context(request)))


@require_POST
@reauthentication_required
def export_link(request: HttpRequest) -> HttpResponse:
    job = selectors.latest_job_for(request.user)
    token = services.export_link_renew(user=request.user, job_id=job.pk) if job else None
    if job is None or token is None:
        messages.error(request, _("That export can no longer be downloaded. Make a new one."))
    else:
        request.session[SESSION_KEY] = {"job": str(job.pk), "token": token}
    return redirect("exports:home")


@require_GET
def export_download(request: HttpRequest, token: str) -> HttpResponse:
    data = services.export_take(user=request.user, token=token)
    if data is None:
        raise Http404
    request.session.pop(SESSION_KEY, None)
    day = timezone.localdate().isoformat()
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="mendwell-export-{day}.zip"'
    return _no_store(response)


@require_http_methods(["GET", "POST"])
@reauthentication_required
def import_home(request: HttpRequest) -> HttpResponse:
    form = ImportForm(*((request.POST, request.FILES) if request.method == "POST" else ()))
    if request.method == "POST" and form.is_valid():
        outcome = importer.import_document(user=request.user, document=form.document)
        if outcome.already_imported:
            messages.info(request, _("This export was already imported. Nothing was added."))
        else:
            added = ngettext(
                "%(count)d item was added to your account, private to you.",
                "%(count)d items were added to your account, private to you.",
                outcome.added,
            ) % {"count": outcome.added}
            messages.success(request, added)
            skipped = sum(outcome.skipped.values()) + outcome.already_there
            if skipped:
                messages.info(
                    request,
                    ngettext(
                        "%(count)d item was left out: it was already here, or it belongs "
                        "with something your partner wrote, or it needs your consent again.",
                        "%(count)d items were left out: they were already here, or they belong "
                        "with something your partner wrote, or they need your consent again.",
                        skipped,
                    )
                    % {"count": skipped},
                )
        return redirect("exports:import")
    return _no_store(render(request, "exports/import.html", {"form": form}))
