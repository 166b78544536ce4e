"""``{% baseline_due_for user as due %}``: lets another step's page show the baseline prompt
(``progress/_baseline_prompt.html``) without importing this app's code."""

from __future__ import annotations

from typing import Any

from django import template

from mendwell.progress.selectors import baseline_due

register = template.Library()


@register.simple_tag
def baseline_due_for(user: Any) -> bool:
    return baseline_due(user)
