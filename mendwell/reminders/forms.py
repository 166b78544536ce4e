"""The reminder settings form: one on/off and time per kind, a day for the weekly one."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.core.weekdays import WEEKDAYS
from mendwell.reminders.models import Kind
from mendwell.reminders.selectors import Choice

_ON_LABELS = {
    Kind.DAILY_PLAN: _("Remind me of today's plan"),
    Kind.CHECK_IN: _("Remind me to check in"),
    Kind.DATE: _("Remind me on a day with a date planned"),
    Kind.WEEKLY: _("Remind me of the weekly look back"),
}
_AT_LABELS = {
    Kind.DAILY_PLAN: _("Time for today's plan"),
    Kind.CHECK_IN: _("Time for the check-in"),
    Kind.DATE: _("Time on a date day"),
    Kind.WEEKLY: _("Time for the weekly look back"),
}
_TIME_ERRORS = {
    "required": _("Enter a time, like 08:30."),
    "invalid": _("Enter a time as hours and minutes, like 08:30."),
}


class ReminderTimesForm(forms.Form):
    weekly_day = forms.TypedChoiceField(
        label=_("Day for the weekly look back"),
        choices=WEEKDAYS,
        coerce=int,
        error_messages={
            "required": _("Choose a day for the weekly look back."),
            "invalid_choice": _("Choose a day of the week from the list."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: dict[str, forms.Field] = {}
        for kind in Kind:
            fields[f"{kind.value}_on"] = forms.BooleanField(label=_ON_LABELS[kind], required=False)
            fields[f"{kind.value}_at"] = forms.TimeField(
                label=_AT_LABELS[kind],
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                error_messages=_TIME_ERRORS,
            )
        # Keep the weekly day beside the weekly time.
        weekly_day = self.fields.pop("weekly_day")
        for name, field in fields.items():
            self.fields[name] = field
            if name == f"{Kind.WEEKLY.value}_at":
                self.fields["weekly_day"] = weekly_day

    @staticmethod
    def initial_from(choices: dict[Kind, Choice]) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        for kind, choice in choices.items():
            initial[f"{kind.value}_on"] = choice.enabled
            initial[f"{kind.value}_at"] = choice.at
            if kind == Kind.WEEKLY:
                initial["weekly_day"] = choice.weekday
        return initial
