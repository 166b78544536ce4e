"""Our ground rules and calming suggestions for guided conversations (our own words).

The twenty-minute floor for a pause follows research on "flooding": once the
body is on alert, it takes about twenty minutes to settle enough to listen
again (Gottman, *The Marriage Clinic*, 1999). The step 2 page cites it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

GROUND_RULES = (
    _("One of us speaks at a time. The other listens to understand, not to answer back."),
    _("We describe what happened and how it felt, instead of saying what the other person is."),
    _("We stay with one subject and leave old arguments for another day."),
    _("Either of us can call a pause of at least twenty minutes, and the other lets it happen."),
    _("What is said here is not used against each other later."),
    _("If either of us feels unsafe, we stop. Safety comes before any conversation."),
)

CALMING_SUGGESTIONS = (
    _("Breathe slowly: in while you count to four, out while you count to six."),
    _("Go to another room or step outside for a short walk."),
    _("Drink a glass of water, or make a warm drink."),
    _("Put on a song you like and listen to the whole of it."),
    _("If you catch yourself rehearsing what you'll say next, set it down for now."),
    _("Do something with your hands: wash a cup, fold some clothes, water a plant."),
)

TURN_LENGTHS = [
    (2, _("2 minutes")),
    (3, _("3 minutes")),
    (5, _("5 minutes")),
    (0, _("No suggested length")),
]

PAUSE_CHOICES = [
    (20, _("20 minutes")),
    (30, _("30 minutes")),
    (60, _("An hour")),
    (24 * 60, _("Until tomorrow")),
]
