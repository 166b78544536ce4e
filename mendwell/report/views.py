"""Step 9's printable report: choose, confirm it's you (sudo mode), download once.

Nothing is emailed and nobody else is told: the person makes the link, sees
it once, and the download works for them only, once, within 24 hours.
"""

from __future__ import annotations

import logging

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mendwell.report import services
from mendwell.report.forms import ReportForm

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def report_home(request: HttpRequest) -> HttpResponse:
    """Making the link needs a password entered in the last 15 minutes ("sudo mode").

    Without one, the POST goes to allauth's "confirm it's you" page, which
    replays it (choices and all) once the password is right.
    """
    # An empty POST is still a submission: it gets "choose at least one".
    form = ReportForm(request.POST if request.method == "POST" else None)
    token = None
    if request.method == "POST" and form.is_valid():
        token = services.report_link_create(user=request.user, choices=form.choices())
        form = ReportForm(initial={"parts": form.cleaned_data["parts"]})
    response = render(request, "report/home.html", {"form": form, "token": token})
    response["Cache-Control"] = "no-store"  # the page may hold the one-time link
    return response


@require_GET
def report_download(request: HttpRequest, token: str) -> HttpResponse:
    try:
        content = services.report_pdf_take(user=request.user, token=token)
    except services.ReportUnavailable:
        # WeasyPrint needs the host's Pango libraries. Without them, say so calmly;
        # the link is still unused, so the same address works once fixed.
        logger.exception("Report PDF unavailable: the Pango libraries are missing")
        messages.error(
            request, _("A PDF can't be made on this server right now. Please try again later.")
        )
        return redirect("report:home")
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="application/pdf")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mendwell-report-{day}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
