"""The question deck: open-ended questions we wrote, by theme and depth.

Each partner answers a question privately; answers are revealed once both have answered.
Ids are stable slugs ("theme-NN"): never reuse or renumber them, only append new ones.
Depth runs from 1 (light) to 3 (deepest).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Question:
    id: str  # stable slug, e.g. "hurt-01"; never reuse or renumber
    theme: str  # one of THEMES
    depth: int  # 1 light, 2 deeper, 3 deepest
    text: str | Promise


THEMES: dict[str, str | Promise] = {
    "hurt": _("Hurt and its impact"),
    "needs": _("Unmet needs"),
    "hopes": _("Hopes for us"),
    "appreciation": _("Appreciation"),
    "everyday": _("Everyday life"),
}

QUESTIONS: tuple[Question, ...] = (
    # Hurt and its impact
    Question(
        "hurt-01", "hurt", 1, _("What has felt a bit heavier than usual for you between us lately?")
    ),
    Question(
        "hurt-02", "hurt", 1, _("When you feel far from me, what does that look like in your day?")
    ),
    Question(
        "hurt-03",
        "hurt",
        1,
        _("What small thing has stung recently, even if it seemed minor at the time?"),
    ),
    Question(
        "hurt-04",
        "hurt",
        1,
        _("At which point in the day do you most feel the distance between us?"),
    ),
    Question(
        "hurt-05", "hurt", 1, _("How do you usually let me know that something has hurt you?")
    ),
    Question(
        "hurt-06",
        "hurt",
        1,
        _("What helps you feel a little better after a hard moment between us?"),
    ),
    Question(
        "hurt-07",
        "hurt",
        1,
        _("What one word fits how things have felt between us lately, and what makes it fit?"),
    ),
    Question(
        "hurt-08",
        "hurt",
        1,
        _("When something bothers you, how long do you tend to carry it before saying it?"),
    ),
    Question("hurt-09", "hurt", 1, _("What would you like me to notice when you go quiet?")),
    Question(
        "hurt-10", "hurt", 1, _("How can I tell when you need comfort rather than a solution?")
    ),
    Question(
        "hurt-11",
        "hurt",
        2,
        _("What has been hardest for you about the stretch when we drifted apart?"),
    ),
    Question(
        "hurt-12",
        "hurt",
        2,
        _("How has the distance between us affected the way you feel about yourself?"),
    ),
    Question(
        "hurt-13",
        "hurt",
        2,
        _("What did you tell yourself about us during the times you felt alone?"),
    ),
    Question(
        "hurt-14",
        "hurt",
        2,
        _("What do you wish I had understood sooner about how you were feeling?"),
    ),
    Question(
        "hurt-15",
        "hurt",
        2,
        _("Which moment from our harder months still comes back to you, and how does it feel now?"),
    ),
    Question(
        "hurt-16", "hurt", 2, _("What made it difficult to tell me how you were feeling back then?")
    ),
    Question("hurt-17", "hurt", 2, _("How has the hurt changed the way you reach out to me?")),
    Question(
        "hurt-18",
        "hurt",
        2,
        _("What would help you feel safe enough to tell me when something hurts?"),
    ),
    Question(
        "hurt-19", "hurt", 2, _("What part of your hurt do you feel I have not yet fully heard?")
    ),
    Question(
        "hurt-20",
        "hurt",
        3,
        _("What would help you trust our closeness again, one small step at a time?"),
    ),
    Question(
        "hurt-21",
        "hurt",
        3,
        _("What fear about us do you carry that you have not yet said out loud?"),
    ),
    Question(
        "hurt-22",
        "hurt",
        3,
        _("If the loneliness you felt were a place, how would you describe it?"),
    ),
    Question(
        "hurt-23",
        "hurt",
        3,
        _("What could I say or do so you feel your hurt has truly been acknowledged?"),
    ),
    Question(
        "hurt-24",
        "hurt",
        3,
        _(
            "Which older wound, from before us, gets stirred up when things feel distant between us?"
        ),
    ),
    Question(
        "hurt-25",
        "hurt",
        3,
        _("What might letting go of this hard time look like for you, whenever you feel ready?"),
    ),
    # Unmet needs
    Question(
        "needs-01",
        "needs",
        1,
        _("What small thing could I do this week that would make you feel cared for?"),
    ),
    Question(
        "needs-02", "needs", 1, _("When in your day would a message or call from me mean the most?")
    ),
    Question("needs-03", "needs", 1, _("How do you most like to be comforted after a long day?")),
    Question("needs-04", "needs", 1, _("What kind of touch feels most welcome to you right now?")),
    Question(
        "needs-05",
        "needs",
        1,
        _("What helps you feel listened to when you are telling me something?"),
    ),
    Question(
        "needs-06",
        "needs",
        1,
        _("How much time together each week would feel good to you right now?"),
    ),
    Question(
        "needs-07", "needs", 1, _("What is one thing you would like us to do together more often?")
    ),
    Question(
        "needs-08", "needs", 1, _("How would you like to be greeted when one of us comes home?")
    ),
    Question(
        "needs-09",
        "needs",
        1,
        _("What kind of help around the house would make the biggest difference to you?"),
    ),
    Question(
        "needs-10",
        "needs",
        1,
        _("Which of your interests would you like me to be more curious about?"),
    ),
    Question(
        "needs-11",
        "needs",
        2,
        _("What need of yours has been quietly waiting while life got busy?"),
    ),
    Question("needs-12", "needs", 2, _("When do you feel most alone, even with me nearby?")),
    Question(
        "needs-13", "needs", 2, _("What does feeling like a priority to me look like in practice?")
    ),
    Question(
        "needs-14",
        "needs",
        2,
        _("How could I show interest in your inner world without it feeling like pressure?"),
    ),
    Question("needs-15", "needs", 2, _("What makes it hard for you to ask me for what you need?")),
    Question(
        "needs-16",
        "needs",
        2,
        _(
            "How would you like us to handle the moments when our needs pull in different directions?"
        ),
    ),
    Question(
        "needs-17",
        "needs",
        2,
        _("When something outside our relationship is stressing you, how can I best support you?"),
    ),
    Question(
        "needs-18",
        "needs",
        2,
        _(
            "Which of your needs feels hardest for me to meet, and how could we approach it together?"
        ),
    ),
    Question(
        "needs-19",
        "needs",
        2,
        _("What would help you feel more like a team with me in daily life?"),
    ),
    Question(
        "needs-20",
        "needs",
        3,
        _("What have you stopped asking for because you expected it would not come?"),
    ),
    Question("needs-21", "needs", 3, _("How do you want to feel when you fall asleep next to me?")),
    Question("needs-22", "needs", 3, _("What part of you do you wish I knew better?")),
    Question("needs-23", "needs", 3, _("What would help you feel truly chosen by me again?")),
    Question(
        "needs-24",
        "needs",
        3,
        _("When you picture feeling fully close to me, what is different from now?"),
    ),
    Question(
        "needs-25",
        "needs",
        3,
        _("What do you need in order to trust that the changes we are making will last?"),
    ),
    # Hopes for us
    Question(
        "hopes-01", "hopes", 1, _("What are you looking forward to doing together this month?")
    ),
    Question("hopes-02", "hopes", 1, _("Where would you love us to go for a day out?")),
    Question(
        "hopes-03", "hopes", 1, _("What new thing would you like us to try together this year?")
    ),
    Question(
        "hopes-04", "hopes", 1, _("What little tradition would you like the two of us to start?")
    ),
    Question("hopes-05", "hopes", 1, _("How would you like us to spend our next free weekend?")),
    Question("hopes-06", "hopes", 1, _("What kind of date would feel fun and easy right now?")),
    Question(
        "hopes-07", "hopes", 1, _("What small ritual would you like us to build into our week?")
    ),
    Question("hopes-08", "hopes", 1, _("Which meal would you like us to learn to cook together?")),
    Question(
        "hopes-09", "hopes", 1, _("What would a perfect lazy Sunday look like for the two of us?")
    ),
    Question(
        "hopes-10",
        "hopes",
        1,
        _("What song would you pick as the soundtrack for our next chapter?"),
    ),
    Question(
        "hopes-11", "hopes", 2, _("What would you like people to notice about us a year from now?")
    ),
    Question(
        "hopes-12",
        "hopes",
        2,
        _("How would you like us to be different when we face the next hard season?"),
    ),
    Question(
        "hopes-13", "hopes", 2, _("What do you hope we will have rebuilt six months from now?")
    ),
    Question(
        "hopes-14",
        "hopes",
        2,
        _("What do you see in another couple you know that you would love for us too?"),
    ),
    Question(
        "hopes-15",
        "hopes",
        2,
        _("What would help us protect our time together when life gets busy again?"),
    ),
    Question("hopes-16", "hopes", 2, _("How would you like us to celebrate the progress we make?")),
    Question(
        "hopes-17",
        "hopes",
        2,
        _("What from our early days would you like to bring back, in a new way?"),
    ),
    Question(
        "hopes-18", "hopes", 2, _("Which dream of yours would you like me to help make room for?")
    ),
    Question(
        "hopes-19",
        "hopes",
        2,
        _("How do you picture an ordinary good evening together in our future?"),
    ),
    Question(
        "hopes-20",
        "hopes",
        3,
        _("What kind of partner do you hope to grow into through this time?"),
    ),
    Question(
        "hopes-21",
        "hopes",
        3,
        _("When we are old, what story do you hope we tell about this time?"),
    ),
    Question(
        "hopes-22", "hopes", 3, _("What would feeling at home with me be like at its very best?")
    ),
    Question(
        "hopes-23",
        "hopes",
        3,
        _("What do you hope we can promise each other now, knowing what we know?"),
    ),
    Question("hopes-24", "hopes", 3, _("Which hope for us have you been afraid to say out loud?")),
    Question(
        "hopes-25",
        "hopes",
        3,
        _("How will we know that we have truly found our way back to each other?"),
    ),
    # Appreciation
    Question(
        "appreciation-01", "appreciation", 1, _("What have I done recently that made you smile?")
    ),
    Question(
        "appreciation-02", "appreciation", 1, _("Which of my little habits secretly charms you?")
    ),
    Question(
        "appreciation-03", "appreciation", 1, _("What do I do that makes your day a little easier?")
    ),
    Question(
        "appreciation-04",
        "appreciation",
        1,
        _("What is a favourite memory of the two of us laughing together?"),
    ),
    Question(
        "appreciation-05",
        "appreciation",
        1,
        _("Which of my quirks would you miss most if it disappeared?"),
    ),
    Question(
        "appreciation-06",
        "appreciation",
        1,
        _("What did you notice about me early on that you still like?"),
    ),
    Question(
        "appreciation-07",
        "appreciation",
        1,
        _("What small kindness from me do you still remember?"),
    ),
    Question(
        "appreciation-08",
        "appreciation",
        1,
        _("What do you admire about the way I treat other people?"),
    ),
    Question(
        "appreciation-09",
        "appreciation",
        1,
        _("Which of my skills would you happily show off to a friend?"),
    ),
    Question(
        "appreciation-10",
        "appreciation",
        1,
        _("What is something I cook, make or fix that you enjoy?"),
    ),
    Question(
        "appreciation-11",
        "appreciation",
        2,
        _("What effort of mine over these past weeks has meant something to you?"),
    ),
    Question(
        "appreciation-12",
        "appreciation",
        2,
        _("How have I supported you in a way you never quite got to thank me for?"),
    ),
    Question(
        "appreciation-13",
        "appreciation",
        2,
        _("What strength of mine have you leaned on, even in our hardest times?"),
    ),
    Question("appreciation-14", "appreciation", 2, _("When have you felt proud to be with me?")),
    Question(
        "appreciation-15",
        "appreciation",
        2,
        _("What about our life together are you most grateful for right now?"),
    ),
    Question(
        "appreciation-16",
        "appreciation",
        2,
        _("Which of my qualities do you hope our friends and family see?"),
    ),
    Question(
        "appreciation-17",
        "appreciation",
        2,
        _("What have I taught you, perhaps without knowing it?"),
    ),
    Question(
        "appreciation-18",
        "appreciation",
        2,
        _("How do you most like me to show that I appreciate you?"),
    ),
    Question(
        "appreciation-19",
        "appreciation",
        2,
        _("What did I do during our distant stretch that still mattered to you?"),
    ),
    Question(
        "appreciation-20",
        "appreciation",
        3,
        _("What about me has kept you hoping for us, even when things felt far apart?"),
    ),
    Question(
        "appreciation-21", "appreciation", 3, _("How has loving me changed you for the better?")
    ),
    Question(
        "appreciation-22",
        "appreciation",
        3,
        _("What part of who I am do you see more clearly than I do?"),
    ),
    Question(
        "appreciation-23",
        "appreciation",
        3,
        _("Which moment made you realise you wanted to build a life with me?"),
    ),
    Question(
        "appreciation-24",
        "appreciation",
        3,
        _("What would you want me to know about how much I matter to you?"),
    ),
    Question(
        "appreciation-25",
        "appreciation",
        3,
        _("What do you value about how we have held on to each other through this time?"),
    ),
    # Everyday life
    Question("everyday-01", "everyday", 1, _("What part of our daily routine do you enjoy most?")),
    Question("everyday-02", "everyday", 1, _("What would make our mornings feel calmer?")),
    Question(
        "everyday-03",
        "everyday",
        1,
        _("How would you like us to spend the first ten minutes after we both get home?"),
    ),
    Question(
        "everyday-04",
        "everyday",
        1,
        _("Which chore would you happily swap with me, and for which one?"),
    ),
    Question("everyday-05", "everyday", 1, _("What small change would make our home feel cosier?")),
    Question(
        "everyday-06",
        "everyday",
        1,
        _("How would you like us to use our phones when we are together in the evening?"),
    ),
    Question(
        "everyday-07",
        "everyday",
        1,
        _("What is your favourite way for us to spend a quiet evening in?"),
    ),
    Question(
        "everyday-08",
        "everyday",
        1,
        _("What snack or drink would you like me to bring you on a tired day?"),
    ),
    Question(
        "everyday-09", "everyday", 1, _("How would you like us to plan the week ahead together?")
    ),
    Question("everyday-10", "everyday", 1, _("At what time of day do you feel most like talking?")),
    Question(
        "everyday-11",
        "everyday",
        2,
        _("What part of our routine leaves you feeling tired or unseen?"),
    ),
    Question(
        "everyday-12",
        "everyday",
        2,
        _("How could we share the planning and remembering more evenly?"),
    ),
    Question(
        "everyday-13",
        "everyday",
        2,
        _("What would help us catch small frustrations before they pile up?"),
    ),
    Question(
        "everyday-14",
        "everyday",
        2,
        _("How would you like us to check in with each other on busy days?"),
    ),
    Question(
        "everyday-15",
        "everyday",
        2,
        _("Which of our habits has quietly pulled us apart, and what could replace it?"),
    ),
    Question(
        "everyday-16", "everyday", 2, _("How could we make going to bed feel more connected?")
    ),
    Question(
        "everyday-17",
        "everyday",
        2,
        _("What would a good balance of time with friends, family and each other look like?"),
    ),
    Question(
        "everyday-18",
        "everyday",
        2,
        _("How could we talk about money in a way that feels calm and shared?"),
    ),
    Question(
        "everyday-19",
        "everyday",
        2,
        _("What everyday gesture from me would tell you that you are on my mind?"),
    ),
    Question(
        "everyday-20",
        "everyday",
        3,
        _(
            "What would our days look like if closeness were built into them rather than squeezed in?"
        ),
    ),
    Question(
        "everyday-21",
        "everyday",
        3,
        _(
            "How well do our daily routines reflect what we value most, and where do they fall short?"
        ),
    ),
    Question(
        "everyday-22",
        "everyday",
        3,
        _("Which pattern in our everyday life would you most like us to leave behind?"),
    ),
    Question(
        "everyday-23",
        "everyday",
        3,
        _("How can we make sure everyday busyness never crowds us out again?"),
    ),
    Question(
        "everyday-24",
        "everyday",
        3,
        _("What does an ordinary day look like when you feel deeply loved by me?"),
    ),
    Question(
        "everyday-25",
        "everyday",
        3,
        _("What would help you feel at peace in our home, even on hard days?"),
    ),
)
