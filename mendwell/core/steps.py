"""The ten steps of the program, as the navigation and step pages show them.

The wording is ours. Each step lists the tools it holds (or will); a step whose
tools have not been built yet says so plainly on its page. A step can also
carry a longer explanation (a template under ``core/steps/``), the works it
draws on, and what it adds to the Today plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Source:
    """A work a step's explanation draws on, cited in plain text (no link leaves the site)."""

    authors: str
    year: int
    title: str
    published_in: str  # journal with volume and pages, or the book's publisher
    # What the explanation takes from it, in a sentence of our own.
    supports: str | Promise


@dataclass(frozen=True)
class Step:
    number: int
    title: str | Promise
    summary: str | Promise
    tools: tuple[str | Promise, ...]
    minutes: int  # a rough estimate of the time the step asks for, in all
    # The URL name of the step's tool page once it exists ("" while it is coming).
    tool_url_name: str = ""
    tool_label: str | Promise = ""
    # Further built tools, as (URL name, link text) pairs.
    more_tools: tuple[tuple[str, str | Promise], ...] = ()
    # The template holding the step's longer explanation ("" while it has none).
    explanation: str = ""
    sources: tuple[Source, ...] = ()
    # What the step puts into the daily plan, as the person will find it there.
    today_adds: tuple[str | Promise, ...] = ()

    @property
    def page_title(self) -> str | Promise:
        # Page titles stay neutral: a step number, never the subject.
        return _("Step %(number)d") % {"number": self.number}


# Unhurried reading: a little under the adult average for non-fiction, since
# these pages ask the reader to think about their own relationship.
WORDS_PER_MINUTE = 200


