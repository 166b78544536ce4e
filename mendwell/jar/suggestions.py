"""Acts to start a jar from, in our own words: small, concrete, doable this week."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

SUGGESTED_ACTS = (
    _("Make me a cup of tea or coffee without my asking."),
    _("Leave me a short note somewhere I'll find it."),
    _("Ask about my day and listen to the whole answer."),
    _("Take on one of my chores this week."),
    _("Plan a walk together, just the two of us."),
    _("Put your phone away for a whole meal with me."),
    _("Tell me one thing you appreciated about me this week."),
    _("Hold my hand when we're out."),
    _("Cook my favourite meal."),
    _("Send me a message in the middle of the day."),
    _("Let me sleep in one morning."),
    _("Remember something I mentioned and ask how it went."),
    _("Sit with me for ten minutes with no screens."),
    _("Bring me something small you saw and thought of me."),
    _("Help me with something I've been putting off."),
    _("Choose a film or show we'll both enjoy and watch it with me."),
)
