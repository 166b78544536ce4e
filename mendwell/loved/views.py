"""Thin views for step 5: one's own ratings and list, sharing, and the partner's."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mendwell.couples.selectors import partner_of
from mendwell.loved import selectors, services
from mendwell.loved.forms import (
    ItemForm,
    MoveForm,
    RatingsForm,
    ShareForm,
    list_full_message,
    share_refused_message,
)
from mendwell.loved.ideas import IDEAS
from mendwell.loved.models import ITEM_LIMIT, RATING_FIELDS, RatingSnapshot
from mendwell.loved.suggestions import rank_for_partner
from mendwell.loved.ways import HIGHEST, SCALE, WAYS
from mendwell.safety.selectors import joint_exercises_allowed, program_state_for
from mendwell.safety.signposting import support_panel_context


def _rows(snapshot: RatingSnapshot | None) -> list[dict[str, object]]:
    """One row per way with both ratings, for the tables."""
    if snapshot is None:
        return []
    return [
        {
            "way": way,
            "receiving": snapshot.rating("receiving", way.key),
            "giving": snapshot.rating("giving", way.key),
        }
        for way in WAYS
    ]


def _share_context(request: HttpRequest) -> dict[str, object]:
    return {
        "partner": partner_of(request.user),
        "sharing": selectors.sharing_for(request.user),
        "can_share": joint_exercises_allowed(request.user),
        "paused": program_state_for(request.user).value == "paused",
    }


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    current = selectors.current_ratings_of(request.user)
    items = selectors.own_items_of(request.user)
    context = {
        "current": current,
        "rows": _rows(current),
        "items": items,
        "item_limit": ITEM_LIMIT,
        "full": len(items) >= ITEM_LIMIT,
        "form": ItemForm(),
        "top": HIGHEST,
        **_share_context(request),
    }
    return render(request, "loved/home.html", context)


@require_GET
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "loved/about.html")


@require_http_methods(["GET", "POST"])
def rate(request: HttpRequest) -> HttpResponse:
    current = selectors.current_ratings_of(request.user)
    # Start from the current answers: a change is a small edit, not a new quiz.
    initial = {name: getattr(current, name) for name in RATING_FIELDS} if current else {}
    form = RatingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.ratings_save(
            user=request.user,
            snapshot_id=form.cleaned_data["snapshot_id"] or uuid.uuid4(),
            ratings=form.ratings(),
        )
        messages.success(request, _("Your ratings are saved."))
        return redirect("loved:home")
    context = {"form": form, "scale": SCALE, "top": HIGHEST, "first": current is None}
    return render(request, "loved/rate.html", context)


@require_GET
def history(request: HttpRequest) -> HttpResponse:
    snapshots = [
        {"snapshot": snapshot, "rows": _rows(snapshot)}
        for snapshot in selectors.rating_history_of(request.user)
    ]
    return render(request, "loved/history.html", {"snapshots": snapshots, "top": HIGHEST})


def _share(request: HttpRequest, *, what: str) -> HttpResponse:
    form = ShareForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please use the share buttons on this page."))
        return redirect("loved:home")
    change = services.ratings_share_set if what == "ratings" else services.list_share_set
    try:
        change(user=request.user, shared=form.wanted)
    except services.ShareRefused:
        messages.error(request, share_refused_message())
        return redirect("loved:home")
    if form.wanted:
        messages.success(request, _("Shared with your partner. You can stop sharing at any time."))
    else:
        messages.success(request, _("Only you can see this now."))
    return redirect("loved:home")


@require_POST
def share_ratings(request: HttpRequest) -> HttpResponse:
    return _share(request, what="ratings")


@require_POST
def share_list(request: HttpRequest) -> HttpResponse:
    return _share(request, what="list")


def _saved(request: HttpRequest, text: str) -> HttpResponse:
    panel = support_panel_context(request, text)
    if panel:
        return render(request, "loved/saved.html", panel)
    messages.success(request, _("Saved to your list."))
    return redirect("loved:home")


@require_http_methods(["GET", "POST"])
def item_add(request: HttpRequest) -> HttpResponse:
    form = ItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.item_add(
                user=request.user,
                item_id=form.cleaned_data["item_id"] or uuid.uuid4(),
                text=form.cleaned_data["text"],
                this_week=form.cleaned_data["this_week"],
            )
        except services.ListFull:
            form.add_error(None, list_full_message())
        else:
            return _saved(request, form.cleaned_data["text"])
    return render(request, "loved/item_form.html", {"form": form, "creating": True})


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = selectors.own_item_or_404(request.user, item_id)
    initial = {"item_id": item.id, "text": item.text, "this_week": item.this_week}
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.item_update(
            item=item, text=form.cleaned_data["text"], this_week=form.cleaned_data["this_week"]
        )
        return _saved(request, form.cleaned_data["text"])
    return render(request, "loved/item_form.html", {"form": form, "creating": False})


@require_http_methods(["GET", "POST"])
def item_delete(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = selectors.own_item_or_404(request.user, item_id)
    if request.method == "POST":
        services.item_delete(item=item)
        messages.success(request, _("The line is removed from your list."))
        return redirect("loved:home")
    return render(request, "loved/item_delete.html", {"item": item})


@require_POST
def item_move(request: HttpRequest, item_id: uuid.UUID) -> HttpResponse:
    item = selectors.own_item_or_404(request.user, item_id)
    form = MoveForm(request.POST)
    if form.is_valid():
        services.item_move(item=item, direction=form.cleaned_data["direction"])
    return redirect(f"{reverse('loved:home')}#item-{item.id}")


@require_GET
def partner(request: HttpRequest) -> HttpResponse:
    view = selectors.partner_view_for(request.user)
    ideas = rank_for_partner(request.user, IDEAS)[:5] if view.partner else []
    context = {"view": view, "rows": _rows(view.ratings), "ideas": ideas, "top": HIGHEST}
    return render(request, "loved/partner.html", context)


@require_GET
def side_by_side(request: HttpRequest) -> HttpResponse:
    rows = selectors.side_by_side_for(request.user)
    context = {"rows": rows, "top": HIGHEST, **_share_context(request)}
    return render(request, "loved/side_by_side.html", context)
