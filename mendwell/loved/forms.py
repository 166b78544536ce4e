from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.loved.models import ITEM_LIMIT, ITEM_TEXT_LIMIT, RATING_FIELDS
from mendwell.loved.ways import HIGHEST, LOWEST, SCALE, WAYS

DIRECTIONS = (("receiving", _("Receiving")), ("giving", _("Giving")))


def _rating_field(way_name: Any, direction_label: Any) -> forms.TypedChoiceField:
    # Named in the message: a screen-reader user hears which of the ten it was.
    message = _("Please choose a number from %(low)d to %(high)d for %(way)s (%(direction)s).") % {
        "low": LOWEST,
        "high": HIGHEST,
        "way": way_name,
        "direction": direction_label,
    }
    return forms.TypedChoiceField(
        choices=[(value, f"{value} · {label}") for value, label in SCALE],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": message, "invalid_choice": message},
    )


class RatingsForm(forms.Form):
    """Ten independent ratings. Each way is rated on its own: none excludes another."""

    # Chosen when the form is shown, so sending it twice makes one snapshot.
    snapshot_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for direction, label in DIRECTIONS:
            for way in WAYS:
                self.fields[f"{direction}_{way.key}"] = _rating_field(way.name, label)

    def groups(self) -> list[dict[str, Any]]:
        """The fields by direction, each with its way, for the template."""
        return [
            {
                "direction": direction,
                "label": label,
                "rows": [
                    {"way": way, "field": self[f"{direction}_{way.key}"], "direction": direction}
                    for way in WAYS
                ],
            }
            for direction, label in DIRECTIONS
        ]

    def ratings(self) -> dict[str, int]:
        return {name: self.cleaned_data[name] for name in RATING_FIELDS}


TOO_LONG = _("Please keep a line under %(limit_value)d characters (this has %(show_value)d).")


class ItemForm(forms.Form):
    item_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)
    text = forms.CharField(
        label=_("Something that makes me feel loved"),
        help_text=_("Concrete is easiest to act on: “a cup of tea brought to me in the morning”."),
        max_length=ITEM_TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": _("Please write a few words for this line."),
            "max_length": TOO_LONG,
        },
    )
    this_week = forms.BooleanField(
        label=_("This week I'd love this one most"),
        help_text=_("One line at a time; marking another moves the mark."),
        required=False,
    )


def list_full_message() -> str:
    return str(
        _(
            "Your list holds up to %(limit)d lines, and it is full. "
            "Remove or combine a line to add this one."
        )
        % {"limit": ITEM_LIMIT}
    )


def share_refused_message() -> str:
    return str(
        _(
            "Sharing needs a partner linked with you, your own private check done, "
            "and the program not paused. Nothing was shared."
        )
    )


class ShareForm(forms.Form):
    shared = forms.ChoiceField(choices=[("on", "on"), ("off", "off")])

    @property
    def wanted(self) -> bool:
        return self.cleaned_data["shared"] == "on"


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
