"""The person's own profile page. Login, signup and MFA pages come from allauth."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.accounts.forms import CoachChoiceForm, ProfileForm
from mendwell.accounts.services import coach_choice_save, profile_update


@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm.for_user(request.user, request.POST or None)  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    context = {"form": form}
    return render(request, "accounts/profile.html", context)


def _safe_next(request: HttpRequest, candidate: str | None) -> str:
    """Back to the page the offer was on, if it is one of ours; the profile otherwise."""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("accounts:profile")


def _coach_message(choice: str) -> str:
    if choice == "on":
        return _("Wording hints are on. They show under your draft as you write, only to you.")
    if choice == "off":
        return _("Wording hints are off.")
    return _("We won't offer wording hints again. You can turn them on in your profile.")


@require_POST
def coach_toggle(request: HttpRequest) -> HttpResponse:
    """The answer to the wording-hints offer (``accounts/_coach_offer.html``).

    With htmx the offer is swapped in place, so a draft being typed stays on the
    page; without JavaScript the person goes back to ``next``.
    """
    form = CoachChoiceForm(request.POST)
    next_url = _safe_next(request, request.POST.get("next"))
    if not form.is_valid():
        message = str(form.errors["choice"][0])
        if request.htmx:  # type: ignore[attr-defined]
            return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
        messages.error(request, message)
        return redirect(next_url)
    choice = form.cleaned_data["choice"]
    coach_choice_save(user=request.user, choice=choice)
    if request.htmx:  # type: ignore[attr-defined]
        context: dict[str, Any] = {"coach_next": next_url, "coach_offer_answered": choice}
        response = render(request, "accounts/_coach_offer.html", context)
        if choice == "on":
            # Lets a composer on the page ask for hints on the draft already typed.
            response["HX-Trigger"] = "coachEnabled"
        return response
    messages.success(request, _coach_message(choice))
    return redirect(next_url)
