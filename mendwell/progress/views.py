"""Thin views for step 8: baseline, weekly pulse, trends, per-measure sharing, the partner's."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.progress import registry, selectors, services
from mendwell.progress.chart import charts_for
from mendwell.progress.forms import PulseForm, SharingForm, item_text
from mendwell.progress.models import Kind, PulseResponse
from mendwell.safety.selectors import ProgramState, program_state_for


def _instrument_context(instrument: registry.Instrument) -> dict[str, object]:
    return {
        "instrument": instrument,
        "instrument_name": item_text(instrument, instrument.name),
        "instrument_label": item_text(instrument, instrument.label),
    }


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    instrument = registry.pulse()
    series = selectors.own_series(request.user, instrument)
    context = {
        "baseline_due": selectors.baseline_due(request.user),
        "pulse_due": selectors.pulse_due(request.user),
        "this_weeks_pulse": selectors.this_weeks_pulse(request.user),
        "series": series,
        "charts": charts_for(series),
        "support_reason": selectors.support_suggested(series),
        "partner": partner_of(request.user),
        "shared_count": len(selectors.shared_item_ids(request.user)),
        "extras": _extras_for(request),
        **_instrument_context(instrument),
    }
    return render(request, "progress/home.html", context)


def _extras_for(request: HttpRequest) -> list[dict[str, object]]:
    extras = registry.extras()
    answered = selectors.answered_this_week(request.user) if extras else frozenset()
    return [{**_instrument_context(extra), "answered": extra.id in answered} for extra in extras]


def _answer(request: HttpRequest, kind: str) -> HttpResponse:
    instrument = registry.pulse()
    if kind == Kind.WEEKLY:
        current = selectors.this_weeks_pulse(request.user)
    else:
        current = selectors.own_baseline(request.user)
    form = PulseForm(
        request.POST or None,
        instrument=instrument,
        initial=current.answers if current else None,
    )
    if request.method == "POST" and form.is_valid():
        saved = services.pulse_save(user=request.user, kind=kind, answers=form.answers())
        if saved.replaced and kind == Kind.WEEKLY:
            messages.info(
                request,
                _(
                    "Saved. These answers replace the ones you gave earlier this week: one pulse a week."
                ),
            )
        elif saved.replaced:
            messages.info(request, _("Saved. These answers replace your earlier baseline."))
        else:
            messages.success(request, _("Saved. Only you can see your answers."))
        return redirect("progress:home")
    template = "progress/baseline.html" if kind == Kind.BASELINE else "progress/pulse.html"
    context = {"form": form, "already": current, **_instrument_context(instrument)}
    return render(request, template, context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def baseline(request: HttpRequest) -> HttpResponse:
    return _answer(request, Kind.BASELINE)


@require_POST
def baseline_skip(request: HttpRequest) -> HttpResponse:
    services.baseline_skip(user=request.user)
    messages.info(request, _("Skipped for now. You can take the baseline later from step 8."))
    # The prompt sits on other pages too (step 1): go back there, never to another host.
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("progress:home")


@require_http_methods(["GET", "POST"])
def pulse(request: HttpRequest) -> HttpResponse:
    return _answer(request, Kind.WEEKLY)


@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest) -> HttpResponse:
    instrument = registry.pulse()
    shared = selectors.shared_item_ids(request.user)
    form = SharingForm(
        request.POST or None, instrument=instrument, initial={"items": sorted(shared)}
    )
    partner = partner_of(request.user)
    can_share = selectors.sharing_open(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.sharing_set(user=request.user, item_ids=form.cleaned_data["items"])
        except services.ShareRefused:
            messages.error(request, _("Sharing is not open right now. Nothing was changed."))
            return redirect("progress:sharing")
        messages.success(request, _("Saved. Your partner sees only the measures you ticked."))
        return redirect("progress:sharing")
    context = {
        "form": form,
        "partner": partner,
        "can_share": can_share,
        "paused": program_state_for(request.user) == ProgramState.PAUSED,
        **_instrument_context(instrument),
    }
    return render(request, "progress/sharing.html", context)


@require_GET
def partner(request: HttpRequest) -> HttpResponse:
    view = selectors.partner_view_for(request.user)
    charts = (
        charts_for(view.series, item_ids=view.item_ids, total=False, own=False)
        if view.series
        else []
    )
    return render(request, "progress/partner.html", {"view": view, "charts": charts})


@require_POST
def pulse_delete(request: HttpRequest, pulse_id: str) -> HttpResponse:
    pulse = get_authored_or_404(PulseResponse, user=request.user, pk=pulse_id)
    services.pulse_delete(pulse=pulse)
    messages.success(request, _("Those answers are deleted."))
    return redirect("progress:home")


@require_http_methods(["GET", "POST"])
def instrument(request: HttpRequest, instrument_id: str) -> HttpResponse:
    """Another questionnaire from the registry: this week's answers, the trend and, for a
    validated, licensed one only, its cut-off and reliable change."""
    if instrument_id == registry.PULSE_ID:
        return redirect("progress:pulse")
    chosen = selectors.instrument_or_404(instrument_id)
    current = selectors.this_weeks_answers(request.user, chosen)
    form = PulseForm(
        request.POST or None, instrument=chosen, initial=current.answers if current else None
    )
    if request.method == "POST" and form.is_valid():
        saved = services.pulse_save(
            user=request.user, kind=Kind.WEEKLY, answers=form.answers(), instrument=chosen
        )
        if saved.replaced:
            messages.info(
                request,
                _(
                    "Saved. These answers replace the ones you gave earlier this week: "
                    "one set of answers a week."
                ),
            )
        else:
            messages.success(request, _("Saved. Only you can see your answers."))
        return redirect("progress:instrument", instrument_id=chosen.id)
    series = selectors.own_series(request.user, chosen)
    figures = selectors.clinical_figures(series)
    change = figures.change if figures else None
    context = {
        "form": form,
        "already": current,
        "series": series,
        "charts": charts_for(series),
        "figures": figures,
        "change": change,
        "rci": change.index if change else None,
        "reliable": change.reliable if change else None,
        **_instrument_context(chosen),
    }
    return render(request, "progress/instrument.html", context, status=400 if form.errors else 200)
