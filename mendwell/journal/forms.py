from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.journal.models import TAGS, TEXT_LIMIT

TOO_LONG = _("Please keep this under %(limit_value)d characters (this has %(show_value)d).")


def _text(label: Any, help_text: Any = "", *, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": TOO_LONG, "required": _("Please write a few words here.")},
    )


class LogEntryForm(forms.Form):
    # Chosen when the form is first shown, so sending the same form twice makes one entry.
    entry_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, initial=1, min_value=1)
    what_happened = _text(
        _("What happened"),
        _("Describe it plainly, as if to a friend: what you did, or didn't do."),
        required=True,
    )
    happened_on = forms.DateField(
        label=_("When (a date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please enter a date like 2026-03-14.")},
    )
    rough_period = forms.CharField(
        label=_("Or roughly when"),
        required=False,
        max_length=200,
        help_text=_("For example “most of last winter”."),
        error_messages={"max_length": TOO_LONG},
    )
    impact = _text(
        _("How it may have felt for your partner"),
        _("Try to see it from their side, without defending yourself."),
    )
    differently = _text(_("What I would do differently"))
    tags = forms.MultipleChoiceField(
        label=_("Tags"),
        required=False,
        choices=list(TAGS.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose from the tags shown.")},
    )

    def clean_happened_on(self) -> Any:
        day = self.cleaned_data.get("happened_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError(
                _("This date is in the future. Choose a day that has passed.")
            )
        return day

    def entry_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "happened_on": data["happened_on"],
            "rough_period": data["rough_period"],
            "what_happened": data["what_happened"],
            "impact": data["impact"],
            "differently": data["differently"],
            "tags": data["tags"],
        }

    def all_text(self) -> str:
        data = self.cleaned_data
        return "\n".join(data.get(k) or "" for k in ("what_happened", "impact", "differently"))


class LogFilterForm(forms.Form):
    tag = forms.ChoiceField(
        label=_("Tag"), required=False, choices=[("", _("All tags")), *TAGS.items()]
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
