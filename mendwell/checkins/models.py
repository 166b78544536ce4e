"""A person's daily check-in: how they feel and how close they feel, private
unless they share that one day's check-in with their partner."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent

NOTE_LIMIT = 2_000

MOOD_LABELS = {
    1: _("Very low"),
    2: _("Low"),
    3: _("Okay"),
    4: _("Good"),
    5: _("Very good"),
}
CLOSENESS_LABELS = {
    1: _("Far apart"),
    2: _("A bit distant"),
    3: _("In between"),
    4: _("Close"),
    5: _("Very close"),
}


class CheckIn(SharedContent):
    day = models.DateField()  # the person's own local date
    mood = models.PositiveSmallIntegerField()
    closeness = models.PositiveSmallIntegerField()
    note = EncryptedTextField(blank=True, default="")

    export_fields = ("day", "mood", "closeness", "note")
    export_label = _("Daily check-in")
    grant_category = "checkins.checkin"  # a client may grant it to their counsellor

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["author", "day"], name="checkins_one_per_day"),
            models.CheckConstraint(
                condition=Q(mood__gte=1, mood__lte=5), name="checkins_mood_in_range"
            ),
            models.CheckConstraint(
                condition=Q(closeness__gte=1, closeness__lte=5), name="checkins_closeness_in_range"
            ),
        ]
        indexes = [models.Index(fields=["author", "-day"], name="checkins_author_recent_idx")]

    def __str__(self) -> str:
        return f"check-in {self.id}"

    @property
    def mood_label(self) -> str:
        return str(MOOD_LABELS.get(self.mood, ""))

    @property
    def closeness_label(self) -> str:
        return str(CLOSENESS_LABELS.get(self.closeness, ""))


class WeekNoteKind(models.TextChoices):
    WENT_WELL = "went_well", _("What went well")
    TRY_NEXT = "try_next", _("One thing to try next week")


class WeekNote(SharedContent):
    """One line of the weekly look back; each line is private or shared on its own."""

    week_of = models.DateField()  # the Monday of the week, in the author's calendar
    kind = models.CharField(max_length=16, choices=WeekNoteKind.choices)
    text = EncryptedTextField()

    export_fields = ("week_of", "kind", "text")
    export_label = _("Weekly look back")
    grant_category = "checkins.weeknote"  # a client may grant it to their counsellor

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "week_of", "kind"], name="checkins_one_week_note_each"
            ),
        ]

    def __str__(self) -> str:
        return f"week note {self.id}"
