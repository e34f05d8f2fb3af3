"""Who does what in a happening: the doer (actor1), the one it is done to (actor2), and who
says so (the speaker), from the actor mentions of a sentence and where they stand."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .actors import ActorMention, ActorRegistry, person_roles, state_forces
from .clauses import Hit, inside, next_break, quote_spans
from .dating import relative_clauses
from .lexicon import event_types, load

ROLE_PATTERNS = ("agent_by", "dash_aside", "target_before", "modifier_gap", "victim_verb", "loyal_to", "owner_of", "taken_by", "aside", "fight",
                 "opponent_with", "reduced_passive", "event_noun", "in_event", "relative_subject", "relative_head", "own_people", "protested_act", "opening_event", "moving_noun")


@functools.cache
def role_patterns() -> dict[str, re.Pattern[str]]:
    """The role patterns of lexicons/roles.yaml, compiled once."""
    data = load("roles")
    return {key: re.compile(data[key], re.I) for key in ROLE_PATTERNS}


@functools.cache
def implied_doers() -> list[tuple[re.Pattern[str], str]]:
    """roles.yaml's `implied_doers`: a happening's words that name the kind of its doer."""
    return [(re.compile(rf"(?:{e['pattern']})", re.I), e["agent"]) for e in load("roles")["implied_doers"]]


_OBJECT_OF = re.compile(r"\b(?:of|against|on|with|to|from|for|into|toward|towards|among|including)\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_ACRONYM_GAP = re.compile(r"\s*\(\s*")
#: The happening named in a phrase of manner after the main verb ("killed a commander in an air
#: raid"): its doer is the clause's subject, not the object before it.
_IN_EVENT = re.compile(r"\b(?:in|during|with)\s+(?:a|an|the|their|its|his|her)?\s*(?:[\w-]+\s+){0,3}$", re.I)
_PAST_VERB = re.compile(r"[a-z]+ed\b")
_TRIGGER_WORD = re.compile(r"[\w-]+")
_SAYING_AFTER = re.compile(r"^\s*(?:said|says|say|told|reported|added|stated)\b", re.I)

#: Happenings of two sides: "X and Y agreed" names one side each.
_TWO_SIDED = ("AGREE", "CONSULT", "COOPERATE")
#: Happenings that move forces: generic forces in the trigger's own words are what is moved.
_MOVED = ("MOBILIZE", "RETREAT")
#: A source named first, with its name set off by commas: what follows is the happening.
_SOURCE_FIRST = re.compile(r"\W*(?:According\s+to|As\s+reported\s+by|Quoting)\s+[^,;]{2,120},(?:\s*(?:[A-Z][\w.'’-]*\s*){1,4},)?")
#: A happening named after "of" ("the site of a bomb attack"): the clause's subject did not do it.
_OF_EVENT = re.compile(r"\b(?:site|scene|aftermath|wake|victims?|anniversary|survivors?|images?|footage|video|details|"
                       r"reports?|news|rubble|debris|toll)\s+of\s+(?:a|an|the|this|that|their|its|his|her|last\s+\w+'s)?\s*(?:[\w-]+\s+){0,3}$", re.I)
_CLAUSE_LEAD = re.compile(r";|,\s*(?:but|and|while|whereas|although|though)\s|\s(?:but|while|whereas)\s")
_SPEECH_LEAD = re.compile(r"\b(?:said|says|say|told|stated|added|announced|claimed|reported|according to)\b(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?", re.I)
#: A source set off by commas after the happening's clause (", officials said,"): it ends no clause.
_ASIDE_SOURCE = re.compile(r",\s*(?:[\w.'’-]+\s+){1,5}$")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ot)$", re.I)
_PASSIVE_AGENT = re.compile(r"(?:\s+(?!by\b)[\w,-]+){0,4}?\s+by\s+(?:the\s+)?", re.I)
_BETWEEN_SIDES = re.compile(r"\s+between\s+(?:the\s+)?", re.I)
_GOVERNED = re.compile(r"\b(?:of|against|on|with|to|from|for|by|into|toward|towards)\s+$", re.I)
_PERSON_PRONOUN = re.compile(r"\s*(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+|also\s+|then\s+|later\s+)?\w+", re.I)
_UNNAMED_SUBJECT = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z][\w-]*\s+){1,3}$")
_AND_VERB = re.compile(r"\s(?:and|then)\s+(?:then\s+|also\s+|later\s+)?$", re.I)
_PERSON_OBJECT = re.compile(r"\s+(?:him|her)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"\s*(?:that\s+)?(?:it|they|he|she|we)\b", re.I)
_ELLIPSIS = re.compile(r"[\s,]*(?:(?:then|later|also|again|soon|quickly|finally|eventually)\s+|"
                       r"(?:in|on|by|at|after|within)\s+(?:\w+\s+){0,3}?\w+,?\s+)*", re.I)
_LIST_LINK = re.compile(r"(?:['’]s\s+[a-z-]+)?\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[a-z-]+\s+)?")


@dataclass
class Roles:
    actor1: str | None
    actor2: str | None
    doers: list[ActorMention]  # the actor mentions before the trigger in its clause
    clause_end: int  # where the trigger's clause ends (offset into the sentence)


def _clause_lead(sentence: str, hit: Hit, speech_before: bool) -> int:
    """Where the doer of a happening may be named: after the last clause break before its
    trigger ("..., but Abiy rejected talks"), and after the verb of saying that reports it
    ("The union said dozens had been killed": the union speaks; it does not kill)."""
    head = sentence[:hit.start]
    lead = max((m.end() for m in _CLAUSE_LEAD.finditer(head)), default=0)
    source = _SOURCE_FIRST.match(head)
    if source:  # "According to the police spokesman, Inacio Dina, two policemen were killed"
        lead = max(lead, source.end())
    if speech_before:
        for m in _SPEECH_LEAD.finditer(head):
            if _ASIDE_SOURCE.search(head, 0, m.start()) and head[m.end():].lstrip().startswith(","):
                continue  # "X killed two men, officials said, in a raid": the source is an aside
            gap = head[m.end():]  # "said that dozens had been killed", not "announced new sanctions"
            if m.group().lower().endswith("that") or len(gap.split()) >= 3 or hit.type == "CASUALTIES":
                lead = max(lead, m.end())
    return lead


def _list_head(before: list, sentence: str, offset: int):
    """The doer nearest the trigger, or the first of a list of doers ("the United States,
    Britain and Canada announced"): a list reads as one subject led by its first member."""
    i = len(before) - 1
    while i > 0:
        gap = sentence[before[i - 1].end - offset:before[i].start - offset]
        if not (_LIST_LINK.fullmatch(gap) or before[i - 1].actor_id == before[i].actor_id and _ACRONYM_GAP.fullmatch(gap)):
            break  # "the Moro Islamic Liberation Front (MILF)" is one member of the list
        i -= 1
    return before[i]


def find_speaker(registry: ActorRegistry, speech: list[Hit], mentions: list[ActorMention], sentence: str, offset: int,
                 places, last_person: str | None, subject: str | None = None) -> str | None:
    """Who speaks: the person nearest a verb of saying, else the nearest actor, else the
    person a pronoun ("he said") refers to."""
    quotes = quote_spans(sentence)
    located = {(p.start, p.end) for p in places if p.located}
    pool = [m for m in mentions if not inside(m.start - offset, quotes) and (m.start, m.end) not in located
            and registry.actors[m.actor_id].kind != "media" and not m.generic]  # "police said": an unnamed source

    rel = relative_clauses(sentence)

    def distance(m: ActorMention, verb: Hit) -> int:
        pos = offset + verb.start
        if m.start >= pos:
            return m.start - (offset + verb.end)
        skipped = sum(e - b for b, e in rel if m.end - offset <= b and e <= verb.start)
        return pos - m.end - skipped  # "X, which holds the north, says": X is next to its verb

    def inverted(verb: Hit) -> bool:  # '"...," said X' or '..., X said', not "X, which ..., says"
        if sentence[verb.start:verb.end].lower() == "according to":
            return True  # the source follows
        return bool(re.search(r"[\"'”’,]\s*$", sentence[:verb.start])) \
            and not any(0 <= verb.start - e <= 1 for _, e in rel)

    for kinds, reach in ((("person",), 60), (None, 45)):
        best = None
        for verb in speech:
            for m in pool:
                if kinds and registry.actors[m.actor_id].kind not in kinds:
                    continue
                if m.start >= offset + verb.start and not inverted(verb) and kinds is None:
                    continue  # after a plain verb of saying comes what is said, not who says it
                if m.start >= offset + verb.start and m.possessive:
                    continue  # "said Kopp's car was seen": Kopp is talked about
                if m.end <= offset + verb.start and sentence[verb.start:verb.end].lower() == "according to":
                    continue  # "ships they said are British, according to a post": the source follows
                if m.end <= offset + verb.start and _UNNAMED_SUBJECT.search(sentence, m.end - offset, verb.start):
                    continue  # "fired by the FARC, the ombudsman said": an unnamed source speaks, not the FARC
                d = distance(m, verb)
                if d <= reach and (best is None or d < best[0]):
                    best = (d, m.actor_id)
        if best:
            return best[1]
        if kinds is not None and subject and any(
                re.search(r"\bspokes(?:man|woman|person)\s+(?:\w+\s+)?$", sentence[max(0, v.start - 30):v.start]) for v in speech):
            return subject  # "with a spokesman saying": the subject's spokesman
    if last_person and any(re.search(r"\b(?:he|she)\s+(?:\w+\s+)?$", sentence[max(0, v.start - 20):v.start], re.I) for v in speech):
        return last_person
    return None


def forces_of(registry: ActorRegistry, country: str | None, sentence: str, lo: int, hi: int) -> str | None:
    """'the army', 'security forces' with no country named: the forces of the article's country."""
    if country is None or lo >= hi:
        return None
    m = state_forces().search(sentence, lo, hi)
    if m is None or inside(m.start(), quote_spans(sentence)) or _GOVERNED.search(sentence, 0, m.start()) \
            or _thing_nouns().match(sentence, m.end()):
        return None  # "opponents of the junta", "war against the military", "the police station": not the doer
    actor_id = f"state-{country.lower()}"
    registry.ensure(actor_id)
    return actor_id


@functools.cache
def _thing_nouns() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{load('actors')['agent_places']})\b", re.I)


