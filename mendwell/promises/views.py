"""Thin views for the promise ledger (step 6)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.accounts.coach_hints import hints_for
from mendwell.promises import selectors, services
from mendwell.promises.chart import chart_for
from mendwell.promises.forms import (
    TEXT_LABEL,
    MarkForm,
    PromiseForm,
    WithdrawForm,
    refusal_message,
)
from mendwell.safety.signposting import support_panel_context


def _hints_context(request: HttpRequest, text: str) -> dict[str, Any]:
    """The coach's findings, for the writer's eyes only: computed here, never stored or logged."""
    hints = hints_for(request.user, text, TEXT_LABEL)
    return {"hints": hints, "panel": support_panel_context(request, text)}


def _refusal_message(request: HttpRequest, code: str) -> None:
    messages.info(request, refusal_message(code))


@require_GET
def promise_list(request: HttpRequest) -> HttpResponse:
    people = selectors.follow_through_for(request.user)
    context = {
        "mine": selectors.promises_made_by(request.user),
        "to_me": selectors.promises_made_to(request.user),
        "people": people,
        "chart": chart_for(people),
        "sharing_refusal": services.sharing_refusal_for(request.user),
    }
    return render(request, "promises/list.html", context)


def _form_page(request: HttpRequest, form: PromiseForm, **extra: Any) -> HttpResponse:
    context: dict[str, Any] = {
        "form": form,
        "sharing_refusal": services.sharing_refusal_for(request.user),
        **extra,
    }
    if request.method == "POST":
        context.update(_hints_context(request, form.texts()["text"]))
        context["previewing"] = "preview" in request.POST
    return render(request, "promises/form.html", context)


def _saved(request: HttpRequest, form: PromiseForm, promise: Any, message: str) -> HttpResponse:
    panel = support_panel_context(request, form.texts()["text"])
    if panel:
        return render(request, "promises/saved.html", {**panel, "promise": promise})
    messages.success(request, message)
    return redirect("promises:detail", promise_id=promise.id)


@require_http_methods(["GET", "POST"])
def promise_create(request: HttpRequest) -> HttpResponse:
    form = PromiseForm(request.POST or None, user=request.user)
    if request.method == "POST" and "preview" not in request.POST and form.is_valid():
        promise = services.promise_create(
            user=request.user,
            promise_id=form.cleaned_data["promise_id"] or uuid.uuid4(),
            **form.promise_fields(),
        )
        return _saved(request, form, promise, _("Your promise is in the ledger."))
    if request.method == "POST":
        form.is_valid()
    return _form_page(request, form, creating=True)


@require_POST
def promise_hints(request: HttpRequest) -> HttpResponse:
    """Live hints for a draft (htmx): the coach if switched on, and the support panel."""
    context = _hints_context(request, str(request.POST.get("text") or ""))
    if not context["hints"] and not context["panel"]:
        return HttpResponse("")
    return render(request, "includes/coach_hints.html", context)


def _detail_context(request: HttpRequest, promise: Any, **extra: Any) -> dict[str, Any]:
    page = selectors.promise_page_for(request.user, promise)
    may_mark, refusal = page.may_mark, page.mark_refusal
    rejected: MarkForm | None = extra.pop("mark_form", None)
    rows = []
    for occurrence in page.occurrences:
        form = None
        if may_mark and not refusal:
            # One small form per occurrence, with its own ids; a rejected one comes back as typed.
            auto_id = f"id_{occurrence.seq}_%s"
            if rejected is not None and str(rejected.data.get("seq")) == str(occurrence.seq):
                form = MarkForm(rejected.data, auto_id=auto_id)
                form.is_valid()
            else:
                form = MarkForm(initial={"seq": occurrence.seq}, auto_id=auto_id)
        rows.append((occurrence, form))
    return {
        "promise": promise,
        "is_author": page.is_author,
        "rows": rows,
        "history": page.history,
        "replacement": page.replacement,
        "may_mark": may_mark,
        "mark_refusal": refusal,
        "can_change": page.can_change,
        **extra,
    }


@require_GET
def promise_detail(request: HttpRequest, promise_id: str) -> HttpResponse:
    promise = selectors.promise_visible_to(request.user, promise_id)
    return render(request, "promises/detail.html", _detail_context(request, promise))


@require_POST
def occurrence_mark(request: HttpRequest, promise_id: str) -> HttpResponse:
    promise = selectors.promise_visible_to(request.user, promise_id)
    if not services.may_mark(request.user, promise):
        # The author of a shared promise, like anyone else, finds nothing to mark here.
        raise Http404
    form = MarkForm(request.POST)
    seqs = {occurrence.seq for occurrence in selectors.occurrences_of(request.user, promise)}
    if form.is_valid():
        if form.cleaned_data["seq"] not in seqs:
            raise Http404
        try:
            services.occurrence_mark(
                user=request.user,
                promise=promise,
                seq=form.cleaned_data["seq"],
                mark=form.cleaned_data["mark"],
                kind_word=form.cleaned_data["kind_word"],
            )
        except services.Refused as refused:
            _refusal_message(request, refused.code)
        else:
            panel = support_panel_context(request, form.cleaned_data["kind_word"])
            if panel:
                return render(request, "promises/saved.html", {**panel, "promise": promise})
            messages.success(request, _("Thank you. Your answer is saved."))
        return redirect("promises:detail", promise_id=promise.id)
    context = _detail_context(request, promise, mark_form=form)
    return render(request, "promises/detail.html", context)


@require_http_methods(["GET", "POST"])
def promise_renegotiate(request: HttpRequest, promise_id: str) -> HttpResponse:
    old = selectors.promise_open_for_author(request.user, promise_id)
    if request.method == "GET":
        form = PromiseForm(user=request.user, initial={"text": old.text})
        return _form_page(request, form, creating=False, old=old)
    form = PromiseForm(request.POST, user=request.user)
    if "preview" not in request.POST and form.is_valid():
        try:
            new = services.promise_renegotiate(
                promise=old,
                promise_id=form.cleaned_data["promise_id"] or uuid.uuid4(),
                **form.promise_fields(),
            )
        except services.Refused as refused:
            _refusal_message(request, refused.code)
            return redirect("promises:detail", promise_id=old.id)
        return _saved(request, form, new, _("Renegotiated. Both promises stay in the history."))
    form.is_valid()
    return _form_page(request, form, creating=False, old=old)


@require_http_methods(["GET", "POST"])
def promise_withdraw(request: HttpRequest, promise_id: str) -> HttpResponse:
    promise = selectors.promise_open_for_author(request.user, promise_id)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.promise_withdraw(promise=promise, note=form.cleaned_data["note"])
        except services.Refused as refused:
            _refusal_message(request, refused.code)
        else:
            panel = support_panel_context(request, form.cleaned_data["note"])
            if panel:
                return render(request, "promises/saved.html", {**panel, "promise": promise})
            messages.success(request, _("The promise is withdrawn, with your note."))
        return redirect("promises:detail", promise_id=promise.id)
    context = {"form": form, "promise": promise}
    return render(request, "promises/withdraw.html", context)


@require_POST
def promise_delete(request: HttpRequest, promise_id: str) -> HttpResponse:
    promise = selectors.promise_for_author(request.user, promise_id)
    services.promise_delete(promise=promise)
    messages.success(request, _("The promise is deleted from the ledger."))
    return redirect("promises:list")
