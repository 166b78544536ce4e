"""Thin views for the private log (step 1)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from mendwell.journal import selectors, services
from mendwell.journal.forms import LogEntryForm, LogFilterForm
from mendwell.safety.signposting import support_panel_context


@require_GET
def log_list(request: HttpRequest) -> HttpResponse:
    filters = LogFilterForm(request.GET or None)
    entries = []
    if filters.is_valid() or not request.GET:
        data = filters.cleaned_data if request.GET else {}
        entries = selectors.log_entries_for(
            request.user,
            tag=data.get("tag") or "",
            since=data.get("since"),
            until=data.get("until"),
        )
    context = {"entries": entries, "filters": filters, "filtered": bool(request.GET)}
    return render(request, "journal/list.html", context)


def _saved(request: HttpRequest, form: LogEntryForm) -> HttpResponse:
    """After a save: the private support panel if the words call for it, else the list."""
    panel = support_panel_context(request, form.all_text())
    if panel:
        return render(request, "journal/saved.html", panel)
    messages.success(request, _("Saved. Only you can see this entry."))
    return redirect("journal:list")


@require_http_methods(["GET", "POST"])
def log_create(request: HttpRequest) -> HttpResponse:
    form = LogEntryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.log_entry_create(
            user=request.user,
            entry_id=form.cleaned_data["entry_id"] or uuid.uuid4(),
            **form.entry_fields(),
        )
        return _saved(request, form)
    return render(request, "journal/form.html", {"form": form, "creating": True})


@require_http_methods(["GET", "POST"])
def log_edit(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry = selectors.log_entry_for_author(request.user, entry_id)
    initial = {
        "entry_id": entry.id,
        "version": entry.version,
        "what_happened": entry.what_happened,
        "happened_on": entry.happened_on,
        "rough_period": entry.rough_period,
        "impact": entry.impact,
        "differently": entry.differently,
        "tags": entry.tags,
    }
    form = LogEntryForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.log_entry_update(
                entry=entry, version=form.cleaned_data["version"], **form.entry_fields()
            )
        except services.EditConflict as error:
            # Keep what the person typed, show the newer saved text beside it,
            # and let the next save go through on top of the newer version.
            conflict = error.current
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            form = LogEntryForm(data, initial=initial)
            form.is_valid()
        else:
            return _saved(request, form)
    context = {"form": form, "entry": entry, "conflict": conflict, "creating": False}
    return render(request, "journal/form.html", context)


@require_http_methods(["GET", "POST"])
def log_delete(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry = selectors.log_entry_for_author(request.user, entry_id)
    if request.method == "POST":
        services.log_entry_delete(entry=entry)
        messages.success(request, _("The entry is deleted."))
        return redirect("journal:list")
    return render(request, "journal/delete.html", {"entry": entry})
