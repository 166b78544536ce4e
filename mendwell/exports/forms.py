from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from mendwell.exports import importer


class ExportForm(forms.Form):
    include_shared = forms.BooleanField(
        required=False,
        initial=False,
        label=_("Also include what your partner shared with you"),
        help_text=_(
            "Off unless you tick it. Only items your partner chose to share with you; "
            "never anything they kept private."
        ),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Your export (a .zip file)"),
        help_text=_("The zip Mendwell made for you, up to 10 MB."),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        try:
            self.document = importer.read_document(upload)
            self.planned = importer.plan(self.document)
        except importer.ImportRefused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return upload
