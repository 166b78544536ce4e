"""The home page: Today for someone signed in, a short welcome for everyone else."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from mendwell.core.page_reads import page_reads
from mendwell.core.steps import STEPS
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import ProgramState, check_prompt_due, program_state_for
from mendwell.today import selectors, services
from mendwell.today.plan import plan_for


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "today/welcome.html")
    user: Any = request.user
    today = timezone.localdate()
    # Every step asks who the partner is and whether the program runs: answer once per page.
    with page_reads():
        marks, streak = selectors.marks_and_streak(user, today=today)
        items = plan_for(user, today=today)
        context = {
            "couple": couple_for_user(user),
            "partner": partner_of(user),
            "steps": STEPS,
            "program_paused": program_state_for(user) is ProgramState.PAUSED,
            "check_prompt": check_prompt_due(user),
            "open_items": [item for item in items if item.key not in marks],
            "marked_items": [(item, marks[item.key]) for item in items if item.key in marks],
            "streak": streak,
        }
        return render(request, "today/today.html", context)


@require_POST
def mark(request: HttpRequest) -> HttpResponse:
    """Done, not today, or back on the list: the person's own record of their day."""
    key, state = request.POST.get("key", ""), request.POST.get("state", "")
    try:
        services.mark_apply(user=request.user, day=timezone.localdate(), key=key, state=state)
    except services.Refused as refusal:
        messages.info(request, refusal.message)
    return redirect("today")
