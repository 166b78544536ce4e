from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.safety.questions import ITEMS, Answer
from mendwell.safety.resources import directory

ANSWER_CHOICES = [
    (Answer.YES.value, _("Yes")),
    (Answer.NO.value, _("No")),
    (Answer.UNSURE.value, _("Not sure, or I'd rather not say")),
]


class SafetyCheckForm(forms.Form):
    """Every item may be left unanswered: the check is never a test to pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in ITEMS:
            self.fields[item.key] = forms.ChoiceField(
                label=str(item.text),
                choices=ANSWER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Please pick one of the answers shown.")},
            )

    def answers(self) -> dict[str, str]:
        return {key: value for key, value in self.cleaned_data.items() if value}


class CountryForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Where you live"),
        help_text=_("We show support lines for this country."),
        error_messages={"invalid_choice": _("Please choose a country from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [  # type: ignore[attr-defined]
            *directory().choices(),
            ("INTL", _("Somewhere else")),
        ]
