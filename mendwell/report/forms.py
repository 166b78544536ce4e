from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.report.selectors import CHECKINS, PROMISES, PULSE, VICTORIES, WEEK_NOTES

DEFAULT_WEEKS = 12

PART_CHOICES = [
    (PULSE, _("My weekly pulse: the charts, their notes and my answers")),
    (VICTORIES, _("Small victories I can see")),
    (CHECKINS, _("My shared daily check-ins")),
    (WEEK_NOTES, _("My shared weekly look-back lines")),
    (PROMISES, _("My shared promises")),
]


def default_start() -> date:
    return timezone.localdate() - timedelta(weeks=DEFAULT_WEEKS)


class ReportForm(forms.Form):
    """What to include and the dates (the view asks for a recent password: a report holds a lot)."""

    parts = forms.MultipleChoiceField(
        label=_("What to include"),
        choices=PART_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing to include.")},
    )
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for 12 weeks ago."),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start = cleaned.get("start") or default_start()
        end = cleaned.get("end") or timezone.localdate()
        if start > end:
            self.add_error("end", _("The end date is before the start date."))
        cleaned["start"], cleaned["end"] = start, end
        return cleaned

    def choices(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "parts": sorted(data["parts"]),
            "start": data["start"].isoformat(),
            "end": data["end"].isoformat(),
        }
