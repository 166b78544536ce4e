"""Create the demo people: Alex and Sam (a linked couple) and Robin (on their own).

Idempotent: running it again leaves one of each. It refuses to run with DEBUG
off unless --force is given, so a production instance never gets demo logins.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mendwell.couples.selectors import couple_for_user
from mendwell.couples.services import couple_create, invite_accept, invite_create

DEMO_PASSWORD = "mendwell-demo-2026"
DEMO_PEOPLE = (
    ("alex@example.com", "Alex", "Europe/London"),
    ("sam@example.com", "Sam", "Europe/London"),
    ("robin@example.com", "Robin", "America/New_York"),
)


class Command(BaseCommand):
    help = "Create demo accounts (Alex and Sam linked, Robin alone). Development only."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (never on a real instance).",
        )

    @transaction.atomic
    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password; it only runs with "
                "DEBUG on. Use --force if you really mean it."
            )
        User = get_user_model()
        people = {}
        for email, name, zone in DEMO_PEOPLE:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email, DEMO_PASSWORD, display_name=name, time_zone=zone
                )
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            people[name] = user
        alex, sam = people["Alex"], people["Sam"]
        if couple_for_user(alex) is None or couple_for_user(alex) != couple_for_user(sam):
            couple_create(user=alex)
            new = invite_create(user=alex)
            invite_accept(user=sam, code=new.code)
        self._seed_log(alex)
        self._seed_acknowledgement(alex, sam)
        self._seed_reminders(alex)
        self.stdout.write(self.style.SUCCESS("Demo people ready:"))
        for email, name, _zone in DEMO_PEOPLE:
            self.stdout.write(f"  {name:<6} {email:<20} password: {DEMO_PASSWORD}")

    def _seed_reminders(self, alex: Any) -> None:
        """Alex has chosen a morning reminder, so the reminders page shows one set up."""
        from datetime import time

        from mendwell.reminders.models import Kind, Reminder
        from mendwell.reminders.services import reminder_set

        if not Reminder.objects.filter(user=alex).exists():
            reminder_set(user=alex, kind=Kind.DAILY_PLAN, enabled=True, at=time(8, 0))

    def _seed_log(self, alex: Any) -> None:
        """Two private log entries for Alex (step 1), once."""
        import uuid
        from datetime import timedelta

        from django.utils import timezone

        from mendwell.journal.models import LogEntry
        from mendwell.journal.services import log_entry_create

        if LogEntry.objects.filter(author=alex).exists():
            return
        today = timezone.localdate()
        log_entry_create(
            user=alex,
            entry_id=uuid.uuid4(),
            happened_on=today - timedelta(days=12),
            rough_period="",
            what_happened="I spent Sam's birthday dinner answering work messages.",
            impact="Sam probably felt that work mattered more than the evening we'd planned.",
            differently="Leave my phone at home and tell work I'm unreachable that night.",
            tags=["time", "attention"],
        )
        log_entry_create(
            user=alex,
            entry_id=uuid.uuid4(),
            happened_on=None,
            rough_period="Most of last winter",
            what_happened="I stopped asking how Sam's days were going.",
            impact="Sam may have felt alone with the hard weeks at the clinic.",
            differently="Ask one real question every evening, and listen to the answer.",
            tags=["attention"],
        )

    def _seed_acknowledgement(self, alex: Any, sam: Any) -> None:
        """One acknowledgement Alex sent Sam from a log entry, answered "not yet", once.

        Written as rows rather than through ``acknowledgement_send``: the demo
        people have not taken the private safety check, which sending asks for.
        """
        from django.utils import timezone

        from mendwell.couples.access import Visibility
        from mendwell.journal.models import (
            Acknowledgement,
            AcknowledgementResponse,
            AcknowledgementSent,
            LogEntry,
            ResponseKind,
        )

        if Acknowledgement.objects.filter(author=alex).exists():
            return
        couple = couple_for_user(alex)
        now = timezone.now()
        texts = {
            "own_it": "On your birthday I chose my phone over you, all evening. That was my doing.",
            "impact": "You'd planned that dinner, and I left you sitting alone with it.",
            "change": "On the evenings we plan, my phone stays at home. You'll see it on the hall table.",
        }
        thread = Acknowledgement.objects.create(
            author=alex, couple=couple, visibility=Visibility.SHARED, sent_at=now, **texts
        )
        entry = LogEntry.objects.filter(author=alex).order_by("created_at").first()
        if entry is not None:
            thread.entries.add(entry)
        sent = AcknowledgementSent.objects.create(
            thread=thread, number=1, draft_version=thread.version, sent_at=now, **texts
        )
        AcknowledgementResponse.objects.create(
            author=sam,
            couple=couple,
            visibility=Visibility.SHARED,
            thread=thread,
            sent=sent,
            kind=ResponseKind.NOT_YET,
            missing="I'd like to hear that you know it wasn't only that one night.",
        )
