"""RFC 5545 output for planned dates, with icalendar.

Summaries and descriptions come from ``core.notification_texts`` (content-
neutral). UIDs are stable per plan; SEQUENCE follows the plan's revision;
a cancelled plan stays in the feed with STATUS:CANCELLED so calendar apps
remove it; VTIMEZONE blocks are added for every zone used.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from mendwell.core.notification_texts import MESSAGES
from mendwell.dates.models import DatePlan, Repeat

PRODID = "-//Mendwell//Time together//EN"


def _rrule(plan: DatePlan) -> vRecur | None:
    if plan.repeat == Repeat.NONE or plan.repeat_until is None:
        return None
    zone = ZoneInfo(plan.time_zone)
    # UNTIL is inclusive and, with a zoned DTSTART, must be given in UTC.
    last = datetime.combine(plan.repeat_until, plan.start_time, tzinfo=zone)
    until = last.astimezone(ZoneInfo("UTC"))
    if plan.repeat == Repeat.MONTHLY:
        return vRecur({"FREQ": "MONTHLY", "UNTIL": until})
    interval = 2 if plan.repeat == Repeat.FORTNIGHTLY else 1
    return vRecur({"FREQ": "WEEKLY", "INTERVAL": interval, "UNTIL": until})


def event_for(plan: DatePlan) -> Event:
    message = MESSAGES["calendar.date"]
    event = Event()
    event.add("uid", f"{plan.id}@mendwell")
    event.add("dtstamp", timezone.now())
    start = datetime.combine(plan.starts_on, plan.start_time, tzinfo=ZoneInfo(plan.time_zone))
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=plan.duration_minutes))
    event.add("summary", str(message.title))
    event.add("description", str(message.body))
    event.add("sequence", plan.revision)
    event.add("status", "CANCELLED" if plan.cancelled_at else "CONFIRMED")
    rule = _rrule(plan)
    if rule is not None:
        event.add("rrule", rule)
    return event


def calendar_for(plans: Iterable[DatePlan]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(MESSAGES["calendar.date"].title))
    for plan in plans:
        calendar.add_component(event_for(plan))
    calendar.add_missing_timezones()
    return calendar.to_ical()