def _things_of(sentence: str, offset: int, mentions) -> set[tuple[int, int]]:
    """Mentions that name the owner of a place or thing after them ("the police station",
    "a Houthi position"), not an actor of the clause."""
    return {(m.start, m.end) for m in mentions if _thing_nouns().match(sentence, m.end - offset)}


def _by_agent(sentence: str, hit: Hit, after: list, offset: int) -> ActorMention | None:
    """The doer named after "by" behind the trigger ("killed by army troops", "an attack by
    suspected jihadists on a post", "a strike claimed by the Taliban")."""
    stop = re.search(r"[;]", sentence[hit.end:])
    limit = hit.end + (stop.start() if stop else len(sentence))
    for m in after:
        if m.start - offset > limit:
            break
        gap = sentence[hit.end:m.start - offset]
        if gap.count("(") > gap.count(")") or (gap.count("—") + gap.count("–")) % 2:
            continue  # "clashes between ARSA (deemed a terrorist group by the government)": the aside's doer
        if role_patterns()["agent_by"].match(gap):
            return m
    return None


def _target(sentence: str, hit: Hit, after: list, offset: int, clause_end: int) -> ActorMention | None:
    """The target named after "on", "against", "targeting" behind the trigger."""
    for m in after:
        if m.start - offset > clause_end:
            break
        if role_patterns()["target_before"].match(sentence[hit.end:m.start - offset]):
            return m
    return None


