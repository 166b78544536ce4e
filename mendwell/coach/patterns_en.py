"""English rules and lexicons for the conversation coach, kept as plain data.

Nothing here runs: the engine (``mendwell.coach.engine``) compiles it. Patterns are
written for *normalised* text: lower-cased, curly apostrophes made straight, zero-width
characters dropped, so "You’re" is matched as "you're". ``<<NAME>>`` inside a pattern
is replaced by the alternation of the lexicon ``NAME`` below. A named group ``t`` (when
present) is the span shown to the writer; otherwise the whole match is.

Rule fields: ``id``, ``kind``, ``pattern``, optional ``weight`` (default per kind: how
likely it is to land badly; the highest-ranked finding comes first), optional ``why`` /
``suggestion`` (default per kind), optional ``after_ok`` (a lexicon: if the words right
after the match start with one of these, the rule does not fire, e.g. "you always"
followed by "make me laugh" is appreciation, not criticism).

What patterns cannot express (negation before the match, quoted words, disclaimers like
"no excuse", a promise to come back after a break, intensity) lives in the engine.
"""

from __future__ import annotations

# --------------------------------------------------------------------------
# Lexicons (word lists)
# --------------------------------------------------------------------------

LEXICONS: dict[str, list[str]] = {
    # Character words that judge who someone is (criticism when aimed at "you").
    "TRAITS": [
        "selfish",
        "lazy",
        "inconsiderate",
        "careless",
        "thoughtless",
        "unreliable",
        "irresponsible",
        "stubborn",
        "self-centred",
        "self-centered",
        "self centred",
        "self centered",
        "negative",
        "rude",
        "cold",
        "controlling",
        "insensitive",
        "ungrateful",
        "needy",
        "clingy",
        "mean",
        "cruel",
        "arrogant",
        "disrespectful",
        "dishonest",
        "cheap",
        "boring",
        "messy",
        "useless at listening",
        "clueless",
        "hopeless",
        "impossible",
        "difficult",
        "childish",
        "immature",
        "sloppy",
        "flaky",
        "unbearable",
        "self-absorbed",
        "egotistical",
        "spoiled",
        "spoilt",
        "uncaring",
        "heartless",
        "bossy",
        "jealous",
        "paranoid",
        "forgetful",
        "neglectful",
        "distant",
        "judgmental",
        "judgemental",
        "critical",
        "a slob",
        "a liar",
        "a mess",
        "a nag",
        "a control freak",
        "a terrible listener",
        "a bad listener",
        "a terrible partner",
        "a bad partner",
        "a bad planner",
        "a terrible planner",
        "a hypocrite",
    ],
    # Names and put-downs that mock (contempt).
    "INSULTS": [
        "pathetic",
        "an idiot",
        "a moron",
        "a joke",
        "useless",
        "worthless",
        "a loser",
        "disgusting",
        "stupid",
        "dumb",
        "an embarrassment",
        "embarrassing",
        "a clown",
        "a baby",
        "a big baby",
        "a child",
        "a failure",
        "a waste of space",
        "ridiculous",
        "a complete loser",
        "a total loser",
        "an absolute idiot",
        "an imbecile",
        "a drama queen",
        "a drama king",
        "annoying",
        "big baby",
    ],
    # After "you always": appreciation rather than blame.
    "ALWAYS_OK": [
        "make me laugh",
        "make me smile",
        "make me feel",
        "know how",
        "know what",
        "know just",
        "cheer me up",
        "have my back",
        "smell like home",
        "smell amazing",
        "smell good",
        "look great",
        "look good",
        "look beautiful",
        "look amazing",
        "look after",
        "look out for",
        "manage to make",
        "find a way to",
        "take care of",
        "help me",
        "support me",
        "believe in me",
        "come through",
        "remember",
        "surprise me",
        "were there",
        "are there",
        "been there",
        "put me first",
        "make time",
        "listen",
        "understand",
        "say the right",
        "bring",
        "light up",
        "give the best",
        "do your best",
    ],
    # After "you never": "never" + something unwelcome is a compliment.
    "NEVER_OK": [
        "fail",
        "let me down",
        "give up",
        "judge me",
        "complain",
        "stop trying",
        "stop surprising",
        "stop amazing",
        "stop making me",
        "cease",
        "know,",
        "know.",
        "gave up",
        "hurt me",
        "made me feel small",
        "disappoint",
        "make me feel alone",
        "leave me",
        "miss a",
        "forget my birthday",
        "lose",
    ],
    # Signals that the writer is taking responsibility (excuses are then left alone).
    "DISCLAIMERS": [
        "no excuse",
        "not an excuse",
        "isn't an excuse",
        "is not an excuse",
        "not making excuses",
        "won't make excuses",
        "not to make excuses",
        "my fault",
        "my responsibility",
        "i take responsibility",
        "i should have",
        "i shouldn't have",
        "i own that",
        "that's on me",
        "that was on me",
        "i'm not excusing",
        "doesn't excuse",
    ],
    # Break-and-return: pausing with a promise to come back is healthy, not a shutdown.
    "RETURNS": [
        "come back to",
        "come back and",
        "i'll come back",
        "talk again",
        "talk later",
        "talk tomorrow",
        "talk tonight",
        "talk after",
        "talk in",
        "pick this up",
        "revisit",
        "continue this",
        "after a break",
        "when i've calmed",
        "when we've both calmed",
        "in twenty minutes",
        "in 20 minutes",
        "in an hour",
    ],
}

