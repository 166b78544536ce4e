from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.conversations.models import ANSWER_LIMIT
from mendwell.conversations.questions import THEMES
from mendwell.conversations.selectors import DeckShow


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


class MarkKind(models.TextChoices):
    FAVOURITE = "favourite", _("Favourite")
    DISCUSSED = "discussed", _("We've talked about this")


class QuestionMarkForm(forms.Form):
    """One press of a mark button. The question id is read by the view (unknown: 404).

    The buttons send the state they want ("on" or "off"), never "toggle".
    """

    mark = forms.ChoiceField(
        label=_("Mark"),
        choices=MarkKind.choices,
        error_messages={
            "required": _("Mark: please choose Favourite or We've talked about this."),
            "invalid_choice": _("Mark: please choose Favourite or We've talked about this."),
        },
    )
    value = forms.TypedChoiceField(
        label=_("On or off"),
        choices=[("on", _("On")), ("off", _("Off"))],
        coerce=lambda value: value == "on",
        error_messages={
            "required": _("On or off: please choose on or off."),
            "invalid_choice": _("On or off: please choose on or off."),
        },
    )

    def changes(self) -> dict[str, bool]:
        return {self.cleaned_data["mark"]: self.cleaned_data["value"]}


DEPTH_CHOICES = [
    ("", _("Any depth")),
    ("1", _("1 · lighter")),
    ("2", _("2 · deeper")),
    ("3", _("3 · deepest")),
]


class DeckFilterForm(forms.Form):
    show = forms.ChoiceField(label=_("Show"), choices=DeckShow.choices, required=False)
    theme = forms.ChoiceField(
        label=_("Theme"), choices=[("", _("All themes")), *THEMES.items()], required=False
    )
    depth = forms.TypedChoiceField(
        label=_("Depth"), choices=DEPTH_CHOICES, coerce=int, empty_value=None, required=False
    )

    def chosen(self) -> dict[str, Any]:
        """The filters asked for. A value that is not one of the choices (an old
        link, a hand-edited address) counts as "all" instead of an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "show": data.get("show") or DeckShow.ALL,
            "theme": data.get("theme") or "",
            "depth": data.get("depth") or 0,
        }
