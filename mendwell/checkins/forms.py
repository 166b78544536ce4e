from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.checkins.models import CLOSENESS_LABELS, MOOD_LABELS, NOTE_LIMIT


class CheckInForm(forms.Form):
    mood = forms.TypedChoiceField(
        label=_("How do you feel today?"),
        choices=list(MOOD_LABELS.items()),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you feel today."),
            "invalid_choice": _("Choose how you feel today from the list."),
        },
    )
    closeness = forms.TypedChoiceField(
        label=_("How close do you feel to your partner?"),
        choices=list(CLOSENESS_LABELS.items()),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how close you feel."),
            "invalid_choice": _("Choose how close you feel from the list."),
        },
    )
    note = forms.CharField(
        label=_("A note for yourself (optional)"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _(
                "Please keep the note under %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )
    share = forms.BooleanField(
        label=_("Share today's check-in with my partner"),
        required=False,
        help_text=_("Only this day's check-in. You can stop sharing it at any time."),
    )

    def __init__(
        self, *args: object, can_share: bool = True, solo: bool = False, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if solo:
            self.fields["closeness"].label = _(
                "How connected do you feel to the people around you?"
            )
        if not can_share:
            del self.fields["share"]


WEEK_NOTE_LIMIT = 1_000
_WEEK_ERRORS = {
    "max_length": _("Please keep it under %(limit_value)d characters (this has %(show_value)d).")
}


class WeekForm(forms.Form):
    went_well = forms.CharField(
        label=_("What went well this week?"),
        required=False,
        max_length=WEEK_NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_WEEK_ERRORS,
    )
    share_went_well = forms.BooleanField(label=_("Share this with my partner"), required=False)
    try_next = forms.CharField(
        label=_("One thing to try next week"),
        required=False,
        max_length=WEEK_NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_WEEK_ERRORS,
    )
    share_try_next = forms.BooleanField(label=_("Share this with my partner"), required=False)

    def __init__(self, *args: object, can_share: bool = True, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if not can_share:
            del self.fields["share_went_well"]
            del self.fields["share_try_next"]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("went_well") and not data.get("try_next"):
            raise forms.ValidationError(_("Write at least one of the two before saving."))
        return data
