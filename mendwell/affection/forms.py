from __future__ import annotations

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.affection.answers import ANSWERS
from mendwell.affection.catalogue import CHOICES
from mendwell.affection.models import NOTE_LIMIT


class ComfortForm(forms.Form):
    open_kinds = forms.MultipleChoiceField(
        label=_("Kinds of touch I'm open to now"),
        help_text=_(
            "Tick what feels welcome at the moment; anything left unticked counts as "
            '"not now". Only you ever see this, and you can change it any time.'
        ),
        choices=CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not one of the kinds of touch listed here. Nothing was saved."
            )
        },
    )


class AnswerForm(forms.Form):
    day = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    answer = forms.ChoiceField(choices=[(answer, answer) for answer in ANSWERS])


class NoteForm(forms.Form):
    # Chosen when the form is shown, so sending it twice makes one note.
    note_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    text = forms.CharField(
        label=_("A note, if you'd like to keep one"),
        help_text=_("Private unless you tick the box below. Nothing else is recorded."),
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Please write a few words here."),
            "max_length": _(
                "Please keep this under %(limit_value)d characters (this has %(show_value)d)."
            ),
        },
    )
    share = forms.BooleanField(label=_("Share this note with my partner"), required=False)
