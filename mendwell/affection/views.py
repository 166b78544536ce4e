"""Thin views for step 7: gentle affection, consent first."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.affection import answers, selectors, services
from mendwell.affection.catalogue import BY_ID
from mendwell.affection.forms import AnswerForm, ComfortForm, NoteForm
from mendwell.safety.signposting import support_panel_context


def _state(user: Any) -> str:
    # One word decides the page (see selectors.page_state).
    return selectors.page_state(user)


def _home_context(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    state = _state(user)
    profile = selectors.own_profile(user)
    context: dict[str, Any] = {"state": state, "opted_in": profile is not None}
    if state != "open" or profile is None:
        return context
    today = selectors.local_today(user)
    challenge = selectors.challenge_view_for(user, today=today)
    context.update(
        profile=profile,
        my_kinds=[BY_ID[kind].label for kind in sorted(profile.open_kinds) if kind in BY_ID],
        challenge=challenge,
        answer=(
            answers.answer_today(request.session, challenge_id=challenge.challenge.pk, today=today)
            if challenge
            else None
        ),
        notes=selectors.notes_for(user),
    )
    return context


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "affection/home.html", _home_context(request))


@require_POST
def opt_in(request: HttpRequest) -> HttpResponse:
    try:
        services.affection_opt_in(user=request.user)
    except services.NotLinked:
        return redirect("affection:home")
    messages.success(request, _("You've said yes. Only you can see your choice."))
    return redirect("affection:home")


@require_POST
def opt_out(request: HttpRequest) -> HttpResponse:
    services.affection_opt_out(user=request.user, today=selectors.local_today(request.user))
    messages.success(request, _("Done. Affection tools are off, and your choices are cleared."))
    return redirect("affection:home")


@require_http_methods(["GET", "POST"])
def comfort(request: HttpRequest, profile_id: str) -> HttpResponse:
    profile = selectors.profile_for_author_or_404(request.user, profile_id)
    form = ComfortForm(request.POST or None, initial={"open_kinds": sorted(profile.open_kinds)})
    if request.method == "POST" and form.is_valid():
        services.comfort_set(profile=profile, open_kinds=form.cleaned_data["open_kinds"])
        messages.success(request, _("Saved. Only you can see these settings."))
        return redirect("affection:home")
    return render(request, "affection/comfort.html", {"form": form, "profile": profile})


@require_POST
def challenge_start(request: HttpRequest) -> HttpResponse:
    if selectors.tools_open(request.user):
        services.challenge_start(user=request.user, today=selectors.local_today(request.user))
    return redirect("affection:home")


@require_POST
def challenge_pause(request: HttpRequest, challenge_id: str) -> HttpResponse:
    challenge = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_pause(challenge=challenge, today=selectors.local_today(request.user))
    messages.success(request, _("The challenge is paused. Either of you can pick it up again."))
    return redirect("affection:home")


@require_POST
def challenge_resume(request: HttpRequest, challenge_id: str) -> HttpResponse:
    challenge = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_resume(challenge=challenge, today=selectors.local_today(request.user))
    return redirect("affection:home")


@require_POST
def challenge_end(request: HttpRequest, challenge_id: str) -> HttpResponse:
    challenge = selectors.challenge_for_or_404(request.user, challenge_id)
    services.challenge_end(challenge=challenge, today=selectors.local_today(request.user))
    messages.success(request, _("The challenge has ended. Your notes are still here."))
    return redirect("affection:home")


@require_POST
def challenge_answer(request: HttpRequest, challenge_id: str) -> HttpResponse:
    """Acknowledge today's answer on the person's own page; store nothing anywhere else."""
    challenge = selectors.challenge_for_or_404(request.user, challenge_id)
    form = AnswerForm(request.POST)
    today = selectors.local_today(request.user)
    day = selectors.answerable_day(request.user, today=today)
    if not form.is_valid() or day is None or form.cleaned_data["day"] != day:
        messages.info(
            request, _("That invitation is no longer today's. Here is where things are now.")
        )
        return redirect("affection:home")
    answers.remember(
        request.session, challenge_id=challenge.pk, today=today, answer=form.cleaned_data["answer"]
    )
    return redirect("affection:home")


@require_http_methods(["GET", "POST"])
def note_create(request: HttpRequest) -> HttpResponse:
    # Its own page, so the home page carries no per-render id and two views of it
    # can be compared byte for byte.
    if _state(request.user) != "open":
        return redirect("affection:home")
    form = NoteForm(request.POST or None)
    if request.method != "POST" or not form.is_valid():
        return render(request, "affection/note_form.html", {"form": form})
    note = services.note_create(
        user=request.user,
        note_id=form.cleaned_data["note_id"],
        text=form.cleaned_data["text"],
        share=form.cleaned_data["share"],
    )
    panel = support_panel_context(request, form.cleaned_data["text"])
    if panel:
        return render(request, "affection/saved.html", {**panel, "note": note})
    if note.visibility == "shared":
        messages.success(request, _("Saved and shared with your partner."))
    else:
        messages.success(request, _("Saved. Only you can see this note."))
    return redirect("affection:home")


@require_POST
def note_delete(request: HttpRequest, note_id: str) -> HttpResponse:
    note = selectors.note_for_author_or_404(request.user, note_id)
    services.note_delete(note=note)
    messages.success(request, _("The note is deleted."))
    return redirect("affection:home")