def reading_minutes(text: str) -> int:
    """Whole minutes it takes to read ``text`` at an unhurried pace, at least one."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


STEPS: tuple[Step, ...] = (
    Step(
        1,
        _("Honest acknowledgement"),
        _(
            "Look back without excuses. Note the moments you were absent, think about "
            "how they felt on the other side, and say so in your own words when you are ready."
        ),
        (_("A private log of what happened"), _("An acknowledgement you write and send")),
        60,
        tool_url_name="journal:list",
        tool_label=_("Open your private log"),
        more_tools=(("journal:ack_list", _("Write an acknowledgement")),),
        explanation="core/steps/step_1.html",
        sources=(
            Source(
                "Lewicki, R. J., Polin, B., & Lount, R. B., Jr.",
                2016,
                "An exploration of the structure of effective apologies",
                "Negotiation and Conflict Management Research, 9(2), 177–196",
                _(
                    "Of six parts of an apology, owning responsibility and offering repair mattered most."
                ),
            ),
            Source(
                "Fehr, R., Gelfand, M. J., & Nag, M.",
                2010,
                "The road to forgiveness: A meta-analytic synthesis of its situational and "
                "dispositional correlates",
                "Psychological Bulletin, 136(5), 894–914",
                _("Across many studies, an apology went with more forgiveness."),
            ),
            Source(
                "Rempel, J. K., Holmes, J. G., & Zanna, M. P.",
                1985,
                "Trust in close relationships",
                "Journal of Personality and Social Psychology, 49(1), 95–112",
                _("Trust in a partner rests on predictability, dependability and faith."),
            ),
        ),
        today_adds=(
            _("Now and then, a gentle suggestion to note a moment in your private log."),
            _("An acknowledgement your partner has sent you, waiting for your answer."),
        ),
    ),
    Step(
        2,
        _("Safe conversations"),
        _(
            "Talk about the hard things with a structure that keeps both of you safe: "
            "agreed ground rules, taking turns, and a pause either of you can call."
        ),
        (
            _("Guided conversations"),
            _("Questions you answer separately"),
            _("A gentle-wording coach"),
        ),
        120,
        tool_url_name="conversations:today",
        tool_label=_("Today's question"),
        more_tools=(
            ("talk:list", _("Start a guided conversation")),
            ("conversations:deck", _("Browse the questions")),
        ),
        explanation="core/steps/step_2.html",
        sources=(
            Source(
                "Gottman, J. M., & Levenson, R. W.",
                1992,
                "Marital processes predictive of later dissolution: Behavior, physiology, "
                "and health",
                "Journal of Personality and Social Psychology, 63(2), 221–233",
                _("Couples who later separated had shown more negativity when they disagreed."),
            ),
            Source(
                "Gottman, J. M.",
                1994,
                "What predicts divorce? The relationship between marital processes and "
                "marital outcomes",
                "Hillsdale, NJ: Lawrence Erlbaum Associates",
                _("Criticism, contempt, defensiveness and stonewalling as corrosive patterns."),
            ),
            Source(
                "Gottman, J. M., Coan, J., Carrère, S., & Swanson, C.",
                1998,
                "Predicting marital happiness and stability from newlywed interactions",
                "Journal of Marriage and the Family, 60(1), 5–22",
                _("A harsh start to a disagreement went with worse outcomes later on."),
            ),
            Source(
                "Gottman, J. M.",
                1999,
                "The marriage clinic: A scientifically based marital therapy",
                "New York: W. W. Norton",
                _("Why a break of at least twenty minutes helps when you feel flooded."),
            ),
            Source(
                "Markman, H. J., Stanley, S. M., & Blumberg, S. L.",
                2010,
                "Fighting for your marriage",
                "3rd edition. San Francisco: Jossey-Bass",
                _("Taking turns as speaker and listener on a heated topic."),
            ),
        ),
        today_adds=(
            _(
                "The question of the day, to answer in your own time. Answers are shown to "
                "both of you only once you have both answered."
            ),
        ),
    ),
    Step(
        3,
        _("Small daily acts"),
        _(
            "Trust comes back through small things done often. A short note, a kind "
            "act, a moment of attention — chosen from what your partner says they love."
        ),
        (_("Thinking of you"), _("Daily check-in"), _("A connection jar")),
        60,
        tool_url_name="checkins:today",
        tool_label=_("Today's check-in"),
        more_tools=(
            ("nudges:home", _("Send a thinking-of-you note")),
            ("jar:home", _("The connection jar")),
            ("checkins:history", _("Your check-ins so far")),
        ),
        explanation="core/steps/step_3.html",
        sources=(
            Source(
                "Driver, J. L., & Gottman, J. M.",
                2004,
                "Daily marital interactions and positive affect during marital conflict among "
                "newlywed couples",
                "Family Process, 43(3), 301–314",
                _(
                    "Newlyweds who turned towards each other’s small bids for attention in ordinary "
                    "moments brought more warmth and humour to their disagreements."
                ),
            ),
            Source(
                "Algoe, S. B., Gable, S. L., & Maisel, N. C.",
                2010,
                "It’s the little things: Everyday gratitude as a booster shot for romantic "
                "relationships",
                "Personal Relationships, 17(2), 217–233",
                _(
                    "In daily diaries, gratitude for a partner’s thoughtful act went with feeling "
                    "more connected the next day, for the one thanked and the one thanking."
                ),
            ),
            Source(
                "Algoe, S. B.",
                2012,
                "Find, remind, and bind: The functions of gratitude in everyday relationships",
                "Social and Personality Psychology Compass, 6(6), 455–469",
                _("Gratitude helps people notice a responsive partner and draws the two closer."),
            ),
        ),
        today_adds=(
            _(
                "Until you have checked in, today’s check-in: two taps for how you feel and how "
                "close you feel."
            ),
            _("With your partner linked, a reminder that one tap sends a thinking-of-you note."),
            _(
                "On your draw day, this week’s draw from the connection jar, then the act you drew "
                "until you have done it."
            ),
        ),
    ),
    Step(
        4,
        _("Time together"),
        _("Protect time that belongs to the two of you, with phones away and nothing to rush to."),
        (
            _("Date ideas and plans"),
            _("Dates in your calendar app"),
            _("A phones-down timer and a look back afterwards"),
        ),
        90,
        tool_url_name="dates:list",
        tool_label=_("Your dates"),
        more_tools=(
            ("dates:ideas", _("Date ideas")),
            ("dates:feed_manage", _("Dates in your calendar app")),
        ),
        explanation="core/steps/step_4.html",
        sources=(
            Source(
                "Aron, A., Norman, C. C., Aron, E. N., McKenna, C., & Heyman, R. E.",
                2000,
                "Couples’ shared participation in novel and arousing activities and experienced "
                "relationship quality",
                "Journal of Personality and Social Psychology, 78(2), 273–284",
                _(
                    "Couples who took on a short, new and challenging task together rated their "
                    "relationship higher afterwards than couples given a routine one."
                ),
            ),
            Source(
                "Gollwitzer, P. M.",
                1999,
                "Implementation intentions: Strong effects of simple plans",
                "American Psychologist, 54(7), 493–503",
                _(
                    "Plans that say when and where something will happen are carried out more often."
                ),
            ),
            Source(
                "Dwyer, R. J., Kushlev, K., & Dunn, E. W.",
                2018,
                "Smartphone use undermines enjoyment of face-to-face social interactions",
                "Journal of Experimental Social Psychology, 78, 233–239",
                _(
                    "At a shared restaurant meal, people with their phones on the table felt more "
                    "distracted and enjoyed the time together less."
                ),
            ),
            Source(
                "Przybylski, A. K., & Weinstein, N.",
                2013,
                "Can you connect with me now? How the presence of mobile communication technology "
                "influences face-to-face conversation quality",
                "Journal of Social and Personal Relationships, 30(3), 237–246",
                _(
                    "In two experiments, a phone merely lying nearby went with less closeness in "
                    "conversation."
                ),
            ),
            Source(
                "Crowley, J. P., Allred, R. J., Follon, J., & Volkmer, C.",
                2018,
                "Replication of the mere presence hypothesis: The effects of cell phones on "
                "face-to-face conversations",
                "Communication Studies, 69(3), 283–293",
                _("A replication did not find that effect, so we call the evidence mixed."),
            ),
        ),
        today_adds=(
            _("A date planned within the next seven days, with a link to its phones-down page."),
            _(
                "With nothing planned, a prompt to plan some time together, or an idea that fits "
                "what your partner chose to share, with the reason."
            ),
        ),
    ),
    Step(
        5,
        _("How you feel loved"),
        _(
            "People feel cared for in different ways. Tell each other what works for you, "
            "and listen to what your partner actually asks for."
        ),
        (_("Five ways of feeling loved, rated by each of you"), _("Your own list of what helps")),
        45,
        tool_url_name="loved:home",
        tool_label=_("Rate the five ways and start your list"),
        more_tools=(
            ("loved:partner", _("What your partner shared")),
            ("loved:about", _("What the research says")),
        ),
        explanation="core/steps/step_5.html",
        sources=(
            Source(
                "Impett, E. A., Park, H. G., & Muise, A.",
                2024,
                # The subtitle names the book's trademarked title; we cite the main title only.
                "Popular psychology through a scientific lens",
                "Current Directions in Psychological Science, 33(2), 87–92",
                _(
                    "The evidence for one main way, exactly five ways, or matching ways is weak; "
                    "responding to what a partner needs matters more."
                ),
            ),
            Source(
                "Reis, H. T., Clark, M. S., & Holmes, J. G.",
                2004,
                "Perceived partner responsiveness as an organizing construct in the study of "
                "intimacy and closeness",
                "In D. J. Mashek & A. Aron (Eds.), Handbook of closeness and intimacy "
                "(pp. 201–225). Mahwah, NJ: Lawrence Erlbaum",
                _("Feeling understood and cared for by a partner is central to closeness."),
            ),
        ),
        today_adds=(
            _(
                "Now and then, an idea for your partner drawn from what they chose to share, "
                "with a line saying why."
            ),
        ),
    ),
    Step(
        6,
        _("Promises kept"),
        _(
            "Reassurance lands when it is followed by action. Make small, clear promises "
            "and let your partner see them kept."
        ),
        (_("A promise ledger"), _("Follow-through over time")),
        45,
        tool_url_name="promises:list",
        tool_label=_("Open the promise ledger"),
        more_tools=(("promises:create", _("Make a promise")),),
        explanation="core/steps/step_6.html",
        sources=(
            Source(
                "Rempel, J. K., Holmes, J. G., & Zanna, M. P.",
                1985,
                "Trust in close relationships",
                "Journal of Personality and Social Psychology, 49(1), 95–112",
                _(
                    "Trust in a partner builds from behaviour that is predictable and dependable, "
                    "and grows into faith."
                ),
            ),
            Source(
                "Gollwitzer, P. M.",
                1999,
                "Implementation intentions: Strong effects of simple plans",
                "American Psychologist, 54(7), 493–503",
                _(
                    "Plans that name when and where an action will happen are carried out more often."
                ),
            ),
            Source(
                "Simpson, J. A.",
                2007,
                "Psychological foundations of trust",
                "Current Directions in Psychological Science, 16(5), 264–268",
                _("Trust grows when a partner is seen to act in the other’s interest over time."),
            ),
        ),
        today_adds=(
            _(
                "A promise of yours that falls due today, and your partner's that are waiting for "
                "your mark."
            ),
        ),
    ),
    Step(
        7,
        _("Gentle affection"),
        _(
            "Closeness returns at its own pace. Only what both of you are comfortable with, "
            "and saying 'not now' is always fine."
        ),
        (_("Private comfort settings"), _("A seven-day invitation")),
        45,
        tool_url_name="affection:home",
        tool_label=_("Open gentle affection"),
        explanation="core/steps/step_7.html",
        sources=(
            Source(
                "Debrot, A., Schoebi, D., Perrez, M., & Horn, A. B.",
                2013,
                "Touch as an interpersonal emotion regulation process in couples' daily lives: "
                "The mediating role of psychological intimacy",
                "Personality and Social Psychology Bulletin, 39(10), 1373–1385",
                _(
                    "In diaries couples kept for a week, touch went with better mood and a sense of "
                    "closeness, for the one touched and the one touching."
                ),
            ),
            Source(
                "Jakubiak, B. K., & Feeney, B. C.",
                2017,
                "Affectionate touch to promote relational, psychological, and physical "
                "well-being in adulthood: A theoretical model and review of the research",
                "Personality and Social Psychology Review, 21(3), 228–252",
                _(
                    "A review proposing that affectionate touch helps partners feel cared for and "
                    "may buffer stress."
                ),
            ),
            Source(
                "Impett, E. A., Park, H. G., & Muise, A.",
                2024,
                "Popular psychology through a scientific lens: Evaluating love languages from a "
                "relationship science perspective",
                "Current Directions in Psychological Science, 33(2), 87–92",
                _(
                    "People value many ways of being loved, not one fixed type, which is why "
                    "comfort settings are separate ticks that can change."
                ),
            ),
        ),
        today_adds=(
            _(
                "While you both run the touch challenge, the day's small invitation, drawn only "
                "from what you are both open to."
            ),
        ),
    ),
    Step(
        8,
        _("Patience and progress"),
        _(
            "Change is slow and uneven. A short weekly check-in shows the trend honestly, "
            "and the good moments get written down."
        ),
        (_("Weekly check-in"), _("Small victories"), _("Your story so far")),
        60,
        tool_url_name="progress:home",
        tool_label=_("Your weekly pulse"),
        more_tools=(("story:home", _("Small victories")), ("story:timeline", _("Our story"))),
        explanation="core/steps/step_8.html",
        sources=(
            Source(
                "Doss, B. D., Cicila, L. N., Georgia, E. J., Roddy, M. K., Nowlan, K. M., "
                "Benson, L. A., & Christensen, A.",
                2016,
                "A randomized controlled trial of the web-based OurRelationship program: "
                "Effects on relationship and individual functioning",
                "Journal of Consulting and Clinical Psychology, 84(4), 285–296",
                _(
                    "An online program for couples helped over weeks of work, measured at its end "
                    "and not from day to day."
                ),
            ),
            Source(
                "Jacobson, N. S., & Truax, P.",
                1991,
                "Clinical significance: A statistical approach to defining meaningful change in "
                "psychotherapy research",
                "Journal of Consulting and Clinical Psychology, 59(1), 12–19",
                _("A way to tell a change bigger than ordinary wobble from the wobble itself."),
            ),
            Source(
                "Gable, S. L., Reis, H. T., Impett, E. A., & Asher, E. R.",
                2004,
                "What do you do when things go right? The intrapersonal and interpersonal "
                "benefits of sharing positive events",
                "Journal of Personality and Social Psychology, 87(2), 228–245",
                _("Sharing a good moment, and a warm response to it, adds to it and to closeness."),
            ),
        ),
        today_adds=(_("The weekly check-in, in the week it is due, until you have answered it."),),
    ),
    Step(
        9,
        _("Support"),
        _(
            "Some things are easier with a professional beside you. Find help, and share "
            "exactly what you choose with a counsellor."
        ),
        (_("When to look for help"), _("Counsellor access you control"), _("A printable summary")),
        30,
        tool_url_name="safety:professional_help",
        tool_label=_("Finding professional support"),
        more_tools=(
            ("counsel:home", _("Counsellor access you control")),
            ("report:home", _("A printable report")),
        ),
        explanation="core/steps/step_9.html",
        sources=(
            Source(
                "Lebow, J. L., Chambers, A. L., Christensen, A., & Johnson, S. M.",
                2012,
                "Research on the treatment of couple distress",
                "Journal of Marital and Family Therapy, 38(1), 145–168",
                _("A review of the research showing that couple therapy helps many couples."),
            ),
            Source(
                "Doss, B. D., Atkins, D. C., & Christensen, A.",
                2003,
                "Who’s dragging their feet? Husbands and wives seeking marital therapy",
                "Journal of Marital and Family Therapy, 29(2), 165–177",
                _("How and when couples decide to seek help, often long after problems began."),
            ),
            Source(
                "Stith, S. M., McCollum, E. E., & Rosen, K. H.",
                2011,
                "Couples therapy for domestic violence: Finding safe solutions",
                "American Psychological Association",
                _(
                    "Sessions together need careful screening first, and are not the right help "
                    "where there is fear or control."
                ),
            ),
        ),
        # Support is never a daily chore: the plan stays as it is, and the step says so
        # rather than leaving the reader to wonder.
        today_adds=(
            _(
                "Nothing new each day. If your weekly check-ins stay low or keep falling, a "
                "private suggestion to look for support appears on your progress page, for you "
                "alone; a note from a counsellor you invited arrives with your notifications."
            ),
        ),
    ),
    Step(
        10,
        _("Showing up daily"),
        _(
            "A calm daily rhythm: one small plan for today, reminders at your own time, and rest days."
        ),
        (_("Today's plan"), _("Reminders"), _("A weekly look back")),
        30,
        tool_url_name="today",
        tool_label=_("Today"),
        more_tools=(
            ("checkins:week", _("This week, looking back")),
            ("reminders:settings", _("Reminder times and quiet hours")),
            ("notify:list", _("Notifications and how you get them")),
        ),
        explanation="core/steps/step_10.html",
        sources=(
            Source(
                "Lally, P., van Jaarsveld, C. H. M., Potts, H. W. W., & Wardle, J.",
                2010,
                "How are habits formed: Modelling habit formation in the real world",
                "European Journal of Social Psychology, 40(6), 998–1009",
                _(
                    "A small daily action took from 18 to 254 days to become largely automatic, and "
                    "missing one day did not materially set it back."
                ),
            ),
            Source(
                "Wood, W., & Neal, D. T.",
                2007,
                "A new look at habits and the habit–goal interface",
                "Psychological Review, 114(4), 843–863",
                _(
                    "Habits grow from repeating an action in a steady setting, whose cues then prompt it."
                ),
            ),
            Source(
                "Gollwitzer, P. M.",
                1999,
                "Implementation intentions: Strong effects of simple plans",
                "American Psychologist, 54(7), 493–503",
                _("Tying an intended action to a set moment makes it more likely to happen."),
            ),
        ),
        today_adds=(
            _(
                "From Friday on, until you have written it, the weekly look back: one thing that "
                "went well and one thing to try."
            ),
            _(
                "A done or “not today” mark for each item, and a count of the days you showed up "
                "that only you see."
            ),
        ),
    ),
)


def step_by_number(number: int) -> Step | None:
    for step in STEPS:
        if step.number == number:
            return step
    return None
