"""The sign-in form, with the "this is a shared device" choice.

It lives here rather than in ``accounts`` because what the choice does
(shorter session limits, no remembered device) is this app's; settings point
``ACCOUNT_FORMS["login"]`` at it.
"""

from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from mendwell.security import lifetime


class LoginForm(AllauthLoginForm):
    shared_device = forms.BooleanField(
        label=_("This is a shared device"),
        label_suffix="",
        help_text=_(
            "For a computer or phone other people use: you are signed out after "
            "30 minutes without use, and after 12 hours at the latest, and this "
            "browser is not remembered."
        ),
        required=False,
    )

    def login(self, request: HttpRequest, redirect_url: str | None = None) -> Any:
        # Kept in the session until the sign-in completes, which may be a
        # page later (second step); security.services.sign_in_completed reads it.
        request.session[lifetime.SHARED_DEVICE_CHOICE] = bool(
            self.cleaned_data.get("shared_device")
        )
        response = super().login(request, redirect_url)
        # allauth sets the 30-day expiry after signing in; a shared device keeps its 30 minutes.
        if request.session.get(lifetime.SHARED_DEVICE) or request.session.get(
            lifetime.SHARED_DEVICE_CHOICE
        ):
            request.session.set_expiry(int(lifetime.SHARED_IDLE.total_seconds()))
        return response


class AppTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name this app"),
        max_length=60,
        help_text=_("So you can tell your tokens apart, e.g. “My phone”."),
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Give the app a name."))
        return name
