"""How allauth fits Mendwell: the profile at signup, neutral mail, open signup."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(getattr(settings, "SIGNUP_OPEN", True))

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=False)
        if hasattr(form, "signup_profile"):
            for field, value in form.signup_profile().items():
                setattr(user, field, value)
        if commit:
            user.save()
        return user
