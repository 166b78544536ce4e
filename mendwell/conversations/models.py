"""Step 2: the question of the day, answered privately and revealed to both at once."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mendwell.core.fields import EncryptedTextField
from mendwell.core.models import PublicIdModel
from mendwell.couples.access import SharedContent

ANSWER_LIMIT = 5_000


class DailyQuestion(PublicIdModel):
    """Which question a couple (or a person on their own) has for one day.

    Created when either partner first opens the day's page; the unique
    constraints make two simultaneous first visits agree on one question.
    """

    couple = models.ForeignKey(
        "couples.Couple", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    day = models.DateField()
    question_id = models.CharField(max_length=32)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["couple", "day"],
                condition=Q(couple__isnull=False),
                name="conversations_one_question_per_couple_day",
            ),
            models.UniqueConstraint(
                fields=["owner", "day"],
                condition=Q(owner__isnull=False),
                name="conversations_one_question_per_person_day",
            ),
        ]

    def __str__(self) -> str:
        return f"daily question {self.id}"


class Answer(SharedContent):
    daily = models.ForeignKey(DailyQuestion, on_delete=models.CASCADE, related_name="+")
    text = EncryptedTextField()

    export_fields = ("text",)
    export_label = _("Answer to a question")

    class Meta:
        constraints = [
            # Answering twice (a double submit, two devices) keeps the first answer.
            models.UniqueConstraint(fields=["daily", "author"], name="conversations_one_answer"),
        ]

    def __str__(self) -> str:
        return f"answer {self.id}"
