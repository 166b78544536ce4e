"""Thin views for the safety check, the pathway pages and Get help now."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety import selectors, services
from mendwell.safety.forms import CountryForm, SafetyCheckForm
from mendwell.safety.questions import Outcome
from mendwell.safety.resources import directory
from mendwell.safety.support import professional_help_context, support_context
from mendwell.staff.selectors import audit_records_for


@login_not_required
@require_GET
def help_now(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/help_now.html", support_context(request))


@login_not_required
@require_GET
def professional_help(request: HttpRequest) -> HttpResponse:
    """Finding a counsellor, open to anyone: the page must work before or without an account."""
    return render(request, "safety/professional_help.html", professional_help_context(request))


@require_GET
def safety_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    state = selectors.safety_state_for(user)
    context = {
        "state": state,
        "program_state": selectors.program_state_for(user),
        "latest_outcome": selectors.latest_outcome_for(user),
        "couple": couple_for_user(user),
        "partner": partner_of(user),
        "has_mfa": user.authenticator_set.exists(),  # type: ignore[union-attr]
        # What the operator's staff did to this account (never shown to the partner).
        "staff_actions": audit_records_for(user),
        **support_context(request),
    }
    return render(request, "safety/home.html", context)


@require_http_methods(["GET", "POST"])
def safety_check(request: HttpRequest) -> HttpResponse:
    form = SafetyCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _check, outcome = services.safety_check_submit(user=request.user, answers=form.answers())
        if outcome is Outcome.PATHWAY:
            return redirect("safety:pathway")
        messages.success(request, _("Thank you. Your answers are private to you."))
        return redirect("safety:home")
    return render(request, "safety/check.html", {"form": form})


@require_POST
def safety_check_skip(request: HttpRequest) -> HttpResponse:
    services.safety_check_skip(user=request.user)
    messages.info(
        request,
        _("Skipped for now. Exercises you do together stay closed until you take the check."),
    )
    return redirect("today")


@require_POST
def pause(request: HttpRequest) -> HttpResponse:
    services.program_pause(user=request.user)
    messages.success(request, _("The couple program is paused. Your own tools still work."))
    return redirect("safety:home")


@require_POST
def resume(request: HttpRequest) -> HttpResponse:
    try:
        services.program_resume(user=request.user)
    except services.SafetyError:
        messages.info(
            request,
            _(
                "Your latest check suggests exercises together are not safe right now. "
                "If things have changed, take the check again first."
            ),
        )
    else:
        messages.success(request, _("The couple program is on again."))
    return redirect("safety:home")


@require_POST
def set_country(request: HttpRequest) -> HttpResponse:
    form = CountryForm(request.POST)
    if form.is_valid():
        services.country_set(user=request.user, country=form.cleaned_data["country"])
        messages.success(request, _("Support lines now show for your country."))
    else:
        messages.error(request, _("Please choose a country from the list."))
    return redirect("safety:home")


@require_GET
def pathway(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/pathway.html", support_context(request))


@login_not_required
@require_GET
def safety_plan(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/plan.html", support_context(request))


@login_not_required
@require_GET
def tech_safety(request: HttpRequest) -> HttpResponse:
    return render(request, "safety/tech.html")


@require_POST
def signpost(request: HttpRequest) -> HttpResponse:
    """The private support panel for a draft, if its words call for one (see signposting)."""
    from mendwell.safety.signposting import support_panel_context

    # Drafts arrive as a whole form (htmx includes it); every value is the writer's own.
    text = "\n".join(
        str(value)
        for key, values in request.POST.lists()
        if key != "csrfmiddlewaretoken"
        for value in values
    )
    panel = support_panel_context(request, text)
    if panel is None:
        return HttpResponse("")
    return render(request, "safety/_crisis_panel.html", panel)


@require_GET
def resources_status(request: HttpRequest) -> HttpResponse:
    """For the operator: which support lines need checking again."""
    if not request.user.is_staff:
        raise Http404
    from django.utils import timezone

    from mendwell.safety.resources import stale_entries

    found = directory()
    context = {"directory": found, "stale": stale_entries(found, today=timezone.localdate())}
    return render(request, "safety/resources_status.html", context)
