"""Forms for signing up and editing one's own profile."""

from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from mendwell.accounts.models import DISPLAY_NAME_MAX_LENGTH, User
from mendwell.accounts.timezones import is_valid_time_zone

NAME_TOO_LONG = _(
    "Please keep your name to %(limit_value)d characters (this one has %(show_value)d)."
)


def _name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        help_text=_("What your partner will see. A first name or nickname is enough."),
        error_messages={
            "required": _("Please tell us what to call you."),
            "max_length": NAME_TOO_LONG,
        },
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


def _time_zone_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your time zone"),
        max_length=64,
        initial="UTC",
        help_text=_("Reminders and dates use it. For example Europe/London or America/Chicago."),
        error_messages={"required": _("Please choose your time zone.")},
        widget=forms.TextInput(attrs={"list": "time-zone-list", "autocomplete": "off"}),
    )


def clean_time_zone_value(value: str) -> str:
    value = value.strip()
    if not is_valid_time_zone(value):
        raise forms.ValidationError(
            _(
                "“%(value)s” isn't a time zone we know. Choose one from the list, such as Europe/Paris."
            ),
            params={"value": value[:64]},
            code="invalid_time_zone",
        )
    return value


class SignupForm(AllauthSignupForm):
    display_name = _name_field()
    time_zone = _time_zone_field()
    consent = forms.BooleanField(
        label=_("I agree that Mendwell keeps what I write here, encrypted, until I delete it."),
        help_text=_(
            "What you write about your relationship is sensitive. You can export or delete it at any time."
        ),
        error_messages={"required": _("Please tick this box to create an account.")},
    )

    field_order = ["display_name", "email", "password1", "time_zone", "consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Filled from the browser's own setting when JavaScript runs.
        self.fields["time_zone"].widget.attrs["data-detect-time-zone"] = "on"

    def clean_time_zone(self) -> str:
        return clean_time_zone_value(self.cleaned_data["time_zone"])

    def signup_profile(self) -> dict[str, Any]:
        return {
            "display_name": self.cleaned_data["display_name"],
            "time_zone": self.cleaned_data["time_zone"],
        }


class ProfileForm(forms.Form):
    """Edit one's own profile. A plain form, so a rejected edit never touches the user object."""

    display_name = _name_field()
    time_zone = _time_zone_field()
    locale = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    discreet_mode = forms.BooleanField(
        label=_("Discreet mode"),
        required=False,
        help_text=_(
            "The installed app, its icon and the sender of our emails get an ordinary name "
            "(“Notes”) instead of Mendwell."
        ),
    )
    coach_enabled = forms.BooleanField(
        label=_("Wording hints while I write"),
        required=False,
        help_text=_(
            "While you write, point out words that might land harder than you mean, with a "
            "gentler way to start. The hints are worked out on the spot from your own draft, "
            "shown only to you and never saved."
        ),
    )

    @classmethod
    def for_user(cls, user: User, data: Any = None) -> ProfileForm:
        initial = {
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "locale": user.locale,
            "discreet_mode": user.discreet_mode,
            "coach_enabled": user.coach_enabled,
        }
        return cls(data, initial=initial)

    def clean_time_zone(self) -> str:
        return clean_time_zone_value(self.cleaned_data["time_zone"])


class CoachChoiceForm(forms.Form):
    """The answer to the wording-hints offer (the view checks ``next`` itself)."""

    choice = forms.ChoiceField(
        label=_("Wording hints"),
        choices=[
            ("on", _("Turn on wording hints")),
            ("off", _("Turn off wording hints")),
            ("not_now", _("Not now")),
        ],
        error_messages={
            "required": _("Please choose whether to turn wording hints on."),
            "invalid_choice": _("Please choose whether to turn wording hints on."),
        },
    )
