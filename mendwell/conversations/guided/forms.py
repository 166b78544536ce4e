from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.conversations.guided.rules import PAUSE_CHOICES, TURN_LENGTHS
from mendwell.conversations.models import TOPIC_LIMIT, TURN_LIMIT


class StartForm(forms.Form):
    conversation_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    question = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)
    devices = forms.ChoiceField(
        label=_("How will you talk?"),
        choices=[
            ("two", _("Each on our own phone or computer")),
            ("one", _("Together, passing one phone between us")),
        ],
        initial="two",
        widget=forms.RadioSelect,
    )
    speaker_listener = forms.BooleanField(
        label=_("Use speaker and listener turns"),
        required=False,
        help_text=_(
            "After each turn, the listener writes back what they heard and the speaker "
            "confirms it or says what they meant, before you swap."
        ),
    )
    turn_minutes = forms.TypedChoiceField(
        label=_("Suggested length of a turn"),
        choices=TURN_LENGTHS,
        coerce=int,
        initial=3,
    )


class RulesForm(forms.Form):
    """One tick per person who still has to agree on this device: "me", and on
    the shared phone also "partner"."""

    def __init__(self, *args: Any, people: dict[str, Any], **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.people = people
        for role, person in people.items():
            self.fields[f"agree_{role}"] = forms.BooleanField(
                label=_("%(name)s agrees to these ground rules") % {"name": person.name},
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"agree_{role}") for role in self.people):
            raise forms.ValidationError(_("Tick the box to agree to the ground rules."))
        return cleaned

    def agreed_people(self) -> list[Any]:
        return [p for role, p in self.people.items() if self.cleaned_data.get(f"agree_{role}")]


_TEXT_ERRORS = {
    "max_length": _("Please keep this under %(limit_value)d characters (this has %(show_value)d)."),
}


class TopicForm(forms.Form):
    topic = forms.CharField(
        label=_("What would you like to talk about?"),
        max_length=TOPIC_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One subject is plenty. You can start another conversation later."),
        error_messages={"required": _("Please write a topic before you start."), **_TEXT_ERRORS},
    )
    first_speaker = forms.ChoiceField(label=_("Who speaks first?"), widget=forms.RadioSelect)

    def __init__(self, *args: Any, people: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        field = cast("forms.ChoiceField", self.fields["first_speaker"])
        field.choices = [(role, p.name) for role, p in people.items()]
        self.initial.setdefault("first_speaker", "me")

    def speaker(self) -> Any:
        return self.people[self.cleaned_data["first_speaker"]]


class TurnForm(forms.Form):
    seq = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    text = forms.CharField(
        label=_("Your turn"),
        max_length=TURN_LIMIT,
        strip=True,
        # hx-preserve: a live update of the page never wipes what is being typed.
        widget=forms.Textarea(attrs={"rows": 5, "id": "turn-text", "hx-preserve": "true"}),
        error_messages={
            "required": _("Please write something before you send it."),
            **_TEXT_ERRORS,
        },
    )

    def __init__(self, *args: Any, label: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if label:
            self.fields["text"].label = label


class PauseForm(forms.Form):
    minutes = forms.TypedChoiceField(
        label=_("How long a pause?"),
        choices=PAUSE_CHOICES,
        coerce=int,
        initial=20,
        widget=forms.RadioSelect,
    )
