from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Invite code"),
        max_length=64,
        help_text=_("The code your partner made for you. Dashes and spaces don't matter."),
        error_messages={
            "required": _("Please enter the code your partner gave you."),
            "max_length": _("That's longer than any invite code. Please check what you pasted."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class PasswordConfirmForm(forms.Form):
    """Re-enter the password before something that cannot be undone."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Please enter your password to confirm.")},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password isn't right. Please try again."), code="wrong_password"
            )
        return password
