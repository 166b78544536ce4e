"""Thin views: the person's reminder times, channels and quiet hours."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.notify.forms import ChannelForm
from mendwell.notify.services import channels_set
from mendwell.reminders import selectors, services
from mendwell.reminders.forms import ReminderTimesForm


def _page(
    request: HttpRequest,
    *,
    times: ReminderTimesForm | None = None,
    channels: ChannelForm | None = None,
) -> HttpResponse:
    user: Any = request.user
    context = {
        "times": times
        or ReminderTimesForm(initial=ReminderTimesForm.initial_from(selectors.choices_for(user))),
        "channels": channels or ChannelForm(initial=selectors.channel_values(user)),
        "upcoming": selectors.coming_up(user),
        "time_zone": user.time_zone,
    }
    return render(request, "reminders/settings.html", context)


@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _page(request)
    form = ReminderTimesForm(request.POST)
    if not form.is_valid():
        return _page(request, times=form)
    services.reminder_times_save(user=request.user, data=form.cleaned_data)
    messages.success(request, _("Your reminder times are saved."))
    return redirect("reminders:settings")


@require_POST
def channel_settings(request: HttpRequest) -> HttpResponse:
    form = ChannelForm(request.POST)
    if not form.is_valid():
        return _page(request, channels=form)
    channels_set(user=request.user, quiet_hours=True, **form.cleaned_data)
    messages.success(request, _("Your choice is saved."))
    return redirect("reminders:settings")
