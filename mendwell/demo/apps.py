from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data that shows every feature; sits on top of all other apps."""

    name = "mendwell.demo"
    label = "demo"
