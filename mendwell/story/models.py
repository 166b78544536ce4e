"""Small victories: moments a person wants to remember from the way back.

A victory goes on the couple's shared wall when working together is open
(a partner, and the person's own private check done), otherwise it is kept
for its author alone. Milestones are not stored: they are worked out from
what happened in the other steps (see ``milestones``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.couples.access import SharedContent

TEXT_LIMIT = 500
FIRST_STEP, LAST_STEP = 1, 10


class Victory(SharedContent):
    text = EncryptedTextField()
    happened_on = models.DateField()
    # Which of the ten steps it belongs to, if the person wants to say.
    step = models.PositiveSmallIntegerField(null=True, blank=True)

    export_fields = ("text", "happened_on", "step")
    export_label = _("Small victory")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(step__isnull=True)
                | models.Q(step__gte=FIRST_STEP, step__lte=LAST_STEP),
                name="story_victory_step_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["couple", "-happened_on"], name="story_couple_day_idx"),
            models.Index(fields=["author", "-happened_on"], name="story_author_day_idx"),
        ]

    def __str__(self) -> str:
        return f"victory {self.id}"
