"""Thin views for thinking-of-you nudges."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.accounts.coach_hints import hints_for
from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.nudges import selectors, services
from mendwell.nudges.forms import NudgeForm
from mendwell.nudges.models import Nudge
from mendwell.safety.signposting import support_panel_context


def _hints(request: HttpRequest, text: str) -> list[dict[str, Any]]:
    return hints_for(request.user, text, _("Your note"))


@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = NudgeForm(request.POST or None)
    context: dict[str, Any] = {}
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        if "preview" in request.POST:
            context["hints"] = _hints(request, note)
        else:
            try:
                services.nudge_send(
                    user=user, nudge_id=form.cleaned_data["nudge_id"] or uuid.uuid4(), note=note
                )
            except services.Refused as refusal:
                messages.info(request, refusal.message)
            else:
                panel = support_panel_context(request, note)
                if panel is None:
                    messages.success(request, _("Sent. They'll see it next time they look."))
                    return redirect("nudges:home")
                context.update(panel, show_panel=True)
                form = NudgeForm()
    context.update(
        form=form,
        refusal=services.refusal_for(user),
        partner=partner_of(user),
        received=selectors.received_by(user),
        sent=selectors.sent_by(user),
        coach_enabled=user.coach_enabled,
    )
    return render(request, "nudges/home.html", context)


@require_POST
def hints(request: HttpRequest) -> HttpResponse:
    text = request.POST.get("note", "")[:5_000]
    context = {"hints": _hints(request, text), "panel": support_panel_context(request, text)}
    if not context["hints"] and not context["panel"]:
        return HttpResponse("")
    return render(request, "includes/coach_hints.html", context)


@require_POST
def delete(request: HttpRequest, nudge_id: str) -> HttpResponse:
    nudge = get_authored_or_404(Nudge, user=request.user, pk=nudge_id)
    services.nudge_delete(nudge=nudge)
    messages.success(request, _("It is deleted."))
    return redirect("nudges:home")
