"""Forms built from an instrument file: one whole-number field per item."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from mendwell.progress.registry import Instrument, Item


def item_text(instrument: Instrument, text: str) -> str:
    """Our own wording goes through gettext; a licensed instrument's stays verbatim."""
    return _(text) if instrument.shipped else text


def scale_hint(instrument: Instrument) -> str:
    anchors = "; ".join(
        f"{value} = {item_text(instrument, label)}" for value, label in instrument.anchors
    )
    hint = _("A whole number from %(low)d to %(high)d.") % {
        "low": instrument.scale_min,
        "high": instrument.scale_max,
    }
    return f"{hint} {anchors}" if anchors else hint


class PulseForm(forms.Form):
    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        hint = scale_hint(instrument)
        for item in instrument.items:
            self.fields[item.id] = self._field(item, hint)

    def _field(self, item: Item, hint: str) -> forms.IntegerField:
        text = item_text(self.instrument, item.text)
        bounds = {
            "item": text,
            "low": self.instrument.scale_min,
            "high": self.instrument.scale_max,
        }
        out_of_range = _("“%(item)s”: choose a whole number from %(low)d to %(high)d.") % bounds
        return forms.IntegerField(
            label=text,
            help_text=hint,
            min_value=self.instrument.scale_min,
            max_value=self.instrument.scale_max,
            error_messages={
                "required": _("Please answer “%(item)s”.") % bounds,
                "invalid": out_of_range,
                "min_value": out_of_range,
                "max_value": out_of_range,
            },
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "pulse-input"}),
        )

    def answers(self) -> dict[str, int]:
        return {item_id: self.cleaned_data[item_id] for item_id in self.instrument.item_ids}


class SharingForm(forms.Form):
    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["items"] = forms.MultipleChoiceField(
            label=_("Measures your partner may see"),
            required=False,
            choices=[(item.id, item_text(instrument, item.text)) for item in instrument.items],
            widget=forms.CheckboxSelectMultiple,
        )
