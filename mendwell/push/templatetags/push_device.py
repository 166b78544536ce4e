"""Lets ``push/_device.html`` be included on any page without extra context."""

from __future__ import annotations

from django import template
from django.conf import settings

from mendwell.push.selectors import push_available

register = template.Library()


@register.simple_tag
def vapid_public_key() -> str:
    """The key browsers subscribe with, or "" when push is not set up here."""
    return settings.VAPID_PUBLIC_KEY if push_available() else ""
