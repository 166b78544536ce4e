"""Thin views for the daily check-in."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.checkins import selectors, services
from mendwell.checkins.chart import chart_for
from mendwell.checkins.forms import CheckInForm, WeekForm
from mendwell.checkins.models import CheckIn, WeekNote
from mendwell.couples.access import get_authored_or_404
from mendwell.couples.selectors import partner_of
from mendwell.safety.signposting import support_panel_context


@require_http_methods(["GET", "POST"])
def today(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    day = selectors.today_for(user)
    existing = selectors.checkin_on(user, day)
    can_share = selectors.can_share(user)
    initial = {}
    if existing is not None:
        initial = {
            "mood": existing.mood,
            "closeness": existing.closeness,
            "note": existing.note,
            "share": existing.visibility == "shared",
        }
    form = CheckInForm(
        request.POST or None,
        initial=initial,
        can_share=can_share,
        solo=partner_of(user) is None,
    )
    panel = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.checkin_save(
            user=user,
            day=day,
            mood=data["mood"],
            closeness=data["closeness"],
            note=data["note"],
            share=bool(data.get("share")) and can_share,
        )
        panel = support_panel_context(request, data["note"])
        if panel is None:
            messages.success(request, _("Today's check-in is saved."))
            return redirect("checkins:today")
        existing = selectors.checkin_on(user, day)
    context = {
        "form": form,
        "existing": existing,
        "day": day,
        "partner_shared": selectors.shared_by_partner(user),
        "partner": partner_of(user),
        **(panel or {}),
        "show_panel": panel is not None,
    }
    return render(request, "checkins/today.html", context)


def _month(value: str, fallback: date) -> tuple[int, int]:
    try:
        year, month = (int(part) for part in value.split("-"))
        date(year, month, 1)
    except (ValueError, TypeError):
        return fallback.year, fallback.month
    if not 2000 <= year <= 2100:
        return fallback.year, fallback.month
    return year, month


def _shift(year: int, month: int, by: int) -> str:
    index = year * 12 + (month - 1) + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    today_date = selectors.today_for(user)
    year, month = _month(request.GET.get("month", ""), today_date)
    series = selectors.recent_series(user)
    weeks = selectors.month_calendar(user, year, month)
    context = {
        "weeks": weeks,
        # The month's own check-ins, for the "Delete a day's check-in" step.
        "month_checkins": [
            cell.checkin for week in weeks for cell in week if cell.in_month and cell.checkin
        ],
        "month_start": date(year, month, 1),
        "previous_month": _shift(year, month, -1),
        "next_month": _shift(year, month, 1)
        if (year, month) < (today_date.year, today_date.month)
        else "",
        "series": series,
        "rows": list(zip(series.days, series.mood, series.closeness, strict=True)),
        "chart": chart_for(series),
        "today": today_date,
    }
    return render(request, "checkins/history.html", context)


@require_POST
def share(request: HttpRequest, checkin_id: str) -> HttpResponse:
    checkin = get_authored_or_404(CheckIn, user=request.user, pk=checkin_id)
    wants = request.POST.get("share") == "on"
    if wants and not selectors.can_share(request.user):
        messages.info(
            request,
            _("Sharing opens once your partner is linked and you've taken your private check."),
        )
        return redirect("checkins:today")
    services.checkin_share(checkin=checkin, share=wants)
    messages.success(
        request,
        _("This day's check-in is shared with your partner.")
        if wants
        else _("This day's check-in is private again."),
    )
    return redirect("checkins:today")


@require_http_methods(["GET", "POST"])
def week(request: HttpRequest) -> HttpResponse:
    """The weekly look back: what went well, one thing to try; each line private or shared."""
    user: Any = request.user
    this_week = selectors.week_of(selectors.today_for(user))
    mine = selectors.my_week_notes(user, this_week)
    initial: dict[str, Any] = {}
    for kind, note in mine.items():
        initial[kind] = note.text
        initial[f"share_{kind}"] = note.visibility == "shared"
    can_share = selectors.can_share(user)
    form = WeekForm(request.POST or None, initial=initial, can_share=can_share)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kinds = ("went_well", "try_next")
        services.week_notes_save(
            user=user,
            week_of=this_week,
            texts={kind: data[kind] for kind in kinds},
            shares={kind: can_share and bool(data.get(f"share_{kind}")) for kind in kinds},
        )
        messages.success(request, _("This week's look back is saved."))
        return redirect("checkins:week")
    context = {"form": form, "weeks": selectors.week_notes_visible(user), "this_week": this_week}
    return render(request, "checkins/week.html", context)


@require_POST
def delete(request: HttpRequest, checkin_id: str) -> HttpResponse:
    checkin = get_authored_or_404(CheckIn, user=request.user, pk=checkin_id)
    services.checkin_delete(checkin=checkin)
    messages.success(request, _("That day's check-in is deleted."))
    return redirect(
        "checkins:history" if request.POST.get("back") == "history" else "checkins:today"
    )


@require_POST
def week_note_delete(request: HttpRequest, note_id: str) -> HttpResponse:
    note = get_authored_or_404(WeekNote, user=request.user, pk=note_id)
    services.week_note_delete(note=note)
    messages.success(request, _("That line is deleted."))
    return redirect("checkins:week")
