"""Thin views for guided conversations (step 2).

Every page works without JavaScript. With it, the live region polls every two
seconds and is only swapped when something changed, and the draft a person
is typing survives the swap (``hx-preserve``).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.conversations.guided import selectors, services
from mendwell.conversations.guided.forms import (
    PauseForm,
    RulesForm,
    StartForm,
    TopicForm,
    TurnForm,
)
from mendwell.conversations.guided.rules import CALMING_SUGGESTIONS, GROUND_RULES
from mendwell.conversations.guided.selectors import ConversationView
from mendwell.conversations.guided.state import Phase
from mendwell.conversations.models import Turn
from mendwell.couples.access import get_authored_or_404
from mendwell.safety.signposting import support_panel_context


def _panel(request: HttpRequest, view: ConversationView, text: str) -> dict[str, Any] | None:
    """Crisis signposting only for the phone's owner writing as themselves: on
    a shared phone the words may be the partner's, and a support panel shown
    on the other person's device could put its writer at risk."""
    if not view.writes_as_self:
        return None
    return support_panel_context(request, text)


def _detail_context(request: HttpRequest, view: ConversationView, **extra: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "view": view,
        "c": view.conversation,
        "lock": selectors.lock_reason_for(request.user),
        "ground_rules": GROUND_RULES,
        "question_text": selectors.question_text(view.conversation.question_id),
        "turn_label": selectors.turn_label(view),
    }
    if view.phase is Phase.RULES:
        context["rules_form"] = RulesForm(people=view.agreement_pending_for)
    if view.phase is Phase.TOPIC:
        context["topic_form"] = TopicForm(
            initial={"topic": view.conversation.topic or context["question_text"]},
            people=view.people,
        )
    writer = view.writer_after_pause
    if writer is not None:
        context["turn_form"] = TurnForm(
            initial={"seq": view.next_seq}, label=selectors.turn_label(view)
        )
        context["coach_offer"] = writer.pk == view.me.pk and not view.me.coach_enabled
    context.update(extra)
    return context


def _render_detail(request: HttpRequest, view: ConversationView, **extra: Any) -> HttpResponse:
    return render(
        request, "conversations/talk/detail.html", _detail_context(request, view, **extra)
    )


def _view(request: HttpRequest, conversation_id: Any) -> ConversationView:
    return selectors.view_of(
        request.user, selectors.conversation_for(request.user, conversation_id)
    )


def _open_view(request: HttpRequest, conversation_id: Any) -> ConversationView:
    """For writes: an ended conversation, or one from a couple space that has
    closed, takes nothing more; it answers like a missing page."""
    view = _view(request, conversation_id)
    if view.phase is Phase.ENDED:
        raise Http404
    return view


def _blocked(request: HttpRequest, view: ConversationView) -> HttpResponse | None:
    """Writes need both of us able to take part; the page explains why not."""
    if selectors.lock_reason_for(request.user):
        return redirect("talk:detail", conversation_id=view.conversation.id)
    return None


def _next_screen(view: ConversationView, acted_as: Any) -> HttpResponse:
    """On the shared phone, hand over before the next person sees the screen."""
    fresh = services.refresh(view)
    handing_over = fresh.next is not None and fresh.next.speaker_id != getattr(acted_as, "pk", None)
    if fresh.conversation.one_device and handing_over:
        return redirect("talk:handoff", conversation_id=view.conversation.id)
    return redirect("talk:detail", conversation_id=view.conversation.id)


@require_GET
def conversation_list(request: HttpRequest) -> HttpResponse:
    context = {
        "conversations": selectors.conversations_for(request.user),
        "lock": selectors.lock_reason_for(request.user),
    }
    return render(request, "conversations/talk/list.html", context)


@require_http_methods(["GET", "POST"])
def conversation_new(request: HttpRequest) -> HttpResponse:
    lock = selectors.lock_reason_for(request.user)
    question_id = request.GET.get("question", "")
    if not selectors.question_text(question_id):
        question_id = ""
    form = StartForm(request.POST or None, initial={"question": question_id})
    if request.method == "POST" and not lock and form.is_valid():
        data = form.cleaned_data
        question = data["question"] if selectors.question_text(data["question"]) else ""
        try:
            conversation = services.conversation_start(
                user=request.user,
                conversation_id=data["conversation_id"] or uuid.uuid4(),
                speaker_listener=data["speaker_listener"],
                one_device=data["devices"] == "one",
                turn_minutes=data["turn_minutes"],
                question_id=question,
            )
        except services.Refused as refusal:
            messages.error(request, refusal.message)
        else:
            return redirect("talk:detail", conversation_id=conversation.id)
    context = {
        "form": form,
        "lock": lock,
        "question_text": selectors.question_text(question_id),
        "ground_rules": GROUND_RULES,
    }
    return render(request, "conversations/talk/new.html", context)


