"""Thin views for the couple link: status, invite, join, leave."""

from __future__ import annotations

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mendwell.couples import selectors, services
from mendwell.couples.exports import shared_with_me_zip
from mendwell.couples.forms import JoinForm

# The fresh code is carried to the next page in the session, once, so that a
# reload after the POST never makes another code and the code is never in a URL.
_FRESH_CODE_KEY = "couples_fresh_invite_code"


def couple_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    fresh_code = request.session.pop(_FRESH_CODE_KEY, None)
    context = {
        "couple": selectors.couple_for_user(user),
        "partner": selectors.partner_of(user),
        "pending_invite": selectors.pending_invite_for(user),
        "fresh_code": fresh_code,
        "join_form": JoinForm(),
    }
    return render(request, "couples/home.html", context)


@require_POST
def invite_create(request: HttpRequest) -> HttpResponse:
    try:
        new = services.invite_create(user=request.user)
    except services.CoupleError as error:
        messages.info(request, str(error.message))
        return redirect("couples:home")
    request.session[_FRESH_CODE_KEY] = new.code
    return redirect("couples:home")


@require_POST
def invite_revoke(request: HttpRequest, invite_id: str) -> HttpResponse:
    invite = selectors.invite_for_inviter_or_none(request.user, invite_id)
    if invite is None:
        raise Http404
    services.invite_revoke(user=request.user, invite=invite)
    messages.success(request, _("That code no longer works."))
    return redirect("couples:home")


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = JoinForm(request.POST)
        if form.is_valid():
            try:
                services.invite_accept(user=request.user, code=form.cleaned_data["code"])
            except services.CoupleError as error:
                form.add_error("code", str(error.message))
            else:
                messages.success(request, _("You're linked. Welcome to your shared space."))
                return redirect("couples:home")
    else:
        # A link carries the code so the person only has to press "Join".
        form = JoinForm(initial={"code": request.GET.get("code", "")[:64]})
    return render(request, "couples/join.html", {"form": form})


@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def leave(request: HttpRequest) -> HttpResponse:
    """Leaving needs a password entered in the last 15 minutes ("sudo mode").

    Without one, the POST goes to allauth's "confirm it's you" page, which
    replays it once the password is right.
    """
    if selectors.couple_for_user(request.user) is None:
        messages.info(request, _("You're not linked with anyone right now."))
        return redirect("couples:home")
    if request.method == "POST":
        try:
            services.couple_leave(user=request.user)
        except services.CoupleError as error:
            messages.info(request, str(error.message))
        else:
            messages.success(
                request, _("You've left the couple space. Everything you wrote is still yours.")
            )
        return redirect("couples:home")
    return render(request, "couples/leave.html", {"partner": selectors.partner_of(request.user)})


@require_POST
def shared_download(request: HttpRequest) -> HttpResponse:
    """A zip of what the partner shared, offered before leaving."""
    if selectors.couple_for_user(request.user) is None:
        raise Http404
    response = HttpResponse(shared_with_me_zip(request.user), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mendwell-shared-with-me.zip"'
    return response
