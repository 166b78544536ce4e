"""``manage.py ensure_vapid_keys``: give the instance a web push key pair on first run."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from config.env import SECRETS_FILE_NAME
from mendwell.push.keys import ensure_in_secrets_file


class Command(BaseCommand):
    help = (
        "Append a VAPID key pair to the data directory's secrets.env unless one is "
        "already configured (environment, *_FILE or the file). Never replaces a key."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        path = settings.DATA_DIR / SECRETS_FILE_NAME
        outcome = ensure_in_secrets_file(path)
        if outcome == "added":
            self.stdout.write(f"Web push keys added to {path}. Restart to use them.")
        elif outcome == "derived":
            self.stdout.write(f"Web push public key added to {path}. Restart to use it.")
        elif outcome == "public_only":
            # A warning, not a failure: the rest of the app starts, push stays off.
            self.stderr.write(
                "VAPID_PUBLIC_KEY is set without VAPID_PRIVATE_KEY, so web push stays off. "
                "Add the private key, or remove the public key to have a new pair made."
            )
