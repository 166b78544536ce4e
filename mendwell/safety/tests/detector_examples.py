"""Labelled sentences for the crisis-language detector, written for Mendwell.

Every sentence is our own; none is copied from a dataset, forum or guide.

Everything in this file is now tuning data (``TUNING``): the rules in
``mendwell/safety/detector/`` were written and adjusted against all of it, and
the tests demand every positive is caught with exactly its labels and no
negative raises anything. The held-out set lives elsewhere (see below).

The rule for held-out sets: never use one to adjust a pattern. A miss or a
false alarm there is a measurement, not a bug to patch: fixing it by editing a
pattern would turn the set into tuning data. Add a new sentence of the same
kind to ``TUNING`` and fix it there, and when a held-out set has been used
that way, retire it into ``TUNING`` and have a fresh one written *before*
changing patterns.

History (keep it; it is the honest record):

1. ``RETIRED_HELD_OUT_V1`` was written before any pattern existed. Measured
   once: recall 23/30 = 0.767, false alarms 1/40 = 0.025.
2. It was retired into ``TUNING``; a v2 held-out set was written before the
   patterns were changed in response; then the v1 misses were fixed.
3. v2 measured once: recall 7/30 = 0.233, false alarms 1/40 = 0.025. v1 had
   been written beside the brief's phrase list and shares its wording; v2 uses
   phrasings outside the rule families, and the regexes did not generalise to
   them.
4. Round 2: v2 was retired into ``TUNING`` as ``RETIRED_HELD_OUT_V2`` and the
   rules were rebuilt as broader families (word lists combined with who the
   sentence is about) instead of exact phrases. ``_WRITTEN_FOR_TUNING_ROUND_2``
   adds sentences for those families and for the figures of speech and hard
   feelings they must leave alone; ``_CHECKED_WHILE_WIDENING_ROUND_2`` holds
   every further sentence the rules were tried against while they were rebuilt
   (other phrasings, text-speak without apostrophes, long entries, near misses),
   because they shaped the rules too. ``KNOWN_MISSES`` records the few written
   that round that the rules deliberately leave alone; they are not tuning
   targets. v3, the new held-out set, was written by
   another engineer who had not read the patterns, in
   ``detector_heldout_v3.py``; it was not opened, read or run while the rules
   were written, and is measured once, afterwards, by
   ``test_held_out_set_meets_the_thresholds`` and ``bench/detector_bench.py``
   through ``load_held_out_v3()`` below.

Caveat: every set in this file comes from one author per round, so tuning
figures say nothing about generalisation; only the v3 measurement does.

``labels`` is the set of categories that must fire; an empty set is a
sentence that must not raise the support panel.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

SELF_HARM = "self_harm"
PARTNER_FEAR = "partner_fear"


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]

    @property
    def positive(self) -> bool:
        return bool(self.labels)


def _sh(text: str) -> Example:
    return Example(text, frozenset({SELF_HARM}))


def _pf(text: str) -> Example:
    return Example(text, frozenset({PARTNER_FEAR}))


def _both(text: str) -> Example:
    return Example(text, frozenset({SELF_HARM, PARTNER_FEAR}))


def _neg(text: str) -> Example:
    return Example(text, frozenset())


# --------------------------------------------------------------------------
# RETIRED_HELD_OUT_V2 — written after the v1 measurement and before any pattern
# was changed in response to it. Measured once: recall 7/30 = 0.233, false
# alarms 1/40 = 0.025. Retired into tuning data in round 2 (see TUNING).
# --------------------------------------------------------------------------

RETIRED_HELD_OUT_V2: list[Example] = [
    # self-harm
    _sh("i keep wondering if anyone would care if i just disappeared for good"),
    _sh("Last night I sat on the bathroom floor with the razor again."),
    _sh("I think the world would be better without me in it."),
    _sh("honestly dont see the point in living anymore"),
    _sh("I'm tired of being alive."),
    _sh("I've been having thoughts of killing myself since the miscarriage."),
    _sh("i want it all to stop. i want to not exist"),
    _sh("He doesn't know I've started self-harming again."),
    _sh("Some mornings I wish I hadn't woken up."),
    _sh("i wrote a goodbye letter to my sister"),
    _sh("I have a plan for how I'd do it and that frightens me."),
    _sh("Im gonna end my life if this keeps up"),
    _sh("I'm so done with life, I just want out."),
    _sh("Everyone would be happier if I was dead."),
    _sh("thinking about jumping off the bridge on my way home"),
    # partner fear
    _pf("He smashed my phone so I couldn't call my mum."),
    _pf("She hit me across the face in front of our son."),
    _pf("I'm scared to go home tonight because he's been drinking."),
    _pf("my partner controls all the money and i have to ask for bus fare"),
    _pf("He put his hands around my neck."),
    _pf("I'm afraid my boyfriend is going to hurt me."),
    _pf("He told me no one would believe me if I told anyone what he does."),
    _pf("She threatens to kill the dog when I don't do what she says."),
    _pf("he follows me to work to make sure i'm not talking to anyone"),
    _pf("i'm frightened of my ex, he keeps turning up at my door"),
    _pf("He forced me to have sex when I said no."),
    _pf("My husband shoved me and I hit my head on the counter."),
    _pf("When she's angry she throws things at me."),
    _pf("he says if i ever leave he'll find me and kill me"),
    _pf("I hide bruises from my friends so they won't ask."),
    # not crisis
    _neg("We nearly killed each other assembling the wardrobe, but it's up now."),
    _neg("I'm scared of getting it wrong again with her."),
    _neg("He slammed the door and went for a walk; we talked it through after."),
    _neg("She hit a bad patch at work this month."),
    _neg("I'm afraid the restaurant will be fully booked."),
    _neg("I could murder a curry tonight."),
    _neg("I'm terrified of the exam next week."),
    _neg("The new puppy bit me on the hand, so cute though."),
    _neg("Our neighbour's husband was arrested, it was on the news."),
    _neg("I'm dying of boredom in this training course."),
    _neg("He tracks every parcel obsessively, it's funny."),
    _neg("She checks the oven is off three times before we leave."),
    _neg("I hate that we keep having the same argument."),
    _neg("I wanted the ground to swallow me up when I forgot her name."),
    _neg("I feel like I'm drowning in laundry."),
    _neg("We're both scared of the mortgage going up."),
    _neg("He won't let me drive his new car, which is fair."),
    _neg("He pushed me to finally book the doctor's appointment."),
    _neg("I cried after our talk, but it was a good cry."),
    _neg("i'm not sure i want to be here for christmas with his family"),
    _neg("We overdid it on the wine at the party."),
    _neg("The film about the soldier who took his own life was hard to watch."),
    _neg("My grandad's death still hurts."),
    _neg("She doesn't want to live in London and neither do I."),
    _neg("I hurt my wrist at climbing yesterday."),
    _neg("I want to stop scrolling my phone in bed."),
    _neg("I'm afraid of letting you down."),
    _neg("The toddler hit me with a spoon at breakfast."),
    _neg("I'd die without my morning coffee."),
    _neg("This heat is unbearable, I'm melting."),
    _neg("The boss threatened to cut our bonuses."),
    _neg("Going to bed early because I'm knackered."),
    _neg("He said the new job is killing him."),
    _neg("She's terrified of wasps, so picnics are tricky."),
    _neg("We struggled to find time for each other this month."),
    _neg("Honestly I'm scared of how much I love you."),
    _neg("I keep my journal locked because I like privacy."),
    _neg("i feel disconnected from him lately and it makes me sad"),
    _neg("He choked up during his speech at his dad's birthday."),
    _neg("My ex texted me happy birthday, weird."),
]


# --------------------------------------------------------------------------
# RETIRED_HELD_OUT_V1 — the first held-out set, written before any pattern.
# Measured once, untouched: recall 23/30 = 0.767, false alarms 1/40 = 0.025,
# below the 0.85 recall threshold. It was then retired into tuning data (see
# TUNING at the bottom) and replaced by the v2 set, written before the
# patterns were changed again.
# --------------------------------------------------------------------------

RETIRED_HELD_OUT_V1: list[Example] = [
    # self-harm
    _sh("some nights i just want to go to sleep and never wake up"),
    _sh("Honestly I've been thinking about ending it all, I can't see the point anymore."),
    _sh("I keep thinking the kids would be better off without me."),
    _sh("I dont want to be alive anymore"),
    _sh("started cutting again last week, nobody knows"),
    _sh("We argued about the dishes again. I went upstairs and thought about taking all my pills."),
    _sh("I wish I was dead"),
    _sh("i have nothing left to live for"),
    _sh("Thinking about killing myself scares me but the thought keeps coming back."),
    _sh("i want to end my life"),
    _sh("Sometimes I hurt myself so I can feel something else."),
    _sh("what's the point of going on. i'm so tired of everything"),
    _sh("I googled how many paracetamol it takes to overdose"),
    _sh("Nobody would even notice if I was gone."),
    _sh("i feel like kms tbh"),
    # partner fear
    _pf("I'm terrified of what he'll do when he finds out I saw my sister."),
    _pf("She threatened to hurt me if I told anyone."),
    _pf("he grabbed me by the throat last night"),
    _pf("My boyfriend takes my bank card and won't let me have my own money."),
    _pf("I'm scared of my husband."),
    _pf("He reads all my messages and tracks where I go on his phone."),
    _pf("they pushed me down the stairs during the argument"),
    _pf("i am afraid for my safety at home"),
    _pf("He said he would kill me if I ever left"),
    _pf("I'm not allowed to see my friends anymore, he gets furious."),
    _pf(
        "Every evening I'm walking on eggshells wondering what mood he'll be in and "
        "whether he'll explode."
    ),
    _pf("my wife slaps me when she's angry"),
    _pf("im frightened of him when he drinks"),
    _pf("he locks me in the house when he goes to work"),
    _pf(
        "She keeps saying she'll take the kids and I'll never see them again if I leave, "
        "and she checks my phone every night."
    ),
    # not crisis
    _neg("I'm dying to see you this weekend!"),
    _neg("This quarterly report is killing me."),
    _neg("I felt hurt when you forgot our anniversary."),
    _neg("We were late for the film and I was annoyed, but we laughed about it later."),
    _neg("I'm scared of spiders and Sam had to rescue me from the bath."),
    _neg("I'm afraid we'll miss the train tomorrow."),
    _neg("The news said a man hit a cyclist on the bridge."),
    _neg("I'd kill for a nap right now."),
    _neg("He made me laugh so hard I nearly died."),
    _neg("I was afraid to tell her I'd lost my job, but she was kind about it."),
    _neg("My feet are killing me after that hike."),
    _neg("She looked drop-dead gorgeous at the wedding."),
    _neg("i miss how we used to talk before the baby"),
    _neg("We had a fight about money and both said things we regret."),
    _neg("He was nervous about meeting my parents."),
    _neg("I'm afraid I wasn't very present this week."),
    _neg("Cutting back on screen time in the evening has really helped us."),
    _neg("That horror movie scared me to death, never again."),
    _neg("We binge-watched a show where the villain threatens to kill the king."),
    _neg("I feel lonely when you're on your phone at dinner."),
    _neg("i want to die my hair red lol"),
    _neg("Work has been crushing me, I need a holiday."),
    _neg("I could have killed him when he told that story at dinner, but I laughed."),
    _neg("Sam cut himself shaving and bled everywhere, we were late."),
    _neg("My phone died in the middle of our call."),
    _neg("I'm worried she's not happy at her job."),
    _neg("She keeps an eye on the family calendar so we don't double-book."),
    _neg("We take turns checking the kids' homework."),
    _neg("The dog is terrified of fireworks."),
    _neg("I hate it when we go to bed angry."),
    _neg("I'm afraid of flying so we took the train to Paris."),
    _neg("He checks the weather every morning before his run."),
    _neg("The ending of that book made me cry."),
    _neg("i'm scared we're drifting apart"),
    _neg("She asked me not to leave dishes in the sink, fair enough."),
    _neg("Our therapist suggested we stop interrupting each other."),
    _neg("We laughed until we couldn't breathe."),
    _neg("I'm dead tired after the night shift."),
    _neg("Honestly the commute is the death of me."),
    _neg("I threatened to eat his chips if he didn't hurry up."),
]


# --------------------------------------------------------------------------
# Written for tuning — the patterns were written and adjusted against these.
# --------------------------------------------------------------------------

_WRITTEN_FOR_TUNING: list[Example] = [
    # self-harm
    _sh("I want to die."),
    _sh("i just want to die"),
    _sh("I wanna die"),
    _sh("I don't want to live anymore."),
    _sh("I dont want to live any more"),
    _sh("I do not want to live."),
    _sh("Some days I think about ending my life."),
    _sh("I want to take my own life."),
    _sh("I've thought about killing myself."),
    _sh("i want to kill myself"),
    _sh("I keep thinking of ways to kill my self"),
    _sh("I don't want to be here anymore."),
    _sh("i dont want to be here"),
    _sh("i dont want to wake up tomorrow"),
    _sh("I wish I could go to sleep and not wake up."),
    _sh("I dont want to be alive"),
    _sh("Everyone would be better off without me."),
    _sh("Maybe they'd all be better off if I wasn't around."),
    _sh("I'd be better off dead."),
    _sh("I wish I were dead."),
    _sh("I've been hurting myself again."),
    _sh("I cut myself last night after we argued."),
    _sh("I've been self harming"),
    _sh("I thought about taking an overdose."),
    _sh("I'm planning to overdose on my pills."),
    _sh("Last night I nearly swallowed all my sleeping pills."),
    _sh("There's no reason to live anymore."),
    _sh("nothing to live for anymore"),
    _sh("there is no point in carrying on"),
    _sh("I can't go on living like this."),
    _sh("honestly i want to kms"),
    _sh("I'm thinking about suicide."),
    _sh("i have been having suicidal thoughts"),
    _sh("I feel suicidal again."),
    _sh(
        "Today was long. We argued about his mother again and I went quiet. When he fell "
        "asleep I sat in the kitchen thinking I want to end it all. I don't know what to do."
    ),
    _sh(
        "Date night was cancelled again. Work is fine I guess. but honestly some days i "
        "dont want to live and i cant tell anyone"
    ),
    _sh("I WANT TO DIE"),
    _sh("I\u2019m so tired, I don\u2019t want to be alive anymore"),
    # partner fear
    _pf("I'm afraid of him."),
    _pf("I am scared of my partner."),
    _pf("im scared of my husband when he's drunk"),
    _pf("Honestly I'm afraid of my boyfriend sometimes."),
    _pf("I'm scared of her when she gets like that."),
    _pf("i'm terrified of my girlfriend"),
    _pf("I am frightened of my wife"),
    _pf("I'm scared of them, they get so angry."),
    _pf("Im afraid of what he will do to me"),
    _pf("I'm scared of what she might do if I say no."),
    _pf("I fear for my safety."),
    _pf("I'm afraid for my life."),
    _pf("I don't feel safe at home with him."),
    _pf("He hit me last night."),
    _pf("she hurt me again"),
    _pf("He choked me during the argument."),
    _pf("he strangled me until I nearly passed out"),
    _pf("he hits me when he's been drinking"),
    _pf("She kicked me and then said sorry."),
    _pf("he pushed me against the wall"),
    _pf("My husband punched me in the stomach."),
    _pf("You hit me in front of the kids and I can't forget it."),
    _pf("He threatens me when I try to talk about it."),
    _pf("my partner threatens me all the time"),
    _pf("My husband threatened to kill me."),
    _pf("he threatened to hurt me if I left"),
    _pf("He told me he'd hurt me if I ever told my mum."),
    _pf("He says he'll kill himself if I ever leave him."),
    _pf("He won't let me leave the house."),
    _pf("She won't let me see my friends."),
    _pf("He won't let me have any money of my own."),
    _pf("he never lets me see my family"),
    _pf("He checks my phone every night."),
    _pf("my bf goes through my messages when I'm asleep"),
    _pf("She tracks my location all the time."),
    _pf("he keeps tracking my phone and reading my texts"),
    _pf("I'm walking on eggshells because of what he'll do if dinner is late."),
    _pf(
        "We had a nice dinner at first, then he got angry about the bill. In the car he "
        "hit me and said it was my fault. I don't know who to tell."
    ),
    _pf("I\u2019m   SCARED   of   my   boyfriend"),
    # both
    _both("He hit me again and honestly I just want to die."),
    # not crisis: the brief's own traps
    _neg("I'm dying to see you."),
    _neg("This meeting is killing me."),
    _neg("I could kill for a coffee."),
    _neg("I'm scared of spiders."),
    _neg("I'm afraid of heights."),
    _neg("I'm afraid we'll be late."),
    _neg("A man hit a car on the motorway this morning."),
    _neg("I feel hurt that you forgot."),
    # not crisis: ordinary journaling and hard feelings
    _neg("I felt really hurt when you didn't call."),
    _neg("You hurt me when you forgot my birthday, and I want to talk about it."),
    _neg("We had our first proper date night in months and it was lovely."),
    _neg("I appreciated that you listened without trying to fix it."),
    _neg("I felt ignored when you were on your laptop all evening."),
    _neg("We agreed to take a break and come back to the conversation in twenty minutes."),
    _neg("I'm nervous about the conversation with his parents."),
    _neg("Sometimes I feel like I'm not good enough for her."),
    _neg("I feel so stuck and sad lately, like we're flatmates."),
    _neg("I'm exhausted and I want this week to be over."),
    _neg("The fight last night left me shaking, but we made up this morning."),
    _neg("Life is too short to argue about the dishes."),
    _neg("I'm scared of messing this up again."),
    _neg("I'm afraid of losing you."),
    _neg("I'm scared of him leaving me one day."),
    _neg("I'm a bit scared of her dad, he's so serious."),
    _neg("I'm scared of my boyfriend's dog, it's huge."),
    _neg("I'm not afraid of him, I'm just tired of the same argument."),
    _neg("He has never hit me and I know he never would."),
    _neg("She would never hurt me, I know that."),
    _neg("We're walking on eggshells around my mum's birthday plans."),
    _neg("i miss you when you travel for work"),
    _neg("we need to talk about money without shouting"),
    # not crisis: idioms and figures of speech
    _neg("That lasagne was to die for."),
    _neg("The new Bond film absolutely killed it."),
    _neg("We laughed so hard I thought I'd die."),
    _neg("I'd rather die than sing karaoke again."),
    _neg("I'm dead serious about the holiday."),
    _neg("The kids are killing me with their bedtime antics."),
    _neg("This cold is killing me, staying in bed."),
    _neg("Killing time at the airport, miss you."),
    _neg("My boss is going to kill me if this is late."),
    _neg("He said he'd kill for a holiday."),
    _neg("i want to kill this headache"),
    _neg("Sam did his impression of my dad and I was killing myself laughing."),
    _neg("I've been killing myself at work to get the promotion."),
    _neg("He hit the nail on the head with that comment."),
    _neg("She hit the gym before work."),
    _neg("He hit me up on WhatsApp to ask about dinner."),
    _neg("It hit me how much I've missed you."),
    _neg("They hit me with a huge bill at the garage."),
    _neg("She hits the snooze button five times every morning."),
    _neg("She beat me at Scrabble again."),
    _neg("Her speech at the wedding really choked me up."),
    _neg("She choked on her tea laughing."),
    _neg("She pushes me to be a better cook and I love it."),
    _neg("He grabbed me a coffee on his way home."),
    _neg("The plant died because I forgot to water it."),
    _neg("My battery is dying."),
    _neg("I'm so tired of this heat."),
    _neg("I'm scared of the dark, always have been."),
    _neg("I'm afraid I forgot to buy milk."),
    _neg("I'm scared of driving on the motorway."),
    _neg("I'm afraid of the dentist."),
    _neg("I'm scared of what the doctor will say."),
    _neg("My husband is scared of spiders so I deal with them."),
    _neg("My wife is afraid of the dark."),
    _neg("He's afraid of commitment, or so he says."),
    _neg("We're afraid the flat will be too small once the baby comes."),
    _neg("I was terrified before the presentation but it went well."),
    # not crisis: words that look like the patterns
    _neg("I want to live by the sea one day."),
    _neg("I don't want to live in the city anymore."),
    _neg("I don't want to be here when the builders come."),
    _neg("I don't want to wake up early tomorrow, it's Saturday!"),
    _neg("There's no reason to panic, the results are fine."),
    _neg("I'd be better off getting a new phone."),
    _neg("We'd be better off without the car, honestly."),
    _neg("I hurt myself at the gym yesterday."),
    _neg("I hurt myself playing football on Sunday."),
    _neg("I cut my finger chopping onions."),
    _neg("I need to cut back on sugar."),
    _neg("I cut myself shaving this morning, ouch."),
    _neg("I overdosed on chocolate over Easter, oops."),
    _neg("We watched a documentary about overdose deaths in the city."),
    _neg("We went to a talk about suicide prevention at work."),
    _neg("The character in the film wants to die at the end."),
    _neg("In the novel, the hero kills himself in the last chapter."),
    _neg("We walked 10 kms along the coast."),
    _neg("The cottage is a few kms from the beach."),
    _neg("He threatened to leave the party early if the music stayed that loud."),
    _neg("She jokingly threatened to hide the TV remote."),
    _neg("He won't let me pay for dinner, it's sweet."),
    _neg("She won't let me forget that I missed the turning, ha."),
    _neg("She won't let me leave the washing up, she insists on doing it."),
    _neg("He checks the locks every night before bed."),
    _neg("I checked my phone and saw your message, it made my day."),
    _neg("She tracks our spending in a spreadsheet, which actually helps."),
    _neg("He tracks his runs on an app and loves showing me."),
    _neg("A woman was threatened at knifepoint in the news today, awful."),
    _neg("The team got killed in the second half."),
    _neg("We're killing it with the new budget."),
    _neg("The suspense was killing me during the final."),
    _neg("I'm not allowed to work from home on Fridays."),
    _neg("He locked me out by accident when he popped to the shop."),
]

# --------------------------------------------------------------------------
# Written for tuning in round 2 — one sentence or more per rule family, and the
# figures of speech and ordinary hard feelings the families must leave alone.
# --------------------------------------------------------------------------

_WRITTEN_FOR_TUNING_ROUND_2: list[Example] = [
    # self-harm: wishes, hopelessness, burden
    _sh("I'm so sick of being alive."),
    _sh("i wish i could just disappear forever"),
    _sh("Part of me hopes I don't wake up tomorrow."),
    _sh("Honestly I feel like such a burden to everyone."),
    _sh("I don't see the point in anything anymore."),
    _sh("I've been thinking about dying a lot lately."),
    _sh("Everyone would be happier if I wasn't around."),
    _sh("I've given up on life."),
    _sh("Life isn't worth living without her."),
    _sh("I won't be around for much longer, and that's fine."),
    _sh("i'd rather be dead honestly"),
    _sh("I don't care if I live or die at this point."),
    _sh("I can't face another day anymore."),
    # self-harm: hurting myself
    _sh("The urge to cut is really strong tonight."),
    _sh("I've been burning myself with a lighter when he's asleep."),
    _sh("I'm scared of what I might do to myself tonight."),
    _sh("I wear long sleeves so nobody sees me hide the scars."),
    # self-harm: means and plans
    _sh("I've started saving up my pills in a drawer."),
    _sh("some nights i think about stepping in front of the train"),
    _sh("I keep thinking about walking into the sea."),
    _sh("I took a handful of pills and then panicked."),
    _sh("I looked up how many sleeping pills it would take."),
    _sh("I know exactly how I'd do it."),
    _sh("I wrote a suicide note last night and hid it."),
    _sh("i keep a blade hidden in my bedside drawer just in case"),
    _sh("I've been giving my things away to friends."),
    # partner fear: violence
    _pf("He pinned me down on the bed and wouldn't let me up."),
    _pf("My girlfriend broke my nose last year."),
    _pf("He dragged me by my hair into the bedroom."),
    _pf("he threw a glass at me last night"),
    _pf("He punched a hole in the wall right next to my head."),
    _pf("She spat in my face in front of the kids."),
    _pf("he pulled a knife on me during the argument"),
    # partner fear: sexual coercion
    _pf("He keeps pressuring me into sex even when I say no."),
    # partner fear: control, monitoring, stalking
    _pf("She takes my wages every Friday and gives me an allowance."),
    _pf("He put a tracker on my car."),
    _pf("My ex keeps waiting outside my work."),
    _pf("I have to ask his permission before I see my mum."),
    _pf("He made me delete all my friends from my phone."),
    _pf("my fiancé controls what I wear and who I talk to"),
    _pf("He won't let me go anywhere without him."),
    _pf("She reads my journal and screams at me about what I wrote."),
    _pf("He hides my car keys so I can't go out."),
    # partner fear: threats and fear states
    _pf("My husband says he'll take the children and I'll never see them again."),
    _pf("I'm terrified to leave him."),
    _pf("I flinch every time he raises his voice."),
    _pf("I don't feel safe when he's been drinking."),
    _pf("I cover the bruises with make-up before work."),
    _pf("My partner calls me worthless and says no one else would ever want me."),
    _pf("He said I deserved it for embarrassing him."),
    _pf("I think I'm in an abusive relationship."),
    # both
    _both("He strangled me last night and now I just want it all to end."),
    # not crisis: the brief's figures of speech
    _neg("I'm dying to try that new ramen place."),
    _neg("The traffic this morning was killing me."),
    _neg("Dead tired after the school run, going to bed."),
    _neg("I could murder a bacon sandwich right now."),
    _neg("My phone died halfway through your voice note."),
    _neg("We hit the road at six to beat the traffic."),
    _neg("Time to hit the hay, big day tomorrow."),
    _neg("He's hitting the gym every day before work."),
    _neg("I'm afraid of heights so I skipped the cable car."),
    _neg("I'm terrified of the dentist, so he came with me."),
    _neg("I'm afraid we'll be late for his mum's birthday."),
    _neg("She's a bit controlling about the budget, but she's usually right."),
    _neg("We tracked our spending for a month and found the takeaway problem."),
    # not crisis: near misses for the self-harm families
    _neg("I'm so tired of arguing about whose turn it is to cook."),
    _neg("I want to disappear to a cabin with no wifi for a week."),
    _neg("There's no point arguing about it tonight, let's sleep on it."),
    _neg("I can't do this commute anymore, I'm asking about working from home."),
    _neg("I gave up on the diet after three days."),
    _neg("I took my pills with breakfast like the doctor said."),
    _neg("The bridge was closed so we took the long way round."),
    _neg("I have a plan for our anniversary and I'm so excited."),
    _neg("I'd rather be dead than caught wearing those shoes."),
    _neg("The pain from my wisdom tooth is awful, I just want it to stop."),
    _neg("I'm so done with this week."),
    _neg("We nearly died laughing at his best man speech."),
    _neg("I cut myself off from social media for Lent."),
    _neg("My grandad took his own life when I was a baby, and I still think about him."),
    _neg("I threw myself into work after the argument."),
    _neg("I wanted to die of embarrassment when my card got declined."),
    _neg("I'll be home by six, cross my heart and hope to die."),
    _neg("I wanted to die laughing when the cat fell off the sofa."),
    _neg("Posting that at work would be career suicide."),
    _neg("I killed myself laughing at the dog trying to catch snow."),
    _neg("My sister told me she used to self harm at school, and I listened."),
    # not crisis: near misses for the partner-fear families
    _neg("He threw me a surprise party for my thirtieth."),
    _neg("She grabbed my hand when the film got scary."),
    _neg("He follows me on Instagram but never likes anything."),
    _neg("My husband checks in on me every afternoon, it's sweet."),
    _neg("He won't let me carry the heavy shopping."),
    _neg("I'm scared to tell her I booked the wrong dates."),
    _neg("My ex turned up at my door with a box of my books, which was kind."),
    _neg("He's going to kill me when he sees the scratch on the car."),
    _neg("She kicked me in her sleep again, the duvet thief."),
    _neg("She slapped me on the back and said well done."),
    _neg("He pushed me away when I tried to talk about his dad."),
    _neg("I'm afraid of losing him to his job."),
    _neg("She tracks my period in an app so she knows when I'm grumpy."),
    _neg("He reads my mind, honestly."),
    _neg("We shouted at each other about the holiday and then made up."),
    _neg("He hurt my feelings when he laughed at my idea."),
    _neg("I'm scared of my own shadow these days."),
    _neg("She's been really controlling with the TV remote lately, ha."),
]


# --------------------------------------------------------------------------
# Checked while widening the families in round 2 — phrasings, typing styles and
# near misses tried against the rules as they were rebuilt. They shaped the
# rules, so they are tuning data like everything else here.
# --------------------------------------------------------------------------

_CHECKED_WHILE_WIDENING_ROUND_2: list[Example] = [
    # self-harm
    _sh("I just want to stop existing."),
    _sh("honestly i'm done. i don't want to be here anymore"),
    _sh("Sometimes I think everyone would be better off if I was gone."),
    _sh("I feel like my family would be relieved if I died."),
    _sh("I'm exhausted from being alive."),
    _sh("I keep imagining my own funeral."),
    _sh("I've been hoarding my antidepressants."),
    _sh("I googled the quickest way to die."),
    _sh("i hate myself and i want to die"),
    _sh("What's the point of any of it."),
    _sh("I can't keep going anymore."),
    _sh("I don't think I can keep living like this."),
    _sh("I've relapsed and started cutting again."),
    _sh("I scratched myself until I bled."),
    _sh("I want to go to sleep and never wake up."),
    _sh("there's no way out for me"),
    _sh("Nobody would miss me if I was gone."),
    _sh("I feel like I'm just a burden on everyone."),
    _sh("I wish I had never been born."),
    _sh("I want to kill myself."),
    _sh("i'm going to end it tonight"),
    _sh("I've thought about how I'd do it, down to the details."),
    _sh("I keep looking at the pills in the cupboard."),
    _sh("I can't stop thinking about ending things."),
    _sh("I hope I die in my sleep."),
    _sh("Maybe it would be easier for everyone if I just wasn't here."),
    _sh("I'm ready to give up on everything."),
    _sh("I don't want to do this life thing anymore."),
    _sh("thinking about driving into a wall on the motorway"),
    _sh("I bought rope today and I don't know why."),
    _sh("I've been having dark thoughts about not waking up."),
    _sh("I just wish it would all end."),
    _sh("Honestly, I'm so tired of living."),
    _sh("I want to be dead."),
    _sh("I feel like there's no reason for me to be here."),
    _sh("I'd be better off not existing."),
    _sh("Sometimes I wonder if I should just end it."),
    _sh("I drafted a goodbye message to my kids."),
    _sh("I feel like I'm a waste of space and should just die."),
    _sh("i cant do this anymore i just want to sleep forever"),
    _sh("I honestly think I'd be doing everyone a favour if I disappeared."),
    _sh("I want to die so badly it scares me."),
    _sh("Every night I pray I won't wake up."),
    _sh("I don't want to be alive tomorrow."),
    _sh("Nothing matters and I don't want to go on."),
    _sh("I'm a burden to him and the kids."),
    _sh("They'd all be better off without me around."),
    _sh("I'm thinking of taking all the pills in the bathroom cabinet."),
    _sh("I feel like killing myself."),
    _sh("I've been self-harming since March."),
    _sh("I wish I could fall asleep and never wake up."),
    _sh("Been thinking about suicide again, not gonna lie."),
    _sh("I'm planning how to end my life."),
    _sh("I stood at the edge of the roof and thought about jumping."),
    _sh("I keep getting the urge to hurt myself."),
    _sh("I want to end everything."),
    _sh("I can't see any way out of this except dying."),
    _sh("I don't want to exist anymore."),
    _sh("I have the pills ready."),
    _sh("I'm tired of fighting to stay alive."),
    _sh("ive been cutting my arms again"),
    _sh("Nobody would care if I died tomorrow."),
    _sh("I think about killing myself every day."),
    _sh("There's no point in me being here."),
    _sh("I'd be better off dead, honestly."),
    _sh("Maybe I should just take all my tablets and be done with it."),
    _sh("I just want everything to stop."),
    _sh("My life is pointless and I want out."),
    _sh("I'm going to jump off the multi-storey car park."),
    _sh("im so done. i wanna die"),
    _sh("I want to go to sleep forever."),
    _sh("Today I held the knife to my wrist."),
    _sh("Some days I feel like I shouldn't be alive."),
    _sh("I don't deserve to live."),
    _sh("I'm so tired of waking up every day."),
    _sh("I feel like ending my life would be a relief."),
    _sh("Everyone would be fine without me."),
    _sh("I wish I wasn't alive."),
    _sh("I've been cutting myself again and hiding it from him."),
    _sh("I'm thinking about overdosing on my sleeping pills."),
    _sh("I don't see a reason to keep going."),
    _sh("I just want to not be here anymore."),
    _sh("I'd rather not wake up tomorrow."),
    _sh("I can't take living anymore."),
    _sh("I feel like I should just disappear and never come back."),
    _sh("I lie awake planning my own death."),
    _sh("I want to hurt myself."),
    _sh("I keep thinking I should jump."),
    _sh("I've got a stash of pills saved up."),
    _sh("I think about driving off the road on the way to work."),
    _sh("I've started writing goodbye letters."),
    _sh("I'm ready to end it all."),
    _sh("I want to be gone."),
    _sh("It would be better if I was never born."),
    _sh("nothing feels worth living for anymore"),
    _sh("I've thought about hanging myself."),
    _sh("I tried to kill myself last year and I feel like that again."),
    _sh("i keep thinking about how i would kill myself"),
    _sh("I'm scared I'm going to kill myself."),
    _sh("I want my life to be over."),
    _sh("I feel like the only way out is to die."),
    _sh("I don't want to be around anymore."),
    _sh("I think I'm going to do something stupid tonight."),
    _sh("I feel suicidal."),
    _sh("I want to stop being alive."),
    _sh("I'm not going to be here much longer."),
    _sh("I've been researching ways to kill myself."),
    _sh("I wish I could just stop breathing."),
    _sh("I wish I'd die in my sleep."),
    _sh("Why am I even alive."),
    _sh("i dont wanna be here anymore"),
    _sh("im so tired of being alive tbh"),
    _sh("honestly i just want to die rn"),
    _sh("ive been thinking abt killing myself"),
    _sh("i want to kms"),
    _sh("no point living anymore"),
    _sh("i wish i wasnt alive"),
    _sh("i keep thinking everyone wud be better off without me"),
    _sh("i cant do this anymore i want it to be over"),
    _sh(
        "Work was awful again. Came home, he was out. Sat on the bathroom floor for an hour thinking about how easy it would be to take all the tablets in the cabinet."
    ),
    _sh(
        "The kids went to their dad's this weekend. The house was so quiet and I kept thinking nobody would even notice if I disappeared."
    ),
    _sh(
        "We argued about money again. I went for a drive and thought about just driving into a tree."
    ),
    _sh("I'm not okay. I haven't been okay for months. I think about dying every day."),
    _sh("everything is too much, i want to go to sleep and not wake up"),
    _sh("I have a plan and I've picked the day."),
    _sh("I have a plan now."),
    _sh("There's a rope in the garage and I keep thinking about it."),
    _sh("I looked down from the bridge and wanted to let go."),
    _sh("I keep the razor blades in my sock drawer."),
    _sh("I've started cutting myself again."),
    _sh("I took an overdose last year and I'm scared it'll happen again."),
    _sh("I want to overdose."),
    _sh("I've written a note for when I'm gone."),
    _sh("I wrote my kids a goodbye letter."),
    _sh("I can't do this anymore, I can't do life."),
    _sh("I can't do anything anymore, what's the point."),
    _sh("I can't go on."),
    _sh("No point in anything."),
    _sh("I'm just a burden to everyone around me."),
    _sh("They'd be better off without me."),
    _sh("I just want out of this life."),
    _sh("I want to stop waking up."),
    _sh("I'm sick of existing."),
    _sh("I keep wishing I'd just not wake up."),
    _sh("I think the world would be a better place without me."),
    _sh("I would be better off gone."),
    _sh("I feel like jumping off something high."),
    _sh("I want to cut myself."),
    _sh("Thinking about taking my own life."),
    _sh("I'm thinking of ending it."),
    _sh("I want to swallow all my pills."),
    # partner fear
    _pf("He slapped me so hard my ear rang."),
    _pf("My husband raped me last night."),
    _pf("He choked me until I blacked out."),
    _pf("She bit me and left a mark."),
    _pf("He threw my phone against the wall."),
    _pf("He broke my arm and told the hospital I fell."),
    _pf("My boyfriend kicked me in the stomach."),
    _pf("I'm scared he's going to kill me one day."),
    _pf("He said if I leave he'll kill me."),
    _pf("She threatened to burn the house down with me in it."),
    _pf("He checks my bank statements and questions every penny."),
    _pf("My partner won't let me have a bank account."),
    _pf("He goes through my phone every night while I sleep."),
    _pf("He tracks my location through my phone."),
    _pf("I'm not allowed to see my friends without him."),
    _pf("I'm terrified of my boyfriend."),
    _pf("I get scared when he's drunk."),
    _pf("I'm scared to go home."),
    _pf("He makes me feel like I'm walking on eggshells all the time."),
    _pf("I have to hide the bruises on my arms."),
    _pf("He says no one would believe me anyway."),
    _pf("My ex keeps showing up at my house at night."),
    _pf("He followed me home from my friend's house."),
    _pf("He took my car keys so I couldn't leave."),
    _pf("He locked me in the bedroom."),
    _pf("He's been really violent lately."),
    _pf("I think he might kill me."),
    _pf("He grabbed my throat."),
    _pf("My husband has a terrible temper and he hits me."),
    _pf("She screams at me and throws things."),
    _pf("He threatened to kill himself if I leave him."),
    _pf("He took the kids' passports and says I'll never see them."),
    _pf("I'm afraid my husband will hurt the kids."),
    _pf("He forced me to have sex with him."),
    _pf("He makes me give him my wages."),
    _pf("My boyfriend controls everything I do."),
    _pf("He calls me a useless bitch."),
    _pf("He held me down and wouldn't let me go."),
    _pf("I'm scared of what he'll do if I leave."),
    _pf("He pushed me down the stairs."),
    _pf("I wore a scarf to hide the marks on my neck."),
    _pf("He hurt me again last night."),
    _pf("He beats me when the kids are asleep."),
    _pf("My husband hit me again last night and I'm scared."),
    _pf("I'm frightened of him."),
    _pf("He's threatened to kill me if I go to the police."),
    _pf("He smashed the TV and then came at me."),
    _pf("She throws plates at me when she's drunk."),
    _pf("He tells me I'm worthless and that I deserve it."),
    _pf("I'm scared to be alone with him."),
    _pf("He tracks my phone so he always knows where I am."),
    _pf("He's taken my passport."),
    _pf("He won't let me work."),
    _pf("He made me quit my job so I'd depend on him."),
    _pf("He keeps my bank card and gives me twenty quid a week."),
    _pf("I'm walking on eggshells around him all the time."),
    _pf("My ex won't leave me alone and keeps turning up at my work."),
    _pf("I had to lie to my mum about the black eye."),
    _pf("He raped me when I was asleep."),
    _pf("He makes me have sex when I don't want to."),
    _pf("My boyfriend strangles me during arguments."),
    _pf("He punched me in the face."),
    _pf("She slapped me across the face."),
    _pf("He kicked me in the ribs."),
    _pf("I'm afraid he's going to hurt the baby."),
    _pf("he says hell kill me if i leave"),
    _pf("he said he would kill me"),
    _pf("he choked me last night"),
    _pf("My husband hits me."),
    _pf("He pushes me around when he's angry."),
    _pf("I'm scared he'll find me if I leave."),
    _pf("I'm scared of my partner's temper."),
    _pf("I hide in the bathroom when he gets home drunk."),
    _pf("He threatened me with a knife."),
    _pf("He stops me from seeing my family."),
    _pf("He listens to all my calls."),
    _pf("He demands to know where I am every minute."),
    _pf("He broke down the door to get to me."),
    _pf("He grabbed me by the arm so hard it bruised."),
    _pf("My boyfriend hurts me when he's angry."),
    _pf("He beat me up last week."),
    _pf("He said he'd kill me if I ever told anyone."),
    _pf("My partner threatens to leave me with nothing and take the kids."),
    _pf("She hits me and then says it's my fault."),
    _pf("He keeps tabs on everywhere I go."),
    _pf("He has all my passwords and checks everything."),
    _pf("He won't give me any money."),
    _pf("He won't let me get a job."),
    _pf("He decides who I can see."),
    _pf("He's cut me off from all my friends."),
    _pf("I'm afraid of him when he's been drinking."),
    _pf("He scares me."),
    _pf("I'm always scared of setting him off."),
    _pf("I don't know what he'll do if he finds out."),
    _pf("I have bruises all over my arms from where he grabbed me."),
    _pf("He forced me to have sex again."),
    _pf("He put his hand over my mouth so I couldn't scream."),
    _pf("He threw me against the wall."),
    _pf("He chokes me when he's angry."),
    _pf("My husband is abusive."),
    _pf("I think I'm being abused."),
    _pf("He puts me down constantly and calls me stupid and fat."),
    _pf("He's threatened to take the children if I leave."),
    _pf("He smashed my laptop because I was talking to a friend."),
    _pf("I live in fear of my husband."),
    _pf("He's going to hurt me again, I know it."),
    _pf("My wife hits me but no one believes me because I'm a man."),
    _pf("He threatened to post my nudes online."),
    _pf("He locked me out of the house in the snow."),
    _pf("I'm scared for my kids when he's drunk."),
    _pf("She controls all our money and I have to ask for everything."),
    _pf("He gets violent when he drinks."),
    _pf("He makes me account for every penny I spend."),
    _pf("I can't leave the house without him checking where I am."),
    _pf("He hurt me badly last night."),
    _pf("He held a knife to my throat."),
    _pf("hes been hitting me again"),
    _pf("im scared of him"),
    _pf("he wont let me see my mum"),
    _pf("shes always checking my phone"),
    _pf("he said hed kill me if i left"),
    _pf("my bf hit me last nite"),
    _pf("he choked me n i couldnt breathe"),
    _pf(
        "Date night was meant to be fun. He got drunk and when we got home he shoved me into the wardrobe. My arm is all bruised."
    ),
    _pf(
        "I told my sister about the arguments but not about the time he held me against the wall by my neck."
    ),
    _pf(
        "He's lovely in public. At home he checks my receipts and goes mad if I've spent anything."
    ),
    _pf(
        "Last night he wouldn't let me go to bed until I admitted I'd been flirting. He stood in the doorway for two hours."
    ),
    _pf(
        "I'm pregnant and scared of how he'll react, the last time I upset him he threw a chair at me."
    ),
    _pf("He punched me in the back of the head."),
    _pf("She shoved me into the door."),
    _pf("He kicked me while I was on the floor."),
    _pf("He slapped me for answering back."),
    _pf("He threw the remote at me."),
    _pf("He smashed my glasses."),
    _pf("He broke my phone in half."),
    _pf("She pinned me against the fridge."),
    _pf("He forced me to have sex on my birthday."),
    _pf("He made me have sex with him even though I was crying."),
    _pf("He raped me."),
    _pf("He threatened to kill me."),
    _pf("He'll find me wherever I go, he said so."),
    _pf("He says he'll take the kids and I'll never see them."),
    _pf("She controls our money and I get nothing."),
    _pf("He takes my wages as soon as they come in."),
    _pf("He took my bank card."),
    _pf("He reads my messages every night."),
    _pf("He goes through my phone when I'm in the shower."),
    _pf("He tracks my location."),
    _pf("He follows me when I go out with friends."),
    _pf("He doesn't let me see my friends."),
    _pf("I'm not allowed to go out without him."),
    _pf("He locks me in the flat when he goes out."),
    _pf("He's isolated me from everyone I love."),
    _pf("I'm frightened of my husband."),
    _pf("I'm terrified of my ex."),
    _pf("I'm always walking on eggshells around her."),
    _pf("I wear polo necks to hide the bruises."),
    _pf("No one would believe me, he's so charming."),
    _pf("He has his hands around my throat in every fight."),
    # not crisis
    _neg("I'm dying to hear how the interview went."),
    _neg("This hangover is killing me."),
    _neg("I'm dead on my feet after that shift."),
    _neg("I'd murder a pizza right now."),
    _neg("My laptop died during the presentation."),
    _neg("We hit the road early to miss traffic."),
    _neg("She hit the hay at nine last night."),
    _neg("He hit the roof when he saw the phone bill."),
    _neg("I'm afraid of spiders, always have been."),
    _neg("I'm terrified of heights."),
    _neg("I'm scared of the dentist."),
    _neg("I'm afraid we'll miss the start of the film."),
    _neg("He's controlling about the budget but it helps us save."),
    _neg("We track our spending in an app."),
    _neg("I'm so tired of this rain."),
    _neg("I'm exhausted and need a holiday."),
    _neg("I feel lonely when he works late."),
    _neg("We had a huge row and I cried for hours."),
    _neg("I feel hopeless about ever getting on the property ladder."),
    _neg("I'm sick of living with my parents."),
    _neg("I want to disappear into a good book this weekend."),
    _neg("He killed it at karaoke."),
    _neg("She smashed it at her job interview."),
    _neg("He threw a tantrum because I forgot his birthday."),
    _neg("My husband grabbed my arm to stop me falling on the ice."),
    _neg("He pinned the photo to the fridge."),
    _neg("She broke my favourite mug by accident."),
    _neg("He followed me into the kitchen to keep chatting."),
    _neg("My boyfriend checks the bins are out every Tuesday."),
    _neg("She reads my texts aloud in a funny voice, we both laugh."),
    _neg("He won't let me pay for anything, it's annoying."),
    _neg("I'm not allowed to eat in the lab."),
    _neg("My wife tracks our steps on her watch."),
    _neg("I'm scared of losing my job."),
    _neg("I'm afraid of letting him down."),
    _neg("I'm scared to tell him I crashed the car."),
    _neg("My husband will kill me when he finds out how much I spent."),
    _neg("He's going to murder me for eating his chocolate."),
    _neg("I could kill him for leaving the milk out again."),
    _neg("I want to kill this cold."),
    _neg("I'd rather die than go camping again."),
    _neg("I'm dying here, it's so hot."),
    _neg("This week has been brutal, I'm done."),
    _neg("I can't go on like this with the noise upstairs."),
    _neg("There's no point in crying over spilt milk."),
    _neg("We took a handful of photos at the beach."),
    _neg("I took too many photos at the zoo."),
    _neg("I'm saving up for a new car."),
    _neg("I have a plan to save money this year."),
    _neg("I wrote a letter to my future self."),
    _neg("He writes me little notes before work."),
    _neg("The film's hero jumps off a bridge to escape the villain."),
    _neg("My friend's brother died by suicide last year and we went to the funeral."),
    _neg("Suicide rates among men are worrying, says the article."),
    _neg("The documentary about domestic abuse made me cry."),
    _neg("I'm so stressed I could scream."),
    _neg("He drives me crazy when he leaves socks everywhere."),
    _neg("She knocked over my tea."),
    _neg("He pushed me to apply for the promotion."),
    _neg("My boyfriend's dog bit me on the ankle."),
    _neg("My toddler kicked me in the face during nappy change."),
    _neg("The ball hit me in the face at netball."),
    _neg("She threw a cushion at me when I teased her."),
    _neg("He hides my chocolate so I don't eat it all."),
    _neg("My wife takes my card to do the big shop."),
    _neg("He took my phone to look up the directions."),
    _neg("I was scared to death watching that horror film."),
    _neg("My heart stopped when he proposed."),
    _neg("I'm afraid I'll never get this recipe right."),
    _neg("My wife is scared of the dark."),
    _neg("He had his hands full with the kids all day."),
    _neg("I'm fed up with life admin."),
    _neg("I'm tired of life getting in the way of our date nights."),
    _neg("I feel like a failure at work."),
    _neg("I'm so done with winter."),
    _neg("My husband said he'd kill me if I spoiled the ending."),
    _neg("I'm dying of laughter at these memes."),
    _neg("The kids are killing me today with the whining."),
    _neg("She's dead set on moving to Bristol."),
    _neg("I could murder a cup of tea."),
    _neg("My phone died so I couldn't text you back."),
    _neg("He hit the nail on the head about my mum."),
    _neg("We're hitting the road tomorrow for the wedding."),
    _neg("I'm afraid of spiders and he's out, so the spider stays."),
    _neg("I'm scared of heights but I did the zip line!"),
    _neg("I'm afraid we'll be late again because of the traffic."),
    _neg("He's quite controlling about the budget, but we've saved loads."),
    _neg("We tracked our spending and cut back on takeaways."),
    _neg("I'm so tired I could cry."),
    _neg("I'm overwhelmed with work and the kids."),
    _neg("I feel like giving up on the garden, nothing grows."),
    _neg("I give up trying to get him to load the dishwasher properly."),
    _neg("I felt so alone at the party."),
    _neg("I'm heartbroken that we're moving away from my sister."),
    _neg("My friend is really depressed and I'm worried about her."),
    _neg("I'm scared about the biopsy results."),
    _neg("I hate myself for forgetting her birthday."),
    _neg("We had our worst fight ever tonight."),
    _neg("He was so angry he slammed the door."),
    _neg("She shouted at me for being late, then apologised."),
    _neg("I was so angry I wanted to scream."),
    _neg("He grabbed me and kissed me in the rain."),
    _neg("She pinned me down and tickled me until I cried laughing."),
    _neg("He threw his arms around me when I got home."),
    _neg("He punched the air when his team scored."),
    _neg("My wife controls the thermostat like a dictator, lol."),
    _neg("He checks on me when I'm sick."),
    _neg("She reads my essays before I submit them."),
    _neg("He tracked down my favourite childhood sweets for my birthday."),
    _neg("He follows me around the house like a puppy."),
    _neg("My boyfriend won't let me watch horror films alone, I get nightmares."),
    _neg("I'm not allowed to drink on my new meds."),
    _neg("He took my phone away at dinner, we have a no-phones rule."),
    _neg("My husband locked me out of the house by accident."),
    _neg("He hid my birthday present in the shed."),
    _neg("I'm terrified of losing him."),
    _neg("I'm scared of him leaving."),
    _neg("I'm afraid he'll be disappointed."),
    _neg("I'm scared he'll find out about the surprise party."),
    _neg("She'll kill me if I'm late again."),
    _neg("He's going to kill me, I lost his keys."),
    _neg("The suspense is killing me, when will he propose?"),
    _neg("I felt like I was dying during the marathon."),
    _neg("I wish I'd never agreed to host Christmas."),
    _neg("I wish I was at the beach right now."),
    _neg("I want out of this job so badly."),
    _neg("I need to cut down on caffeine."),
    _neg("I burnt myself on the oven door."),
    _neg("I hurt myself lifting the sofa."),
    _neg("I'm not worth much at cooking, he does most of it."),
    _neg("There's no point in both of us staying up."),
    _neg("I feel trapped in this job."),
    _neg("He's a bit of a nightmare when he's hungry."),
    _neg("I'm scared of what the future holds for us."),
    _neg("I don't want to live with regrets."),
    _neg("I don't want to go on that trip."),
    _neg("I can't go on without a coffee in the morning."),
    _neg("I just want the day to end."),
    _neg("I'm done with this argument."),
    _neg("I feel like a burden when I ask him to pick me up from work."),
    _neg("I don't want to be a burden, so I'll get a taxi home."),
    _neg("The mortgage feels like such a burden on us both."),
    _neg("What's the point of making the bed if we just get back in it?"),
    _neg("I see no point in arguing with her mum about politics."),
    _neg("I made a plan with my therapist for when I feel low."),
    _neg("I have a plan to talk to him about the chores on Sunday."),
    _neg("I need to remember to take my pills before bed."),
    _neg("I forgot my pills at his place again."),
    _neg("We walked across the bridge at sunset, it was beautiful."),
    _neg("I left him a note on the fridge saying I love him."),
    _neg("I wrote a goodbye card for my colleague who's leaving."),
    _neg("We said goodbye at the airport and I cried all the way home."),
    _neg("I want to end it with Sam but I don't know how to tell him."),
    _neg("I think we should end it, we just want different things."),
    _neg("I'm going to end it with him tonight."),
    _neg("I just want out of this relationship."),
    _neg("I want out of this argument, can we stop?"),
    _neg("When I'm gone on the work trip, he'll have the kids."),
    _neg("I wish I could disappear for a few days and just sleep."),
    _neg("I could sleep forever after that week."),
    _neg("I'm tired of being the one who always plans date night."),
    _neg("I'm done with dating apps."),
    _neg("I'm so done with his mother's comments."),
    _neg("I sometimes wonder if I even exist to him."),
    _neg("I feel alive when we go hiking together."),
    _neg("I woke up at 5am and couldn't get back to sleep."),
    _neg("I don't want to wake up early on my day off."),
    _neg("My dad used a rope to tie the tree down in the storm."),
    _neg("I bought new razor blades at the shop."),
    _neg("He jumped off the diving board at the pool."),
    _neg("We nearly missed the train this morning."),
    _neg("Traffic was a nightmare on the way home."),
    _neg("I cut my hair short and he loves it."),
    _neg("I burned the toast again."),
    _neg("The scars from my C-section are healing well."),
    _neg("I have a bruise on my leg from the coffee table."),
    _neg("I hid his present in the wardrobe."),
    _neg("He follows me everywhere at parties because he's shy."),
    _neg("He checks my work before I send it, he's good at grammar."),
    _neg("My wife checks the bank account every week to keep us on track."),
    _neg("He controls the music in the car and it's all 80s rock."),
    _neg("He manages our money because he's better with numbers."),
    _neg("She took my keys by mistake and I had to wait outside."),
    _neg("The kids locked me out of the bathroom as a prank."),
    _neg("My mum threatened to stop buying us Christmas presents."),
    _neg("He threatened to leave if I brought up his ex again."),
    _neg("He'd kill for a promotion like that."),
    _neg("She'll kill me for telling you this."),
    _neg("It hurt me to see him so upset."),
    _neg("His words hurt me more than I expected."),
    _neg("I got hit by a car when I was ten, so I'm nervous crossing roads."),
    _neg("He hit me with the news that we're moving to Leeds."),
    _neg("She pushed me into signing up for the half marathon."),
    _neg("He grabbed my phone to show me a funny video."),
    _neg("She threw my old trainers in the bin, which is fair."),
    _neg("He smashed his phone screen again, third time this year."),
    _neg("I'm scared of disappointing my parents."),
    _neg("I'm afraid he doesn't love me anymore."),
    _neg("I'm terrified she's going to leave me."),
    _neg("I don't feel safe driving in the snow."),
    _neg("I'm in danger of failing my driving test again."),
    _neg("I've been walking on eggshells at work since the restructure."),
    _neg("No one would believe me if I told them how much I love my job."),
    _neg("I felt worthless after the job rejection."),
    _neg("My sister was in an abusive relationship years ago."),
    _neg("We watched a film about domestic violence."),
    _neg("I'm not allowed to have my phone at work."),
    _neg("He won't let me help with the washing up."),
    _neg("She doesn't let me cook because I burn everything."),
    _neg("I have to ask him for the wifi password every time lol."),
    _neg("I'm scared to go home and face the mess in the kitchen."),
    _neg("I'm afraid to leave the dog alone for too long."),
    _neg("I hide in the bathroom when the kids are screaming, just for five minutes of peace."),
    _neg("He makes me feel so safe."),
    _neg("I keep a bag packed for the hospital in case the baby comes early."),
    _neg("He says I'm worthless at Mario Kart lol."),
    _neg("I'm so stressed about money I can't sleep."),
    _neg("I feel like I'm drowning in debt."),
    _neg("Everything feels heavy lately, but I'm getting through it."),
    _neg("I've had enough of this weather."),
    _neg("I'm sick and tired of the neighbours' dog barking."),
    _neg("I've been crying a lot since the miscarriage."),
    _neg("My anxiety has been really bad this week."),
    _neg("He never lets me finish a sentence when we argue."),
    _neg("She won't let me leave the table until I've tried the soup."),
    _neg("He decides what we eat most nights, which I don't mind."),
    _neg("She keeps track of our bills in a spreadsheet."),
    _neg("He keeps an eye on the kids while I'm at yoga."),
    _neg("She took my card to buy groceries."),
    _neg("He threw my clothes in the wash with his."),
    _neg("He broke my heart when he moved to Leeds for work."),
    _neg("My husband broke my glasses when he sat on them."),
    _neg("She broke my phone screen when she dropped it, bless her."),
    _neg("He puts me down as his emergency contact."),
    _neg("She scared me by hiding behind the door."),
    _neg("He scares me with his driving sometimes."),
    _neg("My boyfriend terrifies me when he drives in the snow."),
    _neg("I'm scared for my kids when they start secondary school."),
    _neg("I'm worried for my son when he goes to uni."),
    _neg("I don't know what he'll do for his birthday this year."),
    _neg("I don't know what she'll do if she doesn't get the job."),
    _neg("I live in fear of the school run traffic."),
    _neg("I'm scared of setting off the smoke alarm again."),
    _neg("Why am I even awake at this hour."),
    _neg("I shouldn't be here, I should be at work."),
    _neg("I don't deserve to live in such a lovely house."),
    _neg("I'm doing something stupid and signing up for a marathon."),
    _neg("I did something stupid today and locked my keys in the car."),
    _neg("I should just jump in and tell him how I feel."),
    _neg("He drove off the road into a ditch in the snow but he's fine."),
    _neg("Nothing is worth living for more than our kids."),
    _neg("I can't take living with his snoring anymore."),
    _neg("I can't stand living in this flat anymore."),
    _neg("There's no reason to worry about the test."),
    _neg("I don't see a reason to change banks."),
    _neg("He's going to hurt himself on that trampoline."),
    _neg("I think she'll kill me when she sees the mess."),
    _neg("I'm sure he'll hit the roof when he sees the bill."),
    _neg("I know he'd never hurt me."),
    _neg("I think he'll beat me at chess again."),
    _neg("He's been violent in his language lately, I told him to stop swearing."),
    _neg("My husband is the least violent person I know."),
    _neg("She's so controlling with the remote."),
    _neg("He's controlling when it comes to the thermostat, ha."),
    _neg("My husband is quite controlling about the kids' screen time."),
    _neg("He said he would kill me if I spoiled the ending of the book."),
    _neg("He says he'll kill me if I eat the last slice."),
    _neg("I'm scared my husband will find out about the surprise party."),
    _neg("He follows me to the car to say goodbye every morning."),
    _neg("He turned up at my work with flowers today."),
    _neg("She waits outside my work to give me a lift on Fridays."),
    _neg("He calls me every hour when he's on night shifts because he misses me."),
    _neg("My ex still texts me sometimes."),
    _neg("He took my passport to get it renewed."),
    _neg("He locked the door so I couldn't escape his terrible puns, ha."),
    _neg("I hide in the bathroom when my mother-in-law visits."),
    _neg("He grabbed me a slice of cake."),
    _neg("He held me tight while I cried."),
    _neg("He pushed me on the swing like we were kids."),
    _neg("She dragged me to a spin class."),
    _neg("He pinned me down in a pillow fight and we were both laughing."),
    _neg("My daughter pulled my hair while I was feeding her."),
    _neg("I have a plan for the garden this spring."),
    _neg("I made a plan to spend less on takeaways."),
    _neg("I've got my pills ready for the trip."),
    _neg("I wrote a goodbye note to my old flat on Instagram."),
    _neg("I wish I could disappear under the duvet for a week."),
    _neg("I'm tired of living out of boxes since the move."),
    _neg("I'm exhausted by living with two toddlers."),
    _neg("I'm done with living in London, we're moving to the coast."),
    _neg("I feel like giving up on this relationship sometimes."),
    _neg("Some days I feel like I'm failing at everything."),
    _neg("I feel numb after the funeral."),
    _neg("I've been having nightmares since the accident."),
    _neg("I'm scared of dying before I see my kids grow up."),
    _neg("I think about death a lot since my dad died."),
    _neg("Dad used to say he was ready to die when his time came."),
    _neg("I don't want to go on holiday with his family."),
    _neg("I can't go on another date with him, he's so boring."),
    _neg("I'm at the end of my rope with this printer."),
    _neg("I could just die, this cake is amazing."),
    _neg("im dying to see u"),
    _neg("this essay is killing me lol"),
    _neg("dead tired today"),
    _neg("my phone died again ugh"),
    _neg("hes hitting the gym tonight"),
    _neg("shes scared of spiders lol"),
    _neg("im afraid well be late"),
    _neg(
        "Work was awful again. Came home and he'd cooked dinner, which was lovely. We watched a film and I fell asleep on the sofa."
    ),
    _neg("We argued about money again. Then we sat down with a spreadsheet and it helped."),
    _neg("I'm not okay today, I'm just really sad about grandad, but talking to him helped."),
    _neg(
        "The kids were a nightmare at bedtime and I cried in the car for ten minutes. Tomorrow will be better."
    ),
    _neg("He forgot our anniversary and I felt really hurt and invisible."),
    _neg("I feel like we're just flatmates lately and it scares me."),
    _neg("My mum wanted to die at home, surrounded by family."),
    _neg("The doctor said grandad was ready to die and it was peaceful."),
    _neg("I held my sister's hand while she told me she'd wanted to die when she was a teenager."),
    _neg("We watched a series where a woman takes an overdose in the first episode."),
    _neg("The news said a man jumped off the bridge in town, it was so sad."),
    _neg("My best friend attempted suicide years ago and she's doing so well now."),
    _neg("My cousin self-harmed at school and we talk about it openly now."),
    _neg("I'm reading a novel about a soldier who kills himself after the war."),
    _neg("I went to a suicide awareness walk with my colleagues."),
    _neg("I volunteer for a helpline that supports people who feel suicidal."),
    _neg("He's a paramedic and sees overdoses every week."),
    _neg("The vet said the dog was tired of living and it was time."),
    _neg("My nan's last words were that she was ready to go."),
    _neg("I bought a new razor for my legs."),
    _neg("He bought rope for the climbing trip."),
    _neg("We tied a rope swing to the big oak tree."),
    _neg("I took an extra pill for my headache."),
    _neg("I keep my pills in a weekly organiser now."),
    _neg("I'm taking the train to see my mum this weekend."),
    _neg("I jumped off the wall into the sand like a kid."),
    _neg("We jumped off the rocks into the sea in Cornwall."),
    _neg("I stood at the edge of the cliff for a photo, he was terrified."),
    _neg("I looked down from the balcony and saw the parade go by."),
    _neg("He pushed me out of my comfort zone and I'm grateful."),
    _neg("She pushed me into the pool at the party."),
    _neg("He dragged me out of bed for a sunrise walk."),
    _neg("He held me down and tickled me."),
    _neg("He threw my phone onto the sofa so I'd stop scrolling."),
    _neg("He smashed it on stage last night."),
    _neg("She broke my heart when she left."),
    _neg("I hide my chocolate from him."),
    _neg("I covered up the bruise on my knee from football."),
    _neg("I hid the bruises from my mum when I fell off my bike as a kid."),
    _neg("He walked into a door at work, he's so clumsy."),
    _neg("My husband keeps track of where I am when I'm driving in the snow, it's reassuring."),
    _neg("We share our locations with each other for safety."),
    _neg("He always checks the doors are locked before bed."),
    _neg("He is the least controlling person I know."),
    _neg("I'm controlling about the kitchen, I admit it."),
    _neg("My ex follows me on Spotify which is weird."),
    _neg("He texted me 50 times about the football score, lol."),
    _neg("He threatened to make me watch the whole Star Wars series."),
    _neg("She threatened to kick me out of the group chat."),
    _neg("He said he'd kill me if I told anyone about the proposal."),
    _neg("I'm scared of my dad's temper, it's always been like that."),
    _neg("I'm afraid of my mother-in-law, honestly."),
    _neg("I'm scared to leave the cat alone for the weekend."),
    _neg("I don't feel safe driving in the dark."),
    _neg("I don't feel safe in my neighbourhood since the burglaries."),
    _neg("I'm scared for my son when he starts driving."),
    _neg("He scares me when he drives too fast."),
    _neg("I'm in danger of eating the whole cake."),
    _neg("I'm terrified of what the doctor will say."),
    _neg("I can't see a future where we live in London."),
    _neg("There's no way out of this meeting, it's going on forever."),
    _neg("I want it to be over, this flu is awful."),
    _neg("I wish it would all stop raining."),
    _neg("I just want this week to end."),
    _neg("He says I'm worthless at cooking and he's right, lol."),
    _neg("Nobody would believe me if I said I saw a fox in the garden."),
    _neg("I told him no one else would ever put up with my snoring."),
]


# Sentences written in round 2 that the rules deliberately do not catch: each was
# judged too ambiguous to claim without raising false alarms on ordinary journaling
# ("I picked a date" is as often a wedding as a plan). Not part of TUNING, so not
# held to its 100% recall; listed so the gap is on the record.
KNOWN_MISSES: list[Example] = [
    _sh("I stood on the bridge for an hour last night."),
    _sh("I picked a date."),
    _sh("I don't think I'll still be here at Christmas."),
    _sh("My kids would be better off with a mum who isn't me. I should just go."),
    _pf("I'm scared my husband will find out I'm talking to you."),
    _pf("He's always watching me and I can't breathe."),
    _sh("I've been wanting to be gone for weeks now."),
    _sh("I don't want to live in this body anymore."),
]

# Everything the patterns may be tuned against: every sentence in this file except
# KNOWN_MISSES.
TUNING: list[Example] = (
    _WRITTEN_FOR_TUNING
    + RETIRED_HELD_OUT_V1
    + RETIRED_HELD_OUT_V2
    + _WRITTEN_FOR_TUNING_ROUND_2
    + _CHECKED_WHILE_WIDENING_ROUND_2
)


# --------------------------------------------------------------------------
# The blind held-out set (v3), loaded only when it is measured
# --------------------------------------------------------------------------

HELD_OUT_V3_MODULE = "mendwell.safety.tests.detector_heldout_v3"
_V3_LISTS = {
    "POSITIVE_SELF_HARM": frozenset({SELF_HARM}),
    "POSITIVE_PARTNER_FEAR": frozenset({PARTNER_FEAR}),
    "NEGATIVE": frozenset(),
}


def load_held_out_v3() -> list[Example] | None:
    """The v3 held-out set as ``Example``s, or ``None`` when its module does not exist.

    Written without reading the module. It is expected to hold the lists
    ``POSITIVE_SELF_HARM``, ``POSITIVE_PARTNER_FEAR`` and ``NEGATIVE`` (of
    sentences), possibly gathered as ``HELD_OUT``. Accepted shapes: those three
    lists at module level; ``HELD_OUT`` as a mapping with those keys; or
    ``HELD_OUT`` as a sequence of examples with ``text`` and ``labels``, or of
    ``(text, labels)`` pairs. A sentence in both positive lists gets both
    labels. Anything else raises ``ValueError`` rather than measuring nothing.
    """
    try:
        module = importlib.import_module(HELD_OUT_V3_MODULE)
    except ModuleNotFoundError as error:
        if error.name == HELD_OUT_V3_MODULE:
            return None
        raise
    lists = {name: getattr(module, name) for name in _V3_LISTS if hasattr(module, name)}
    held_out = getattr(module, "HELD_OUT", None)
    if not lists and isinstance(held_out, Mapping):
        lists = {
            name: value
            for key, value in held_out.items()
            for name in _V3_LISTS
            if str(key).upper() == name
        }
    if lists:
        labels_by_text: dict[str, set[str]] = {}
        for name, items in lists.items():
            for item in items:
                text = _text_of(item)
                labels_by_text.setdefault(text, set()).update(_V3_LISTS[name])
        return [Example(text, frozenset(labels)) for text, labels in labels_by_text.items()]
    if held_out is not None and not isinstance(held_out, (str, Mapping)):
        return [Example(_text_of(item), _labels_of(item)) for item in held_out]
    raise ValueError(
        f"{HELD_OUT_V3_MODULE} has none of POSITIVE_SELF_HARM, POSITIVE_PARTNER_FEAR, "
        "NEGATIVE or a usable HELD_OUT"
    )


def _text_of(item: object) -> str:
    if isinstance(item, str):
        return item
    text = getattr(item, "text", None)
    if isinstance(text, str):
        return text
    if isinstance(item, Sequence) and item and isinstance(item[0], str):
        return item[0]
    raise ValueError(f"cannot read a sentence from {item!r}")


def _labels_of(item: object) -> frozenset[str]:
    raw = getattr(item, "labels", None)
    if raw is None and isinstance(item, Sequence) and not isinstance(item, str) and len(item) > 1:
        raw = item[1]
    if raw is None:
        raise ValueError(f"cannot read labels from {item!r}")
    names = {raw} if isinstance(raw, str) else set(raw)
    labels = frozenset(str(name).strip().lower() for name in names if name)
    if not labels <= {SELF_HARM, PARTNER_FEAR}:
        raise ValueError(f"unknown labels {sorted(labels)} in {item!r}")
    return labels