# --------------------------------------------------------------------------
# Default explanation and suggestion per kind (hedged, our own words)
# --------------------------------------------------------------------------

WHY: dict[str, str] = {
    "criticism": "This might read as a judgement of who they are, not of what happened.",
    "contempt": "This might come across as mocking or looking down on them, which tends to "
    "hurt more than the issue itself.",
    "defensiveness": "This might sound like pushing the blame back, so they may feel unheard.",
    "excuse": "Reasons can land as excuses, and your partner may feel their hurt is being "
    "brushed past.",
    "minimizing": "This might tell them their feelings are too much, even if you don't "
    "mean it that way.",
    "stonewalling": "This might feel like a door closing; they may be left alone with the problem.",
}

SUGGESTION: dict[str, str] = {
    "criticism": "Try: I feel … when … I need …",
    "contempt": "Try naming your own feeling instead: I'm frustrated because … Could we …?",
    "defensiveness": "Try taking a part of it: You're right that I … I'm sorry.",
    "excuse": "Try reassurance instead: I'm sorry I … Next time I will …",
    "minimizing": "Try: I can see this matters to you. Tell me more about …",
    "stonewalling": "Try: I'm feeling flooded. Can we take 20 minutes and come back to this at …?",
}

# Higher weight = more likely to land badly; the first finding is the highest-ranked.
WEIGHT: dict[str, float] = {
    "contempt": 5.0,
    "criticism": 4.0,
    "defensiveness": 3.0,
    "minimizing": 3.0,
    "stonewalling": 3.0,
    "excuse": 2.0,
}

# Shared fragments.
_YOURE = r"(?:you're|you are|youre|ur|you were|you've been|you have been)"
_FILL = r"(?:(?:so|such|such a|really|just|completely|totally|being|always|a|an|honestly"
_FILL += r"|seriously|the most|incredibly|unbelievably|too) )*"
_END = r"(?=\s*(?:$|[.!,;:?)]))"

# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------

