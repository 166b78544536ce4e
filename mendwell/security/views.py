"""Thin views: the devices page and the two sign-out actions (after re-authentication)."""

from __future__ import annotations

from typing import Any

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mendwell.core.notification_texts import MESSAGES
from mendwell.security import selectors, services, tokens
from mendwell.security.forms import AppTokenForm


def _devices_page(request: HttpRequest, **extra: Any) -> HttpResponse:
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
        "tokens": tokens.active_tokens(request.user),
        "token_form": AppTokenForm(),
        **extra,
    }
    return render(request, "security/devices.html", context)


@require_GET
def devices(request: HttpRequest) -> HttpResponse:
    return _devices_page(request)


@require_POST
@reauthentication_required
def token_create(request: HttpRequest) -> HttpResponse:
    form = AppTokenForm(request.POST)
    if not form.is_valid():
        return _devices_page(request, token_form=form)
    try:
        row, token = tokens.token_create(user=request.user, name=form.cleaned_data["name"])
    except tokens.TooManyTokens:
        form.add_error(
            "name",
            _("You have %(count)d app tokens: revoke one you no longer use first.")
            % {"count": tokens.MAX_ACTIVE},
        )
        return _devices_page(request, token_form=form)
    # Shown in this response only: it is never stored and cannot be shown again.
    return _devices_page(request, new_token=token, new_token_row=row)


@require_POST
@reauthentication_required
def token_revoke(request: HttpRequest) -> HttpResponse:
    try:
        token_id = int(request.POST.get("token", ""))
    except ValueError as exc:
        raise Http404 from exc
    if not tokens.token_revoke(user=request.user, token_id=token_id):
        raise Http404
    messages.success(request, _("That app token no longer works."))
    return redirect("security:devices")


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
