"""Thin views for deleting a whole account."""

from __future__ import annotations

import logging
from importlib import import_module

from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import AnonymousUser
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from mendwell.erasure import selectors, services
from mendwell.erasure.forms import AccountDeleteForm

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "POST"])
@reauthentication_required
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(user=request.user)
        try:
            logout(request)  # this browser's session is already gone; start a clean one
        except DatabaseError:
            # The deletion has committed, and every session of the account went
            # with it. An error page now would tell someone whose account is gone
            # that "nothing was lost" (so it must still be there): log it, and
            # answer as deleted with an empty session (its cookie is dropped).
            logger.exception("account deleted; ending this browser's session failed")
            request.session = import_module(settings.SESSION_ENGINE).SessionStore()
            request.user = AnonymousUser()
        return redirect("erasure:account_deleted")
    context = {"form": form, "summary": selectors.account_summary(request.user)}
    return render(request, "erasure/account_delete.html", context)


@login_not_required
@require_GET
def account_deleted(request: HttpRequest) -> HttpResponse:
    """Neutral on purpose: anyone may open it, and it says nothing about anyone."""
    return render(request, "erasure/account_deleted.html")