RULES: list[dict[str, object]] = [
    # ---- criticism: global "you always / you never", character attacks ----
    {
        "id": "criticism.always",
        "kind": "criticism",
        "pattern": r"(?<!thank )(?P<t>\byou (?:always|constantly|forever)\b)(?: just| really)?",
        "after_ok": "ALWAYS_OK",
        "weight": 3.4,
    },
    {
        "id": "criticism.never",
        "kind": "criticism",
        "pattern": r"(?P<t>\byou never\b)(?:,? ever,?| once| even| really| just)?",
        "after_ok": "NEVER_OK",
        "weight": 3.4,
    },
    {
        "id": "criticism.whats_wrong",
        "kind": "criticism",
        "pattern": r"\bwhat(?:'s| is) (?:wrong with you|your problem|the matter with you)\b",
    },
    {
        "id": "criticism.trait",
        "kind": "criticism",
        "pattern": rf"\b{_YOURE} {_FILL}(?:<<TRAITS>>)\b",
    },
    {
        "id": "criticism.why_so",
        "kind": "criticism",
        "pattern": r"\bwhy (?:are you (?:so|always)|do you (?:always|have to)|can't you "
        r"(?:ever|just|once))\b",
        "after_ok": "ALWAYS_OK",
        "weight": 3.4,
    },
    # ---- contempt: put-downs, mockery, sarcasm, eye-rolling ----
    {
        "id": "contempt.insult",
        "kind": "contempt",
        "pattern": rf"\b(?:{_YOURE}|what|you) {_FILL}(?:<<INSULTS>>)\b"
        r"|\bhow (?:pathetic|stupid|dumb|embarrassing)\b",
    },
    {
        "id": "contempt.disgust",
        "kind": "contempt",
        "pattern": r"\byou (?:disgust|sicken|embarrass) me\b|\b(?:stupidest|dumbest)\b"
        r"|\bhow (?:stupid|dumb|thick) can you\b",
    },
    {
        "id": "contempt.grow_up",
        "kind": "contempt",
        "pattern": r"(?:^|[.!?,;] ?|\b(?:just|you need to|please|oh) )(?P<t>(?:grow up|get a "
        r"grip|get a life)\b)|\b(?:cry me a river|boo hoo|spare me)\b",
    },
    {
        "id": "contempt.eye_roll",
        "kind": "contempt",
        "pattern": r"\*?\b(?:rolls? (?:my |his |her )?eyes|eye ?roll(?:ing)?)\b\*?|🙄",
    },
    {
        "id": "contempt.sarcasm_praise",
        "kind": "contempt",
        "pattern": r"(?:^|[.!?,] ?|\b(?:oh|wow),? )(?P<t>(?:wow|nice job|great job|good job|"
        r"well done|congratulations|congrats|bravo|brilliant|thanks a lot)\b)"
        r"(?=.*\b(?:for once|medal|trophy|masterpiece|actually|managed to|finally|another)\b)",
    },
    {
        "id": "contempt.for_once",
        "kind": "contempt",
        "pattern": r"\bfor once\b|\bwant a (?:medal|trophy|gold star)\b",
    },
    {
        "id": "contempt.mock",
        "kind": "contempt",
        "pattern": r"\b(?:oh,? poor (?:you|baby|thing)|poor baby|oh please(?=[.!]|$)|yeah,? right|"
        r"as if you(?:'d| would| could| ever)|like you(?:'d| would| could) ever|"
        r"oh,? sure,? (?:because|you|like|as if|whatever)|real mature|very mature|"
        r"thanks for nothing|(?:such a |a )?drama (?:queen|king)|"
        r"sure,? (?:dear|honey|babe|darling)|mr\.? perfect|miss perfect|mrs\.? perfect|"
        r"because you're so (?:perfect|smart|great|wonderful))\b",
    },
    {
        "id": "contempt.vocative",
        "kind": "contempt",
        "pattern": r",\s*(?P<t>genius|einstein|sherlock|princess|your highness|"
        r"smart guy|smartass|big shot)\b",
    },
    {
        "id": "contempt.laugh_at",
        "kind": "contempt",
        "pattern": r"\b(?:lol|lmao|ha(?:ha)*|ugh),? (?:you|like you|as if|sure)\b",
    },
    {
        "id": "contempt.nobody",
        "kind": "contempt",
        "pattern": r"\bno wonder (?:nobody|no one)\b|\bgood luck finding (?:anyone|someone)\b"
        r"|\bput up with you\b|\bwhatever makes you feel\b"
        r"|\bthe (?:genius|einstein|know-it-all) (?:finally|actually|has|is)\b",
    },
    # ---- defensiveness: not my fault, counter-attack, innocent victim ----
    {
        "id": "defensiveness.not_my_fault",
        "kind": "defensiveness",
        "pattern": r"\b(?:not|wasn't|isn't) my (?:fault|job|problem|responsibility)\b|"
        r"\b(?:how is (?:this|that|it) (?:my fault|on me)|why is (?:this|that|it) "
        r"(?:always )?my fault|why am i always the one|why is it always me|(?:don't|stop) "
        r"blam(?:e|ing) (?:this on |it on )?me|not my problem)\b",
    },
    {
        "id": "defensiveness.innocent",
        "kind": "defensiveness",
        "pattern": r"\b(?:i did nothing wrong|i didn't do anything(?: wrong)?|i haven't done "
        r"anything wrong|i'm not the (?:one|bad guy|problem)|i never said that|you started it|"
        r"don't make this about me)\b",
    },
    {
        "id": "defensiveness.not_true",
        "kind": "defensiveness",
        "pattern": r"\b(?:that's|that is|this is|it's) (?:not|so not) (?:true|fair(?! to you)|what "
        r"(?:i said|i meant|happened))\b|\bexcuse me\?|\byou're making (?:things|it|this|that) "
        r"up\b",
    },
    {
        "id": "defensiveness.only_trying",
        "kind": "defensiveness",
        "pattern": r"\bi was (?:only|just) (?:trying|asking|joking|kidding|being|saying|"
        r"teasing|helping)\b",
    },
    {
        "id": "defensiveness.counter",
        "kind": "defensiveness",
        "pattern": r"(?:^|[.!?;] ?)(?P<t>well,? (?:you(?! know| are right|'re right| deserve)|what about|maybe if you)\b)|"
        r"\bwhat about (?:the time )?(?:you|when you)\b|\byou're one to talk\b|"
        r"\blook who's talking\b|(?:^|[.!?;] ?)(?P<t2>at least i\b)|\bunlike you\b|"
        r"\byou do the (?:exact |very )?same\b|\bit's not like you're perfect\b|"
        r"\byou(?:'re| are) not perfect either\b",
    },
    # ---- excuse: reasons that stand in for responsibility ----
    {
        "id": "excuse.too_busy",
        "kind": "excuse",
        "pattern": r"\bi(?: was|'ve| have| had)(?: just| been| really)* (?:too |so |really |"
        r"way too |just |very |pretty )*(?:busy|tired|exhausted|swamped|slammed|stressed|overwhelmed|"
        r"snowed under)\b",
    },
    {
        "id": "excuse.work_crazy",
        "kind": "excuse",
        "pattern": r"\b(?:work|the office|this week|this month|it|things|life)(?:'s| has| is|"
        r" was)? (?:been )?(?:so |really |just |a )*(?:crazy|insane|nonstop|non-stop|hectic|"
        r"a nightmare|mad|manic|chaos|chaotic|(?:crazy|hectic|busy|long|rough) "
        r"(?:week|month|day))\b",
    },
    {
        "id": "excuse.no_time",
        "kind": "excuse",
        "pattern": r"\bi (?:didn't|did not|don't|never) (?:have|get) (?:the |a )?"
        r"(?:time|chance|energy|choice)\b|\bi had no (?:choice|time|other option|option)\b|"
        r"\b(?:i )?ran out of time\b|\bno way i could\b|\bi (?:couldn't|could not|can't) "
        r"(?:help it|make it because|keep up)\b",
    },
    {
        "id": "excuse.circumstance",
        "kind": "excuse",
        "pattern": r"\bsomething came up\b|\b(?:my )?(?:phone|battery) (?:died|was dead|"
        r"was on silent|ran out)\b|\btraffic was (?:terrible|awful|bad|a nightmare|insane|"
        r"crazy|horrendous|horrible)\b|\b(?:my boss|work) (?:made me|kept me)\b|\bi wasn't feeling (?:well|great)\b|\bthat's why i(?:'m| was)? ?(?:late|forgot|didn't|couldn't|"
        r"missed)\b",
    },
    {
        "id": "excuse.because",
        "kind": "excuse",
        "pattern": r"\bi (?:only )?forgot because\b|\bi (?:meant|was going) to(?: do it)?,? "
        r"but\b|\b(?:had|have|'ve had) (?:so much|a lot|too much|a million things|so many "
        r"things)(?: going)? (?:on my plate|on my mind|going on|on|to do)\b|\bso it "
        r"slipped\b",
    },
    # ---- minimizing: the feeling is too much, the event too small ----
    {
        "id": "minimizing.big_deal",
        "kind": "minimizing",
        "pattern": r"\b(?:not|no|isn't|wasn't) (?:a |that |such a )?big deal\b(?! (?:for|to) me)|\b(?:a |such a )"
        r"big deal (?:out of|about)\b|\bmaking (?:such )?a fuss\b|\bmountain out of a "
        r"molehill\b|\bout of proportion\b",
        "weight": 3.5,
    },
    {
        "id": "minimizing.overreacting",
        "kind": "minimizing",
        "pattern": r"\b(?:over-?react(?:ing|ion)?|being dramatic|so dramatic|(?:too|so|over)"
        r"[ -]?sensitive|too seriously|reading (?:way |far )?too much into|so touchy|"
        r"too touchy)\b",
        "weight": 3.5,
    },
    {
        "id": "minimizing.calm_down",
        "kind": "minimizing",
        "pattern": r"(?:^|[.!?,;] ?|\b(?:just|please|you need to|oh) )(?P<t>(?:calm down|relax|"
        r"chill(?: out)?|lighten up|get over it|move on already)\b)"
        r"(?=\s*(?:$|[.!,;?]|it's|it is|it was|about|you're|already))",
    },
    {
        "id": "minimizing.only",
        "kind": "minimizing",
        "pattern": r"\b(?:it was|it's|it is|that was|that's) (?:only|just) (?:a |an |one |"
        r"some |the )?(?:couple|few|little|one|ten|five|twenty|\d+|joke|game|text|money|"
        r"beer|drink|comment|couch|minutes?|white lie|nothing)\b|\bcome on,? it was just\b",
    },
    {
        "id": "minimizing.not_serious",
        "kind": "minimizing",
        "pattern": r"\b(?:it's|it is|it was|that's) (?:really |honestly )?not (?:that|so) "
        r"(?:bad|serious|important)\b|\bnot the end of the world\b|\bwho cares\b|"
        r"\b(?:it|that) (?:didn't|doesn't) mean anything\b|\bit was nothing\b|"
        r"\bhardly worth\b|\bnot like i (?:cheated|hit|lied)\b",
    },
    # ---- stonewalling: shutting the conversation down ----
    {
        "id": "stonewalling.done",
        "kind": "stonewalling",
        "pattern": r"\bi'm (?:so )?(?:done|out)(?: (?:talking|discussing|with this(?: "
        r"conversation)?|with you|here))?"
        + _END
        + r"|\bthis conversation is over\b|\bend of (?:discussion|story)\b",
    },
    {
        "id": "stonewalling.refuse",
        "kind": "stonewalling",
        "pattern": r"\bi(?: don't want to| do not want to| refuse to| won't| am not going to|"
        r"'m not going to) (?:talk|discuss|hear)(?: (?:about )?(?:this|it|that))?\b|"
        r"\b(?:i'm|we're|i am|we are) not (?:discussing|talking about|doing this|"
        r"having this conversation|going to talk about)\b|\bi'm not (?:answering|listening)\b|"
        r"\bnot going to talk about it\b",
    },
    {
        "id": "stonewalling.leave_me",
        "kind": "stonewalling",
        "pattern": r"\b(?:leave me alone|talk to the hand|(?:stop|don't) (?:talking|talk|text"
        r"(?:ing)?) (?:to )?me|drop it(?=\s*(?:$|[.!,;?]))|have it your way|can't be bothered|nothing (?:more )?to "
        r"(?:say|discuss)|i have nothing (?:more )?to say|i don't care anymore)\b",
    },
    {
        "id": "stonewalling.forget_it",
        "kind": "stonewalling",
        "pattern": r"(?<!don't )(?<!not )\b(?:forget it|forget i said anything|"
        r"don't bother|let's just not|whatever)" + _END + r"|\bnever ?mind(?=\s*(?:$|[.!]))",
    },
    {
        "id": "stonewalling.one_word",
        "kind": "stonewalling",
        "pattern": r"^\s*(?P<t>fine|k|enough|whatever)[.!]*(?=\s*(?:$|(?:fine|"
        r"whatever|bye|i'm)\b))",
    },
]
