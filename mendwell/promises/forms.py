from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.promises.models import (
    KIND_WORD_LIMIT,
    MAX_OCCURRENCES,
    TEXT_LIMIT,
    Mark,
    Recurrence,
)
from mendwell.promises.schedule import local_to_utc

TEXT_LABEL = _("I will …")
TOO_LONG = _("Please keep “%(field)s” under %(limit)d characters (this has %(count)d).")


def _too_long(form: forms.Form, name: str, label: Any, limit: int) -> None:
    value = str(form.data.get(name) or "")
    if len(value) > limit:
        form.add_error(name, TOO_LONG % {"field": label, "limit": limit, "count": len(value)})


class PromiseForm(forms.Form):
    # Chosen when the form is first shown, so sending the same form twice makes one promise.
    promise_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    text = forms.CharField(
        label=TEXT_LABEL,
        help_text=_("Something small and concrete your partner will be able to see."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please write what you will do in “I will …”.")},
    )
    due_on = forms.DateField(
        label=_("By (date)"),
        help_text=_("Optional. Without a time it means by the end of that day."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please enter a date for “By (date)”, like 2026-05-30.")},
    )
    due_time = forms.TimeField(
        label=_("At (time)"),
        help_text=_("Optional, in your own time zone."),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"invalid": _("Please enter a time for “At (time)”, like 20:00.")},
    )
    recurrence = forms.ChoiceField(
        label=_("How often"),
        choices=Recurrence.choices,
        initial=Recurrence.NONE,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose how often from the options shown.")},
    )
    repeat_count = forms.IntegerField(
        label=_("How many times"),
        help_text=_("For a repeating promise: up to %(max)d times.") % {"max": MAX_OCCURRENCES},
        required=False,
        min_value=2,
        max_value=MAX_OCCURRENCES,
        error_messages={
            "min_value": _("Please choose at least 2 for “How many times”."),
            "max_value": _("Please choose at most %(limit_value)s for “How many times”."),
            "invalid": _("Please enter a whole number for “How many times”."),
        },
    )
    repeat_until = forms.DateField(
        label=_("Until (date)"),
        help_text=_("Or give the last day instead; whichever comes first ends it."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Please enter a date for “Until (date)”, like 2026-05-30.")},
    )

    def __init__(self, *args: Any, user: Any, now: datetime | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user
        self.now = now or timezone.now()
        if not self.is_bound:
            self.initial.setdefault("recurrence", Recurrence.NONE)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _too_long(self, "text", TEXT_LABEL, TEXT_LIMIT)
        due_on, due_time = data.get("due_on"), data.get("due_time")
        recurrence = data.get("recurrence") or Recurrence.NONE
        if due_time and not due_on and "due_on" not in self.errors:
            self.add_error("due_on", _("Please give a date for “By (date)” to go with the time."))
        if recurrence != Recurrence.NONE and not due_on and "due_on" not in self.errors:
            self.add_error("due_on", _("A repeating promise needs a first date in “By (date)”."))
        if due_on and self._is_past(due_on, due_time):
            field = "due_time" if due_time and due_on == self._today() else "due_on"
            self.add_error(
                field,
                _(
                    "That moment has already passed. Please choose a later “By (date)” "
                    "or “At (time)”."
                ),
            )
        until = data.get("repeat_until")
        if until and due_on and until < due_on:
            self.add_error("repeat_until", _("“Until (date)” needs to be on or after “By (date)”."))
        return data

    def _zone(self) -> str:
        return getattr(self.user, "time_zone", "") or "UTC"

    def _today(self) -> Any:
        return timezone.localtime(self.now, timezone=ZoneInfo(self._zone())).date()

    def _is_past(self, due_on: Any, due_time: Any) -> bool:
        return local_to_utc(due_on, due_time, self._zone()) <= self.now

    def promise_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        repeating = data["recurrence"] != Recurrence.NONE
        return {
            "text": data["text"],
            "due_on": data["due_on"],
            "due_time": data["due_time"],
            "recurrence": data["recurrence"],
            "count": data["repeat_count"] if repeating else None,
            "until": data["repeat_until"] if repeating else None,
        }

    def texts(self) -> dict[str, str]:
        """What was typed, valid or not (for the coach and the support panel)."""
        return {"text": str(self.data.get("text") or "")}


class MarkForm(forms.Form):
    seq = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    mark = forms.ChoiceField(
        label=_("Was it kept?"),
        choices=[(Mark.KEPT, _("Kept")), (Mark.NOT_YET, _("Not yet"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose “Kept” or “Not yet”."),
            "invalid_choice": _("Please choose “Kept” or “Not yet”."),
        },
    )
    kind_word = forms.CharField(
        label=_("A kind word (optional)"),
        help_text=_("Your partner will read this."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _too_long(self, "kind_word", _("A kind word (optional)"), KIND_WORD_LIMIT)
        return data


class WithdrawForm(forms.Form):
    note = forms.CharField(
        label=_("A note for why"),
        help_text=_("Said plainly and kindly. Your partner will read it with the promise."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please write a few words in “A note for why”.")},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _too_long(self, "note", _("A note for why"), TEXT_LIMIT)
        return data


def refusal_message(code: str) -> str:
    """Why a change was refused (``services.Refused.code``), in words for the person."""
    texts = {
        "paused": _("The couple program is paused for now. Your own ledger still works."),
        "check_needed": _(
            "Promises you share with your partner open once you've taken your private check."
        ),
        "solo": _("This needs a linked partner."),
        "other_couple": _("This promise was made in an earlier couple space; it stays as it was."),
        "not_active": _("This promise is no longer open, so it can't be changed."),
    }
    return str(texts.get(code, texts["not_active"]))
