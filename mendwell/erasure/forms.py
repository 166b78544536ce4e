"""The one confirmation deleting an account asks for."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class AccountDeleteForm(forms.Form):
    understood = forms.BooleanField(
        label=_("I understand that my account and everything I wrote are deleted for good."),
        error_messages={"required": _("Tick the box to confirm that you want to delete it.")},
    )
