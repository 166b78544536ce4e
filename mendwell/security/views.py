"""Thin views: the devices page and the two sign-out actions (after re-authentication)."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mendwell.core.notification_texts import MESSAGES
from mendwell.security import selectors, services


@require_GET
def devices(request: HttpRequest) -> HttpResponse:
    alerts = [
        (row, MESSAGES[row.kind])
        for row in selectors.recent_alerts_for(request.user)
        if row.kind in MESSAGES
    ]
    context = {
        "devices": selectors.devices_for(
            request.user, current_session_key=request.session.session_key
        ),
        "alerts": alerts,
    }
    return render(request, "security/devices.html", context)


@require_POST
@reauthentication_required
def sign_out(request: HttpRequest) -> HttpResponse:
    session = selectors.own_session_or_404(request.user, request.POST.get("session"))
    if session.session_key == request.session.session_key:
        messages.info(request, _("To sign out here, use “Sign out” in the menu."))
        return redirect("security:devices")
    services.session_end(user=request.user, session=session)
    messages.success(request, _("That device is signed out."))
    return redirect("security:devices")


@require_POST
@reauthentication_required
def sign_out_others(request: HttpRequest) -> HttpResponse:
    services.sessions_end_others(request=request)
    messages.success(request, _("Every other device is signed out. This one stays signed in."))
    return redirect("security:devices")
