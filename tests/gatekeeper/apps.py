from __future__ import annotations

from django.apps import AppConfig


class GatekeeperConfig(AppConfig):
    """A minimal content app, installed only in tests, that exercises the access
    gate and the route matrix until the feature apps bring real content."""

    name = "tests.gatekeeper"
    label = "gatekeeper"
