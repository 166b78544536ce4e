"""How and when a person hears from us: channels and quiet hours."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

_TIME_ERRORS = {"invalid": _("Enter a time as hours and minutes, like 22:00.")}


class ChannelForm(forms.Form):
    reminders_in_app = forms.BooleanField(
        label=_("Show reminders in the app"),
        required=False,
        help_text=_("Anything from your partner always shows here."),
    )
    email = forms.BooleanField(
        label=_("Also tell me by email"),
        required=False,
        help_text=_("Emails never say who or what: only that something is waiting for you here."),
    )
    push = forms.BooleanField(
        label=_("Also send to my devices"),
        required=False,
        help_text=_("Turn on each device below. The message never says who or what."),
    )
    quiet_from = forms.TimeField(
        label=_("Quiet hours from"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=_TIME_ERRORS,
    )
    quiet_until = forms.TimeField(
        label=_("Quiet hours until"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_(
            "Nothing arrives by email or on your devices in these hours; it waits in the app."
        ),
        error_messages=_TIME_ERRORS,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("quiet_from"), cleaned.get("quiet_until")
        if "quiet_from" in self.errors or "quiet_until" in self.errors:
            return cleaned
        if start is not None and end is None:
            self.add_error("quiet_until", _("Enter when quiet hours end, or clear both times."))
        elif end is not None and start is None:
            self.add_error("quiet_from", _("Enter when quiet hours start, or clear both times."))
        elif start is not None and start == end:
            self.add_error("quiet_until", _("Quiet hours need to end at a different time."))
        return cleaned
