"""Thin views for the question of the day, the deck and one's own marks on questions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from mendwell.conversations import selectors, services
from mendwell.conversations.forms import AnswerForm, DeckFilterForm, QuestionMarkForm
from mendwell.conversations.models import Answer
from mendwell.conversations.questions import QUESTIONS, THEMES
from mendwell.couples.access import get_authored_or_404
from mendwell.safety.selectors import program_state_for
from mendwell.safety.signposting import support_panel_context


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _offer_talk(request: HttpRequest) -> bool:
    return selectors.talk_offered(request.user)


@require_http_methods(["GET", "POST"])
def question_of_the_day(request: HttpRequest) -> HttpResponse:
    view = selectors.day_view_for(request.user)
    locked = bool(selectors.question_lock_for(request.user, view))
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
        "item": selectors.deck_item_for(request.user, view.question),
        "here": reverse("conversations:today"),
        "offer_talk": _offer_talk(request),
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
    chosen = DeckFilterForm(request.GET).chosen()
    themes = selectors.deck_for(request.user, **chosen)
    context = {
        "themes": themes,
        "filters": DeckFilterForm(initial=chosen),
        "filtered": chosen != DeckFilterForm().chosen(),
        "shown": sum(len(theme.items) for theme in themes),
        "total": len(QUESTIONS),
        "here": request.get_full_path(),
        "offer_talk": _offer_talk(request),
    }
    return render(request, "conversations/deck.html", context)


def _safe_next(request: HttpRequest) -> str:
    """Where the mark button was pressed (a path on this site), else the deck."""
    wanted = request.POST.get("next", "").split("#", 1)[0]
    # A page's own address never holds raw spaces or control characters (they
    # arrive %-encoded); one that does was made by hand and would break the header.
    if (
        wanted.startswith("/")
        and wanted.isprintable()
        and " " not in wanted
        and url_has_allowed_host_and_scheme(
            wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return wanted
    return reverse("conversations:deck")


@require_POST
def question_mark(request: HtmxHttpRequest) -> HttpResponse:
    """Favourite, or "we've talked about this": the person's own, seen by nobody else."""
    question = selectors.question_or_404(request.POST.get("question", ""))
    form = QuestionMarkForm(request.POST)
    error = ""
    if form.is_valid():
        services.question_mark_set(user=request.user, question_id=question.id, **form.changes())
    else:
        error = " ".join(str(message) for errors in form.errors.values() for message in errors)
    back = _safe_next(request)
    if request.htmx:
        context = {
            "item": selectors.deck_item_for(request.user, question),
            "here": back,
            "mark_error": error,
        }
        return render(request, "conversations/_marks.html", context)
    if error:
        messages.error(request, error)
    return redirect(f"{back}#q-{question.id}")


@require_POST
def answer_delete(request: HttpRequest, answer_id: str) -> HttpResponse:
    answer = get_authored_or_404(Answer, user=request.user, pk=answer_id)
    services.answer_delete(answer=answer)
    messages.success(request, _("Your answer is deleted."))
    return redirect("conversations:today")
