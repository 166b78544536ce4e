"""Thin views for dates, calendar files and the private calendar feed."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from mendwell.couples.selectors import partner_of
from mendwell.dates import selectors, services
from mendwell.dates.calendar import calendar_for
from mendwell.dates.forms import PlanForm, ReflectionForm
from mendwell.dates.ideas import IDEAS_BY_ID
from mendwell.dates.models import DatePlan, Reflection

ICS = "text/calendar; charset=utf-8"


@require_GET
def date_list(request: HttpRequest) -> HttpResponse:
    context = {
        "upcoming": selectors.upcoming_for(request.user, today=timezone.localdate()),
        "has_feed": selectors.has_feed(request.user),
        "partner": partner_of(request.user),
    }
    return render(request, "dates/list.html", context)


@require_GET
def idea_list(request: HttpRequest) -> HttpResponse:
    place, cost = request.GET.get("place", ""), request.GET.get("cost", "")
    ideas = selectors.ideas(place=place, cost=cost)
    # Step 5's explainable rule: what the partner chose to share puts some ideas first.
    suggested = selectors.suggested_ideas(request.user, ideas)
    context = {"ideas": ideas, "place": place, "cost": cost, "suggested": suggested}
    return render(request, "dates/ideas.html", context)


def _form_page(request: HttpRequest, form: PlanForm, **extra: Any) -> HttpResponse:
    return render(request, "dates/form.html", {"form": form, **extra})


@require_http_methods(["GET", "POST"])
def date_new(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    idea = IDEAS_BY_ID.get(request.GET.get("idea", "") or request.POST.get("idea", ""))
    initial = {"time_zone": user.time_zone or "UTC", "note": str(idea.text) if idea else ""}
    form = PlanForm(request.POST or None, initial=initial, now=timezone.now())
    if request.method == "POST" and form.is_valid():
        services.plan_create(user=user, idea_id=idea.id if idea else "", **form.cleaned_data)
        messages.success(request, _("Your date is planned."))
        return redirect("dates:list")
    return _form_page(request, form, idea=idea, creating=True)


@require_http_methods(["GET", "POST"])
def date_edit(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = get_authored_or_404(DatePlan, user=request.user, pk=plan_id)
    if plan.cancelled_at is not None:
        raise Http404
    initial = {
        "starts_on": plan.starts_on,
        "start_time": plan.start_time,
        "time_zone": plan.time_zone,
        "duration_minutes": plan.duration_minutes,
        "repeat": plan.repeat,
        "repeat_until": plan.repeat_until,
        "note": plan.note,
    }
    form = PlanForm(request.POST or None, initial=initial, now=timezone.now(), plan=plan)
    if request.method == "POST" and form.is_valid():
        services.plan_update(plan=plan, **form.cleaned_data)
        messages.success(request, _("Your date is updated; calendars pick up the change."))
        return redirect("dates:list")
    return _form_page(request, form, plan=plan, creating=False)


@require_POST
def date_cancel(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = get_authored_or_404(DatePlan, user=request.user, pk=plan_id)
    services.plan_cancel(plan=plan)
    messages.success(request, _("The date is cancelled. Calendars will show it as cancelled."))
    return redirect("dates:list")


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=ICS)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def date_ics(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = get_visible_or_404(DatePlan, user=request.user, pk=plan_id)
    return _ics(calendar_for([plan]), "time-together.ics")


@require_http_methods(["GET", "POST"])
def feed_manage(request: HttpRequest) -> HttpResponse:
    """Make (or replace) the private feed URL, shown once; or switch it off."""
    token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.feed_revoke(user=request.user)
            messages.success(request, _("Your calendar link is switched off."))
            return redirect("dates:feed_manage")
        token = services.feed_create(user=request.user)
    feed_url = (
        request.build_absolute_uri(reverse("dates:feed", kwargs={"token": token})) if token else ""
    )
    context = {"feed_url": feed_url, "has_feed": selectors.has_feed(request.user)}
    return render(request, "dates/feed.html", context)


@login_not_required
@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar app's copy: the token is the key, so a wrong or revoked one is a 404."""
    owner = selectors.feed_owner(token)
    if owner is None:
        raise Http404
    response = HttpResponse(calendar_for(selectors.plans_for_feed(owner)), content_type=ICS)
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def together(request: HttpRequest, plan_id: str) -> HttpResponse:
    """The phones-down timer for time together, and a short reflection afterwards."""
    plan = get_visible_or_404(DatePlan, user=request.user, pk=plan_id)
    form = ReflectionForm(request.POST or None, can_share=selectors.can_share(request.user))
    if request.method == "POST" and form.is_valid():
        data = {"share": False, **form.cleaned_data}
        services.reflection_save(user=request.user, plan=plan, day=timezone.localdate(), **data)
        messages.success(request, _("Thank you. Your reflection is saved."))
        return redirect("dates:together", plan_id=plan.id)
    context = {
        "plan": plan,
        "form": form,
        "reflections": selectors.reflections_on(request.user, plan),
    }
    return render(request, "dates/together.html", context)


@require_POST
def date_delete(request: HttpRequest, plan_id: str) -> HttpResponse:
    plan = get_authored_or_404(DatePlan, user=request.user, pk=plan_id)
    services.plan_delete(plan=plan)
    messages.success(request, _("The date is deleted, for you and for your partner."))
    return redirect("dates:list")


@require_POST
def reflection_delete(request: HttpRequest, reflection_id: str) -> HttpResponse:
    reflection = get_authored_or_404(Reflection, user=request.user, pk=reflection_id)
    plan_id = reflection.plan_id
    services.reflection_delete(reflection=reflection)
    messages.success(request, _("Your reflection is deleted."))
    if plan_id is None:
        return redirect("dates:list")
    return redirect("dates:together", plan_id=plan_id)
