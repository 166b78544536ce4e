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
        self.stdout.write(self.style.SUCCESS("Demo people ready:"))
        for email, name, _zone in DEMO_PEOPLE:
            self.stdout.write(f"  {name:<6} {email:<20} password: {DEMO_PASSWORD}")
