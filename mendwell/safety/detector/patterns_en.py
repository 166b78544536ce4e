"""English rules: lexicon families combined with who-is-speaking context.

Each rule is one family of ways to say one thing, built from the word lists at
the top of this file rather than from whole sentences:

* self-harm: a death wish, not wanting to live, not waking up, being tired of
  life, ending it, suicide words, hopelessness (including weighing my death
  up: "dying would be a relief", "the only way out"), being a burden ("they'd
  be better off if I wasn't around"), hurting oneself, and means and plans
  (pills, blades, rope, heights, trains, goodbye notes, "a plan"). The engine
  checks each of these is about the writer (``about_me``), so "the character
  wants to die" stays quiet.
* partner fear: a partner (he, she, they, my husband, my ex...) within a few
  words of violence, sexual coercion, threats, control of money or movement,
  monitoring, stalking, confinement or abuse; the writer's own fear of a
  partner (afraid of him, scared to go home, walking on eggshells, hiding
  bruises, "no one would believe me"); and, last, a broad family for any act
  of force aimed at me or my body when the engine finds a partner is the one
  doing it (``by_partner``: "he's broken two of my ribs", not "the toddler
  kicked me").

Everything is written for normalised text: casefolded, straight quotes,
single spaces. Figures of speech that a family would otherwise catch are kept
out by a lookahead on the rule or, when they cut across a whole category, by a
``Figure`` at the bottom.
"""

from __future__ import annotations

from mendwell.safety.detector.engine import PARTNER_FEAR, SELF_HARM, Figure, Pattern

# --------------------------------------------------------------------------
# Shared building blocks
# --------------------------------------------------------------------------

# "don't" and its spellings, used where a negation *is* the risk.
_NOT = (
    r"(?:don't|do not|didn't|no longer|not|never|can't|cannot|won't|wont"
    r"|wouldn't|doesn't)"
)
# Softeners that sit between a subject and its verb ("i just really want to").
_ADV = (
    r"(?:just|really|honestly|simply|sometimes|often|still|kinda|kind of|sort of|literally"
    r"|actually|genuinely|seriously|truly|so|almost|nearly|even|also|always|secretly|quietly"
    r"|desperately|badly|totally|only|truthfully|lowkey|deeply|completely|fully)"
)
_ADVS = rf"(?: {_ADV}){{0,2}}"
# The end of a clause: punctuation, the end of the text, or a word that closes it.
_CLAUSE_END = (
    r"(?= ?(?:$|[.,;:!?)\"]|- )| (?:and|but|so|because|cos|cause|lol|tbh|honestly|anymore"
    r"|any more|any longer|right now|now|tonight|today|already|though|sometimes|again"
    r"|forever|for good|at all|i|x+)\b)"
)
_MORE = r"(?:anymore|any more|any longer|no more)"

# How a journal names a partner.
_PARTNER_NOUN = (
    r"(?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fianc[eé]e?|spouse"
    r"|other half|significant other|man|missus|ex)"
)
_MY_PARTNER = rf"(?:my (?:ex[- ]?)?{_PARTNER_NOUN}|my ex)"
# Family, pets and other people a partner's possessive often introduces ("her dad").
_NOT_PARTNER_AFTER = (
    r"(?:dad|father|mum|mom|mother|parents|family|brother|sister|son|daughter|kids|children"
    r"|dog|cat|pet|friends?|boss|ex|car|driving|cooking|reaction|family's)"
)
# "her" is the partner when it ends the phrase or is followed by a joining word;
# followed by a noun it is a possessive ("afraid of her reaction").
_HER_OBJECT = (
    r"her(?= ?(?:$|[.,;:!?)\"]|- )| (?:when|whenever|if|because|cos|and|but|sometimes|now"
    r"|again|lately|so|too|at|in|after|since|more|most|right|really|though|tbh|honestly"
    r"|already|anymore|these|every|all|to death|as|or|even|recently|like|now|still)\b)"
)
# Gerunds after "afraid of him ..." that make it a worry *about* him, not fear *of* him.
_WORRY_GERUND = (
    r"(?:leaving|going|finding out|losing (?:interest|his job|her job|their job)|cheating"
    r"|falling|moving|being (?:sad|upset|hurt|disappointed|bored|sick|ill|away)"
    r"|getting (?:bored|tired|hurt|sick|ill|fed up)|not (?:loving|liking|wanting|coming)"
    r"|thinking|judging|laughing|seeing|knowing|meeting|dying|missing|forgetting|worrying"
    r"|working|changing|reading|noticing|realising|realizing|hearing)"
)
_PARTNER_OBJ = (
    rf"(?:him(?! {_WORRY_GERUND}\b)|{_HER_OBJECT}(?! {_WORRY_GERUND}\b)"
    rf"|them(?! {_WORRY_GERUND}\b)"
    rf"|{_MY_PARTNER}(?:'s (?!{_NOT_PARTNER_AFTER}\b)[\w']+)?(?!'s)(?! {_WORRY_GERUND}\b))"
)
_PARTNER_BASE = rf"(?:he|she|they|{_MY_PARTNER})"
# "my husband's" is left out: after a noun, 's is usually a possessive ("my
# boyfriend's dog bit me").
_PARTNER_SUBJ = rf"(?:(?:he|she)(?:'s|'d|'ll)?|they(?:'d|'ll|'ve|'re)?|{_MY_PARTNER}(?!'s))"
_PARTNER_PRONOUN = r"(?:he|she|they)"
# People and animals who could be the real subject of a verb ("my boyfriend's dog").
_OTHERS = (
    r"(?:dog|dogs|cat|cats|puppy|kitten|baby|toddler|kid|kids|son|daughter|child|children"
    r"|boy|girl|mum|mom|dad|brother|sister|friend|friends|boss|colleague|neighbour|neighbor"
    r"|horse|parrot|nephew|niece|ball|door)"
)
# Up to three words between a subject and its verb ("he got angry and hit me"),
# never a negation, a determiner or a pronoun (which would start a new subject:
# "he said the dog bit me"), and never a word that starts a new clause.
_FILLER = (
    r"(?: (?!(?:not|never|didn't|doesn't|don't|won't|wouldn't|wouldnt"
    r"|hasn't|hadn't|isn't|wasn't|can't|cannot|couldn't|couldnt"
    r"|that|which|what|who|it|this|when|if|because|but|the|a|an|my|your|our|their|his|her"
    r"|i|i'm|you|we|me|him|them|us|he|she|they|said|says|told|tells|saw|watched|like"
    rf"|to|{_OTHERS})\b)[\w']+){{0,3}}"
)
# Up to six words, for acts that follow a partner's outburst ("she screams at me and
# throws things"): still no negation, no reporting verb and no other person.
_WIDE_FILLER = (
    r"(?: (?!(?:not|never|didn't|doesn't|don't|won't|wouldn't|wouldnt"
    r"|hasn't|hadn't|isn't|wasn't|that|which|who|when|if|because|but"
    rf"|i|you|we|said|says|told|tells|saw|watched|thinks|thought|{_OTHERS})\b)[\w']+){{0,6}}"
)
_WORD_NOT_NEG = r"(?: (?!(?:never|not|no)\b)[\w']+)"
# "He'll kill me if I eat his chips": the idiom, known by its trivial trigger.
_KILL_IDIOM = (
    r"(?! if i (?:\w+ )?(?:ate|eat|eats|forget|forgot|spoil\w*|was late|am late|'m late"
    r"|scratch\w*|dent\w*|lose|lost|spend|spent|miss|missed|touch\w*|mess\w* up|crash\w*"
    r"|open\w*|watch\w*|finish\w*|wake\w*|laugh\w*|sing\w*|drink\w*|(?:tell|told)"
    r" (?:\w+ )?about the (?:surprise|party|present|gift|ending|proposal|plan|wedding|baby"
    r"|news|spoiler|engagement))\b"
    r"| when (?:he|she|they) (?:sees?|gets? (?:the|home|back)|hears?|tastes?|finds out"
    r" (?:about|what) the (?:price|cost|bill))\b)"
)
# "No one would believe me": a partner's hold over me, when a partner is in the sentence.
_NOBODY_BELIEVES = (
    r"(?:no one|nobody|noone)(?: \w+)? (?:would|will|'d|'ll|is going to|is gonna|could)"
    r"(?: ever)? believe (?:me|a \w+(?: \w+)? like me|my word|anything i say|my side|my story)\b"
)
_FEAR = r"(?:afraid|scared|frightened|terrified|petrified|fearful)"
_ME_SELF = r"(?:my ?self|meself)"
_WILL = (
    r"(?:'ll|'d| will| would| might| may| could| is going to|'s going to| was going to"
    r"| are going to| were going to| is gonna|'s gonna| was gonna| are gonna|'re going to"
    r"|'re gonna|ll)"
)
# Who a threat or a harm is aimed at.
_HARM_TARGET = (
    r"(?:me|us|the (?:kids|children|baby|dog|cat|puppy|pets?|family)|my (?:kids|children"
    r"|baby|son|daughter|dog|cat|family|mum|mom|dad|parents|sister|brother|friends?"
    r"|new partner)|our (?:kids|children|baby|son|daughter|dog|cat)|them|him|her"
    r"|himself|herself|themselves|anyone i)"
)
_HARM_VERB = (
    r"(?:kill|hurt|harm|beat|hit|stab|shoot|strangle|choke|burn|drown|poison|murder"
    r"|smash|break|destroy|ruin|get rid of|batter|attack)"
)
_CHILDREN = r"(?:the|my|our) (?:kids|children|baby|son|daughter|boys|girls|kid|little one)"
# Verbs of physical violence done *to me*. "hurt" is here because a journal's
# "he hurt me" is too often physical to wave through (see its exclusions).
_VIOLENCE = (
    r"(?:hit(?! me up\b)|hits(?! me up\b)|hitting"
    r"|hurt|hurts|hurting"
    r"|choked(?! me up\b)|chokes(?! me up\b)|choke(?! me up\b)|choking"
    r"|strangled|strangles|strangle|strangling|throttled|throttles|throttle"
    r"|punched|punches|punch|punching|kicked|kicks|kick|kicking|kneed|headbutted"
    r"|slapped|slaps|slap|slapping|smacked|smacks|smack|elbowed"
    r"|beat|beats|beaten|beating|battered|batters"
    r"|shoved|shoves|shove|shoving|bit|bites|burned|burnt|burns|scratched|scratches"
    r"|stabbed|stabs|raped|rapes|assaulted|assaults|attacked|attacks|smothered)"
)
# The same without "hurt": addressed to a partner, "you hurt me" is nearly always
# about feelings ("you hurt me when you forgot"), so only the physical verbs count.
_VIOLENCE_TO_YOU = _VIOLENCE.replace("|hurt|hurts|hurting", "")
# What follows "... hit me" or "... hurt me" when it is not violence.
_NOT_VIOLENCE_AFTER = (
    r"(?: (?:up|at|in (?:a|the) (?:game|match|race|argument|quiz)|to it|to the|by \d|fair"
    r"|hands down|easily|every time at|playfully|jokingly|lightly|gently|as a joke|for fun"
    r"|by accident|accidentally|in (?:his|her|their|my) sleep|on the (?:back|shoulder)"
    r"|a high five|out\b(?! of (?:the|our|my) (?:house|home|flat|bed))|off the|verbally"
    r"|with (?:a |an |the |this |that |his |her |their )?(?:\w+ )?(?:bill|fine|charge|fee"
    r"|question|questions|news|surprise|idea|joke|request|deadline|invoice|ticket|quote|fact"
    r"|truth|line|compliment|offer|pillow|cushion|snowball|balloon|nerf|towel)"
    r"|when (?:he|she|they) (?:said|says|forgot|forgets|didn't|doesn't|told|tells|left"
    r"|ignored|ignores|cancelled|laughed|chose|called|cheated|lied|made)|by (?:saying|forgetting"
    r"|not|ignoring|leaving|lying|cheating|cancelling|choosing)|with (?:what|his words"
    r"|her words|their words|that comment|his comment|her comment|those words)|so much when"
    r"|emotionally|more than|deeply|feelings)\b)"
)
_BODY = (
    r"(?:arm|arms|nose|ribs?|wrists?|jaw|fingers?|lip|lips|tooth|teeth|cheekbone|eye socket"
    r"|legs?|collarbone|skull|hand|eye|eyes|face|head|foot|feet|toes?|hips?|ankles?|knees?"
    r"|shins?|thighs?|spine|back|neck|throat|chest|stomach|breasts?|ears?|cheek|mouth)"
)
# Any act of force, in any tense, for the broad "harm to me" family below.
_HARM_ACT = (
    r"(?:hit|hits|hitting|punch(?:ed|es|ing)?|slap(?:ped|s|ping)?|kick(?:ed|s|ing)?"
    r"|shov(?:e|ed|es|ing)|chok(?:e|ed|es|ing)|strangl(?:e|ed|es|ing)|throttl(?:e|ed|es|ing)"
    r"|beat|beats|beaten|beating|batter(?:ed|s|ing)?|smack(?:ed|s|ing)?|headbutt(?:ed|s)?"
    r"|kneed|elbowed|bit|bites|biting|burn(?:ed|t|s)|stab(?:bed|s|bing)?|rap(?:e|ed|es|ing)"
    r"|assault(?:ed|s|ing)?|attack(?:ed|s|ing)?|broke|broken|breaks|fractured|cracked"
    r"|bruised|dragged|drags|dragging|pinned|pins|threw|throws|thrown|hurled|hurls|spat"
    r"|spits|scratched|scratches|squeezed|squeezes|smothered|suffocated|forced|grabbed|grabs"
    r"|twisted|twists|yanked|yanks|shook|shakes|shaking|trapped|traps|tied|restrained"
    r"|threatened|threatens|threatening|terrori[sz]es|terrori[sz]ed|intimidates|intimidated"
    r"|humiliates|humiliated|stalks|stalked|stalking|harasses|harassed|harassing|punishes"
    r"|punished|imprisons|imprisoned|injured|injures|abuses|abused|abusing|molested|groped"
    r"|violated|stamped on|stamps on|sat on|knelt on|kneeled on)"
)
_MY_THINGS = (
    r"(?:phone|laptop|things|stuff|belongings|clothes|glasses|passport|sim card|tablet|ipad"
    r"|computer|car|guitar|photos|keys|documents)"
)

# --------------------------------------------------------------------------
# Self-harm lexicons
# --------------------------------------------------------------------------

