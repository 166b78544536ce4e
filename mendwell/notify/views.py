"""Thin views: the person's own notifications."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mendwell.notify import selectors, services


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    shown = selectors.recent_for(request.user)
    unread = {item.notification.pk for item in shown if item.notification.read_at is None}
    # Opening the list is what reads them; only this person ever sees that state.
    services.mark_all_read(user=request.user)
    return render(request, "notify/list.html", {"shown": shown, "unread": unread})