def _modifier(sentence: str, hit: Hit, before: list, offset: int) -> ActorMention | None:
    """A doer that modifies or possesses the happening's noun ("a Syrian air raid", "the
    army's offensive", "Taliban suicide attacks")."""
    if _PAST_VERB.match(sentence, hit.start):
        return None  # "the junta formed": a verb has a subject, no modifier
    if before and role_patterns()["modifier_gap"].match(sentence[before[-1].end - offset:hit.start]):
        return before[-1]
    return None


def _victim(sentence: str, hit: Hit, before: list, offset: int) -> ActorMention | None:
    """The one a passive verb of harm before the trigger has suffered ("civilians were killed in
    an air raid")."""
    for m in reversed(before):  # the nearest: "VICTORIA, Mexico - ten criminals died in gunbattles"
        if role_patterns()["victim_verb"].search(sentence, m.end - offset, hit.start):
            return m
        gap = re.match(r"\s+", sentence[m.end - offset:hit.start])
        if gap and role_patterns()["reduced_passive"].match(sentence, m.end - offset + gap.end()):
            return m  # "Two soldiers killed in an ambush"
    return None


def _antecedent(sentence: str, hit: Hit, own: list, offset: int) -> str | None:
    """The doer of a verb that opens a relative clause is the one the clause is about, named
    right before its pronoun, or a name before the head noun of it ("a bomber who blew up a
    truck", "the JEM factions that rejected the accord")."""
    pronoun = role_patterns()["relative_subject"].search(sentence, max(0, hit.start - 40), hit.start)
    if pronoun is None:
        return None
    owner = next((m for m in reversed(own) if m.end - offset <= pronoun.start()), None)
    if owner is None or not role_patterns()["relative_head"].fullmatch(sentence, owner.end - offset, pronoun.start()) \
            or _thing_nouns().match(sentence, owner.end - offset):
        return None
    return owner.actor_id


