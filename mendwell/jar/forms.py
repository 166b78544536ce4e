from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.jar.models import ACT_LIMIT, WEEKDAYS


class ActForm(forms.Form):
    text = forms.CharField(
        label=_("Something small you would love to receive"),
        max_length=ACT_LIMIT,
        help_text=_("Concrete works best: what, and roughly when."),
        error_messages={
            "required": _("Please write the act before adding it."),
            "max_length": _(
                "Please keep it under %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )


class DayForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Our draw day"),
        choices=WEEKDAYS,
        coerce=int,
        error_messages={"invalid_choice": _("Choose a day of the week.")},
    )
