from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.conversations.models import ANSWER_LIMIT


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write your answer before saving."),
            "max_length": _(
                "Please keep your answer under %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )
