"""Pages every visitor can reach, the frame of the app, and the health check."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from django.views.decorators.http import require_GET

from mendwell.core.queue import oldest_waiting_age_seconds
from mendwell.core.steps import reading_minutes, step_by_number

logger = logging.getLogger(__name__)


@require_GET
def step_detail(request: HttpRequest, number: int) -> HttpResponse:
    step = step_by_number(number)
    if step is None:
        raise Http404
    context: dict[str, object] = {"step": step}
    if step.explanation:
        # Rendered here so the reading time counts the words as shown, in the
        # reader's language.
        explanation = render_to_string(step.explanation, request=request)
        context["explanation"] = explanation
        context["reading_minutes"] = reading_minutes(strip_tags(explanation))
    return render(request, "core/step.html", context)


@login_not_required
@require_GET
def quick_exit_info(request: HttpRequest) -> HttpResponse:
    return render(request, "core/quick_exit_info.html")


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
@require_GET
def quick_exit(request: HttpRequest) -> HttpResponse:
    """Sign out, ask the browser to forget this site, and go somewhere ordinary.

    A GET on purpose: the fastest exit is a plain link that works without
    JavaScript. Being signed out by a stray link is a small price next to
    being seen.
    """
    logout(request)
    # The middleware adds Clear-Site-Data to this response.
    return HttpResponseRedirect(settings.QUICK_EXIT_URL)


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Database reachable and the task queue not stuck: for monitors, no personal data."""
    body: dict[str, object] = {"database": "ok"}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        age = oldest_waiting_age_seconds()
        body["tasks"] = {"oldest_pending_age_seconds": round(age, 1)}
        if age > settings.TASK_QUEUE_MAX_AGE_SECONDS:
            body["tasks"] = {"oldest_pending_age_seconds": round(age, 1), "status": "stuck"}
            healthy = False
    except DatabaseError:
        logger.exception("health check could not reach the database")
        body = {"database": "unreachable"}
        healthy = False
    body["status"] = "ok" if healthy else "unhealthy"
    return JsonResponse(body, status=200 if healthy else 503)


# The JSON API (config/urls.py mounts it here; docs/API.md): its clients read
# every error as {detail, errors}, a server error included.
API_PREFIX = "/api/"


def server_error(request: HttpRequest) -> HttpResponse:
    """A plain error page with the request id to quote; never a traceback.
    Under the API, the same in the API's JSON shape."""
    from django.template import loader
    from django.utils.translation import gettext as _

    request_id = getattr(request, "request_id", "")
    if request.path.startswith(API_PREFIX):
        detail = _(
            "Something went wrong on our side. Nothing you saved before this was lost. "
            "Please try again in a moment. Reference: %(reference)s"
        ) % {"reference": request_id or "-"}
        return JsonResponse({"detail": detail, "errors": []}, status=500)
    template = loader.get_template("500.html")
    return HttpResponse(template.render({"request_id": request_id}), status=500)


@login_not_required
@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    """The installable app's manifest; discreet mode gives it an ordinary name and icon."""
    from django.templatetags.static import static

    from mendwell.core.notification_texts import APP_NAME, DISCREET_APP_NAME

    discreet = bool(request.user.is_authenticated and request.user.discreet_mode)
    name = str(DISCREET_APP_NAME) if discreet else APP_NAME
    icon = static("mendwell/icon-discreet.svg" if discreet else "mendwell/icon.svg")
    body = {
        "name": name,
        "short_name": name,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#faf7f2",
        "theme_color": "#3f5a80",
        "icons": [{"src": icon, "sizes": "any", "type": "image/svg+xml", "purpose": "any"}],
    }
    response = JsonResponse(body, content_type="application/manifest+json")
    return response


@login_not_required
def not_found(request: HttpRequest) -> HttpResponse:
    """An address that is deliberately closed: it answers like one that never existed."""
    raise Http404