# How an everyday injury is explained: "cut myself shaving", "hurt myself at the gym".
_ACCIDENT = (
    r" (?:a|an|some|another|the|at|on|badly at|during|doing|by accident|accidentally|playing"
    r"|moving|lifting|shaving|cooking|chopping|gardening|running|climbing|cycling|skiing"
    r"|in (?:the|a|an|my|our)|while (?:i was |i'm )?(?:\w+ing)|when i (?:fell|tripped"
    r"|slipped|dropped|was (?:\w+ing)|caught))\b"
)
_DESIRE = (
    r"(?:want|wanted|wanting|wanna|wish|wished|wishing|hope|hoped|hoping|pray|prayed|praying"
    r"|ready|deserve|deserved|long|longing|need|give anything|give everything)"
)
# What follows "die" when it is not a death wish ("die for a coffee", "die my hair" for
# dye). Dying *of* embarrassment or laughing is a Figure (below): it cuts across rules.
_DIE_FIGURE = (
    r"(?! (?:on (?:this|that) hill"
    r"|for (?:a|an|some|that|this|one|the)|(?:my|your|his|her|our|the|it|them) (?:hair|roots"
    r"|beard|clothes|shirt|jeans|dress|fabric|wool|eyebrows)|happy|old)\b)"
)
# After "be here" / "be around": the rest of a plan, not leaving life.
_HERE_NOT = (
    r"(?! (?:when|for|at|on|in|during|tonight|tomorrow|today|while|if|with|until|till|this"
    r"|next|all|without|alone|by|after|before|because|so|to|the|right now)\b)"
)
# Disappearing for good, not for a weekend.
_DISAPPEAR = (
    r"(?:disappear|vanish)(?= ?(?:$|[.,;:!?)])| (?:forever|for good|permanently|completely"
    r"|from (?:this|the) world|from existence|off the face of the earth|and never come back"
    r"|and not come back|and never be found)\b)"
)
_DEATH = (
    rf"(?:die{_DIE_FIGURE}|be dead(?! (?:tired|serious|beat|on my feet|to the world))"
    r"|be gone(?! (?:for|on|by|before|when|until|till|from|all|to|in|a|an|the)\b)"
    rf"|(?:not|never) (?:exist|be alive|be here{_HERE_NOT}|be around|live|wake up|have been born)"
    r"|stop (?:existing|living|breathing|being alive|waking up)|cease to exist|not be"
    rf" (?:here|around|alive) {_MORE}"
    rf"|{_DISAPPEAR}"
    r"|(?:go to |fall )?sleep (?:forever|(?:and|&) (?:never|not) wake up)|never wake up"
    r"|be with (?:my )?(?:late|dead) \w+|join (?:my )?(?:late|dead) \w+"
    r"|(?:not|never) to (?:wake up|exist|be alive|be here (?:anymore|any more)|have been born)"
    r"|leave (?:this|the) (?:world|earth|life)|leave it all behind for good"
    r"|(?:not|never) (?:see|make it to|live to see) (?:the morning|tomorrow|another day"
    r"|another birthday|christmas|next year)"
    r"|my heart (?:would |will |to |just |to just )*(?:stops?|stopping|gives? out|giving out))"
)
# Ways of naming my own death, used where a sentence weighs it up ("dying would be a
# relief", "death feels like the only way out").
_MY_DEATH = (
    r"(?:dying|death|being dead|not being here|not being alive|not existing|not waking up"
    r"|ending it|ending it all|ending things|ending my life|killing myself|suicide"
    r"|disappearing for good|being gone|taking my own life|going to sleep forever)"
)
# Not someone else's death ("grandad's death was a relief", "his dying").
_NOT_THEIRS = r"(?<!'s )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bthe )(?<!\bits )(?<!\ba )"
_LIFE_WORDS = (
    r"(?:being alive|living|life|existing|existence|being here|waking up|breathing"
    r"|staying alive|trying to stay alive|this life|my life|fighting to (?:stay alive|live"
    r"|keep going)|fighting for my life|trying to (?:keep going|live))"
)
_PILLS = (
    r"(?:pills|tablets|meds|medication|medicine|painkillers|pain killers|paracetamol"
    r"|sleeping pills|insulin|antidepressants|ibuprofen|aspirin|codeine|tramadol)"
)
_HIGH_PLACE = (
    r"(?:bridge|roof|rooftop|building|cliff|balcony|window|car park|multi-storey|tower"
    r"|ledge|overpass|flyover|motorway bridge|top floor|block of flats|viaduct)"
)
_VEHICLE = r"(?:train|bus|lorry|truck|car|traffic|tube|tram|oncoming traffic|oncoming car)"

