"""Thin views for small victories, milestones and our story (step 8)."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.accounts.coach_hints import hints_for
from mendwell.couples.selectors import partner_of
from mendwell.safety.selectors import ProgramState, joint_exercises_allowed, program_state_for
from mendwell.safety.signposting import support_panel_context
from mendwell.story import export, selectors, services
from mendwell.story.forms import VictoryForm
from mendwell.story.milestones import milestones_for
from mendwell.story.timeline import story_for

logger = logging.getLogger(__name__)

# Neutral names: a file on a shared computer should not say what it holds.
EXPORT_NAME = "mendwell-story"


def _hints_context(request: HttpRequest, text: str) -> dict[str, Any]:
    """The coach's findings, for the writer's eyes only: computed here, never stored or logged."""
    hints = hints_for(request.user, text, _("What happened"))
    return {"hints": hints, "panel": support_panel_context(request, text)}


def _previewing(request: HttpRequest) -> dict[str, Any]:
    """On a "Check my wording" press (the no-JavaScript way), the hints for what was typed."""
    if request.method != "POST" or "preview" not in request.POST:
        return {}
    return _hints_context(request, str(request.POST.get("text") or ""))


def _saved(request: HttpRequest, form: VictoryForm, message: str) -> HttpResponse:
    """After a save: the private support panel if the words call for it, else the wall."""
    panel = support_panel_context(request, form.cleaned_data["text"])
    if panel:
        return render(request, "story/saved.html", panel)
    messages.success(request, message)
    return redirect("story:home")


@require_http_methods(["GET", "POST"])
def story_home(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = VictoryForm(request.POST or None)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        victory = services.victory_create(
            user=user,
            victory_id=form.cleaned_data["victory_id"] or uuid.uuid4(),
            **form.victory_fields(),
        )
        shared = victory.visibility == "shared"
        return _saved(
            request, form, _("Posted on your shared wall.") if shared else _("Saved for you.")
        )
    context = {
        "form": form,
        "victories": selectors.victories_for(user),
        "milestones": milestones_for(user),
        "together": joint_exercises_allowed(user),
        "has_partner": partner_of(user) is not None,
        "paused": program_state_for(user) is ProgramState.PAUSED,
        **_previewing(request),
    }
    return render(request, "story/home.html", context)


@require_http_methods(["GET", "POST"])
def victory_edit(request: HttpRequest, victory_id: str) -> HttpResponse:
    victory = selectors.victory_for_author(request.user, victory_id)
    initial = {"text": victory.text, "happened_on": victory.happened_on, "step": victory.step}
    form = VictoryForm(request.POST or None, initial=initial)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        services.victory_update(victory=victory, **form.victory_fields())
        return _saved(request, form, _("Your changes are saved."))
    context = {"form": form, "victory": victory, **_previewing(request)}
    return render(request, "story/edit.html", context)


@require_POST
def victory_hints(request: HttpRequest) -> HttpResponse:
    """Live hints for a draft (htmx): the coach if switched on, and the support panel."""
    context = _hints_context(request, str(request.POST.get("text") or ""))
    if not context["hints"] and not context["panel"]:
        return HttpResponse("")
    return render(request, "includes/coach_hints.html", context)


@require_http_methods(["GET", "POST"])
def victory_delete(request: HttpRequest, victory_id: str) -> HttpResponse:
    victory = selectors.victory_for_author(request.user, victory_id)
    if request.method == "POST":
        services.victory_delete(victory=victory)
        messages.success(request, _("It is deleted."))
        return redirect("story:home")
    return render(request, "story/delete.html", {"victory": victory})


@require_GET
def story_timeline(request: HttpRequest) -> HttpResponse:
    return render(request, "story/timeline.html", {"moments": story_for(request.user)})


def _download(content: bytes, *, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{EXPORT_NAME}-{day}.{extension}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def export_markdown(request: HttpRequest) -> HttpResponse:
    text = export.as_markdown(story_for(request.user), made_on=timezone.localdate())
    return _download(
        text.encode("utf-8"), content_type="text/markdown; charset=utf-8", extension="md"
    )


@require_GET
def export_pdf(request: HttpRequest) -> HttpResponse:
    try:
        pdf = export.as_pdf(story_for(request.user), made_on=timezone.localdate())
    except OSError:
        # WeasyPrint needs the host's Pango libraries; without them, say so
        # and offer the Markdown copy rather than failing.
        logger.exception("PDF export unavailable: the Pango libraries are missing")
        messages.error(
            request,
            _("A PDF can't be made on this server right now. The Markdown copy has everything."),
        )
        return redirect("story:timeline")
    return _download(pdf, content_type="application/pdf", extension="pdf")
