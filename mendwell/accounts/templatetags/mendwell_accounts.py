from __future__ import annotations

from django import template

from mendwell.accounts.timezones import time_zone_choices

register = template.Library()


@register.inclusion_tag("includes/time_zone_list.html")
def time_zone_datalist() -> dict[str, object]:
    """Suggestions for the time-zone field; typing any valid zone works too."""
    return {"time_zones": time_zone_choices()}