PATTERNS: list[Pattern] = [
    # ------------------------------------------------------------ self-harm
    Pattern(
        "sh_want_die",
        SELF_HARM,
        rf"\b(?:{_DESIRE}(?: to)?{_ADVS} {_DEATH}"
        rf"|(?:'d|would|i'd) rather(?: just)? (?:die|be dead|not exist|not be alive"
        rf"|not wake up|be gone|not be here(?: {_MORE}| at all)?(?= ?(?:$|[.!?,;])))"
        r"(?! than\b(?! (?:keep|go on|carry on|feel|live|wake up|face|spend another|continue"
        r"|be here|be alive|exist)\b))"
        r"|(?:want|need|wish|pray for) (?:the pain|it|this|everything|it all|all of this) to"
        r" (?:end|stop|go away) (?:permanently|forever|for good|for ever)\b"
        r"|(?:end|stop) (?:the|my|this) pain (?:for good|forever|permanently|for ever)\b"
        r"|(?:wish|hope|pray)(?:ed|ing)? (?:that )?(?:a|the|some) (?:car|bus|lorry|truck|train"
        r"|plane|van) (?:would|will|could|might)(?: just)? (?:hit|kill|run over|crash into)"
        r" me\b"
        r"|(?:wish|hope|pray)(?:ed|ing)? (?:that )?i(?:'d| would| could)? (?:get|got) (?:hit"
        r"|run over|killed)\b"
        r"|(?:fall asleep|go to sleep|sleep) and (?:stay asleep|not come back|never come back)\b"
        r"|stay asleep (?:forever|for good|for ever)\b"
        r"|(?:go|fade to|turn) black (?:and stay|forever|for good)\b"
        r"|\blife\b[^.!?]{0,40}\b(?:want|need) out of it\b"
        r"|(?:want|wanted|wish|need) (?:it all|everything|all of (?:it|this)|my life|this life"
        r"|life) to (?:end|stop|be over)(?= ?(?:$|[.,;:!?])| (?:now|forever|for good|already"
        r"|and|i|so)\b)"
        r"|(?:can't|cannot) (?:do|take|cope with|handle) (?:this|it)(?: \w+)? (?:anymore|any more"
        r"|any longer)[^.!?]{0,40}\b(?:want|need) (?:it|everything) (?:all )?to (?:be over|end"
        r"|stop)"
        rf"|(?:want|wanted|need|needed)(?: {_ADV})? out(?:{_CLAUSE_END}| of (?:life|this life"
        r"|this world|existence|everything|it all))"
        r"|(?:hope|hoping|hoped) i (?:die|don't make it|never make it)\b"
        rf"|(?:should|might as well|may as well)(?: just)? {_DEATH}"
        r"|wish (?:it|this|everything) (?:would|could)(?: all| just){0,2} (?:end|stop|be over)"
        r"(?= ?(?:$|[.,;:!?])| (?:now|forever|for good|already|and|so)\b))",
        "Wanting, wishing or hoping to die, be dead, not exist, disappear for good or want out.",
        about_me=True,
    ),
    Pattern(
        "sh_wish_never",
        SELF_HARM,
        r"\bwish(?:ed|ing|es)? (?:that )?i(?: was| were|'d be| would be| could be)(?: just)?"
        r" (?:dead|gone|never born|not alive|not here (?:anymore|any more))\b"
        r"|\bwish(?:ed|ing|es)? (?:that )?i(?:'d| had)(?: just)? (?:died|never been born"
        r"|not been born|never woken up|not woken up|been dead|been gone)\b"
        r"|\bwish(?:ed|ing|es)? (?:that )?i (?:hadn't|had not|didn't|did not|never)(?: just)?"
        r" (?:been born|woken up|wake up|woke up|exist|existed)\b"
        r"|\bwish(?:ed|ing|es)? (?:that )?i (?:wasn't|weren't|was not|were not) (?:alive|born"
        r"|here (?:anymore|any more|at all)|around (?:anymore|any more))\b"
        r"|\bwake up and (?:wish|hope|pray) i (?:hadn't|had not|didn't|did not)\b"
        rf"|\bwish(?:ed|ing|es)? (?:that )?i(?: could| would|'d)(?: just)? (?:{_DEATH}"
        r"|fall asleep forever)",
        "Wishing I were dead, never born, hadn't woken up, or could just disappear.",
        about_me=True,
    ),
    Pattern(
        "sh_not_want_live",
        SELF_HARM,
        rf"\b{_NOT}(?: \w+){{0,2}} (?:want|wanna|wish|feel like)(?: to)?{_ADVS}"
        r" (?:live|exist|keep living|go on living|keep existing|stay alive|be alive"
        r"|do (?:this )?life|do this life thing"
        rf"|be here{_HERE_NOT}|be around (?:{_MORE}|much longer)|be in this world"
        r"|be alive (?:much|any) longer|be on (?:this )?earth|be here on (?:this )?earth"
        r"|live through another (?:year|day|week|month|winter|christmas|birthday)"
        rf"|go on{_CLAUSE_END}|carry on{_CLAUSE_END}|keep going{_CLAUSE_END})"
        r"\b(?! (?:in|at|with|near|there|here|like that|on|together|apart|abroad|somewhere"
        r"|anywhere|next|by|far|close|alone|so|under|above|beside|opposite|the|a|an|this"
        r"|that|off|out|through|without (?:him|her|them|you|a|the|my|our))\b)"
        r"|\b(?:don't|do not|didn't|wouldn't|couldn't) care (?:if|whether) i live or die\b"
        r"|\b(?:shouldn't|should not) (?:be alive|exist|have been born|be here (?:anymore"
        r"|any more))\b"
        r"|\b(?:don't deserve to|do not deserve to|doesn't deserve to|never deserved to)"
        r" (?:be alive|live|exist|have been born|be here|be on this earth)\b"
        r"(?! (?:in|with|like|there|on|for|at)\b)"
        r"|\bwhy (?:am i|i'm) (?:even |still )?alive\b"
        r"|\bwhy (?:do|should) i (?:even )?(?:bother living|keep living|exist|stay alive"
        r"|bother staying alive|keep going|go on|carry on|bother)(?= ?(?:$|[.!?,;])| (?:when|if"
        r"|anymore|at all)\b)"
        r"|\bif (?:something|anything) (?:bad )?(?:happened|happens|were to happen) to me,?"
        r" i (?:wouldn't|would not|won't|don't|do not) (?:mind|care)\b"
        r"|\b(?:wouldn't|would not|don't|do not) (?:mind|care) if (?:something|anything)"
        r" (?:bad )?(?:happened|happens) to me\b"
        r"|\b(?:wouldn't|would not|don't|do not) (?:mind|care) if i (?:died|didn't wake up"
        r"|did not wake up|never woke up|was dead|were dead|got hit by (?:a|the) \w+"
        r"|disappeared|wasn't here|weren't here|just didn't wake up)\b",
        "Not wanting to live, be alive or exist; not caring whether I live or die.",
        about_me=True,
    ),
    Pattern(
        "sh_no_wake",
        SELF_HARM,
        r"\b(?:hope|hopes|hoping|pray|praying) (?:that )?i (?:don't|do not|never|won't"
        r"|will not|wouldn't) wake up\b"
        rf"|\b{_NOT}(?: \w+)? (?:want|wanna|wish)(?: to)? wake up\b"
        r"(?! (?:early|at|before|for|on|so|when|in|to|till|until|with|next|beside|alone|this"
        r"|the|and)\b)"
        r"|\b(?:hope|hopes|hoping|pray|prays|praying|wish|wishing)(?: that)? i (?:won't|don't"
        r"|never|do not|will not) (?:see|make it to|live to see) (?:the morning|tomorrow"
        r"|another day|another birthday)\b"
        r"|\b(?:sleep|go to sleep|fall asleep|close my eyes)(?: and| &)(?: just| simply)?"
        r" (?:never|not) wake up\b"
        r"|\bnever wake up again\b"
        r"|\b(?:disappointed|gutted|angry|sad|upset) (?:to|that|when|i) (?:i )?(?:wake|woke"
        r"|still woke|have woken|'ve woken|keep waking) up\b",
        "Not wanting to wake up, or being disappointed to have woken up.",
        about_me=True,
    ),
    Pattern(
        "sh_tired_of_life",
        SELF_HARM,
        r"\b(?:tired|sick|sick and tired|exhausted|weary|fed up|done|finished|over)"
        rf" (?:of|with|from|by) {_LIFE_WORDS}\b(?! (?:in|with|out|like|on|off|at|under|near"
        r"|together|apart|abroad|admin|insurance|coach|hacks?|story|style|choices|getting in"
        r"|in the way|getting busy|being busy|being so busy|on the road|out of)\b)"
        r"|\blife (?:is|isn't|is not|feels|seems|has become|just isn't|really isn't)"
        r" (?:not )?(?:worth (?:living|it anymore|it any more|nothing|anything)|pointless"
        r"|meaningless|unbearable|too hard to live)\b"
        r"|\bnot worth (?:living|being alive|saving|keeping alive)\b"
        r"|\bhate (?:being alive|existing|waking up every|living\b(?! (?:in|with|here|so|near"
        r"|far|at|on|out|next)\b))"
        r"|\b(?:give|gave|given|giving) up on (?:life|living|myself|being alive|everything)\b",
        "Tired of being alive, done with life, life isn't worth living, giving up on life.",
        about_me=True,
    ),
    Pattern(
        "sh_end_life",
        SELF_HARM,
        r"\b(?:end|ends|ending|ended|take|takes|taking|took)(?: of)? my(?: own)? life\b"
        r"|\b(?:end|ending|ended)(?: it| things| everything)? all\b"
        r"(?! (?:day|night|week|the|of|in|at|on|right|well|together)\b)"
        r"|\b(?:end|ending|ended) (?:it|everything|things) (?:tonight|for real|for good"
        r"|permanently|forever)\b(?! (?:with|between)\b)"
        r"|\b(?:tried|try|trying|attempted|attempt) to end (?:it|things|everything)\b"
        r"(?! (?:with|between|off|there|early|before)\b)"
        r"|\b(?:end|ending|ended) myself\b"
        r"|\b(?:right|perfect|best) (?:moment|time|day|night|chance) to end (?:it|things|everything"
        r"|it all|my life)\b(?! (?:with|between)\b)"
        r"|\b(?:the night|the day|tonight|today|this weekend)(?: is| feels like| will be)?(?: the"
        r" (?:night|day|weekend))? i (?:end it|do it|kill myself|end my life|finally do it"
        r"|end things)\b(?! (?:with|between)\b)"
        r"|\b(?:should|could|might|gonna|going to|ready to|want to|wanna|need to)(?: just)?"
        r" end (?:it|everything)\b(?! (?:with|between|off|there|early|before"
        r"|and (?:move|leave|start|find)"
        r"|now and|here and|properly|for us|for them|nicely|kindly|face to face|in person)\b)",
        "Ending or taking my own life, ending it all, trying to end it.",
        about_me=True,
    ),
    Pattern(
        "sh_suicide",
        SELF_HARM,
        rf"\b(?:kill|kills|killing|killed|off|offing|top|topping|unalive|unaliving) ?{_ME_SELF}\b"
        r"|\bdo myself in\b|\bunalive (?:me|myself)\b"
        r"|(?<![\d.,])(?<!\d )\bkms\b"
        r"(?! (?:away|from|to|of|per|an hour|a day|long|north|south|east|west|out|each|by"
        r"|on foot|walk|run|ride|drive)\b)"
        r"|\bsuicid(?:e|al)\b(?! (?:prevention|awareness|rates?|statistics|helpline|hotline"
        r"|charity|bomber|bombing|watch|loss|bereavement|survivors?|support|research|risk"
        r"|study|studies|memorial|statistics)\b)",
        "Suicide in the first person: 'I feel suicidal', 'kill myself', 'kms', 'unalive'.",
        about_me=True,
    ),
    Pattern(
        "sh_hopeless",
        SELF_HARM,
        r"\b(?:no|what's the|what is the|(?:don't|do not|can't|cannot|couldn't|stopped|stop)"
        r" see(?:ing)? (?:a|any|the)|see no|lost (?:the|any)) (?:reason|point|purpose|will)"
        r" (?:in |to |of |for )?(?:live"
        r"|living|life"
        r"|being alive|go on|going on|carry on|carrying on|keep going|keeping going|anything"
        r"|it all|any of it|being here|existing|waking up|stay|staying alive|me|trying"
        r" (?:anymore|any more))\b"
        r"(?! (?:here|there|in|with|the|a|an|this|that|holiday|holidays|trips?|dates?|about"
        r"|on|at|together|like)\b)"
        r"|\bnothing (?:left )?to live for\b"
        r"|\breasons? to die\b"
        r"|\b(?:there's|there is|i have|i've got|i see) no future (?:for me|left|anymore)\b"
        r"|\bpretending (?:i want to be|to want to be) (?:here|alive)\b"
        r"|\b(?:not|n't) (?:planning|intending|going|expecting) to be (?:here|around|alive)"
        r" (?:much|very|for much|for very) longer\b"
        r"|\b(?:said|saying|say) my goodbyes\b(?=[^.!?]{0,30}\b(?:ready|done|go|gone|it's time)\b)"
        r"|\b(?:courage|guts|nerve|strength|bottle) to (?:end it|end it all|do it|kill myself"
        r"|go through with it|jump|end my life|take my own life)\b(?! (?:and|but) (?:quit"
        r"|leave|tell|ask))"
        r"|\b(?:don't|do not|not sure|no idea) (?:know )?how (?:much |many more )?(?:longer|days)"
        r" i (?:can|could|'ll be able to) (?:keep going|go on|carry on|hold on|survive|last"
        r"|stay alive|keep living|keep fighting)\b"
        r"|\b(?:so |very |this |really )?close to (?:ending it|ending it all|ending my life"
        r"|killing myself|doing it|giving up on life|taking my own life|the edge)(?= ?(?:$|[.!?,;])"
        r"| (?:tonight|now|again|lately|and)\b)"
        rf"|\b{_NOT_THEIRS}{_MY_DEATH} (?:would|will|could|might|'d) (?:honestly |just |really |so"
        r" |probably |actually )*be (?:a |such a |the |so much )?(?:relief|release|blessing|mercy"
        r"|easier|better|best|peace|peaceful|kind|kinder|answer|solution|escape|gift|freedom)\b"
        rf"|\b{_NOT_THEIRS}{_MY_DEATH} (?:is|feels like|seems like|feels|seems|looks like)"
        r" (?:the|my) only (?:way|option|answer|solution|escape|way out|choice|thing left)\b"
        r"|\b(?:not|no longer|isn't|am not|'m not) (?:scared|afraid|frightened) of (?:dying"
        r"|death|being dead)(?: \w+)? (?:anymore|any more)\b"
        r"|\b(?:scared|afraid|terrified|frightened|sick) of (?:living|being alive|existing)"
        r"(?= ?(?:$|[.!?;,])| (?:anymore|any more|now|and)\b)"
        r"|\b(?:existing|being alive|living|staying alive) (?:hurts|is agony|is torture|is too"
        r" painful|is too hard|is unbearable|feels unbearable|is exhausting|is pointless)\b"
        r"|\b(?:don't|do not|can't|cannot|never) see myself (?:living|being alive|being here"
        r"|making it|getting|lasting|still being around) (?:past|beyond|to|until|till|much past)"
        r" (?:\d+|twenty|thirty|forty|fifty|sixty|next year|christmas|my birthday|the summer"
        r"|the end of the year|new year)\b"
        r"|\b(?:plan|planning|planned|plot|plotting) my (?:exit|way out|death|funeral|suicide"
        r"|last day|final day|final goodbye)\b(?! (?:from|at|with)\b)"
        r"|\b(?:decided|decision|made up my mind)[^.!?]{0,30}\b(?:not going to|won't|will not)"
        r" be (?:around|here|alive)\b"
        r"|\b(?:won't|will not|am not going to|'m not going to) be alive (?:for|at|by|to see)\b"
        r"|\b(?:no|zero|not enough|not much) (?:energy|strength|will|fight|desire) (?:left )?to"
        r" (?:keep living|live|go on|carry on|stay alive|keep fighting|fight (?:anymore|any more"
        r"|on))\b"
        r"|\b(?:only|one) thing (?:stopping|keeping|holding) me(?: back| here| alive| going)?"
        r"(?= ?(?:$|[.!?;,])| (?:is|are|was|were|from (?:doing it|ending it|killing myself"
        r"|going through with it)|alive|here)\b)"
        r"|\b(?:nothing|no one|nobody|nothing left) (?:feels |seems |is |left )?worth living"
        r" for\b(?! (?:more|than|like|except|but)\b)"
        r"|\b(?:do|doing) something (?:stupid|drastic|silly|terrible|permanent|i can't take"
        r" back)(?= ?(?:$|[.!?;,])| (?:tonight|to myself|soon|again)\b)"
        r"|\b(?:can't|cannot|couldn't) (?:go on|carry on|keep) living\b"
        r"|\b(?:don't|do not) (?:think|know if|know how|know whether) i (?:can|could"
        r"|will be able to|'ll be able to) (?:go on|carry on|keep going|keep living|survive"
        r" (?:this|much longer)|last much longer|stay alive)\b"
        rf"|\b(?:can't|cannot) (?:go on|carry on|keep going) (?:{_MORE})\b"
        r"|\b(?:can't|cannot) go on(?= ?(?:$|[.!?]))"
        r"|\b(?:can't|cannot|couldn't) (?:do|face|handle|cope with|bear|take|stand)"
        r" (?:life|living"
        r"|being alive|existing|another day|waking up|anything|any of it)"
        rf" (?:{_MORE})\b"
        r"|\b(?:can't|cannot) do (?:life|living|being alive|existing)(?= ?(?:$|[.!?,;]))"
        r"|\b(?:can't|cannot|can't bear to|don't think i can|don't know how to) face (?:tomorrow"
        r"|another day|another morning|the future|waking up|living|life)(?= ?(?:$|[.!?,;])"
        r"| (?:or|anymore|any more|again|alone)\b)"
        r"|\b(?:can't|cannot|don't|do not) see (?:a|any) (?:future|way out)"
        r" (?:for (?:me|myself)|at all)\b|\b(?:see|there's|there is) no way out"
        r"(?= ?(?:$|[.!?;,])| (?:for me|of (?:this|my) (?:life|pain|hell|darkness|misery))\b)"
        r"|\b(?:way out|escape|option|answer|solution|choice)[^.!?]{0,30}?\b(?:except|other than"
        r"|apart from|but|is|left is) (?:dying|death|to die|suicide|killing myself|ending it"
        r"|ending my life|ending it all)\b"
        r"|\b(?:can't|cannot) see myself (?:being |still )?(?:here|alive|around|living)"
        r" (?:much longer|for much longer|next (?:year|month|week)|in a (?:year|month))\b"
        r"|\b(?:won't|will not|am not going to|'m not going to) be (?:around|here)"
        r" (?:for )?(?:much|very) longer\b",
        "Hopelessness: no point in living, nothing to live for, can't go on, no way out.",
        about_me=True,
    ),
    Pattern(
        "sh_burden",
        SELF_HARM,
        r"\b(?:i'm|i am|i feel like|i feel|i've become|i'm just|i'm only|being)"
        r"(?: (?:such|nothing but|only|just|an? (?:huge|massive|total|big)|so much of|such a"
        r"|nothing but a|only a|just a)(?: a)? burden\b(?! (?:of proof|sharing))"
        r"| a burden(?= ?(?:$|[.!?;,])| (?:to|on|for) (?!the budget\b)))"
        r"|\bbetter off dead\b"
        r"|\b(?:the world|nobody|no one|noone|everyone|anyone)(?: really| even)? (?:doesn't"
        r"|does not|wouldn't|won't|don't) (?:need|want|miss) me(?= ?(?:$|[.!?,;])| (?:anymore"
        r"|any more|here|around|and|alive)\b)"
        r"|\b(?:i'm|i am|i feel like|i've become|i'm just|being) (?:a |such a |just a )?(?:weight"
        r"|millstone|drain|dead weight|waste of space|waste of oxygen|waste of air) (?:around|round"
        r"|on|to) (?:everyone|everybody|my family|them|their|his|her|the family|all of them"
        r"|people)\b"
        r"|\b(?:everyone|everybody|they|he|she|no one|nobody|people|my (?:family|kids|children"
        r"|husband|wife|partner|friends|parents)|the kids)(?:'d| would| will|'ll)(?: \w+){1,4}"
        r" (?:if|when|once) i (?:died|was dead|were dead|was gone|were gone|wasn't here|weren't"
        r" here|killed myself|disappeared|ended it)\b"
        r"|\b(?:making|make|made) (?:things|everything|it|life|everyone's life) (?:worse|harder)"
        r" (?:for (?:everyone|everybody|them|him|her|my family|the kids) )?(?:just )?by (?:being"
        r" here|existing|being alive|being around)\b"
        r"|\b(?:would|'d|will|'ll) (?:all )?(?:be|get|feel) (?:so |much |a lot |far )?\w+"
        r" (?:for \w+ )?(?:if|when|once) i (?:just )?(?:wasn't|weren't|was not|were not|was gone"
        r"|were gone|didn't exist|died|was dead|were dead|disappeared|left for good)(?: here"
        r"| around| alive| in the picture| in the way)?\b"
        r"|\b(?:i'd|i would|i'll|i will) (?:have been|be|already be) (?:gone|dead) (?:by now"
        r"|already|long ago|years ago|soon)\b"
        r"|\b(?:i'd|i would|i) (?:not be|wouldn't be|would not be|won't be) (?:here|alive|around)"
        r" (?:now|by now|anymore|any more|today)\b"
        r"|\b(?:better off|be happier|rather be|want to be|wish i was|wish i were)"
        r" (?:at the bottom of|in|under|six feet under|in the bottom of) (?:the |a )?(?:river|sea"
        r"|lake|canal|ocean|ground|grave|earth|dirt|water)\b"
        r"|\bif i (?:wasn't|weren't|was not|were not|wasnt) (?:here|around|alive|in the picture"
        r"|in the way)(?: anymore| any more)?,? (?:\w+ ){0,3}(?:could|would|'d|might|can)"
        r" (?:finally |just )?(?:be|start|have|move|live|get|find|meet|do)\b"
        r"|\b(?:no one|nobody|noone) (?:would|will|'d|'ll)(?: even| really| actually| ever)?"
        r" (?:miss|notice|care about) me\b(?! (?:at|while|when i'm (?:on|away)|if i (?:left"
        r"|skipped|didn't go|don't go)|for a (?:day|week|bit))\b)"
        r"|\b(?:better|happier) off without me\b"
        r"|\b(?:better|happier|nicer|kinder) place without me\b"
        r"|\b(?:better|happier|easier|fine|ok|okay|alright) (?:without me|with me gone)"
        r"(?! (?:for|at|on|in(?! it\b)|there|tonight|tomorrow|this|next|doing)\b)"
        r"|\bbetter off (?:not existing|not being here|not alive|gone|not around)\b"
        r"|\b(?:doing|do|did) (?:everyone|everybody|them|him|her|the world|my family|you all)"
        r" a favou?r (?:if i (?:just )?(?:died|disappeared|was gone|were gone|wasn't here"
        r"|killed myself|ended it|wasn't around)|by (?:dying|disappearing|killing myself"
        r"|ending it|not being here))\b"
        r"|\b(?:better|happier|easier|relieved|glad|lighter|freer) (?:off )?(?:for (?:everyone"
        r"|everybody|them|him|her|my family|the kids|you all|all of them) )?(?:if|when)"
        r" i(?: just)?(?:'m| am| was| were|'d| had)?(?: just)?"
        r" ?(?:wasn't|weren't|not|gone|dead|died|disappeared|never|didn't exist|was gone"
        r"|were gone|wasn't here|wasn't around|weren't around)\b"
        r"|\b(?:notice|care|miss me|mind|matter)\b[^.!?\n]{0,25}?\bif i (?:just )?(?:was|were"
        r"|'m|am) (?:gone|dead|not here|not around)\b"
        r"|\bif i (?:just )?(?:disappeared|died|was gone|were gone|wasn't here|weren't here"
        r"|vanished|killed myself)\b[^.!?]{0,40}?\b(?:notice|care|miss me|mind|matter)\b"
        r"|\b(?:better|happier|easier|safer) (?:off )?(?:\w+ ){1,4}without me(?: around| here"
        r"| in (?:it|their lives|the picture))?\b(?! (?:for|at|on|tonight|tomorrow|this|next)\b)"
        r"|\b(?:notice|care|miss me|mind|matter)\b[^.!?\n]{0,25}?\bif i (?:just )?(?:died"
        r"|disappeared|killed myself|wasn't here|weren't here|didn't wake up|vanished)\b",
        "Burden and 'better without me': everyone would be better off or not notice if I died.",
    ),
    Pattern(
        "sh_self_injury",
        SELF_HARM,
        r"\bself[- ]?harm(?:ing|ed|s)?\b"
        r"|\b(?:hurt|hurting|harm|harming|harmed|cut|cutting|burn|burning|burned|burnt|starve"
        r"|starving|starved|scratch|scratching|scratched|punch|punching|punched|hit|hitting"
        rf"|bite|biting|bit|bruise|bruising|bruised) {_ME_SELF}\b"
        rf"(?!{_ACCIDENT})(?! (?:off|out|loose|free|short|up|a favour)\b)"
        r"|\b(?:cut|cutting|slit|slitting|slash|slashing|sliced|slicing|burn|burning|burned|burnt)"
        rf" my (?:wrists?|arms?|thighs?|legs?|skin|stomach)\b(?!{_ACCIDENT})"
        r"|\b(?:started|start|starting|been|keep|kept|back to|relapsed|urge to|urges to|want to"
        r"|wanna|thinking about|thought about|stop|stopped|go back to|went back to|tempted to)"
        r" (?:cutting|burning)(?= again\b| myself\b|$|[.,;!?])"
        r"|\b(?:cutting|burning) again\b"
        r"|\bcut (?:deeper|too deep|so deep|deep enough)\b"
        r"|\b(?:been|started|keep|kept) (?:cutting|burning|hurting myself|self[- ]harming) (?:since"
        r" (?:i was|school|uni|my)|for (?:years|months|weeks|a while|ages))\b"
        r"|\burges? to (?:cut|burn|hurt myself|self harm)\b"
        r"|\b(?:scratch|scratched|scratching|pick|picked|picking|cut|cutting|hit|hitting|punch"
        r"|punching|bang|banging|burn|burning|bite|biting|dig|digging) (?:at |into )?my (?:arms?"
        r"|legs?|skin|wrists?|thighs?|head|face|stomach|hands?)\b[^.!?]{0,20}\b(?:until|till"
        r"|til|so) (?:it|they|i) (?:bleed|bled|bleeds|bruise|bruised|bruises|hurts?|hurt)\b"
        r"|\bwhat i (?:might|could|will|'ll|would|'d) do to (?:myself|me)\b"
        r"|\b(?:hide|hiding|hid|cover|covering|covered)(?: up)? (?:the |my |these |those |all"
        r" the |new |fresh )*(?:scars|cuts|self-harm|self harm)\b",
        "Hurting, cutting or burning myself on purpose; the urge to; hiding the scars.",
        about_me=True,
    ),
    Pattern(
        "sh_overdose",
        SELF_HARM,
        r"\b(?:take|takes|taking|took|do|did) an? (?:overdose|od)\b"
        r"|\boverdos(?:e|ed|ing)\b(?! on (?!(?:my |the |all (?:of )?(?:my |the )?)?"
        rf"{_PILLS}\b)| deaths?\b| crisis\b| rates?\b| awareness\b)"
        r"|\bod(?:'d|ed|ing)?\b(?= on (?:my |the |all )?(?:pills|tablets|meds|paracetamol))"
        r"|\b(?:take|takes|taking|took|swallow|swallows|swallowing|swallowed|down|downing|neck"
        r"|necked)"
        r" (?:all|every one of|every single one of|a whole (?:bottle|box|packet|pack|strip) of"
        r"|the whole (?:bottle|box|packet|pack|strip) of|a (?:handful|fistful|bunch|load|lot)"
        r" of|too many|loads of|dozens of|\w+ (?:bottles|boxes|packets) of)"
        rf" (?:of )?(?:my |the |those |these )?(?:sleeping |pain ?)?(?:{_PILLS}|killers)\b"
        r"|\b(?:take|takes|taking|took|swallow|swallows|swallowing|swallowed) every (?:single )?"
        r"(?:pill|tablet|painkiller)\b"
        r"|\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing) (?:everything|all of"
        r" it|the lot|whatever i can find|what's) in (?:the|my) (?:medicine|bathroom|kitchen)"
        r" (?:cabinet|cupboard|drawer)\b"
        r"|\b(?:saving|saved|save|stockpil\w+|hoard\w*|collecting|collected|stashing|stashed"
        r"|keeping|kept|hiding|hid|hide)(?: up)? (?:my |the |all my |some |enough |a stash of )?"
        rf"(?:sleeping )?{_PILLS}\b(?! (?:for (?:the|my|a|next) (?:trip|holiday|week|month)"
        r"|in the (?:cupboard|bathroom) for)\b)"
        rf"|\benough {_PILLS} to\b"
        r"|\b(?:take|taking|took|swallow|swallowing|swallowed|down|downing) (?:the|a) (?:whole"
        r"|entire) (?:packet|box|bottle|pack|strip|lot)(?= ?(?:$|[.!?,;])| (?:of (?:pills|tablets"
        r"|meds|paracetamol|painkillers|sleeping pills)|tonight|and|at once)\b)"
        r"|\b(?:sleeping )?(?:pills|tablets)\b[^.!?]{0,30}\bfor when i(?:'m| am) ready\b"
        r"|\b(?:took|take|taking|swallowed|swallow|overdosed|od'd)\b[^.!?]{0,40}\b(?:pills"
        rf"|tablets|meds|{_PILLS})\b[^.!?]{{0,40}}\bon purpose\b"
        r"|\b(?:have|got|'ve got|'ve|had) (?:the|my|enough|all the|all my|a stash of)"
        rf" (?:{_PILLS}|rope|razor|razors|blades?) (?:ready|saved|saved up|stashed|hidden"
        r"|lined up|counted out|in my (?:bag|drawer|pocket))\b(?! (?:for (?:the|my|a|our"
        r"|tomorrow|tonight|morning|bed|next|holiday|trip)|to take with)\b)"
        r"|\bhow (?:many|much) (?:[\w']+ ){0,5}(?:to|for an?|would|it takes to|does it take to"
        r"|it would take to) (?:overdose|od|kill|die|be fatal|be lethal|take)\b"
        rf"|\bhow (?:many|much) (?:of )?(?:my |the )?(?:{_PILLS}|pills) (?:[\w']+ ){{0,2}}(?:would"
        r" be|is|are) (?:too much|too many|fatal|lethal|enough|a lethal dose)\b"
        r"|\blethal (?:dose|amount)\b",
        "Overdose and pills: taking or saving up all my pills, how many it would take.",
        about_me=True,
    ),
    Pattern(
        "sh_method",
        SELF_HARM,
        r"\b(?:jump|jumps|jumping|jumped|throw myself|throwing myself|threw myself|step"
        r"|stepping|fall|falling|leap|leaping) (?:off|from) (?:(?:a|the|that|this|my|our"
        rf"|the top of (?:a|the)) (?:\w+ )?{_HIGH_PLACE}\b|something (?:high|tall)\b)"
        r"(?! (?:into|in) (?:the )?(?:sea|water|pool|lake|river|harbour)\b)"
        r"|\b(?:jump|jumps|jumping|jumped|step|stepping|stepped|throw myself|throwing myself"
        r"|threw myself|lie down|lying down|lay down|walk|walking|walked|run|running|ran)"
        rf" (?:out )?(?:in front of|under) (?:a|the|an) (?:\w+ )?{_VEHICLE}\b"
        r"|\b(?:walk|walking|walked|step|stepping|stepped|run|running|ran) (?:out )?into"
        r" (?:the )?(?:traffic|the sea|sea|the river|river|the lake|lake|oncoming)"
        r"(?! (?:for a (?:swim|paddle|dip)|to (?:swim|paddle|cool)))\b"
        r"|\b(?:drive|driving|drove|crash|crashing|crashed) (?:my car |the car )?(?:off|into)"
        r" (?:a|the) (?:cliff|bridge|wall|tree|river|lake|oncoming|lorry|truck)\b"
        r"|\b(?:crash|crashing|crashed) (?:my|the) car on purpose\b"
        r"|\b(?:crash|crashing|crashed|drive|driving|drove|steer|steering|steered) (?:my car"
        r" |the car )?into (?:a|the) (?:barrier|central reservation|pillar|lamppost|bridge"
        r"|wall|tree|sea|canal|river|lorry|truck|bus|train|oncoming)\b"
        r"|\b(?:drink|drinking|drank|swallow|swallowing|swallowed) (?:the |some )?(?:bleach"
        r"|antifreeze|weedkiller|weed killer|poison|drain cleaner)\b"
        r"|\bbleed(?:ing)? out\b"
        r"|\b(?:step|stepping|stepped|walk|walking|run|running|throw myself|throwing myself|jump"
        r"|jumping) (?:out )?into the (?:road|path of)\b(?=[^.!?]{0,40}\b(?:lorr(?:y|ies)|cars?"
        r"|traffic|bus(?:es)?|trucks?|vans?|coming)\b)"
        r"|\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got|catch|have|develop)"
        r" (?:a |an )?(?:terminal|fatal|incurable|deadly) (?:illness|disease|cancer|accident)\b"
        r"|\b(?:so easy|easy|tempting|tempted|thought about|thinking about|want(?:ed)? to|could"
        r" just|wish i could)\b[^.!?]{0,20}\b(?:step|stepping|jump|jumping|fall|falling|walk"
        r"|walking) (?:off|from|in front of|over) (?:the|a) (?:platform|edge|ledge|train|tracks)\b"
        r"|\b(?:bridge|platform|train tracks|the tracks|railway|pills|tablets|edge|ledge|roof"
        r"|cliff|razor|blades?|rope|motorway)\b[^.!?]{0,60}\bhow easy (?:it would be|it'd be"
        r"|it would be to|it'd be to)\b"
        r"|\b(?:standing|stood|stand|stands|sat|sitting|sit|waiting|wait) (?:on|at|near|by) the"
        r" (?:very )?edge of the (?:platform|tracks|roof|bridge|cliff edge)\b(?! (?:for (?:a|the)"
        r" (?:photo|picture|selfie)|taking (?:a )?(?:photo|picture|selfie))\b)"
        r"|\bcount(?:ing|ed|s)? (?:the|my|all the|all my) (?:pills|tablets|sleeping pills"
        r"|painkillers)\b(?! (?:out|into|for (?:the|my) (?:week|organiser|dosette|holiday))\b)"
        r"|\b(?:walked|walk|walking|went|go|going|stood|standing|stand|sat|sitting|lay|lying"
        r"|lie) (?:down )?(?:to|on|at|by|near|next to|beside|onto) (?:the )?(?:train|railway"
        r"|rail) (?:tracks?|lines?)\b"
        r"|\b(?:drive|driving|drove|swerve|swerving|swerved) (?:my car |the car )?(?:off the"
        r" road|into (?:oncoming|a lorry|a truck|the central reservation))\b"
        r"|\b(?:should|could just|might as well|may as well) (?:just )?jump(?= ?(?:$|[.!?]))"
        r"|\b(?:hang|hanging|hanged|drown|drowning|shoot|shooting|gas|gassing|poison|poisoning"
        rf"|suffocate|suffocating) {_ME_SELF}\b"
        r"|\bnoose\b"
        r"|\brope\b(?=[^.!?]{0,40}\b(?:neck|beam|loft|ceiling|banister|strong enough|tie it"
        r"|hang|noose|stairs|thinking about (?:it|using it))\b)"
        r"|\b(?:bought|buy|buying|got|have|'ve got|hid|hide|hiding|keep|kept|tied|tie|tying"
        r"|found) (?:a |the |some |my )?(?:length of )?rope\b(?! (?:for|to (?:tie|hold|secure"
        r"|fix|hang the|climb|pull|tow|mend)|swing|ladder|bridge|course|lights?|burn|toy)\b)"
        r"|\b(?:multi-storey|car park|roof|bridge|tower|block of flats|top floor|balcony)\b"
        r"[^.!?]{0,50}\b(?:looked|looking|stared|staring|peered|peering|leaned|leaning)"
        r" (?:over|down) (?:the edge|the side|the railing|the drop)\b"
        r"|\b(?:looked|looking|stared|staring|peered|peering|stood|standing) (?:down|over)"
        rf" (?:from|off|over|the edge of) (?:the|a) {_HIGH_PLACE}\b(?=[^.!?]{{0,40}}\b(?:wanted"
        r"|want|thought|thinking|imagined|imagining|wondered|considered|tempted) (?:about |to )?"
        r"(?:jump|jumping|let go|letting go|fall|falling|how easy|just step)\b)"
        r"|\b(?:gun|pistol|rifle) (?:to|in) my (?:head|mouth)\b|\bblow my brains out\b"
        r"|\b(?:razor|razors|razor blade|razor blades|blade|blades|knife|pencil sharpener)\b"
        r"(?=[^.!?]{0,30}\b(?:again|(?:to|on|against|across|into) my (?:wrists?|arms?|thighs?"
        r"|skin)"
        r"|just in case|hidden|hide|hid)\b)"
        r"|\b(?:keep|keeps|kept|keeping) (?:the |my |some |a )?(?:razor blades|blades|blade)\b"
        r"|\b(?:held|holding|hold|sat with|sitting with|sit with|pressed|pressing|hid|hide"
        r"|hiding|got out|took out|found) (?:a |the |my |some |new )?"
        r"(?:razor blades|razor blade|razors|razor|blades|blade)\b"
        r"(?! (?:for|to shave|to cut (?:the|some|open)|at the (?:shop|chemist))\b)"
        r"|\b(?:looking|staring|stare|stared|looked|look) at (?:the|my|all the|all my|those)"
        r" (?:pills|tablets|razor|razors|blades?|rope|noose)\b"
        r"|\b(?:thought|thoughts|thinking|think|dream|dreams|dreaming|daydream\w*|fantasi[sz]e"
        r"|fantasi[sz]ing|obsess\w*|imagin\w+|pictur\w+|plan|planning|planned)"
        rf" (?:about |of )?(?:{_ADV} )?(?:dying|being dead|not existing|not being (?:here|alive"
        r"|around)|crashing (?:my|the) car|wrapping (?:my|the) car|not waking up|jumping"
        r"|killing myself|ending (?:it|my life|things|everything|it all)|my (?:own )?death"
        r"|my (?:own )?funeral)\b"
        r"|\b(?:thinking|thought|think|fantasi[sz]ing|imagining|picturing|obsessing|googled"
        r"|(?:mind|thoughts?|head) (?:keeps?|kept) (?:going|going back|drifting|coming back"
        r"|turning) to"
        r"|googling|looked up|looking up|researching|staring|stared|looking|looked) (?:about"
        r" |of |over |at |up )?(?:\w+ ){0,2}(?:the |my |all the |all my |those |a )?(?:pills"
        r"|tablets|noose|razor blades?|blades|bleach|train tracks|railway line|the tracks|lethal"
        r"|overdoses?|overdosing)\b(?! (?:for|to take for|with (?:food|breakfast|dinner))\b)"
        r"|\b(?:quickest|easiest|best|fastest|surest|least painful|painless|most painless|quiet)"
        r" ways? (?:to|of) (?:die|dying|go|end it|kill myself|do it|end my life)\b",
        "Means: jumping from a height, a train, traffic, rope, razor or blade; thinking of dying.",
        about_me=True,
    ),
    Pattern(
        "sh_plan",
        SELF_HARM,
        r"\b(?:goodbye|farewell|suicide|final|last) (?:letters?|notes?|message|messages|video"
        r"|texts?|emails?)\b(?! (?:to (?:the|my) (?:team|colleagues|landlord|old flat|office)"
        r"|from|for (?:work|the team)|of the (?:day|term|year))\b)"
        r"|\b(?:wrote|written|writing|write|drafted|drafting|recorded) (?:letters|notes) (?:to|for)"
        r" (?:everyone|everybody|all of them|my (?:family|kids|children|husband|wife|parents"
        r"|mum|mom|dad|sister|brother|friends|partner))\b"
        r"|\b(?:giving|gave|give|given) (?:away )?(?:all )?my (?:things|stuff|belongings"
        r"|possessions|pets?)(?: away)?(?: to)?\b(?! (?:to (?:charity|the charity shop))\b)"
        r"|\b(?:have|got|made|make|making|'ve got|'ve made|have made|written|wrote|worked out)"
        r" (?:a|the|my) plan(?= ?(?:$|[.!?;])| (?:for|of) (?:how|when|where|it)\b| to (?:do it"
        r"|end|kill|die|go through|take)\b| (?:now|ready|and (?:a|the) (?:date|time|place"
        r"|means|method|pills|rope)|and (?:i've|i have) (?:picked|chosen|set|got) (?:a|the)"
        r" (?:date|day|time|place|means))\b)"
        r"|\bgoodbye (?:everyone|everybody|world|cruel world|all)(?= ?(?:$|[.!?]))"
        r"(?![^.!?]{0,40}\b(?:see you|back|soon|holiday|trip|x+)\b)"
        r"|\b(?:put|putting|sort|sorting|sorted|get|getting|got) my affairs in order\b"
        r"|\bwho (?:should|will|would|gets|can|could) (?:get|have|take) (?:all )?my (?:things"
        r"|stuff|belongings|possessions|savings)\b"
        r"|\b(?:after|once|when) i(?:'m| am) (?:dead|no longer here|not here anymore)\b"
        r"|\b(?:scared|afraid|worried|terrified) i(?:'m| am)? (?:going to|gonna|will|'ll|might)"
        r" (?:try (?:it )?again|do it again|go through with it)(?= ?(?:$|[.!?;,]))"
        r"|\b(?:note|notes|letter|letters|goodbye|message|messages|video) (?:\w+ )?for when"
        r" i(?:'m| am) (?:gone|dead|not here)\b"
        r"|\bhow i(?:'d| would|'ll| will|'m going to| am going to| could| might)(?: \w+)? do it\b"
        r"(?! (?:again|differently|better|properly|right|if|with|without|in|on|for|this|that"
        r"|next|by|when|together|myself|alone|now|though|instead|any|at|all)\b)"
        r"|\b(?:picked|chosen|chose|set|choose|pick) (?:a|the) (?:date|day|time|place|spot)"
        r" (?:to (?:do it|end it|die|go)|for (?:it|when i (?:do it|go)))\b"
        r"|\b(?:researching|researched|googled|googling|looked up|looking up|searched|searching"
        r"|reading about) (?:ways|methods|how) (?:to|of) (?:die|dying|end it|kill myself"
        r"|end my life|overdose)\b",
        "Plans: a goodbye note, giving my things away, 'I have a plan', how I'd do it.",
        about_me=True,
    ),
    # -------------------------------------------------------- partner fear
    Pattern(
        "pf_afraid_of_partner",
        PARTNER_FEAR,
        rf"\b{_FEAR}(?: to death| stiff)? (?:of|around|near|with|to be (?:around|near|alone with"
        rf"|with)|of being (?:around|near|alone with|with)) {_PARTNER_OBJ}"
        rf"|\b(?:live|lives|living|lived) in fear (?:of|around) {_PARTNER_OBJ}"
        rf"|\b{_FEAR} of how (?:angry|mad|violent|aggressive|nasty|scary|drunk|furious|cruel)"
        rf" (?:he|she|they|{_MY_PARTNER}) (?:gets|can get|becomes|can be|gets when)\b"
        rf"|\b{_FEAR} of (?:saying|doing) (?:the wrong thing|anything wrong|something wrong"
        r"|anything)(?: \w+)? (?:to|around|in front of|near) (?:him|them|"
        rf"{_HER_OBJECT}|{_MY_PARTNER})\b"
        rf"|\b(?:live|lives|living|lived) in fear (?:in my (?:own )?(?:home|house)|at home"
        r"|every day|all the time|of what)\b"
        rf"|\b{_FEAR} (?:of )?(?:setting (?:him|her|them) off|provoking (?:him|her|them)"
        r"|triggering (?:him|her|them)|what sets (?:him|her|them) off)\b"
        rf"|\b{_PARTNER_SUBJ}(?: \w+)? (?:scares|frightens|terrifies|intimidates|scared"
        r"|frightened|terrified|intimidated) me\b(?= ?(?:$|[.,;!?])| (?:so much|sometimes|a lot"
        r"|now|lately|more|and|when (?:he|she|they)(?:'s| is| gets| get| drinks| shouts| yells"
        r"| loses| raises| comes home| has been|'s been| starts))\b)"
        r"|\b(?:on edge|unsafe|uneasy|in danger) (?:around|near|with) (?:him|them|"
        rf"{_HER_OBJECT}|{_MY_PARTNER})\b",
        "Afraid, scared or terrified of (or around) him, her, them or my partner.",
        negatable=True,
    ),
    Pattern(
        "pf_afraid_what_partner_does",
        PARTNER_FEAR,
        rf"\b{_FEAR}(?: \w+)? (?:of )?what {_PARTNER_SUBJ}{_WILL}(?: \w+)? do\b"
        rf"|\b{_FEAR}\b[^.!?]{{0,50}}\b(?:because of|of|about) what {_PARTNER_SUBJ}{_WILL}"
        r"(?: \w+)? do\b"
        rf"|\b(?:{_FEAR}|worried|terrified|worry) (?:that )?(?:(?:one day|some day|someday"
        r"|eventually|soon|tonight|one of these days|next time),? )?"
        rf"(?:{_PARTNER_PRONOUN}|{_MY_PARTNER}){_WILL}{_WORD_NOT_NEG}{{0,2}}"
        r" (?:kill|hurt|harm|hit|beat|attack|strangle|choke|snap|lose it|lose (?:his|her|their)"
        r" temper|explode|find me|come after me|do something|go too far|take (?:the|my|our) (?:kids"
        r"|children|baby))\b(?!(?: \w+)? (?:himself|herself|themselves)\b)"
        r"|\b(?:think|thought|know|knew|believe|feel like|convinced|sure|certain) (?:that )?"
        rf"(?:{_PARTNER_PRONOUN}|{_MY_PARTNER}){_WILL}{_WORD_NOT_NEG}?"
        r" (?:kill|hurt|harm|hit|beat|attack|strangle|choke|murder) (?:me|us|the kids"
        rf"|the children|my (?:kids|children|baby))\b(?!{_NOT_VIOLENCE_AFTER})(?! (?:when|if)"
        r" (?:he|she|they|i)"
        r" (?:sees?|finds? out|hears?|gets? (?:the|home|back)|tastes?|spent|spend|ate|eat"
        r"|forgot|forget|tell|told)\b)"
        rf"|\b(?:{_FEAR}|terrified|on edge) (?:when|whenever|every time|if) (?:he|she|they"
        rf"|{_MY_PARTNER})(?:'s| is| gets| get| starts| comes| drinks| has been|'s been| raises"
        r"| loses| shouts| yells| screams| slams| comes home| is home| is around)"
        r"(?! (?:away|out|late|working|travelling|traveling|driving|sad|ill|sick|quiet)\b)"
        r"|\b(?:don't|do not|never) know what (?:he|she|they)(?:'ll|'d| will| would| might"
        r"| could| is going to|'s going to)(?: \w+)? do(?: to me\b| (?:if|when) (?:i|he|she"
        r"|they) (?:leave|left|find|finds|found|tell|told|go|went|see|saw)\b| next\b)"
        r"|\bflinch(?:es|ed|ing)? (?:when|whenever|every time|if) (?:he|she|they"
        rf"|{_MY_PARTNER})\b",
        "Afraid of what a partner will do, that they will hurt me, or when they drink or rage.",
        negatable=True,
    ),
    Pattern(
        "pf_scared_to",
        PARTNER_FEAR,
        rf"\b{_FEAR} (?:to|of) (?:go|going|come|coming|be|being|get|getting) (?:back )?home"
        r"(?! (?:to an empty|alone|by myself|on my own|in the dark|late|on the|after dark"
        r"|from (?:the|a|work)|for|(?:and|to) (?:face|tell|deal with|tidy|clean|explain|admit"
        r"|confess|show))\b)"
        rf"|\b{_FEAR} to be (?:alone|at home|in the house|in the same room|in a room)"
        rf"(?: [\w']+){{0,3}} with (?:him|them|{_HER_OBJECT}|{_MY_PARTNER})\b"
        rf"|\b{_FEAR} to (?:leave|be alone with|be in the same room as|be at home with"
        r"|be near|be around|sleep next to|sleep beside|stand up to"
        r"|say no to|disagree with|argue with|go to sleep next to|break up with|tell on)"
        rf" (?:him|them|{_HER_OBJECT}|{_MY_PARTNER})\b"
        rf"|\b{_FEAR} to leave(?= ?(?:$|[.!?;,])| (?:because|in case|cos|cause|incase)\b)"
        rf"|\b(?:{_FEAR}|dread\w*|panic\w*|freeze|shaking|sick)\b[^.!?]{{0,30}}\b(?:hear|see)"
        r" (?:his|her|their) (?:car|key|keys|footsteps|truck|van|voice) (?:pull|in the door|on the"
        r" stairs|outside|turn|coming)"
        r"|\b(?:dread|dreads|dreading|dreaded) (?:going home|him coming home|her coming home"
        r"|them coming home|the sound of (?:his|her|their) (?:car|key|keys|footsteps)"
        r"|hearing (?:his|her|their) (?:car|key|keys))\b(?! for\b)"
        r"|\b(?:hide|hides|hiding|hid|lock myself|locked myself|locking myself|sleep|sleeping"
        r"|slept) (?:in|inside) (?:the|my|our) (?:bathroom|bedroom|room|car|kids' room"
        r"|children's room|toilet|wardrobe|cupboard|spare room) (?:when|whenever|until|because"
        rf"|from|every time|so) (?:of )?(?:he|she|they|him|{_HER_OBJECT}|them|{_MY_PARTNER})\b"
        r"|\b(?:hide|hid|hiding|sneak|sneaking|snuck|lock myself|locked myself|go outside|went"
        r" outside|wait until (?:he|she|they)(?:'s| is) (?:asleep|out)) (?:\w+ ){0,4}to (?:call"
        r"|ring|text|phone|talk to|message) (?:my|a|anyone|someone|for help|the police|a friend"
        r"|a helpline)\b"
        r"|\bbag (?:packed )?(?:and hidden|hidden|by the door|in case i (?:need|have) to"
        r" (?:leave|run|get out|escape|go))\b",
        "Scared to go home, to leave him, to say no to him; dreading him coming home.",
        negatable=True,
    ),
    Pattern(
        "pf_fear_for_safety",
        PARTNER_FEAR,
        rf"\b(?:fear|fears|feared|fearing|{_FEAR}|worried) (?:for|about) (?:my|our|the kids'"
        r"|my kids'|my children's|the children's|the kids's) (?:own )?"
        r"(?:safety|life|lives|physical safety)\b"
        r"|\b(?:not|n't|never|don't|do not|no longer) (?:feel |feeling |felt )?safe"
        r" (?:at home|in my (?:own )?(?:home|house|bed)|in the house|in our (?:home|house)"
        rf"|(?:with|around|near|when|whenever|if) (?:him|them|{_HER_OBJECT}|{_MY_PARTNER}|he"
        r"|she|they))"
        rf"|\b(?:{_FEAR}|worried|fearful) for (?:my|the|our) (?:kids|children|baby|son|daughter"
        r"|little ones?)(?: \w+){0,2} (?:when|whenever|if|because) (?:he|she"
        rf"|{_MY_PARTNER})(?:'s| is| gets| get| has been|'s been)?(?: \w+)? (?:drunk|drinking"
        r"|angry|violent|high|raging|in a rage|in a mood|like that|loses it|kicks off|loses"
        r" (?:his|her) temper|gets angry)\b"
        r"|\b(?:feel|feeling|felt|i'm|i am) unsafe (?:at home|in my (?:own )?home"
        r"|in the house|in our (?:home|house))\b"
        r"|\b(?:i'm|i am|we're|we are|the kids are|my kids are|i feel|i might be|i could be"
        r"|i think i'm|i think i am|i'm actually|i am actually) in danger\b(?! of\b)",
        "Fear for my safety or life; not feeling safe at home or with a partner; in danger.",
    ),
    Pattern(
        "pf_violence",
        PARTNER_FEAR,
        rf"\b(?:{_PARTNER_SUBJ}{_FILLER} {_VIOLENCE}|you{_FILLER} {_VIOLENCE_TO_YOU}) me\b"
        rf"(?!{_NOT_VIOLENCE_AFTER})"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:beat|beats|beating|kicked|kicks|kicking|knocked)"
        r" the (?:shit|crap|hell|life|living daylights) out of me\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:beat|beats|beaten|beating) me up\b",
        "He/she/they/my partner/you hit, hurt, choked, strangled, kicked, slapped... me.",
        negatable=True,
    ),
    Pattern(
        "pf_violence_body",
        PARTNER_FEAR,
        r"\b(?:put|puts|had|has|wrapped|wraps|got|placed|squeezed|squeezes|pressed|presses"
        r"|kept|clamped|clamps) (?:his|her|their|both) (?:hands?|fingers|arm|arms|knee"
        r"|forearm) (?:around|round|on|over|against|across|into) my (?:neck|throat|mouth|face"
        r"|chest|nose)\b"
        r"|\b(?:hands?|fingers) (?:were |was )?(?:around|round|on) my (?:neck|throat)\b"
        r"|\b(?:squeezed|squeezes|squeezing|grabbed|grabs|grabbing|gripped|grips|crushed"
        r"|pressed on|strangled|choked) my (?:neck|throat|windpipe)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:grabbed|grabs|grab|grabbing|yanked|yanks|seized"
        r"|dragged|drags|dragging|pulled|pulls) me (?:by|round|around) (?:the|my) (?:throat|neck"
        r"|hair|arms?|wrists?|collar|face|jaw|shoulders?|ankles?|legs?)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:grabbed|grabs|grabbing|yanked|yanks|pulled|pulls"
        r"|pulling|twisted|twists|twisting) my (?:hair|wrists?|face|jaw)\b(?! (?:back|into"
        r"|out of|up)\b)(?![^.!?]{0,30}\b(?:dance|dancing|stop me falling|help me|steady me"
        r"|kiss|hug|playful\w*)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:grabbed|grabs|twisted|twists|twisting|bent|bends)"
        r" my arm (?:so hard|hard|behind|until|and|roughly|back)\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:dragged|drags|dragging) me (?:by|across|through"
        r"|down|along|up the stairs"
        r"|out of (?:the )?(?:car|house|room|shower)|into the (?:car|room|house|bedroom))\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:pinned|pins|pin|pinning|held|holds|holding|hold)"
        r" me (?:down|against|to the"
        r" (?:bed|floor|wall|ground|sofa|couch)|up against)\b"
        r"(?![^.!?]{0,50}\b(?:tickl\w*|kiss\w*|cuddl\w*|playful\w*|laugh\w*|giggl\w*"
        r"|pillow|wrestl\w*|play\w*|game))"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:threw|throws|throw|throwing|shoved|pushed|pushes"
        r"|push|pushing|slammed|slams|slamming|flung|flings|knocked|knocks|hurled) me"
        r" (?:down\b(?! to (?:the )?(?:pub|shop|beach))|over\b(?! to)|against"
        r"|into (?:the )?(?:wall|door|table|counter|cupboard|wardrobe|fridge|car|mirror"
        r"|radiator|stairs|floor)|onto|to the (?:floor|ground)|across"
        r"|off (?:the|my) (?:bed|sofa|chair|bike)|out of (?:the )?(?:car|house|bed|window)"
        r"|through|up against|down the stairs|backwards|hard\b(?! to))"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:pushed|pushes|push|pushing|shoved)"
        r" me(?= ?(?:$|[.,;!?])| (?:and|so|until|again|really|hard|then|when|while|because"
        r"|twice|in front|around)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:grabbed|grabs|grab|grabbing) me(?= ?(?:$|[.;!?])"
        r"| (?:so hard|really hard|hard|roughly|violently|again|until|in front)\b)"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:held|holds|holding|pushed|pushes|forced|forces"
        r"|kept|keeps) my (?:head|face) (?:under|down|in|into) (?:the )?(?:water|bath|sink"
        r"|pillow|toilet|mattress)\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:slammed|slams|smashed|smashes|banged|bangs"
        r"|bashed|bashes|knocked|knocks|hit|hits|pushed|pushes|shoved|shoves) my head (?:against"
        r"|into|on|off|onto|through)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:bit|bites|punched|punches|kicked|kicks|hit|hits|slapped"
        r"|slaps|scratched|scratches|burned|burnt|burns|stabbed|stabs|cut|elbowed|kneed|stamped"
        rf" on|stamps on|smacked|smacks|twisted|bent|bends) my (?:{_BODY}|belly|body|side|hands)\b"
        rf"(?!{_NOT_VIOLENCE_AFTER})(?! (?:under the table|to (?:get|stop|shut|wake|signal)"
        r"|by mistake)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:tore|tears|ripped|rips|tearing|ripping) (?:off )?my"
        r" (?:clothes|top|shirt|dress|underwear|knickers|t-shirt|jumper|bra)\b"
        r"|\b(?:bruises|finger ?marks|hand ?marks|strangulation marks) (?:on|around|all over)"
        r" my (?:neck|throat)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:broke|breaks|broken|fractured|cracked|bruised"
        rf"|split|busted|dislocated) my {_BODY}\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:gave|gives|give|giving|left|leaves) me (?:a )?"
        r"(?:black eye|bloody nose|fat lip|split lip|concussion|bruises|bruised ribs)\b"
        r"(?![^.!?]{0,40}\b(?:by accident|accidentally|playing|rugby|football|training|sparring"
        r"|boxing|didn't mean)\b)"
        r"|\b(?:bruises|marks|black eye|bite marks) (?:he|she|they) (?:left|gave|made)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:left|leaves) (?:bruises|marks|a bruise|a mark)"
        r" (?:on|all over) my\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:spat|spits|spit|spitting) (?:on|at|in)"
        r" (?:me|my face)\b"
        r"|\braised (?:his|her|their) (?:hand|fist|fists) (?:to|at|against|towards) me\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:went|goes|lunged|lunges|flew) for me\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:threw|throws|hurled|smashed|smashes|punched"
        r"|punches)\b[^.!?]{0,30}\b(?:next to|near|past|beside|inches from|right by|by) my"
        r" (?:head|face)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:came|comes|went|goes|lunged|lunges|ran|runs|charged"
        r"|charges|flew) at me\b(?! (?:with (?:a |an )?(?:question|idea|hug|kiss|compliment"
        r"|questions|ideas|suggestion))\b)",
        "Violence by body part: hands around my neck, pinned down, dragged by my hair, black eye.",
        negatable=True,
    ),
    Pattern(
        "pf_property_violence",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:smashed|smashes|smash|smashing|broke|breaks|break"
        r"|breaking|destroyed|destroys|ripped up|rips up|tore up|tears up|snapped|cut up|cuts up"
        rf"|stamped on|stamps on) my (?:{_MY_THINGS}|bank cards?|cards|credit cards?)\b"
        r"(?! (?:screen|case|charger)\b)(?!(?: \w+){0,2} (?:by accident|accidentally|by mistake"
        r"|as a joke|when (?:he|she|they) (?:sat|stepped|trod|dropped|knocked|fell|tripped"
        r"|leaned)|by (?:sitting|stepping|dropping|treading))\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:threw|throws|throw|throwing|chucked|chucks|hurled)"
        rf" my {_MY_THINGS}(?: \w+)? (?:at|against|across|out of|out|onto the floor|on the floor"
        r"|down|into the (?:street|road|garden|bin|river|sea|fire|wall))\b"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:threw|throws|throw|throwing|hurled|hurls"
        r"|chucked|chucks|flung|flings|lobbed|slammed|slams)"
        r" (?!(?:a |the |his |her |their )?(?:pillow|cushion|ball|snowball|sock"
        r"|grape|popcorn|compliment|question|questions|curveball|smile|look|wink|kiss|glance"
        r"|towel|party|tantrum|strop|fit|paper|napkin|sweet|sweets|treat|biscuit|frisbee)\b)"
        r"(?:[\w']+ ){1,3}at (?:me|my head|my face)\b(?! (?:to catch|for me to|so i could"
        r"|playfully|jokingly|as a joke)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:kicked|kicks|kicking|hit|hits|hurt|hurts|strangled"
        r"|killed|threw|throws|choked|drowned|starved|punched|punches) (?:the|my|our) (?:dog|cat"
        r"|puppy|kitten|pets?|rabbit|hamster)\b(?! (?:toy|ball|food|treat)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:punched|punches|punch|punching|kicked|kicks|kicking"
        r"|smashed|smashes|put (?:his|her|their) (?:fist|foot|head) through) (?:a |the |another"
        r" )?(?:hole in the |hole in our )?(?:walls?|doors?|windows?|mirror|tv|television)\b"
        r"(?! (?:in|at) (?:the )?(?:gym|game|match)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:broke|breaks|break|kicked|kicks|kick|smashed|smashes"
        r"|bashed|bashes|forced|forces) (?:down |in |open )?(?:the|our|my) (?:front |back"
        r" |bathroom |bedroom )?door(?: down| in| open)?\b(?! (?:handle|hinge|lock|frame|bell"
        r"|knob|mat)\b)"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:smashes|breaks|throws|punches|kicks|smashed"
        r"|broke|threw|punched|kicked|smashing|breaking|throwing|punching|kicking)"
        r" (?:things|stuff|walls|doors|plates|glasses|furniture)"
        r"(?= ?(?:$|[.,;!?])| (?:when|whenever|if|at|around|across|everywhere|again|and)\b)",
        "Smashing my phone, throwing things at me, punching the wall: violence around me.",
        negatable=True,
    ),
    Pattern(
        "pf_sexual",
        PARTNER_FEAR,
        r"\b(?:forced|forces|force|forcing|made|makes|make|making|pressured|pressures|pressuring"
        r"|pressure|coerced|coerces|coercing|guilted|guilts|guilt-tripped|guilt tripped|bullied"
        r"|bullies) me (?:(?:in)?to )?(?:have sex|having sex|sex\b|sleep with|sleeping with"
        r"|do (?:sexual|sex) (?:things|stuff)|do (?:things|stuff) (?:that )?i (?:didn't|don't"
        r"|did not|do not) (?:want|like|agree)|have (?:anal|oral)|perform (?:sex|oral|sexual)"
        r"|film (?:us|me)|send (?:nudes|naked photos|naked pictures))"
        r"|\bforced (?:himself|herself|themselves|themself) (?:on|onto|upon) me\b"
        r"|\b(?:raped|rapes|rape|raping|sexually assaulted|sexually assaults|sexually assault"
        r"|molested|molests) me\b"
        r"|\bi (?:was|'ve been|have been|got|had been) (?:raped|sexually assaulted|molested)\b"
        r"|\b(?:had|has|have|having) sex with me (?:when|while|even though|after|although|though"
        r"|even when) i (?:was asleep|was sleeping|said no|say no|told|didn't want|did not want"
        r"|was drunk|was passed out|was crying|cried|was unconscious)"
        r"|\bsex(?: with (?:him|her|them))? (?:even )?(?:when|after|though|although|even though)"
        r" i (?:said|say|told (?:him|her|them)|was saying|keep saying) (?:no|stop)\b"
        r"|\b(?:doesn't|didn't|won't|wouldn't|does not|did not) stop (?:even )?(?:when|after|if)"
        r" i (?:say|said|tell|told|beg|begged|ask|asked|cry|cried|scream|screamed|push|pushed)\b"
        r"|\b(?:won't|doesn't) take no for an answer (?:about|when it comes to) sex\b"
        r"|\b(?:said no|say no|told him no|told her no|said stop|told him to stop|told her to stop"
        r"|was crying|was asleep)[^.!?]{0,30}\b(?:got on top of me|kept going|carried on|did it"
        r" anyway|didn't stop|wouldn't stop|held me down|forced)\b"
        r"|\bgot on top of me (?:anyway|even though|when i said|after i said|while i was"
        r" (?:asleep|crying))\b",
        "Sexual violence or coercion: forced or pressured me into sex, raped me, didn't stop.",
    ),
    Pattern(
        "pf_threat",
        PARTNER_FEAR,
        r"\bthreat(?:en|ens|ened|ening)(?: me)?(?: again)?(?: that (?:he|she|they)"
        r"(?:'ll|'d| will| would))? (?:to )?"
        rf"(?:{_HARM_VERB} {_HARM_TARGET}\b"
        rf"|take {_CHILDREN}|take (?:them|him|her|the house|everything) (?:away )?from me"
        r"|leave me (?:homeless|penniless|on the street|with no money|with no home)"
        r"|(?:have|get) me (?:sectioned|committed|locked up|arrested|deported)"
        r"|(?:call|ring|report me to) social services|get the (?:kids|children|baby) taken"
        r"|(?:kick|throw) me out(?= ?(?:$|[.,;!?])| of (?:the|our|my) (?:house|home|flat|place)"
        r"| (?:and|if|with|on the street))|put me in (?:hospital|the hospital)"
        r"|leave me with nothing"
        r"|(?:burn|smash|break|destroy|wreck|trash) (?:the|our|my) (?:house|flat|home|car|phone"
        r"|things|stuff)|(?:ruin|destroy|wreck) my (?:life|career|reputation)"
        r"|(?:put|throw|lock|leave|drown) (?:my|the|our) (?:cat|dog|pet|puppy|kitten|rabbit)"
        r" (?:in|into|out|off)"
        r"|share|post|send|leak|publish|show (?:everyone|people))"
        r"(?! (?:of|at|in) the (?:game|film|movie|book|show|series|story)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} threat(?:en|ens|ened|ening) me\b"
        r"(?! with (?:a |an |the )?(?:warning|disciplinary|fine|ticket|lawsuit|bill|charge"
        r"|late fee|penalty|written|sack|divorce|diet|tickle|tickling)\b)"
        r"|\bthreat(?:en|ens|ened|ening) me with (?:a |an |the |his |her |their )?(?:knife|gun"
        r"|bat|hammer|weapon|blade|scissors|belt|bottle)\b",
        "Threats: threatened to kill me, to take the kids, to kill the dog; threatens me.",
        negatable=True,
    ),
    Pattern(
        "pf_said_would_hurt",
        PARTNER_FEAR,
        r"\b(?:said|says|say|told me|tells me|telling me|swore|swears|promised|warned me"
        r"|warns me|warned"
        r"|keeps saying|kept saying|texted|texts|messaged|screamed|shouted|yelled|threatened"
        r"|threatens)(?: that| me that| me)?(?:,? if i [^.!?]{0,40}?,?)? (?:he|she|they)"
        rf"{_WILL}(?: \w+)? (?:{_HARM_VERB} (?:me|my (?:neck|legs|arms|face|\w+ neck)|us"
        r"|the kids|the children|the baby)|(?:ruin|destroy|wreck) (?:my life|me|my career)"
        r"|(?:burn|set fire to) (?:the house|the flat|our house"
        r"|our home|the place|me|us)|find me|make me pay|make me regret|make (?:my life"
        rf" hell|sure i never)|take {_CHILDREN}(?= ?(?:$|[.,;!?])| (?:away|from me|off me|and"
        r"|if i|for good)\b))\b"
        rf"{_KILL_IDIOM}"
        rf"|\b(?:{_PARTNER_PRONOUN}|{_MY_PARTNER}){_WILL}(?: \w+)? (?:kill|hurt|murder"
        rf"|strangle|stab|shoot|beat) (?:me|us){_KILL_IDIOM}(?: again| one day| some ?day"
        r"| eventually"
        r"| in my sleep"
        r"| for real| this time| i know it| if i (?:ever )?(?:leave|left|try to leave|tried to"
        r" leave|go|tell|told|report|call|called|run|ran|speak|talk|see|saw|take|took|try|tried"
        r"|say no|said no|refuse|refused))\b"
        r"|\b(?:find|finds|found|hunt|hunts|track|tracks) me (?:down )?(?:and|then) (?:kill|hurt"
        r"|beat|murder|make me pay)\b"
        rf"|\b(?:{_PARTNER_PRONOUN}|{_MY_PARTNER}){_WILL}(?: \w+)? (?:hunt|track) me down\b"
        rf"|\b(?:{_PARTNER_PRONOUN}|{_MY_PARTNER}){_WILL}(?: \w+)? (?:find|track|hunt) me"
        r"(?: down)? (?:wherever|no matter where|anywhere|if i (?:ever )?(?:leave|run|go|hide"
        r"|move)|one day)\b"
        r"|\b(?:says|said|tells me|told me|threatens|threatened|keeps saying|swears|swore)"
        r"(?: that)? i(?:'ll| will|'d| would) never see (?:them|the kids|my kids|the children"
        r"|my children|my son|my daughter|the baby|my baby)(?: again)?\b"
        r"|\b(?:i'll|i will|i'd|i would) never see (?:them|the kids|my kids|the children"
        r"|my children|my son|my daughter|the baby|my baby) again\b(?= if\b| when\b|[^.!?]{0,40}"
        r"\b(?:take|took|takes|leave)\b)",
        "Reported threats: 'he says he'll kill me', 'he'll find me', 'I'll never see the kids'.",
        negatable=True,
    ),
    Pattern(
        "pf_suicide_threat_control",
        PARTNER_FEAR,
        r"\b(?:told me|tells me|said|says|threatens|threatened|keeps saying|swore)(?: that)?"
        r" (?:he|she|they)(?:'d|'ll| will| would| is going to|'s going to| was going to)"
        r"(?: \w+)? (?:kill|hurt|harm) (?:himself|herself|themselves)\b"
        r"[^.!?]{0,40}\b(?:my fault|blame me|if i|because of me|unless i)\b"
        r"|\b(?:kill|hurt|harm|end) (?:himself|herself|themselves|themself|his life|her life"
        r"|their life)(?: \w+){0,3} if i\b"
        r"|\bthreat(?:en|ens|ened|ening) (?:to )?(?:kill|hurt|harm) (?:himself|herself"
        r"|themselves|themself)\b",
        "A partner threatening self-harm to stop me leaving (a form of coercive control).",
    ),
    Pattern(
        "pf_weapon",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:held|holds|hold|holding|pointed|points|point"
        r"|pointing|pulled|pulls|put|puts|waved|waves|waving|pressed|presses) (?:a|the|his|her"
        r"|their|a kitchen) (?:knife|gun|blade|scissors|bat|hammer|weapon|machete|screwdriver)"
        r"(?: \w+){0,2} (?:to|at|against|on|in) (?:me|my)\b"
        r"|\b(?:keeps|kept|has|showed me|shows me|bought) (?:a |the |his |her |their )?(?:knife"
        r"|gun|weapon|machete|bat|baseball bat)\b[^.!?]{0,40}\b(?:reminds me|so i know|warns me"
        r"|to scare me|in case i|tells me it's|showed me|shows me)\b"
        r"|\b(?:pulled|pulls|drew|draws) (?:a |the |his |her |their )?(?:knife|gun|blade)"
        r" on me\b"
        r"|\b(?:came|comes|went|goes|lunged|lunges|ran|runs|chased|chases) (?:at |after )?me"
        r" with (?:a|the|his|her|their) (?:knife|gun|bat|hammer|blade|bottle|belt|scissors"
        r"|weapon)\b",
        "A weapon used against me: held a knife to my throat, pulled a gun on me.",
    ),
    Pattern(
        "pf_restricts",
        PARTNER_FEAR,
        r"(?:"
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:won't|will not|doesn't|does not|didn't"
        r"|never|wouldn't|refuses? to|don't) (?:let(?:s)? me|allows? me to)"
        r"|\b(?:i'm|i am|i was|i've been)(?: \w+)? (?:not|never|no longer) allowed"
        r" to"
        r"|\b(?:stops|stopped|stop|stopping|keeps|kept) me(?: from)?"
        r")"
        r" (?:leave(?= ?(?:$|[.,;:!?)])| (?:the house|home|him|her|them|the flat|the apartment"
        r"|without|alone|on my own|by myself|at all|ever|anymore|any more|the room|the car"
        r"|for|and|or|with|when))"
        r"|leaving(?= ?(?:$|[.,;:!?)])| (?:the house|home|him|her|them))"
        r"|see(?:ing)? (?:my |any |his |her |a |the )?(?:friends?|family|mum|mom|dad|parents|sister"
        r"|brother|anyone|people|doctor|gp|therapist|counsell?or|mates|nan|gran|grandparents)"
        r"|go(?:ing)? (?:out|anywhere|to work|home|to (?:the )?(?:gym|doctor|gp|class|church"
        r"|college|uni|school|shops|work|hospital)|(?:out )?alone|outside|on my own)"
        r"|hav(?:e|ing) (?:any |my )?(?:own )?(?:money|cash|a job|friends|a phone|a bank account"
        r"|access|the car|keys|a say|my own (?:money|account|card|phone|bank account))"
        r"|(?:get|keep|take|getting|keeping) a job"
        r"|work(?:ing)?\b(?! (?:from|weekends?|overtime|late|nights|remotely|on|at|in|there|more"
        r"|less|part[- ]time|full[- ]time|this|that|today|tomorrow|with)\b)"
        r"|us(?:e|ing) (?:the|my) (?:car|phone|money|card|laptop|computer|bank card)"
        r"|(?:talk|talking|speak|speaking) to (?:anyone|anybody|my (?:friends|family|\w+)|people"
        r"|other (?:men|women|guys|girls|people)|friends|family|(?:male|female|other)"
        r" (?:colleagues|friends|coworkers|co-workers|people)|colleagues|coworkers)"
        r"|(?:call|calling|ring|text|texting|contact|contacting|visit|visiting) (?:anyone"
        r"|anybody|my (?:friends|family|mum|mom|dad|parents|sister|brother)|the police"
        r"|for help|friends|family)"
        r"|(?:wear|wearing) (?:what i (?:want|like)|makeup|make-up|short|anything|jeans|dresses"
        r"|skirts|my (?:own )?clothes)"
        r"|(?:spend|spending) (?:time with|any money|money|my (?:own )?money)"
        r"|(?:drive|driving)(?= ?(?:$|[.,;!?])| (?:anywhere|the car|my car|at all|alone|myself"
        r"|on my own|to (?:work|see|my))\b)"
        r"|out of (?:the house|his sight|her sight|their sight|the flat|the room)"
        r"|eat(?:ing)? (?:what|anything|without|until)"
        r"|(?:go|going) to (?:bed|sleep)|sleep(?= ?(?:$|[.,;!?])| (?:until|unless|till)\b)"
        r"|(?:make|making) (?:my own |any )?decisions"
        r"|(?:lock|close|shut) the (?:bathroom |bedroom )?door"
        r")"
        r"|\b(?:have|need|got|has) to ask (?:him|her|them|my partner|my husband|my wife"
        r"|my boyfriend|my girlfriend)(?: \w+)? (?:for (?:money|cash|permission|bus fare|the car"
        r"|everything|anything|every penny)|before i (?:go|see|buy|spend|leave|meet|eat)"
        r"|if i (?:can|may) (?:go|see|buy|spend|leave|meet|have|eat))"
        r"|\b(?:have|need|got) to ask (?:for )?(?:his|her|their) permission\b"
        r"|\b(?:can't|cannot|couldn't|not allowed to) (?:eat|go out|leave|shower|sleep|spend"
        r"|drive|use the phone|see anyone|buy anything)(?: \w+)? without (?:asking|his"
        r" permission|her permission|permission|telling him|telling her|him knowing|her knowing)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:locks|locked|lock) (?:the|our) (?:fridge|food|cupboards"
        r"|kitchen)\b"
        r"|\b(?:can't|cannot|couldn't|not allowed to) (?:see|go|visit|talk to|work|leave|take"
        r"|bring|call|phone|text|have)[^.!?]{0,40}\b(?:because|cos|as|since) (?:he|she|they"
        r"|my partner|my husband|my wife|my boyfriend|my girlfriend) (?:won't|doesn't|will not"
        r"|does not|wouldn't|never) (?:allow|let)\b"
        r"|\b(?:makes|made|make|forces|forced) me (?:ask|get|beg for|beg) (?:for )?(?:his |her"
        r" |their )?permission\b"
        r"|\b(?:have|need|got) to ask (?:\w+ )?for (?:bus fare|money|cash|every penny)\b",
        "Control of movement: won't let me see friends, go out or work; must ask for money.",
    ),
    Pattern(
        "pf_isolates",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:cut|cuts|cutting|has cut) me off from\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:isolat(?:es|ed|ing)|isolate) me\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:made|makes|make|forced|forces|pressured) me (?:to )?"
        r"(?:quit|give up|leave) (?:my job|work|my course|uni|college|my friends|my hobbies"
        r"|my family|my career)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:made|makes|make|forced|forces) me (?:to )?(?:delete"
        r"|block|unfollow|stop (?:seeing|talking to|texting|messaging)|cut off|drop)"
        r" (?:all (?:of )?)?(?:my |the )?(?:friends|family|mates|contacts|social media"
        r"|instagram|facebook|accounts|numbers?|\w+ numbers?|male friends|female friends)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:gets|goes|is|becomes|get|go|got|went|'s) (?:\w+ )?"
        r"(?:angry|mad|furious|violent|aggressive|nasty|scary|ballistic|crazy|nuts|livid)"
        r" (?:if|when|whenever|every time) i (?:see|go out|go anywhere|talk|speak|text|meet"
        r"|visit|leave|spend time|have friends|call my)\b",
        "Isolation: cut me off from friends, made me quit my job, gets furious if I go out.",
        negatable=True,
    ),
    Pattern(
        "pf_money",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:controls|control|controlled|controlling|confiscated"
        r"|confiscates)(?: all| every penny)?(?: of)? (?:my|the|our) (?:money|wages|salary|pay"
        r"|paycheck|pay ?cheque|bank card|cards?|debit card|credit card|bank account|accounts?"
        r"|finances|benefits|pension|savings|pin|earnings|income)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:takes|took|take|taking)(?: all| every penny)?(?: of)?"
        r" (?:my (?:money|wages|salary|pay|paycheck|pay ?cheque|benefits|pension|savings"
        r"|earnings|income)|all (?:of )?(?:the|our) money)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:takes|took|take|taking) my (?:bank card|cards?"
        r"|debit card|credit card|purse|wallet)(?: away)?(?= ?(?:$|[.!?;])| (?:away|from me|so i"
        r"|off me|again|and (?:won't|doesn't|never|keeps|kept|hides|hid))\b)"
        r"|\b(?:makes|made|make|forces|forced|making) me (?:give|hand over|hand|transfer|sign"
        r" over|pay)(?: (?:him|her|them))? (?:all )?(?:of )?my (?:money|wages|salary|pay"
        r"|paycheck|pay ?cheque|benefits|pension|savings|earnings|bank card|card|pin)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:keeps|kept|has|holds|hides|hid) (?:all )?(?:of )?my"
        r" (?:money|wages|salary|bank card|cards|debit card|credit card|bank account|pin"
        r"|earnings|benefits|passport)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:controls|controlled) (?:everything|(?:what|where|who"
        r"|when|how much|how) i\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:decides|decided|chooses|chose|dictates|dictated"
        r"|tells me|told me) (?:who i (?:can|am allowed to|'m allowed to|may) (?:see|talk|text"
        r"|speak|meet|be friends)|what i (?:can|am allowed to|'m allowed to|may) (?:wear|eat"
        r"|spend|buy)|where i (?:can|am allowed to|'m allowed to|may) go)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:gives|gave|give) me (?:an?|a weekly|a monthly|a daily"
        r"|pocket money|only) (?:\w+ )?(?:allowance|pocket money)\b"
        rf"|\b{_PARTNER_BASE}(?:'s| is| can be| has become| has been|'s been| gets| got| was"
        r"| became| seems)(?: so| very| really| extremely| super| incredibly| quite| more and more"
        r"| scarily| frighteningly)* controlling\b(?! (?:about|over|with|when it comes to)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:won't|doesn't|never|refuses to|didn't"
        r"|wouldn't) give me (?:any |my (?:own )?|a )?(?:money|cash|access to (?:the|our|my)"
        r" (?:money|account|bank account)|my (?:wages|card|bank card|own money)|keys?|house key"
        r"|key to the (?:house|flat|car))\b"
        r"|\b(?:have|need|got|has) to (?:account for|justify|explain) every (?:minute|second|hour"
        r"|penny|pound|purchase) (?:of my (?:day|time)|i spend|i'm out)\b"
        r"|\b(?:makes|made|make) me (?:account for|justify|explain|get receipts for|show (?:him"
        r"|her|them) receipts for) every (?:penny|pound|purchase|receipt|cent|dollar|thing i buy)\b"
        r"|\b(?:coercive|controlling|coercively) (?:control|relationship|behaviour|behavior"
        r"|partner|husband|wife|boyfriend|girlfriend|ex)\b"
        r"|\bfinancial(?:ly)? (?:abuse|abusive|control|controlling)\b",
        "Control of money: controls all the money, takes my wages or card, an allowance.",
        negatable=True,
    ),
    Pattern(
        "pf_monitoring",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:checks|checked|check|checking|reads|read|reading"
        r"|goes through|went through|go through|going through|looks through|looked through"
        r"|searches|searched|monitors|monitored|monitoring|listens to|listened to|records"
        r"|recorded|hacked|hacks|hacked into|logs into|logged into) (?:all )?(?:of )?"
        r"(?:my (?:phone|messages|texts|emails?|whatsapps?|dms|chats|calls|call log|browser"
        r" history|history|location|movements|bank(?: statements)?|receipts|social media"
        r"|diary|journal|laptop|computer|post|mail|letters|bag|pockets|purse|conversations"
        r"|accounts|instagram|facebook|snapchat|search history|phone calls|notebook)"
        r"|where i (?:go|am|have been|'ve been|was))\b(?! (?:aloud|out loud|for me|to me"
        r"|back to me|with me|together|for (?:typos|mistakes|errors|spelling|grammar)|before i"
        r" send)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:tracks|tracked|track|tracking|follows|followed)"
        r"(?! of\b) (?:all )?(?:of )?(?:my (?:phone|location|movements|whereabouts|car|every move)"
        r"|where i (?:go|am|have been|'ve been|was))\b"
        r"|\b(?:put|puts|installed|installs|hid|hides|planted) (?:a |an )?(?:tracker|tracking"
        r" (?:device|app)|airtag|spy ?app|spyware|hidden camera|cameras?) (?:on|in|under) my\b"
        r"|\b(?:to|so (?:he|she|they) (?:can|could)) (?:track|monitor|spy on|watch|follow)"
        r" (?:me|my (?:location|phone|every move|messages|movements))\b"
        r"|\bso (?:he|she|they) (?:can|could) (?:check|read|see|go through|look through|search"
        r"|track) (?:it|my|where|who|what|them|everything)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:checks|checked|check|checking) (?:the|my|the car's)"
        r" (?:mileage|odometer|sat ?nav|receipts|bank statements|browser history)\b"
        r"|\bto (?:see|check|find out|know) where i(?:'ve| have)? (?:been|was|went|am|go)\b"
        r"|\bprove (?:where i (?:am|was|'ve been|have been)|who i(?:'m| am| was) with|i(?:'m| am"
        r"| was) (?:at|home|where|with))\b"
        r"|\b(?:made|makes|make|forces|forced|making) me (?:share|give|hand over|show|send)"
        r" (?:him |her |them )?my (?:location|passwords?|passcode|pin|phone|messages)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:demands|demanded|needs|needed|wants|has|insists on"
        r"|has to|makes me tell (?:him|her|them)) (?:to )?(?:know|see)? ?(?:where i (?:am|was|go"
        r"|went|'m|have been|'ve been)|who i(?:'m| am| was)? (?:talking|texting|with|seeing"
        r"|messaging|talk to|text)|my (?:location|passwords?|phone|messages))\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:knows|has|got|took|takes) (?:all )?my passwords\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:keeps|kept|keep|keeping) tabs on"
        r" (?:me|my (?:phone|messages|location|spending|every move|movements)|where i"
        r"|everywhere i|who i|everything i)\b(?! (?:when i'm (?:ill|sick)|for me)\b)"
        r"|\bwithout (?:him|her|them|my partner|my husband|my wife|my boyfriend|my girlfriend)"
        r" (?:checking|tracking|knowing|calling to check|demanding to know) (?:where i|who i"
        r"|what i|my (?:phone|location|car|messages))\b",
        "Monitoring: checks my phone, reads my messages, tracks my location, a tracker.",
        negatable=True,
    ),
    Pattern(
        "pf_stalking",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:follows|followed|follow|following) me(?! on \w+"
        r"| around like| like a| back| everywhere like| around the (?:house|kitchen|flat))"
        r"(?= ?(?:$|[.,;!?])| (?:to (?:work|my|the (?:shop|station|gym|office|bus))|home"
        r"|everywhere i go|when|whenever|in (?:his|her|their|the) car|after|again)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:turns|turned|turning|shows|showed|showing|keeps turning"
        r"|keeps showing|turn|show) up (?:at|outside|to) my (?:work|door|house|flat|job|office"
        r"|gym|parents'?|mum's|mom's|workplace|place|school|home|friend's|sister's)"
        r"(?! (?:with|to (?:surprise|pick|drop|give|help|bring))\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:waits|waited|waiting|sits|sat|parks|parked|hangs"
        r"|hung) (?:around )?outside my (?:work|house|flat|office|door|job|gym|home|school"
        r"|parents'?|workplace)(?! to (?:give|pick|drive|take|surprise|walk)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:calls|called|texts|texted|rings|rang|messages"
        r"|messaged|phones|phoned) me (?:\d+|twenty|thirty|forty|fifty|sixty|a hundred|dozens of"
        r"|hundreds of|\w+ hundred) times (?:a day|an hour|a night|in (?:a|an|one) (?:day|night"
        r"|hour|evening)|last night|today|yesterday|when|while|if|until|because|after)\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:calls|texts|rings|messages|phones) me every"
        r" (?:hour|half hour|few minutes|ten minutes|five minutes|minute)\b(?=(?: \w+){0,3}"
        r" (?:to check|to see where|to make sure|demanding|and demands|and asks where"
        r"|and gets (?:angry|mad|furious)|if i don't (?:answer|pick up)))"
        r"|\b(?:he|she|they|my ex|my (?:ex[- ]?)?(?:partner|husband|wife|boyfriend|girlfriend))\b"
        r"[^.!?]{0,40}\b(?:knows|found out|finds out|find out|tracked down|track down|figured out)"
        r" where i (?:live|work|am staying|'m staying|sleep|am now|'m living|live now)\b"
        r"|\bmy ex(?:[- ]?\w+)? (?:won't|will not|still won't|keeps|is) (?:leave me alone"
        r"|stalking me|harassing me|following me)\b",
        "Stalking: follows me to work, keeps turning up at my door, calls me fifty times a day.",
        negatable=True,
    ),
    Pattern(
        "pf_confines",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:locks|locked|lock|locking) me (?:in|inside|out|up)\b"
        r"(?!(?: of [\w' ]{1,30})? (?:by accident|by mistake|accidentally|as a joke|for a laugh"
        r"|as a prank)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:hides|hid|hide|hiding) my (?:keys|car keys|phone"
        r"|passport|shoes|wallet|purse|documents|id|bank card|medication|meds|pills|inhaler"
        r"|glasses)\b"
        r"(?! (?:as a joke|for a laugh|by accident|again lol)\b)(?![^.!?]{0,40}\b(?:so (?:i'd"
        r"|i would|i could) (?:stop|relax|rest|switch off|enjoy)|on holiday|for the weekend"
        r"|date night|as a joke)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:took|takes|taken|has taken|kept|keeps|keeping"
        r"|confiscated|confiscates|burned|burnt|ripped up|tore up) (?:away )?(?:my|the kids'"
        r"|the children's|our) passports?\b(?! (?:to (?:the|get|renew)|for (?:the|my|a)"
        r" (?:renewal|application|visa))\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:took|takes|take|taking|kept|keeps|confiscated"
        r"|confiscates|smashed|hides|hid) (?:away )?(?:my|the) (?:keys|car keys|phone|passport"
        r"|shoes|wallet|purse|documents|id|sim card|medication|meds)(?: away)? (?:so|and|to stop"
        r"|from me|when|whenever|until|to punish)\b(?![^.!?]{0,40}\b(?:so (?:i'd|i would|i could)"
        r" (?:stop|relax|rest|switch off|enjoy)|on holiday|for the weekend|date night|as a joke"
        r"|stop (?:working|scrolling|checking))\b)"
        rf"|\b{_PARTNER_SUBJ}{_WIDE_FILLER} (?:to punish me|as (?:a )?punishment)\b"
        r"|\b(?:locked|locks|lock|blocked|blocks|stood in|stands in) the (?:doors?|doorway|front"
        r" door|exit) (?:(?:so|and) (?:that )?i (?:couldn't|can't|cannot|could not) (?:leave|get"
        r" out|escape|go|run)(?= ?(?:$|[.,;!?])| (?:the|from|and|or|until|when)\b)|to (?:stop"
        r"|keep) me (?:from )?(?:leaving|getting out|going|in))"
        r"|\bso (?:that )?i (?:couldn't|can't|cannot|could not|wouldn't be able to) (?:(?:leave"
        r"|get out|escape|run)(?= ?(?:$|[.,;!?])| (?:the (?:house|room|flat|bedroom)|from (?:him"
        r"|her|them|the house)|and|or|until|when)\b)|call (?:anyone|for help|the police"
        r"|my \w+))",
        "Confinement: locks me in, hides my keys or passport, blocks the door so I can't leave.",
        negatable=True,
    ),
    Pattern(
        "pf_abuse",
        PARTNER_FEAR,
        rf"\b{_PARTNER_BASE}(?:'s| is| was| gets| get| has been|'s been| can be| became"
        r"| becomes| seems| got)(?: (?:so|very|really|quite|more|increasingly|physically"
        r"|verbally|emotionally|sexually|extremely|incredibly|often|sometimes|always|been"
        r"|become|becoming|getting|turned|turning|a bit|a little|properly|actually))*"
        r" (?:abusive|violent)\b(?! (?:in (?:his|her|their) (?:language|words|sleep|dreams)"
        r"|about|video|game|films?|movies?|shows?|in (?:games|films))\b)"
        r"|\b(?:abuses|abused|abusing) me\b"
        r"|\bi(?:'m| am|'ve been| have been| was| feel)(?: \w+)? (?:being )?(?:\w+ )?abused\b"
        r"(?! (?:as a (?:child|kid)|by (?:a |my )?(?:teacher|coach|priest|stranger)))"
        r"|\b(?:my|i'm in an?|i am in an?|i've been in an?|i was in an?|i live with an?"
        r"|i'm living with an?|married to an?|i'm with an?|i am with an?) (?:\w+ )?abusive\b"
        r"|\b(?:is|this is|was|it's|counts as|victim of|experiencing|suffering|going through"
        r"|living with|survivor of|living in|trapped in) (?:domestic |emotional |financial"
        r" |sexual |physical |psychological )?(?:abuse|violence)\b(?! (?:of|in the (?:news|film"
        r"|show)))"
        r"|\b(?:looked up|looking up|googled|googling|called|rang|phoned|contacted|go to|went to"
        r"|stay at|staying at|stay in|staying in|find|found|need|needed) (?:a |the |some |local )?"
        r"(?:women's|womens|domestic violence|domestic abuse|dv) (?:refuges?|shelters?"
        r"|helplines?|hotlines?|services?|charity)\b",
        "Abuse named: he's abusive or violent, I'm being abused, looking up a women's refuge.",
        negatable=True,
    ),
    Pattern(
        "pf_verbal_coercion",
        PARTNER_FEAR,
        rf"\b{_PARTNER_SUBJ}{_FILLER} (?:calls|called|call|calling) me (?:a |an )?(?:worthless"
        r"|useless|pathetic|whore|slut|bitch|cunt|disgusting|names|failure|nothing|waste of space"
        r"|piece of shit|retard|fat bitch|ugly bitch)\b"
        r"|\b(?:says|said|tells me|told me|keeps telling me|keeps saying|kept saying|reminds me)"
        r"(?: that)? (?:no one|nobody|noone) (?:else )?(?:would|will|could|'d|'ll)(?: ever)?"
        r" (?:want|love|believe|have|care about|put up with) me\b"
        r"|\b(?:says|said|tells me|told me|keeps telling me|keeps saying|reminds me)(?: that)?"
        r" i(?:'m| am| was) (?:worthless|useless|nothing|pathetic|disgusting|a waste of space"
        r"|unlovable|a whore|a slut|lucky (?:he|she|they) (?:stays?|puts? up with me))\b"
        r"(?! (?:at|with|when it comes to)\b)"
        rf"|\b{_PARTNER_BASE}\b[^.!?]{{0,60}}?\b{_NOBODY_BELIEVES}"
        rf"|\b{_PARTNER_BASE}\b[^.!?]{{0,60}}?\bso (?:they|people|everyone|my family|my friends"
        r"|no one|nobody)(?: \w+)? (?:won't|wouldn't|will not|would not|don't|can't) believe"
        r" me\b"
        rf"|\b{_NOBODY_BELIEVES}(?=[^.!?]{{0,60}}\b(?:he|she|they|him|{_HER_OBJECT}|his"
        r"|my (?:partner|husband|wife|boyfriend|girlfriend|ex|fianc[eé]e?))\b)"
        r"|\b(?:says|said|tells me|told me|keeps telling me|keeps saying)(?: that)? (?:i"
        r" (?:deserved? it|deserved? what|asked for it|made (?:him|her|them) (?:do it|hit me"
        r"|hurt me|angry enough|lose it))|(?:it's|it is|it was) my (?:own )?fault (?:he|she"
        r"|they) (?:hit|hurt|pushed|grabbed|hits|hurts|pushes|choked|slapped))"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:puts|put|putting|keeps putting) me down\b"
        r"(?= (?:constantly|all the time|in front of|every day|daily|whenever|so much|again"
        r"|and)\b)"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:gets|got|getting|get) (?:right |up )*in my face\b"
        r"|\b(?:screams|screamed|screaming|yells|yelled|yelling|shouts|shouted|shouting|spits"
        r"|spat) (?:right )?in my face\b"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:makes|made|make) me feel (?:worthless|like nothing"
        r"|like i'm nothing|scared|afraid|unsafe|terrified|like a prisoner|trapped)\b",
        "Verbal abuse and gaslighting: calls me worthless, says no one would believe me.",
        negatable=True,
    ),
    Pattern(
        "pf_harm_to_me",
        PARTNER_FEAR,
        rf"\b{_HARM_ACT}(?: (?!(?:the|a|an|his|her|their|our|your|it|this|that|him|them|us"
        r"|you|when|if|because|but|and|to|for|with)\b)[\w']+){0,3}? (?:me|my (?:\w+ )?"
        r"(?:arms?|nose|ribs?|wrists?|jaw|fingers?|lip|tooth|teeth|cheekbone|legs?|collarbone"
        r"|skull|eyes?|face|head|neck|throat|body|back|stomach|chest|shoulders?|knees?|ears?"
        r"|hair|foot|feet|toes?|hips?|ankles?|shins?|thighs?|spine|breasts?))\b"
        rf"(?!{_NOT_VIOLENCE_AFTER})(?! (?:to|a|an|some|another|one|two|coffee|lunch|tight"
        r"|tightly|close|in a hug|into a hug|under the table|round the waist)\b)"
        r"(?![^.!?]{0,40}\b(?:kiss\w*|hug\w*|cuddl\w*|tickl\w*|danc\w*|laugh\w*|giggl\w*"
        r"|joke|joking|jokingly|playful\w*|pillow|wrestl\w*|game|accident\w*)\b)"
        r"|\bme in (?:a |his |her |their )?(?:headlock|chokehold|choke hold|stranglehold"
        r"|arm lock|armlock)\b",
        "Any act of force aimed at me or my body, when a partner is the one doing it.",
        negatable=True,
        by_partner=True,
    ),
    Pattern(
        "pf_eggshells",
        PARTNER_FEAR,
        r"\b(?:walk|walks|walking|walked|tiptoe|tiptoeing|tiptoed) (?:on|around on|around) egg"
        r" ?shells\b"
        r"[^.!?\n]{0,60}?\b(?:(?:what|how|in case|because|so|or|before|when|if|until|whether)"
        rf"(?: [\w']+){{0,2}} {_PARTNER_SUBJ}\b|(?:around|because of|with) (?:him|them"
        rf"|{_HER_OBJECT}|{_MY_PARTNER})\b|(?:his|her|their) (?:moods?|temper|anger|drinking))"
        rf"|\b{_PARTNER_SUBJ}{_FILLER} (?:makes|made|has|had) me"
        r" (?:feel like i'm |feel like i am )?"
        r"walk(?:ing)? on egg ?shells\b",
        "Walking on eggshells because of what a partner will do.",
    ),
    Pattern(
        "pf_hide_injuries",
        PARTNER_FEAR,
        r"\b(?:hide|hides|hiding|hid|cover|covers|covering|covered|conceal|conceals"
        r"|concealing|concealed)(?: up)?(?: (?:the|my|these|those|his|her|all the|any|new"
        r"|fresh|latest|worst|of|all|up))* (?:bruises|bruise|black eye|the marks|marks on my"
        r"|finger ?marks|the swelling|my injuries|injuries)\b(?![^.!?]{0,60}\b(?:fell|fall"
        r"|tripped|slipped|football|rugby|netball|hockey|climbing|the gym|training|as a (?:kid"
        r"|child)|knee|shin|my bike)\b)"
        r"|\b(?:lie|lied|lying|lies) (?:to (?:\w+ ){1,2})?about (?:the|my|where i got (?:the|my)"
        r"|how i got (?:the|my)) (?:bruises|black eye|injuries|marks|broken \w+)\b"
        r"|\bi (?:\w+ )?(?:walked|walk) into a door\b"
        r"|\b(?:long sleeves|polo necks?|turtlenecks?|scarf|scarves|sunglasses|makeup|make-up"
        r"|concealer|foundation)\b[^.!?]{0,30}\b(?:bruises|black eye|the marks|marks on my"
        r"|finger ?marks)\b(?![^.!?]{0,60}\b(?:fell|fall|tripped|slipped|football|rugby"
        r"|netball|hockey|climbing|the gym|training|knee|shin|my bike)\b)"
        r"|\bbruises (?:from|after) (?:him|her|them|my partner|my husband|my wife|my boyfriend"
        r"|my girlfriend)\b",
        "Hiding injuries: covering the bruises, lying about the black eye, 'walked into a door'.",
    ),
]


