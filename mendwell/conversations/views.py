"""Thin views for the question of the day and the deck."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mendwell.conversations import selectors, services
from mendwell.conversations.forms import AnswerForm
from mendwell.conversations.questions import THEMES
from mendwell.safety.selectors import joint_exercises_allowed, program_state_for
from mendwell.safety.signposting import support_panel_context


@require_http_methods(["GET", "POST"])
def question_of_the_day(request: HttpRequest) -> HttpResponse:
    view = selectors.day_view_for(request.user)
    locked = view.with_partner and not joint_exercises_allowed(request.user)
    form = AnswerForm(request.POST or None)
    panel = None
    if request.method == "POST" and not locked and view.mine is None and form.is_valid():
        text = form.cleaned_data["text"]
        services.answer_submit(user=request.user, daily=view.daily, text=text)
        panel = support_panel_context(request, text)
        if panel is None:
            messages.success(request, _("Your answer is saved."))
            return redirect("conversations:today")
        view = selectors.day_view_for(request.user)
    elif request.method == "POST" and view.mine is not None:
        messages.info(request, _("You've already answered today's question."))
        return redirect("conversations:today")
    context = {
        "view": view,
        "form": form,
        "locked": locked,
        "paused": program_state_for(request.user).value == "paused",
        "theme": THEMES.get(view.question.theme, ""),
        **(panel or {}),
        "show_panel": panel is not None,
    }
    return render(request, "conversations/today.html", context)


@require_GET
def deck(request: HttpRequest) -> HttpResponse:
    themes = [(THEMES[key], questions) for key, questions in selectors.deck_by_theme().items()]
    return render(request, "conversations/deck.html", {"themes": themes})
