"""Thin views for the connection jar."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.jar import selectors, services
from mendwell.jar.forms import ActForm, DayForm
from mendwell.jar.models import JarAct, JarDraw


@require_http_methods(["GET", "POST"])
def home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = ActForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.act_add(user=user, text=form.cleaned_data["text"])
        except services.Refused as refusal:
            form.add_error("text", refusal.message)
        else:
            messages.success(request, _("Added to your jar."))
            return redirect("jar:home")
    day = selectors.today_for(user)
    acts = selectors.my_acts(user)
    context = {
        "form": form,
        "acts": acts,
        "suggestions": selectors.suggestions_for(user, acts=acts),
        "partner": partner_of(user),
        "draw": selectors.this_weeks_draw(user, day),
        "draw_open": selectors.draw_open(user, day),
        "day_form": DayForm(initial={"weekday": selectors.draw_weekday(user)}),
        "weekday_name": dict(DayForm.base_fields["weekday"].choices).get(  # type: ignore[attr-defined]
            selectors.draw_weekday(user)
        ),
        "done_for_me": selectors.done_for_me(user),
    }
    return render(request, "jar/home.html", context)


@require_POST
def act_delete(request: HttpRequest, act_id: str) -> HttpResponse:
    act = get_authored_or_404(JarAct, user=request.user, pk=act_id)
    services.act_delete(act=act)
    messages.success(request, _("Removed from your jar."))
    return redirect("jar:home")


@require_POST
def draw(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    try:
        services.draw(user=user, day=selectors.today_for(user))
    except services.Refused as refusal:
        messages.info(request, refusal.message)
    return redirect("jar:home")


@require_POST
def draw_done(request: HttpRequest, draw_id: str) -> HttpResponse:
    services.draw_done(draw=get_authored_or_404(JarDraw, user=request.user, pk=draw_id))
    messages.success(request, _("Marked as done. Thank you for doing it."))
    return redirect("jar:home")


@require_POST
def draw_noticed(request: HttpRequest, draw_id: str) -> HttpResponse:
    draw = selectors.draw_to_notice_or_404(request.user, draw_id)
    services.draw_noticed(user=request.user, draw=draw)
    messages.success(request, _("They'll see that you noticed."))
    return redirect("jar:home")


@require_POST
def day_set(request: HttpRequest) -> HttpResponse:
    form = DayForm(request.POST)
    if form.is_valid():
        services.draw_day_set(user=request.user, weekday=form.cleaned_data["weekday"])
        messages.success(request, _("Your draw day is saved."))
    else:
        messages.error(request, _("Our draw day: choose a day of the week."))
    return redirect("jar:home")
