from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.nudges.models import NOTE_LIMIT


class NudgeForm(forms.Form):
    nudge_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    note = forms.CharField(
        label=_("Add a few words (optional)"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _(
                "Please keep it under %(limit_value)d characters (this has %(show_value)d)."
            )
        },
    )
