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


class QuestionMark(SharedContent):
    """One person's own marks on a question: a favourite, or "we talked about this".

    Private to the person who made them, like everything they have not chosen to share.
    """

    question_id = models.CharField(max_length=32)
    favourite = models.BooleanField(default=False)
    discussed = models.BooleanField(default=False)

    export_fields = ("question_id", "favourite", "discussed")
    export_label = _("Question marked")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["author", "question_id"], name="conversations_one_mark_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"question mark {self.id}"


TOPIC_LIMIT = 500
TURN_LIMIT = 5_000
PAUSE_MINIMUM_MINUTES = 20


class Conversation(SharedContent):
    """A guided conversation between the two partners of a couple.

    ``author`` is whoever started it; it is always shared in the couple. The
    state (whose turn it is, what kind of turn) is derived from the turns in
    ``guided.state``; the row holds only the choices made at the start, the
    topic, a pause and the end.
    """

    topic = EncryptedTextField(blank=True, default="")
    question_id = models.CharField(max_length=32, blank=True, default="")
    speaker_listener = models.BooleanField(default=False)
    one_device = models.BooleanField(default=False)
    # A suggested turn length in minutes shown by the timer; 0 means no suggestion.
    turn_minutes = models.PositiveSmallIntegerField(default=3)
    first_speaker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    topic_set_at = models.DateTimeField(null=True, blank=True)
    pause_started_at = models.DateTimeField(null=True, blank=True)
    paused_until = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    export_fields = ("topic",)
    export_label = _("Conversation")

    def __str__(self) -> str:
        return f"conversation {self.id}"


class RuleAgreement(models.Model):
    """One partner's agreement to the ground rules of one conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    agreed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="conversations_agree_once"
            ),
        ]

    def __str__(self) -> str:
        return f"agreement {self.pk}"


class TurnKind(models.TextChoices):
    SPEAK = "speak", _("Speaking")
    REFLECT = "reflect", _("What I heard")
    CLARIFY = "clarify", _("What I meant")


class Turn(SharedContent):
    """One turn, authored by the person speaking.

    On one device the phone's owner types for whoever holds it; ``entered_by``
    records that so the couple can see which device a turn was written on.
    A deleted turn keeps its place (so whose turn it is stays right) but loses
    its words.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="+")
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=TurnKind.choices, default=TurnKind.SPEAK)
    text = EncryptedTextField(blank=True, default="")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    export_fields = ("kind", "text")
    export_label = _("Conversation turn")

    class Meta:
        constraints = [
            # Two devices sending "the next turn" at once: the second one loses.
            models.UniqueConstraint(fields=["conversation", "seq"], name="conversations_turn_seq"),
        ]

    def __str__(self) -> str:
        return f"turn {self.id}"