# --------------------------------------------------------------------------
# Figures of speech that would otherwise fire a whole family
# --------------------------------------------------------------------------

FIGURES: list[Figure] = [
    Figure(
        "fig_killing_myself_effort",
        SELF_HARM,
        rf"\b(?:kill|kills|killing|killed) {_ME_SELF} (?:laughing|with laughter|at work"
        r"|at the gym|working|over (?:work|this|it)|to (?:get|finish|make|meet|keep|pay|hit)"
        r"|trying to)\b",
        "Working or laughing hard: 'killing myself laughing', 'killing myself to meet it'.",
    ),
    Figure(
        "fig_suicide_metaphor",
        SELF_HARM,
        r"\b(?:career|political|social|professional|commercial|financial|fashion|electoral"
        r"|brand|tactical) suicide\b|\bsuicide (?:squad|mission|doors?|sprints?|drill)\b",
        "'Career suicide', 'a suicide mission': the word used as a metaphor.",
    ),
    Figure(
        "fig_die_of",
        SELF_HARM,
        r"\b(?:die|died|dying) (?:of|from) (?:embarrassment|shame|boredom|laughter|cringe"
        r"|envy|jealousy|happiness|excitement|curiosity|heat|thirst|hunger)\b"
        r"|\b(?:die|died|dying) (?:laughing|of laughing)\b"
        r"|\bcross my heart and hope to die\b",
        "'Die of embarrassment', 'die laughing', 'cross my heart and hope to die'.",
    ),
]