@require_GET
def conversation_detail(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    return _render_detail(request, _view(request, conversation_id))


@require_GET
def conversation_live(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    """The polled live region: "nothing new" (204, htmx leaves the page alone)
    until the state changes, then the fresh region."""
    view = _view(request, conversation_id)
    if request.GET.get("v") == view.state_key:
        return HttpResponse(status=204)
    return render(request, "conversations/talk/_live.html", _detail_context(request, view))


@require_POST
def rules_agree(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    if blocked := _blocked(request, view):
        return blocked
    if view.phase is not Phase.RULES:
        return redirect("talk:detail", conversation_id=view.conversation.id)
    form = RulesForm(request.POST, people=view.agreement_pending_for)
    if not form.is_valid():
        return _render_detail(request, view, rules_form=form)
    services.rules_agree(view=view, people=form.agreed_people())
    return redirect("talk:detail", conversation_id=view.conversation.id)


@require_POST
def topic_set(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    if blocked := _blocked(request, view):
        return blocked
    if view.phase is not Phase.TOPIC:
        return redirect("talk:detail", conversation_id=view.conversation.id)
    form = TopicForm(request.POST, people=view.people)
    if not form.is_valid():
        return _render_detail(request, view, topic_form=form)
    if not services.topic_set(
        view=view, topic=form.cleaned_data["topic"], first_speaker=form.speaker()
    ):
        messages.info(request, _("Your partner chose the topic a moment before you did."))
    return _next_screen(view, view.me)


@require_POST
def turn_add(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    if blocked := _blocked(request, view):
        return blocked
    form = TurnForm(request.POST, label=selectors.turn_label(view))
    if not form.is_valid():
        return _render_detail(request, view, turn_form=form)
    text = form.cleaned_data["text"]
    if "preview" in request.POST:
        return _render_detail(request, view, turn_form=form, hints=selectors.turn_hints(view, text))
    writer = view.writer_after_pause
    try:
        if writer is None:
            raise services.Refused(_("It isn't your turn yet. Your words are kept here."))
        services.turn_add(view=view, writer=writer, text=text, seq=form.cleaned_data["seq"])
    except services.Refused as refusal:
        fresh = services.refresh(view)
        kept = TurnForm(
            {"text": text, "seq": fresh.next_seq}, label=selectors.turn_label(fresh)
        )  # keep what they typed
        return _render_detail(request, fresh, turn_form=kept, refusal=refusal.message)
    panel = _panel(request, view, text)
    if panel is not None:
        return _render_detail(request, services.refresh(view), **panel, show_panel=True)
    return _next_screen(view, writer)


@require_POST
def reflection_confirm(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    if blocked := _blocked(request, view):
        return blocked
    try:
        seq = int(request.POST.get("seq", ""))
    except ValueError:
        seq = 0
    if not services.reflection_confirm(view=view, seq=seq):
        messages.info(request, _("The conversation had already moved on."))
        return redirect("talk:detail", conversation_id=view.conversation.id)
    return _next_screen(view, view.writer_after_pause)


@require_http_methods(["GET", "POST"])
def pause_call(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.pause_call(view=view, minutes=form.cleaned_data["minutes"])
        return redirect("talk:detail", conversation_id=view.conversation.id)
    context = {
        "view": view,
        "c": view.conversation,
        "form": form,
        "calming": CALMING_SUGGESTIONS,
        "suggest_support": selectors.pause_suggests_support(request.user, view.conversation),
    }
    return render(request, "conversations/talk/pause.html", context)


@require_GET
def handoff(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _view(request, conversation_id)
    if not view.conversation.one_device or view.next is None:
        return redirect("talk:detail", conversation_id=view.conversation.id)
    return render(
        request,
        "conversations/talk/handoff.html",
        {"view": view, "c": view.conversation, "next_name": view.name_of(view.next.speaker_id)},
    )


@require_POST
def conversation_end(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    view = _open_view(request, conversation_id)
    services.conversation_end(view=view)
    messages.success(request, _("The conversation has ended. Thank you both for taking part."))
    return redirect("talk:detail", conversation_id=view.conversation.id)


@require_POST
def turn_delete(request: HttpRequest, turn_id: uuid.UUID) -> HttpResponse:
    """Delete one's own words, also after the conversation ended or the couple closed."""
    turn = get_authored_or_404(Turn, user=request.user, pk=turn_id)
    services.turn_delete(turn=turn)
    messages.success(request, _("Your words in that turn are deleted."))
    return redirect("talk:detail", conversation_id=turn.conversation_id)


@require_POST
def turn_hints(request: HttpRequest, conversation_id: uuid.UUID) -> HttpResponse:
    """Live wording hints while typing a turn (htmx): the writer's own coach,
    and the support panel when the phone's owner writes as themselves."""
    view = _open_view(request, conversation_id)
    text = request.POST.get("text", "")[:20_000]
    context = {"hints": selectors.turn_hints(view, text), "panel": _panel(request, view, text)}
    if not context["hints"] and not context["panel"]:
        return HttpResponse("")
    return render(request, "includes/coach_hints.html", context)