def _moved_forces(registry: ActorRegistry, actor_id: str) -> bool:
    """Is the actor generic forces ("troops", "two battalions"), what a happening of moving forces moves?"""
    actor = registry.actors.get(actor_id)
    return actor is not None and not actor.in_lexicon and actor.kind == "state" and actor_id.startswith("agent-")


def _main_clause_sides(sentence: str, hit: Hit, after: list, offset: int, end: int) -> tuple[str, str | None] | None:
    """A happening named in a phrase that opens the sentence ("In a separate attack on Tuesday,
    rebels ambushed a convoy"): the main clause's subject did it, to the one named after it."""
    if not role_patterns()["opening_event"].fullmatch(sentence, 0, hit.start):
        return None
    comma = sentence.find(",", hit.end, min(end, hit.end + 40))
    subject = next((m for m in after if m.start - offset > comma), None) if comma >= 0 else None
    if subject is None or not re.fullmatch(r",\s*(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}", sentence[comma:subject.start - offset]):
        return None
    stop = next_break(sentence, subject.end - offset, end)
    other = next((m for m in after if subject.end <= m.start and m.start - offset < stop and m.actor_id != subject.actor_id), None)
    return subject.actor_id, other.actor_id if other is not None else None


def assign_roles(hit: Hit, reported: bool, sentence: str, offset: int, span: tuple[int, int], mentions, places,
                 quotes, speaker: str | None, registry: ActorRegistry, previous_person: str | None,
                 country: str | None) -> Roles:
    """actor1 and actor2 of a happening (see the README's "How an event is coded")."""
    speech = hit.trigger is not None and hit.trigger.speech
    verbal = speech or bool(event_types().get(hit.type, {}).get("verbal"))
    pos = offset + hit.start
    own = [m for m in mentions if offset + span[0] <= m.start < offset + span[1]
           and hit.quoted == inside(m.start - offset, quotes)]
    # "killed in the Russian missile attack": a demonym before a noun names who, not where
    # nor does a country's name right before the happening's noun ("killed in US airstrikes")
    located = {(p.start, p.end) for p in places if p.located
               and not (p.kind == "demonym" and _NOUN_AFTER.match(sentence, p.end - offset))
               and not (p.kind == "name" and (not sentence[p.end - offset:hit.start].strip() and p.end <= pos
                                               and not _PAST_VERB.match(sentence, hit.start)
                                               or role_patterns()["event_noun"].match(sentence, p.end - offset)))}
    capitals = {(p.start, p.end) for p in places if p.kind == "capital"}
    rel = relative_clauses(sentence)
    trigger_clause = next(((a, b) for a, b in rel if a <= hit.start < b), None)
    things = _things_of(sentence, offset, own) | {(m.start, m.end) for m in own if m.actor_id in registry.properties}
    # "the police station", "ships": a target, never a doer
    candidates = [m for m in own if (m.start, m.end) not in located and registry.actors[m.actor_id].kind != "media"
                  and not (not verbal and (m.start, m.end) in capitals)  # a city does not attack ("Moscow said" speaks)
                  and not (not speech and _SAYING_AFTER.match(sentence, m.end - offset))  # who says is not who does
                  and next(((a, b) for a, b in rel if a <= m.start - offset < b), None) in (None, trigger_clause)]
    lead = _clause_lead(sentence, hit, speech_before=reported and not hit.quoted)
    asides = [(a.start(), a.end()) for a in role_patterns()["aside"].finditer(sentence, 0, hit.start)]
    # "clashes between X—named a terrorist group by the government—and Y": the aside's actors play no part
    dashed = [(a.start(), a.end()) for a in role_patterns()["dash_aside"].finditer(sentence)
              if not a.start() <= hit.start < a.end()]
    candidates = [m for m in candidates if not inside(m.start - offset, dashed)]
    before = [m for m in candidates if offset + lead <= m.start and m.end <= pos
              and not inside(m.start - offset, asides) and (m.start, m.end) not in things]  # "Kenyan troops, backed by Somali forces, advanced"
    after = [m for m in candidates if m.start >= offset + hit.end]
    clause_end = next_break(sentence, hit.end, span[1])
    if speech:
        actor1 = _list_head(before, sentence, offset).actor_id if before else None
        if speaker:
            actor1 = speaker
        if actor1 is None and lead and _PRONOUN_SUBJECT.match(sentence, lead):
            actor1 = speaker
        if actor1 is None and not hit.quoted and _PERSON_PRONOUN.match(sentence, lead):
            actor1 = previous_person
        return Roles(group_of(registry, actor1), None, before, clause_end)
    passive = bool(_PASSIVE.search(sentence[max(0, hit.start - 30):hit.end])) or any(
        m.end() == hit.end for m in role_patterns()["victim_verb"].finditer(sentence, max(0, hit.start - 30), hit.end)
        if m.group().split()[0].lower() not in ("died", "dead"))  # "a governor was slain"
    if not passive and before and role_patterns()["reduced_passive"].match(sentence, hit.start) \
            and not sentence[before[-1].end - offset:hit.start].strip():
        passive = True  # "10 July: 20 army recruits killed", "Two soldiers killed in ambush"
    by = _by_agent(sentence, hit, after, offset)
    lead_in = role_patterns()["in_event"].match(sentence, hit.end) if passive and by is None else None
    if lead_in is not None:  # "militants were killed in US airstrikes": the strikes' owner did it
        by = next((m for m in after if m.start == offset + lead_in.end()
                   and role_patterns()["event_noun"].match(sentence, m.end - offset)), None)
    if role_patterns()["taken_by"].search(sentence, hit.start, hit.end):
        # "Ramadi fell to Islamic State": the one it fell to took it
        taker = next((m for m in after if re.fullmatch(r"\s*(?:the\s+)?", sentence[hit.end:m.start - offset], re.I)), None)
        if taker is not None:
            by, passive = taker, True
    victim = _victim(sentence, hit, before, offset)
    # "opponents of the junta formed": the junta is no subject; neither is a victim; but a
    # modifier of the happening's noun is its doer ("most of the Russian strikes")
    near = _modifier(sentence, hit, [m for m in before if m is not victim], offset)
    subjects = [m for m in before if m is not victim and (m is near or not _OBJECT_OF.search(sentence, 0, m.start - offset)
                                                          or role_patterns()["owner_of"].search(sentence, 0, m.start - offset))]
    if hit.type in _MOVED and role_patterns()["moving_noun"].match(sentence, hit.start):
        # "conducted force mobilization", "a troop withdrawal": the forces moved, not who moves them
        subjects = [m for m in subjects if not (m.generic and not sentence[m.end - offset:hit.start].strip())]
    if passive and subjects:
        victim = victim or _list_head(subjects, sentence, offset)  # "Slepian was killed by a sniper"
        subjects = [m for m in subjects if m is not victim and m.start > victim.start]
    # a doer right before the happening's noun is the subject, or the first of a list of subjects
    # ("Britain and Canada announced"); after a passive's subject only a modifier of the noun is
    modifier = _modifier(sentence, hit, subjects, offset)
    head = _list_head(subjects, sentence, offset) if subjects and not passive else modifier
    objects = []
    if not passive and len(subjects) > 1 and modifier is None and _AND_VERB.search(sentence, 0, hit.start) \
            and not _OBJECT_OF.search(sentence, 0, subjects[0].start - offset):
        # "the authorities labelled him an outlaw and accused him": the first verb's subject, the
        # last of its name's parts ("the United Nations Secretary-General Antonio Guterres")
        i = 0
        while i + 1 < len(subjects) and len(sentence[subjects[i].end - offset:subjects[i + 1].start - offset].split()) <= 1:
            i += 1
        head = subjects[i]
        objects = [m for m in subjects[i + 1:] if m.actor_id != head.actor_id]
    elif not passive and subjects and modifier is None and _IN_EVENT.search(sentence, max(0, hit.start - 60), hit.start):
        head = _list_head(subjects[:1], sentence, offset)  # "Troops killed a commander in a raid": the troops raided
        objects = [m for m in subjects[1:] if m.actor_id != head.actor_id]  # ... the commander suffered it
    if head is not None and head is not modifier and _OF_EVENT.search(sentence, max(0, hit.start - 50), hit.start):
        head = modifier  # "officials scan the site of a suicide bomb attack": they did not bomb
        subjects = [m for m in subjects if m is modifier]
    if head is not None and head.generic:
        # "forces loyal to General X attacked": X's forces
        loyal = role_patterns()["loyal_to"].match(sentence, head.end - offset)
        chief = next((m for m in candidates if loyal and m.start >= offset + loyal.end() and m.start - offset - loyal.end() < 40
                      and registry.actors[m.actor_id].kind in ("person", "armed_group", "organisation")), None)
        if chief is not None:
            head = chief
            subjects = [m for m in subjects if m.start >= chief.start] or [chief]
    # a trigger that opens with an actor names its doer ("Gunmen", "Russian missile attack"); one
    # inside it after the verb is its target ("strike several Houthi targets")
    named = next((m for m in candidates if m.start <= pos < m.end), None)
    inner = next((m for m in candidates if pos < m.start < offset + hit.end), None)
    if named is not None and hit.type != "CASUALTIES":
        by = named
    elif by is not None and not passive and head is not None and head is not modifier and _PAST_VERB.fullmatch(
            sentence, hit.start, _TRIGGER_WORD.match(sentence, hit.start).end()):
        by = None  # "students protested against the killing of a boy by police": the verb's subject does it
    actor1 = by.actor_id if by is not None else head.actor_id if head is not None else None
    if actor1 is None and not passive:
        actor1 = _antecedent(sentence, hit, own, offset)  # "the factions that rejected the accord"
    if actor1 is None and lead and _PRONOUN_SUBJECT.match(sentence, lead):
        actor1 = speaker  # "X says it will not withdraw ...": X does
    if actor1 is None and not hit.quoted and _PERSON_PRONOUN.match(sentence, lead):
        actor1 = previous_person  # "He also urged Albright to ...": the last person named
    if actor1 is None and lead and re.search(r"\b(?:and|but)\s+$", sentence[:lead]) \
            and _ELLIPSIS.fullmatch(sentence, lead, hit.start):
        # "Iraq blamed Iran, and in September, attacked": the first clause's subject does it
        earlier = [m for m in candidates if m.end <= offset + lead]
        actor1 = earlier[0].actor_id if earlier else None
    if actor1 is None and not before and not passive and victim is None \
            and not _OF_EVENT.search(sentence, max(0, hit.start - 50), hit.start):
        # "Israeli forces killed two people, officials said, in a raid": the sentence's subject
        first = next((m for m in candidates if m.end <= pos and (m.start, m.end) not in things), None)
        if first is not None and first.actor_id != speaker and not _GOVERNED.search(sentence, 0, first.start - offset):
            actor1 = first.actor_id
    if hit.type == "CASUALTIES" and victim is None:  # "Four soldiers were killed": the toll names them
        victim = next((m for m in candidates if pos <= m.start and m.end <= offset + hit.end), None)
    target = _target(sentence, hit, after, offset, clause_end) or (inner if inner is not None and by is not inner else None)
    if hit.type == "PROTEST":  # "protesting against the killing of a boy by police": the police
        target = next((m for m in after if ";" not in sentence[hit.end:m.start - offset]
                       and role_patterns()["protested_act"].search(sentence[hit.end:m.start - offset])), target)
    rest = [m for m in after if m.actor_id != actor1 and m.start < offset + clause_end and m is not by and m is not victim]
    if victim is None and objects and (target is None or target.actor_id == actor1):
        victim = objects[0]
    if verbal and after and re.fullmatch(r"\s+(?:the\s+)?", sentence[hit.end:after[0].start - offset], re.I) \
            and after[0].actor_id != actor1:
        target = after[0]  # "accused Israel of targeting civilians": the one accused, not the content
        if len(after) > 1 and registry.actors[after[1].actor_id].kind == "person" and person_roles().fullmatch(
                sentence[after[0].end - offset:after[1].start - offset].strip()):
            target = after[1]  # "accused Janjaweed leader Ali Kosheib": the leader, not his group
    if target is None and previous_person and previous_person != actor1 and _PERSON_OBJECT.match(sentence, hit.end) \
            and not hit.quoted:
        target = ActorMention(0, 0, "", previous_person)  # "accused him of trying to mount a coup": the last person named
    # "a church shooting": the site it names was its target
    site = next((m for m in own if m.end <= pos and m.actor_id in registry.properties
                 and role_patterns()["modifier_gap"].match(sentence[m.end - offset:hit.start])), None)
    if site is not None and target is None:
        target = site
    actor2 = target.actor_id if target is not None and target.actor_id != actor1 else \
        victim.actor_id if victim is not None and victim.actor_id != actor1 else rest[0].actor_id if rest else None
    if actor1 is None and not passive:
        actor1, actor2 = _main_clause_sides(sentence, hit, after, offset, span[1]) or (actor1, actor2)
    if actor1 is None:
        start = lead if not passive else hit.end
        actor1 = forces_of(registry, country, sentence, start, hit.start if not passive else clause_end) \
            if not passive else None
        if passive:
            agent = _PASSIVE_AGENT.match(sentence, hit.end)
            actor1 = forces_of(registry, country, sentence, agent.end(), clause_end) if agent is not None else None
    if actor1 is None:
        words_ = sentence[max(0, hit.start - 20):hit.end + 20]
        implied = next((agent for pattern, agent in implied_doers()
                        if any(m.start() <= hit.start - max(0, hit.start - 20) < m.end() or
                               m.start() < hit.end - max(0, hit.start - 20) <= m.end() for m in pattern.finditer(words_))),
                       None)
        actor1 = registry.implied_agent(implied) if implied else None  # "killed in a suicide blast"
    if actor2 is None:
        forces = forces_of(registry, country, sentence, hit.end, clause_end)
        actor2 = forces if forces != actor1 else None
    opponent = role_patterns()["opponent_with"].match(sentence, hit.end) \
        if role_patterns()["fight"].search(sentence, hit.start, hit.end) else None
    if opponent is not None and victim is not None and victim.end <= pos:
        # "ten criminals died in gunbattles with government forces": the other side fought them
        other = next((m for m in after if m.start == offset + opponent.end()), None)
        if other is None and not re.match(r"\s*[A-Z]", sentence[opponent.end():]):
            forces = forces_of(registry, country, sentence, opponent.end(), clause_end)
            other = ActorMention(0, 0, "", forces) if forces else None
        if other is not None and other.actor_id != victim.actor_id:
            actor1, actor2 = other.actor_id, victim.actor_id
    actor1_person = actor1
    between = _BETWEEN_SIDES.match(sentence, hit.end)
    if between is not None and (actor1 is None or by is None and modifier is None and not subjects):
        # "talks between Ukrainian and Russian negotiators": one side each
        sides = [m for m in after if m.start >= offset + between.end()][:2]
        gap = sentence[sides[0].end - offset:sides[1].start - offset] if len(sides) == 2 else ""
        gap = "".join(gap[i] for i in range(len(gap)) if not inside(sides[0].end - offset + i, dashed))
        if len(sides) == 2 and sides[0].start == offset + between.end() and _LIST_LINK.fullmatch(gap):
            actor1, actor2 = sides[0].actor_id, sides[1].actor_id
    if hit.trigger is not None and (hit.trigger.mode == "clash" or hit.type in _TWO_SIDED) and subjects \
            and subjects[-1].actor_id != actor1 and not passive:
        actor2 = subjects[-1].actor_id  # "the army and the RSF fought", "X and Y agreed": one side each
    if hit.type in _MOVED and actor2 is not None and _moved_forces(registry, actor2):
        # "would send troops to fight the group": the troops are sent, the group is fought
        actor2 = next((m.actor_id for m in rest if m.actor_id != actor1 and not _moved_forces(registry, m.actor_id)), None)
    if verbal and speaker and any(m.actor_id == actor1 and role_patterns()["own_people"].search(sentence, 0, m.start - offset)
                                  for m in before):
        actor1 = speaker  # "X said his men would keep fighting": the speaker threatens
    if verbal and actor2 is not None and actor2 in (speaker, actor1_person):
        actor2 = None  # "Shabaab spokesman X warned that ...": the speaker is not the one warned
    return Roles(group_of(registry, actor1) if verbal else actor1, actor2, before, clause_end)


def group_of(registry: ActorRegistry, actor_id: str | None) -> str | None:
    """A verbal act of a group's spokesman or commander is the group's ("Taliban spokesman X
    claimed responsibility"); a named official of a state speaks as himself."""
    actor = registry.actors.get(actor_id) if actor_id else None
    group = registry.actors.get(actor.affiliation) if actor is not None and actor.affiliation else None
    if actor is not None and not actor.in_lexicon and actor.kind == "person" and group is not None \
            and (group.kind in ("armed_group", "organisation") or actor_id in registry.spokespeople):
        return group.actor_id  # "said Dina", the police's spokesperson: the police's
    return actor_id
