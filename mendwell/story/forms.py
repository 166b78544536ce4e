from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.story.models import FIRST_STEP, LAST_STEP, TEXT_LIMIT

STEP_CHOICES = [
    ("", _("No step")),
    *((str(n), _("Step %(n)d") % {"n": n}) for n in range(FIRST_STEP, LAST_STEP + 1)),
]


class VictoryForm(forms.Form):
    # Chosen when the form is first shown, so sending the same form twice makes one victory.
    victory_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    text = forms.CharField(
        label=_("What happened"),
        help_text=_(
            "A moment worth remembering, however small: a laugh, a kind word, a talk that went well."
        ),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Please write a few words about the moment."),
            "max_length": _(
                "Please keep this under %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )
    happened_on = forms.DateField(
        label=_("When"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Please say which day it was."),
            "invalid": _("Please enter a date like 2026-03-14."),
        },
    )
    step = forms.TypedChoiceField(
        label=_("Part of a step (optional)"),
        required=False,
        choices=STEP_CHOICES,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Please choose one of the ten steps, or none.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["happened_on"].initial = timezone.localdate

    def clean_text(self) -> str:
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Please write a few words about the moment."))
        return text

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("This day hasn't come yet. Choose today or a day that has passed.")
            )
        return day

    def victory_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {"text": data["text"], "happened_on": data["happened_on"], "step": data["step"]}
