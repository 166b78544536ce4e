"""The home page: Today for someone signed in, a short welcome for everyone else.

Today's plan grows as the step apps land; for now it shows where the person
stands and where to begin.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mendwell.core.steps import STEPS
from mendwell.couples.selectors import couple_for_user, partner_of
from mendwell.safety.selectors import ProgramState, check_prompt_due, program_state_for


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return render(request, "today/welcome.html")
    context = {
        "couple": couple_for_user(request.user),
        "partner": partner_of(request.user),
        "steps": STEPS,
        "program_paused": program_state_for(request.user) is ProgramState.PAUSED,
        "check_prompt": check_prompt_due(request.user),
    }
    return render(request, "today/today.html", context)
