"""Our library of date ideas (our own words).

Each idea says where it happens, roughly what it costs (0 free, 1 a little,
2 a treat), how long it takes, and which ways of feeling loved it speaks to
(the same five keys step 5 uses: words, acts, gifts, time, touch).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Idea:
    id: str
    text: str | Promise
    place: str  # "home" or "out"
    cost: int  # 0 free, 1 a little, 2 a treat
    minutes: int
    ways: tuple[str, ...]


def _ideas(
    place: str, rows: list[tuple[str, str | Promise, int, int, tuple[str, ...]]]
) -> list[Idea]:
    return [
        Idea(f"{place}-{key}", text, place, cost, minutes, ways)
        for key, text, cost, minutes, ways in rows
    ]


HOME = _ideas(
    "home",
    [
        (
            "01",
            _("Cook a new recipe together, one of you reading, one of you stirring."),
            1,
            90,
            ("time", "acts"),
        ),
        (
            "02",
            _("Candlelit dinner at the kitchen table, phones in another room."),
            1,
            90,
            ("time",),
        ),
        (
            "03",
            _("Build a blanket fort and watch a film from inside it."),
            0,
            150,
            ("time", "touch"),
        ),
        (
            "04",
            _("Look through old photos and tell each other the stories behind them."),
            0,
            60,
            ("time", "words"),
        ),
        ("05", _("Write each other a short letter, then read them aloud."), 0, 45, ("words",)),
        (
            "06",
            _("Play a board game or a card game you haven't played in years."),
            0,
            60,
            ("time",),
        ),
        (
            "07",
            _("Make breakfast in bed for each other on the same morning."),
            1,
            60,
            ("acts", "time"),
        ),
        ("08", _("Do a jigsaw puzzle with music on."), 1, 90, ("time",)),
        ("09", _("Give each other a ten-minute shoulder rub."), 0, 30, ("touch",)),
        (
            "10",
            _("Plan a dream trip together, even if you never take it."),
            0,
            60,
            ("time", "words"),
        ),
        ("11", _("Bake something and deliver half to a neighbour."), 1, 90, ("acts", "time")),
        (
            "12",
            _("Have a themed dinner night: pick a country and cook its food."),
            1,
            120,
            ("time", "acts"),
        ),
        (
            "13",
            _("Read the same short story and talk about it over tea."),
            0,
            60,
            ("time", "words"),
        ),
        ("14", _("Dance in the living room to songs from when you met."), 0, 30, ("touch", "time")),
        ("15", _("Tidy one room together, then enjoy it with a drink."), 0, 60, ("acts", "time")),
        ("16", _("Make a playlist for each other and swap."), 0, 45, ("gifts", "words")),
        (
            "17",
            _("Stargaze from a window or the garden with a warm drink."),
            0,
            45,
            ("time", "touch"),
        ),
        ("18", _("Paint or draw each other, badly, and laugh about it."), 1, 60, ("time",)),
        (
            "19",
            _("Try a free online class together: a language, a dance, a craft."),
            0,
            60,
            ("time",),
        ),
        ("20", _("Have a picnic on the living-room floor."), 1, 60, ("time",)),
        (
            "21",
            _("Share three things you appreciate about each other this month."),
            0,
            20,
            ("words",),
        ),
        (
            "22",
            _("Grow something together: plant seeds in a pot or a window box."),
            1,
            45,
            ("acts", "time"),
        ),
        ("23", _("Make homemade pizza, each topping half your own way."), 1, 90, ("time", "acts")),
        ("24", _("Watch the sunrise together with coffee."), 0, 45, ("time",)),
        ("25", _("Fix or build something small that's been waiting."), 1, 90, ("acts",)),
        ("26", _("Take turns choosing short videos that make you laugh."), 0, 45, ("time",)),
        (
            "27",
            _("Give each other a small wrapped gift under five pounds or dollars."),
            1,
            30,
            ("gifts",),
        ),
        ("28", _("Do a gentle stretch or yoga session side by side."), 0, 30, ("time", "touch")),
        ("29", _("Write down the story of how you met, each from your side."), 0, 45, ("words",)),
        ("30", _("Make a slow, fancy hot chocolate and talk about your week."), 1, 30, ("time",)),
        (
            "31",
            _("Have a bath or a foot soak, one of you pampering the other."),
            1,
            45,
            ("acts", "touch"),
        ),
        (
            "32",
            _("Make a list of fifty small things you'd like to do together."),
            0,
            45,
            ("time", "words"),
        ),
        ("33", _("Learn a card trick or a magic trick and show each other."), 0, 45, ("time",)),
        ("34", _("Sort and frame a favourite photo together."), 1, 60, ("gifts", "time")),
        ("35", _("Build a small herb garden for the kitchen."), 1, 60, ("acts", "time")),
        ("36", _("Read aloud to each other from a book you both like."), 0, 45, ("words", "time")),
        (
            "37",
            _("Have a tasting night: three cheeses, chocolates or teas."),
            1,
            60,
            ("time", "gifts"),
        ),
        ("38", _("Make a time capsule to open in a year."), 0, 60, ("words", "time")),
        ("39", _("Play twenty questions about each other's childhood."), 0, 40, ("words", "time")),
        ("40", _("Rearrange a room together for a fresh start."), 0, 90, ("acts", "time")),
    ],
)

OUT = _ideas(
    "out",
    [
        ("01", _("Walk somewhere new in your own town, no destination."), 0, 60, ("time",)),
        (
            "02",
            _("Visit a museum or gallery and each pick a favourite piece."),
            1,
            120,
            ("time", "words"),
        ),
        ("03", _("Go for breakfast at a café you've never tried."), 1, 60, ("time",)),
        ("04", _("Take a picnic to a park or the beach."), 1, 120, ("time",)),
        ("05", _("See a local play, concert or comedy night."), 2, 150, ("time",)),
        ("06", _("Go to a farmers' market and cook what you find."), 1, 150, ("time", "acts")),
        ("07", _("Ride bikes along a river or a quiet road."), 0, 90, ("time",)),
        ("08", _("Try a class together: pottery, climbing, dancing."), 2, 120, ("time", "touch")),
        ("09", _("Watch the sunset from the highest point nearby."), 0, 60, ("time", "touch")),
        (
            "10",
            _("Browse a second-hand bookshop and buy each other one book."),
            1,
            90,
            ("gifts", "time"),
        ),
        (
            "11",
            _("Go to the cinema at an unusual time, like a weekday morning."),
            1,
            150,
            ("time",),
        ),
        ("12", _("Take a day trip by train to a nearby town."), 2, 360, ("time",)),
        ("13", _("Go swimming, then share something warm afterwards."), 1, 120, ("time",)),
        ("14", _("Visit a botanical garden or a greenhouse."), 1, 90, ("time",)),
        ("15", _("Play mini-golf or go bowling."), 1, 90, ("time",)),
        ("16", _("Volunteer together for an afternoon."), 0, 180, ("acts", "time")),
        ("17", _("Go to a free outdoor event: a fair, a festival, a parade."), 0, 120, ("time",)),
        (
            "18",
            _("Have dinner somewhere you went early in your relationship."),
            2,
            120,
            ("time", "words"),
        ),
        ("19", _("Go for a hike with a packed lunch."), 0, 240, ("time",)),
        ("20", _("Try a cuisine neither of you has eaten before."), 2, 120, ("time",)),
        ("21", _("Visit a zoo, an aquarium or a farm park."), 2, 180, ("time",)),
        ("22", _("Go ice skating or roller skating, holding hands."), 1, 90, ("touch", "time")),
        (
            "23",
            _("Take photos on a walk, then choose your favourite of each other's."),
            0,
            90,
            ("time", "words"),
        ),
        ("24", _("Go to a quiz night as a team of two."), 1, 120, ("time",)),
        ("25", _("Go berry or apple picking in season."), 1, 120, ("time",)),
        ("26", _("Sit in a café and people-watch, making up stories."), 1, 60, ("time", "words")),
        ("27", _("Go to a library talk or a free lecture."), 0, 90, ("time",)),
        ("28", _("Find the best ice cream or hot chocolate in town."), 1, 60, ("time",)),
        ("29", _("Go to a live music night at a small venue."), 1, 150, ("time",)),
        ("30", _("Take a boat, ferry or canal trip."), 2, 120, ("time",)),
        ("31", _("Go to a spa or a sauna."), 2, 180, ("time", "touch")),
        ("32", _("Follow a historic walking trail in your area."), 0, 120, ("time",)),
        ("33", _("Go birdwatching at dawn with a flask of tea."), 0, 120, ("time",)),
        ("34", _("Pick a flower or plant for each other at a garden centre."), 1, 60, ("gifts",)),
        ("35", _("Go to a karaoke night and sing one song each."), 1, 120, ("time",)),
        ("36", _("Have a long lunch with no plans after it."), 2, 120, ("time",)),
        (
            "37",
            _("Visit a viewpoint and talk about where you'd like to be in five years."),
            0,
            60,
            ("time", "words"),
        ),
        ("38", _("Go to an open-air cinema or a drive-in."), 1, 150, ("time",)),
        ("39", _("Take a dance lesson for beginners."), 1, 60, ("touch", "time")),
        (
            "40",
            _("Run an errand for someone you both care about, then go for coffee."),
            1,
            90,
            ("acts", "time"),
        ),
        ("41", _("Walk somewhere with water: a river, a lake, the sea."), 0, 90, ("time",)),
        (
            "42",
            _("Go window shopping and pick a tiny gift for each other."),
            1,
            90,
            ("gifts", "time"),
        ),
    ],
)

IDEAS: tuple[Idea, ...] = tuple(HOME + OUT)
IDEAS_BY_ID = {idea.id: idea for idea in IDEAS}
