from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.dates.models import NOTE_LIMIT, DatePlan, Repeat

MAX_REPEAT_DAYS = 366
DURATIONS = [
    (30, _("Half an hour")),
    (60, _("An hour")),
    (90, _("An hour and a half")),
    (120, _("Two hours")),
    (180, _("Three hours")),
    (240, _("Half a day")),
]


def time_exists(day: date, at: Any, zone: ZoneInfo) -> bool:
    """False for a wall-clock time skipped by a daylight-saving change."""
    local = datetime.combine(day, at, tzinfo=zone)
    back = local.astimezone(ZoneInfo("UTC")).astimezone(zone)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


class PlanForm(forms.Form):
    starts_on = forms.DateField(
        label=_("Day"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Choose the day."),
            "invalid": _("That day doesn't exist. Please check the date."),
        },
    )
    start_time = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"required": _("Choose a time."), "invalid": _("Enter a time like 19:30.")},
    )
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_("Where the date happens. Each of you sees it in your own time."),
    )
    duration_minutes = forms.TypedChoiceField(
        label=_("How long"), choices=DURATIONS, coerce=int, initial=90
    )
    repeat = forms.ChoiceField(label=_("Repeat"), choices=Repeat.choices, initial=Repeat.NONE)
    repeat_until = forms.DateField(
        label=_("Repeat until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("For a repeating date: the last day it may fall on (up to a year ahead)."),
        error_messages={"invalid": _("That day doesn't exist. Please check the date.")},
    )
    note = forms.CharField(
        label=_("What you'd like to do (optional)"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only the two of you see this; calendars only ever say \u201cTime together\u201d."
        ),
        error_messages={
            "max_length": _(
                "Please keep it under %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )

    def __init__(
        self, *args: Any, now: datetime, plan: DatePlan | None = None, **kwargs: Any
    ) -> None:
        """``plan`` is the date being changed (None when planning a new one)."""
        super().__init__(*args, **kwargs)
        self.now = now
        self.plan = plan

    def _keeps_first_day(self, data: dict[str, Any]) -> bool:
        """Whether a change keeps the first day of a repeating date as it was.

        A repeating date that has begun may keep its first day in the past
        while it still repeats; a new first day, or a one-off date, must be
        today or later.
        """
        plan = self.plan
        return (
            plan is not None
            and plan.repeat != Repeat.NONE
            and data.get("starts_on") == plan.starts_on
            and data.get("repeat") not in (None, Repeat.NONE)
        )

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        if value not in available_timezones():
            raise forms.ValidationError(
                _("“%(zone)s” isn't a time zone we know. Try one like Europe/London."),
                params={"zone": value},
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, at, zone_name = data.get("starts_on"), data.get("start_time"), data.get("time_zone")
        if day and at and zone_name:
            zone = ZoneInfo(zone_name)
            local_now = self.now.astimezone(zone)
            today, until = local_now.date(), data.get("repeat_until")
            kept = self._keeps_first_day(data)
            if day < today and not kept:
                self.add_error("starts_on", _("Choose a day from today on."))
            elif day < today and until is not None and until < today:
                self.add_error("repeat_until", _("Choose a last day from today on."))
            elif not time_exists(day, at, zone):
                self.add_error(
                    "start_time",
                    _(
                        "The clocks change that night, so that time doesn't exist. Choose another time."
                    ),
                )
            elif not kept and datetime.combine(day, at, tzinfo=zone) <= local_now:
                self.add_error("start_time", _("That time has already passed today."))
        repeat, until = data.get("repeat"), data.get("repeat_until")
        if repeat and repeat != Repeat.NONE and day and "repeat_until" not in self.errors:
            if until is None:
                self.add_error(
                    "repeat_until", _("Choose when the repeating stops (up to a year ahead).")
                )
            elif until < day:
                self.add_error("repeat_until", _("The last day can't be before the first date."))
            elif until > day + timedelta(days=MAX_REPEAT_DAYS):
                self.add_error("repeat_until", _("Please keep it within a year of the first date."))
        if repeat == Repeat.NONE:
            data["repeat_until"] = None
        return data


CONNECTED = [
    (1, _("Not very")),
    (2, _("A little")),
    (3, _("Somewhat")),
    (4, _("Quite close")),
    (5, _("Very close")),
]


class ReflectionForm(forms.Form):
    connected = forms.TypedChoiceField(
        label=_("How connected did you feel?"),
        choices=CONNECTED,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how connected you felt."),
            "invalid_choice": _("Choose how connected you felt from the list."),
        },
    )
    repeat_text = forms.CharField(
        label=_("What would you like to do again?"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _(
                "Please keep it under %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )
    share = forms.BooleanField(label=_("Share this with my partner"), required=False)

    def __init__(self, *args: Any, can_share: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_share:
            del self.fields["share"]
