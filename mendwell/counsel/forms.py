"""Forms for counsellor access. Bad input names its field and keeps what was typed."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.core.steps import STEPS
from mendwell.couples.grants import GRANT_MAX_DAYS


class GrantForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("Every item of these kinds"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    items = forms.MultipleChoiceField(
        label=_("Or only these items"), required=False, widget=forms.CheckboxSelectMultiple
    )
    until = forms.DateField(
        label=_("Until"),
        help_text=_("At most %(days)s days from today. You can end it sooner at any time.")
        % {"days": GRANT_MAX_DAYS},
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, kinds: list[tuple[str, str]], items: list[Any], **kw: Any):
        super().__init__(*args, **kw)
        cast(forms.ChoiceField, self.fields["categories"]).choices = kinds
        cast(forms.ChoiceField, self.fields["items"]).choices = [
            (
                str(item.id),
                f"{item.label} · {item.day:%Y-%m-%d}{' · ' + item.preview if item.preview else ''}",
            )
            for item in items
        ]
        if not self.is_bound:
            self.initial.setdefault("until", timezone.localdate() + timedelta(days=30))

    def item_ids(self) -> list[uuid.UUID]:
        return [uuid.UUID(value) for value in self.cleaned_data["items"]]


class NoteForm(forms.Form):
    note_id = forms.UUIDField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Note for your client"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    suggested_step = forms.TypedChoiceField(
        label=_("Suggest an exercise (optional)"),
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        cast(forms.ChoiceField, self.fields["suggested_step"]).choices = [
            ("", _("No suggestion"))
        ] + [(step.number, f"{step.number}. {step.title}") for step in STEPS]
        if not self.is_bound:
            self.initial["note_id"] = uuid.uuid4()
