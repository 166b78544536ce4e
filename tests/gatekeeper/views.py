from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST

from mendwell.couples.access import get_authored_or_404, get_visible_or_404
from tests.gatekeeper.models import Note


@require_GET
def note_detail(request: HttpRequest, note_id: str) -> HttpResponse:
    note = get_visible_or_404(Note, user=request.user, pk=note_id)
    return HttpResponse(format_html("<p>{}</p>", note.body))


@require_POST
def note_delete(request: HttpRequest, note_id: str) -> HttpResponse:
    note = get_authored_or_404(Note, user=request.user, pk=note_id)
    note.delete()
    return redirect("today")
