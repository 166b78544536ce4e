from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from mendwell.journal.models import TEXT_LIMIT, LogEntry, ResponseKind

TOO_LONG = _("Please keep “%(field)s” under %(limit)d characters (this has %(count)d).")

PROMPTS = {
    "own_it": (
        _("Own it"),
        _(
            "Say what you did, or didn't do, in your own words. No “but”, no reasons: "
            "those can come later, if they're asked for."
        ),
    ),
    "impact": (
        _("Name the impact"),
        _("How it may have felt for your partner, as you understand it now."),
    ),
    "change": (
        _("What will change"),
        _("What you will do differently, and how your partner will be able to see it."),
    ),
}


def _prompt(name: str) -> forms.CharField:
    label, hint = PROMPTS[name]
    return forms.CharField(
        label=label,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Please write a few words for “%(field)s”.") % {"field": label},
        },
    )


class EntryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(Truncator(obj.what_happened).chars(90))


class AcknowledgementForm(forms.Form):
    # Chosen when the form is first shown, so sending the same form twice makes one draft.
    thread_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, initial=1, min_value=1)
    entries = EntryChoiceField(
        label=_("Built from these moments in your log"),
        help_text=_("Optional. They stay private: your partner never sees your log."),
        queryset=LogEntry.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Please choose from the entries shown.")},
    )
    own_it = _prompt("own_it")
    impact = _prompt("impact")
    change = _prompt("change")

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["entries"]
        assert isinstance(field, EntryChoiceField)
        field.queryset = LogEntry.objects.authored_by(user).order_by("-created_at")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in PROMPTS:
            value = self.data.get(name) or ""
            if len(value) > TEXT_LIMIT:
                self.add_error(
                    name,
                    TOO_LONG
                    % {"field": PROMPTS[name][0], "limit": TEXT_LIMIT, "count": len(value)},
                )
        return data

    def draft_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "own_it": data["own_it"],
            "impact": data["impact"],
            "change": data["change"],
            "entries": list(data["entries"]),
        }

    def texts(self) -> dict[str, str]:
        """What was typed, valid or not (for the coach and the support panel)."""
        return {name: str(self.data.get(name) or "") for name in PROMPTS}


class AnswerForm(forms.Form):
    """The partner's answer: "I feel heard", or "not yet" with what is missing."""

    kind = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (ResponseKind.HEARD, _("I feel heard")),
            (ResponseKind.NOT_YET, _("Not yet — here is what's missing")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose an answer."),
            "invalid_choice": _("Please choose “I feel heard” or “Not yet”."),
        },
    )
    missing = forms.CharField(
        label=_("What's missing for you"),
        help_text=_("Only needed for “Not yet”. Your partner will read this."),
        required=False,
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Please keep “What's missing for you” under %(limit_value)d characters "
                "(this has %(show_value)d)."
            )
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ResponseKind.NOT_YET and not (data.get("missing") or "").strip():
            self.add_error("missing", _("Please write a few words for “What's missing for you”."))
        return data


class ResponseForm(AnswerForm):
    """A first answer, to the copy numbered ``sent``."""

    sent = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    field_order = ["sent", "kind", "missing"]
