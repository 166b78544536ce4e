"""Thin views: the person's own notifications and their channel choice."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from mendwell.notify import selectors, services


class ChannelForm(forms.Form):
    email = forms.BooleanField(
        label=gettext_lazy("Also tell me by email"),
        required=False,
        help_text=gettext_lazy(
            "Emails never say who or what: only that something is waiting for you here."
        ),
    )


@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    form = ChannelForm(
        request.POST or None, initial={"email": selectors.email_chosen(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        services.channels_set(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, _("Your choice is saved."))
        return redirect("notify:list")
    shown = selectors.recent_for(request.user)
    unread = {item.notification.pk for item in shown if item.notification.read_at is None}
    # Opening the list is what reads them; only this person ever sees that state.
    services.mark_all_read(user=request.user)
    return render(request, "notify/list.html", {"shown": shown, "unread": unread, "form": form})
