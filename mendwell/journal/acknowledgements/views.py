"""Thin views for the acknowledgement composer (step 1)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.journal.acknowledgements import selectors, services
from mendwell.journal.acknowledgements.forms import (
    AcknowledgementForm,
    AnswerForm,
    ResponseForm,
)
from mendwell.safety.signposting import support_panel_context


def _hints_context(request: HttpRequest, form: AcknowledgementForm) -> dict[str, Any]:
    texts = form.texts()
    return {
        "hints": selectors.draft_hints_for(request.user, texts),
        "panel": support_panel_context(request, "\n".join(texts.values())),
    }


@require_GET
def acknowledgement_list(request: HttpRequest) -> HttpResponse:
    context = {
        "mine": selectors.acknowledgements_written_by(request.user),
        "received": selectors.acknowledgements_received_by(request.user),
    }
    return render(request, "journal/acknowledgements/list.html", context)


def _saved(request: HttpRequest, form: AcknowledgementForm, thread: Any) -> HttpResponse:
    panel = support_panel_context(request, "\n".join(form.texts().values()))
    if panel:
        return render(request, "journal/acknowledgements/saved.html", {**panel, "thread": thread})
    messages.success(request, _("Your draft is saved. Only you can see it until you send it."))
    return redirect("journal:ack_detail", thread_id=thread.id)


def _form_page(request: HttpRequest, form: AcknowledgementForm, **extra: Any) -> HttpResponse:
    # The wording-hints offer in the page reads the person's setting itself.
    context: dict[str, Any] = {"form": form, **extra}
    if request.method == "POST":
        context.update(_hints_context(request, form))
        context["previewing"] = "preview" in request.POST
    return render(request, "journal/acknowledgements/form.html", context)


@require_http_methods(["GET", "POST"])
def acknowledgement_create(request: HttpRequest) -> HttpResponse:
    form = AcknowledgementForm(request.POST or None, user=request.user)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        thread = services.acknowledgement_create(
            user=request.user,
            thread_id=form.cleaned_data["thread_id"] or uuid.uuid4(),
            **form.draft_fields(),
        )
        return _saved(request, form, thread)
    if request.method == "POST":
        form.is_valid()
    return _form_page(request, form, creating=True)


@require_http_methods(["GET", "POST"])
def acknowledgement_edit(request: HttpRequest, thread_id: str) -> HttpResponse:
    thread = selectors.acknowledgement_for_author(request.user, thread_id)
    initial = {
        "thread_id": thread.id,
        "version": thread.version,
        "own_it": thread.own_it,
        "impact": thread.impact,
        "change": thread.change,
        "entries": list(thread.entries.all()),
    }
    form = AcknowledgementForm(request.POST or None, initial=initial, user=request.user)
    conflict = None
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        try:
            thread = services.acknowledgement_update(
                thread=thread, version=form.cleaned_data["version"], **form.draft_fields()
            )
        except services.EditConflict as error:
            # Keep what the person typed, show the newer draft beside it (as the log does).
            conflict = error.current
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            form = AcknowledgementForm(data, initial=initial, user=request.user)
            form.is_valid()
        else:
            return _saved(request, form, thread)
    elif request.method == "POST":
        form.is_valid()
    return _form_page(request, form, thread=thread, conflict=conflict, creating=False)


@require_POST
def acknowledgement_hints(request: HttpRequest) -> HttpResponse:
    """Live hints for a draft (htmx): the coach if switched on, and the support panel."""
    form = AcknowledgementForm(request.POST, user=request.user)
    context = _hints_context(request, form)
    if not context["hints"] and not context["panel"]:
        return HttpResponse("")
    return render(request, "includes/coach_hints.html", context)


@require_GET
def acknowledgement_detail(request: HttpRequest, thread_id: str) -> HttpResponse:
    thread = selectors.acknowledgement_visible_to(request.user, thread_id)
    view = selectors.thread_view_for(request.user, thread)
    context: dict[str, Any] = {
        "thread": thread,
        "is_author": view.is_author,
        "copies": view.copies,
        "entries": view.entries,
        "unsent_changes": view.unsent_changes,
        "send_refusal": services.send_refusal_for(request.user) if view.is_author else None,
    }
    if view.answering is not None:
        context["response_form"] = ResponseForm(initial={"sent": view.answering.number})
        context["answering"] = view.answering
    return render(request, "journal/acknowledgements/detail.html", context)


def _refusal_message(request: HttpRequest, code: str) -> None:
    text = services.send_refusal_message(code)
    if code == "check_needed":
        messages.info(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                text,
                reverse("safety:check"),
                _("Take the private check"),
            ),
        )
    else:
        messages.info(request, text)


@require_POST
def acknowledgement_send(request: HttpRequest, thread_id: str) -> HttpResponse:
    thread = selectors.acknowledgement_for_author(request.user, thread_id)
    try:
        services.acknowledgement_send(thread=thread)
    except services.SendRefused as refused:
        _refusal_message(request, refused.code)
    else:
        messages.success(request, _("Sent. Your partner can read it now."))
    return redirect("journal:ack_detail", thread_id=thread.id)


@require_POST
def acknowledgement_respond(request: HttpRequest, thread_id: str) -> HttpResponse:
    thread = selectors.acknowledgement_shared_with(request.user, thread_id)
    form = ResponseForm(request.POST)
    copies = {copy.number: copy for copy in selectors.sent_copies_of(request.user, thread)}
    if form.is_valid():
        sent = copies.get(form.cleaned_data["sent"])
        if sent is None:
            raise Http404
        services.acknowledgement_respond(
            user=request.user,
            thread=thread,
            sent=sent,
            kind=form.cleaned_data["kind"],
            missing=form.cleaned_data["missing"],
        )
        messages.success(request, _("Your answer is sent."))
        return redirect("journal:ack_detail", thread_id=thread.id)
    # A rejected answer: the same page, with what was typed and the reason.
    with_answers = selectors.copies_with_answers(request.user, thread)
    context: dict[str, Any] = {
        "thread": thread,
        "is_author": False,
        "copies": with_answers,
        "response_form": form,
        "answering": with_answers[0].copy if with_answers else None,
    }
    return render(request, "journal/acknowledgements/detail.html", context)


@require_http_methods(["GET", "POST"])
def acknowledgement_answer_change(request: HttpRequest, answer_id: str) -> HttpResponse:
    """The person who answered a copy says something else; the earlier answer stays as history."""
    answer = selectors.answer_for_responder(request.user, answer_id)
    current = selectors.current_answer_like(request.user, answer)
    if request.method == "GET" and current.pk != answer.pk:
        # An old link (another tab, the back button): change the answer standing now.
        return redirect("journal:ack_answer_change", answer_id=current.id)
    form = AnswerForm(
        request.POST or None, initial={"kind": current.kind, "missing": current.missing}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.acknowledgement_answer_change(
                user=request.user,
                answer=answer,
                kind=form.cleaned_data["kind"],
                missing=form.cleaned_data["missing"],
            )
        except PermissionError:
            raise Http404 from None
        except services.AnswerChanged as error:
            # Keep what was typed; show what stands now; saving again replaces that.
            conflict = current = error.current
        else:
            if changed.pk == answer.pk:
                messages.info(request, _("Nothing changed: your answer stays as it was."))
            else:
                messages.success(
                    request,
                    _(
                        "Your answer is changed. Your partner can read it, with the earlier one kept."
                    ),
                )
            return redirect("journal:ack_detail", thread_id=answer.thread_id)
    context = {"form": form, "answer": current, "copy": current.sent, "conflict": conflict}
    return render(request, "journal/acknowledgements/answer_change.html", context)


@require_POST
def acknowledgement_delete(request: HttpRequest, thread_id: str) -> HttpResponse:
    thread = selectors.acknowledgement_for_author(request.user, thread_id)
    services.acknowledgement_delete(thread=thread)
    messages.success(request, _("The acknowledgement is deleted."))
    return redirect("journal:ack_list")
