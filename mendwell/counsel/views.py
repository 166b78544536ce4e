"""Thin views for counsellor access: the client's page, the invite link, the counsellor's pages."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.counsel import selectors, services
from mendwell.counsel.forms import GrantForm, NoteForm
from mendwell.counsel.middleware import COUNSELLOR_SESSION_KEY
from mendwell.couples.grants import CounsellorLink, is_counsellor

# The fresh link is carried to the next page once, in the session, so a reload
# never makes another and the token is never in the client's history.
_FRESH_LINK_KEY = "counsel_fresh_invite_token"


# --- The client's side ---------------------------------------------------------------


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if is_counsellor(user):
        return redirect("counsel:clients")
    token = request.session.pop(_FRESH_LINK_KEY, None)
    context = {
        "fresh_link": request.build_absolute_uri(f"/counsellor/join/{token}/") if token else None,
        "pending_invites": selectors.pending_invites_for(user),
        "links": selectors.counsellors_of(user),
        "notes": selectors.notes_for_client(user),
    }
    return render(request, "counsel/home.html", context)


@require_POST
def invite_create(request: HttpRequest) -> HttpResponse:
    try:
        new = services.invite_create(client=request.user)
    except services.CounselError as error:
        messages.info(request, str(error.message))
        return redirect("counsel:home")
    request.session[_FRESH_LINK_KEY] = new.token
    return redirect("counsel:home")


@require_POST
def invite_revoke(request: HttpRequest, invite_id: str) -> HttpResponse:
    invite = selectors.invite_of_client_or_404(request.user, invite_id)
    services.invite_revoke(client=request.user, invite=invite)
    messages.success(request, _("That invitation link no longer works."))
    return redirect("counsel:home")


def _link_page(
    request: HttpRequest, link: CounsellorLink, form: GrantForm, status: int = 200
) -> HttpResponse:
    context = {
        "link": link,
        "form": form,
        "grants": selectors.active_grants_of(link),
        "audit": selectors.audit_for(link),
        "notes": selectors.notes_for(link),
    }
    return render(request, "counsel/link.html", context, status=status)


def _grant_form(request: HttpRequest, data: Any = None) -> GrantForm:
    return GrantForm(
        data,
        kinds=selectors.grant_kinds(),
        items=selectors.grantable_items_of(request.user),
    )


def link_detail(request: HttpRequest, link_id: str) -> HttpResponse:
    link = selectors.link_of_client_or_404(request.user, link_id)
    return _link_page(request, link, _grant_form(request))


@require_POST
def grant_create(request: HttpRequest, link_id: str) -> HttpResponse:
    link = selectors.link_of_client_or_404(request.user, link_id)
    form = _grant_form(request, request.POST)
    if form.is_valid():
        try:
            services.grant_create(
                client=request.user,
                link=link,
                categories=form.cleaned_data["categories"],
                item_ids=form.item_ids(),
                until=form.cleaned_data["until"],
            )
        except services.CounselError as error:
            form.add_error(error.field, str(error.message))
        else:
            messages.success(request, _("Shared with your counsellor."))
            return redirect("counsel:link", link_id=link.pk)
    return _link_page(request, link, form, status=400)


@require_POST
def grant_revoke(request: HttpRequest, grant_id: str) -> HttpResponse:
    grant = selectors.grant_of_client_or_404(request.user, grant_id)
    services.grant_revoke(client=request.user, grant=grant)
    messages.success(request, _("Your counsellor can no longer see that."))
    return redirect("counsel:link", link_id=grant.link_id)


@require_POST
def link_end(request: HttpRequest, link_id: str) -> HttpResponse:
    if is_counsellor(request.user):
        link = selectors.link_of_counsellor_or_404(request.user, link_id)
        services.link_end(user=request.user, link=link)
        messages.success(request, _("You no longer work with this client here."))
        return redirect("counsel:clients")
    link = selectors.link_of_client_or_404(request.user, link_id)
    services.link_end(user=request.user, link=link)
    messages.success(request, _("This counsellor can no longer see anything of yours."))
    return redirect("counsel:home")


# --- The invitation link -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, token: str) -> HttpResponse:
    error, status = None, 200
    if request.method == "POST":
        try:
            services.invite_accept(user=request.user, token=token)
        except services.CounselError as refused:
            error, status = refused.message, 400
        else:
            request.session[COUNSELLOR_SESSION_KEY] = True
            messages.success(request, _("You're connected with your new client."))
            return redirect("counsel:clients")
    elif not selectors.invite_is_usable(token):
        # Said before anyone presses a button: a used or expired link changes nothing.
        # 404, like any link that leads nowhere, but with words that say what to do.
        error, status = services.INVALID_LINK, 404
    return render(
        request,
        "counsel/join.html",
        {"token": token, "error": error},
        status=status,
    )


# --- The counsellor's side -----------------------------------------------------------


def clients(request: HttpRequest) -> HttpResponse:
    if not is_counsellor(request.user):
        return redirect("counsel:home")
    return render(request, "counsel/clients.html", {"links": selectors.clients_of(request.user)})


def _client_page(
    request: HttpRequest, link: CounsellorLink, form: NoteForm, status: int = 200
) -> HttpResponse:
    context = {
        "link": link,
        "items": selectors.granted_items(request.user, link),
        "notes": selectors.notes_for(link),
        "form": form,
    }
    return render(request, "counsel/client.html", context, status=status)


def client_detail(request: HttpRequest, link_id: str) -> HttpResponse:
    link = selectors.link_of_counsellor_or_404(request.user, link_id)
    return _client_page(request, link, NoteForm())


@require_POST
def note_add(request: HttpRequest, link_id: str) -> HttpResponse:
    link = selectors.link_of_counsellor_or_404(request.user, link_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_add(
                counsellor=request.user,
                link=link,
                note_id=form.cleaned_data["note_id"],
                text=form.cleaned_data["text"],
                suggested_step=form.cleaned_data["suggested_step"],
            )
        except services.CounselError as error:
            form.add_error(None, str(error.message))
        else:
            messages.success(request, _("Your note is saved for your client."))
            return redirect("counsel:client", link_id=link.pk)
    return _client_page(request, link, form, status=400)


def item_detail(request: HttpRequest, item_id: str) -> HttpResponse:
    link, category, item = selectors.granted_item_or_404(request.user, item_id)
    services.view_record(link=link, category=category, item_id=item.pk)
    context = {
        "link": link,
        "label": item.export_label,
        "item": item,
        "fields": selectors.item_fields(item),
    }
    return render(request, "counsel/item.html", context)
