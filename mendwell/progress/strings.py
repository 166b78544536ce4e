"""The shipped pulse's wording, marked for translation.

The instrument file holds the English text (the msgid); marking the same
strings here lets ``makemessages`` collect them, and the page shows
``gettext(text)``. A test keeps this list and the shipped files in step.
We chose this over translation keys inside the JSON so the file stays the one
readable source of the wording, and over per-language files so a translator
works in the usual ``.po`` flow. An operator's licensed instrument is shown
exactly as its file says (its wording is fixed by its licence), so only our
own files are listed here.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

SHIPPED_WORDING = (
    gettext_noop("Weekly pulse"),
    gettext_noop("informal check-in"),
    gettext_noop("Not at all"),
    gettext_noop("Completely"),
    gettext_noop("These past days, how close have you felt to your partner?"),
    gettext_noop("How much have you felt you can count on your partner?"),
    gettext_noop(
        "When you spoke about something that mattered to you, how well did you feel listened to?"
    ),
    gettext_noop("How much warmth and kindness has there been between you?"),
    gettext_noop("All in all, how content have you been with your relationship lately?"),
)
