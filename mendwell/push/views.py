"""Thin views: subscribing a device, the service worker and the offline page."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mendwell.push import services
from mendwell.push.forms import EndpointForm, SubscriptionForm
from mendwell.push.selectors import push_available

# Public, never personal: the offline page and the static files it and every
# page's frame need. Nothing else is ever stored by the service worker.
PRECACHED_STATIC = (
    "mendwell/app.css",
    "mendwell/quick-exit.js",
    "mendwell/forms.js",
    "mendwell/push.js",
    "django_htmx/htmx-2.min.js",
    "mendwell/icon.svg",
    "mendwell/icon-discreet.svg",
)


def _json_body(request: HttpRequest) -> Any:
    try:
        return json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None


def _errors(form: EndpointForm) -> JsonResponse:
    errors = {
        field: [str(message) for message in messages] for field, messages in form.errors.items()
    }
    return JsonResponse({"ok": False, "errors": errors}, status=400)


def _not_available() -> JsonResponse:
    message = _("Reminders on a device are not set up on this server.")
    return JsonResponse({"ok": False, "errors": {"__all__": [message]}}, status=400)


@require_POST
def subscribe(request: HttpRequest) -> JsonResponse:
    if not push_available():
        return _not_available()
    form = SubscriptionForm.from_json(_json_body(request))
    if not form.is_valid():
        return _errors(form)
    services.subscribe(user=request.user, **form.cleaned_data)
    return JsonResponse({"ok": True, "message": _("Reminders will come to this device.")})


@require_POST
def unsubscribe(request: HttpRequest) -> JsonResponse:
    form = EndpointForm.from_json(_json_body(request))
    if not form.is_valid():
        return _errors(form)
    services.unsubscribe(user=request.user, endpoint=form.cleaned_data["endpoint"])
    # The same answer whether or not the endpoint was this person's.
    return JsonResponse({"ok": True, "message": _("Reminders will no longer come to this device.")})


@login_not_required
@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, at the site root so it can control every page."""
    precache = [static(name) for name in PRECACHED_STATIC]
    # A new static file name (a new release) means a new cache.
    version = hashlib.sha256("|".join(precache).encode()).hexdigest()[:12]
    context = {"precache_json": json.dumps(precache), "cache_version": version}
    # Like every response, it is sent "no-store" (PrivateResponseMiddleware), which
    # also makes the browser check for a new worker on every visit.
    return render(request, "push/sw.js", context, content_type="application/javascript")


@login_not_required
@require_GET
def offline(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker when there is no connection.

    The service worker stores this page, so it is always drawn as for a
    signed-out visitor: no name, no menu counts, nothing from the account.
    """
    request.user = AnonymousUser()
    return render(request, "push/offline.html")
