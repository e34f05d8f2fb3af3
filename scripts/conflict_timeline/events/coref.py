"""Mentions of one happening in one article become one event.

The headline, the lead and a later recap of one attack are one event whose evidence cites
each of them; the date and the toll come from the mention that gives them. Two mentions
are of one happening when their types are the same, no field of theirs conflicts (doer,
target, speaker, town, toll, date; not the country, which a border's mention blurs), they stand in different sentences and nothing marks
the later one as another happening ("another attack", "a separate raid").

How a mention's date was found decides what it can be matched with: a date of its own
(`OWN`) must equal the other's; the date of the saying that reports it (`SAYING`: "...,
a monitoring group said on Sunday") is on or after the happening's; the report's day
(`DEFAULT`) and no date at all (`NONE`) agree with any. An event is dated by its
strongest mention; a happening whose only date is the report's day, told in the past,
takes the date of the story (the last happening dated before it), `date_source` narrative.
A mention without a date re-tells a happening told before it; only in the opening
sentences (a headline, the lead) may it precede the mention that dates it. One that matches
nothing is dropped, as before. The event cites the mention that dates it first (its
`evidence`), the others in `also`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..settings import ANAPHORA_REACH, OPENING_SENTENCES
from .clauses import Hit
from .lexicon import event_types, load, words
from .model import Event, EventDate

OWN, SAYING, DEFAULT, NONE = 3, 2, 1, 0
#: A happening told without a date on the report's day is one of the last days' news: it is
#: not one dated further back ("in October 2017 when a truck bomb killed over 600").
_NEWS_REACH = dt.timedelta(days=7)
#: A verbal act told without a date took place on the report's day (GUIDELINES), or on the day
#: before it that a wire story's lead gives it ("said on Saturday" in Sunday's paper).
_SAID_REACH = dt.timedelta(days=1)
#: A weekend's days ("a shooting over the weekend", "shot Saturday night") are one time named coarser or finer.
_WEEKEND = dt.timedelta(days=1)
#: Modalities that affirm a happening (asserted and reported are one stance).
_AFFIRMED = ("asserted", "reported")


#: How far before a trigger its cue words are looked for (within its clause).
_CUE_REACH = 30
#: How many words open a sentence ("It also reported ...", "Elsewhere in the province, ...").
_OPENING_WORDS = 4


@functools.cache
def _lexicon_parts() -> tuple[str, ...]:
    return tuple(load("mentions")["parts"])


@functools.cache
def _lexicon() -> dict[str, re.Pattern[str]]:
    data = load("mentions")
    return {"distinct": re.compile(r"(?<![\w-])(?:" + data["distinct"] + r")\s+(?:[\w'’-]+\s+){0,2}$", re.I),
            "elsewhere": words(data["elsewhere"]), "aggregate": words(data["aggregate"]),
            "habitual": words(data["habitual"]), "anaphora": words(data["anaphora"]),
            "continuing": re.compile(r"(?<![\w-])(?:" + data["continuing"] + r")(?![\w-])[^;:]*$", re.I),
            "cause": re.compile(r"(?<![\w-])(?:" + data["cause"] + r")\s+(?:[\w'’-]+\s+){0,3}$", re.I),
            "comparison": re.compile(r"(?<![\w-])(?:" + data["comparison"] + r")\s+(?:[\w'’-]+\s+){0,4}since\s+[^;:]*$", re.I),
            "indefinite": re.compile(r"(?<![\w-])(?:" + data["indefinite"] + r")\s+(?:[\w'’-]+\s+){0,2}$", re.I)}


@functools.cache
def _anyone() -> frozenset[str]:
    return frozenset(load("mentions")["anyone"])


_ARMED_GROUP = "armed_group"


def generic_alike(actors: dict, a: str | None, b: str | None) -> bool:
    """Can two actors of one article's mentions be the same party? Named ones only when they
    are one; generic agents of one country when they are of one kind (the police and the
    policemen, the gunmen and the attackers; a state's forces and that state), or when one
    names anybody ("people"); generic fighters ("the militants") and a named armed group
    ("Islamic State") of one article may be one party."""
    if a is None or b is None or a == b:
        return True
    x, y = actors.get(a), actors.get(b)
    if x is None or y is None:
        return False
    if not a.startswith("agent-"):
        x, y, a, b = y, x, b, a
    if not a.startswith("agent-") or x.country is None:
        return False
    if not b.startswith("agent-") and _ARMED_GROUP == x.kind == y.kind:
        return True  # "the militants" and "Islamic State", whatever country the group's entry names
    if x.country != y.country:
        return False
    anyone = _anyone()
    if a.split("-", 2)[-1] in anyone or (b.startswith("agent-") and b.split("-", 2)[-1] in anyone):
        return True  # "25 people were killed", "civilians were killed in the blast"
    if not b.startswith("agent-"):
        return x.kind == "state" and b == f"state-{x.country.lower()}"
    return x.kind == y.kind


def _left(sentence: str, start: int) -> str:
    return re.split(r"[,;:]\s", sentence[max(0, start - _CUE_REACH):start])[-1]


def marked_distinct(sentence: str, hit: Hit) -> bool:
    """Does a word right before the trigger, or one opening its sentence, make it another
    happening than one already told ("another attack", "a separate bombing", "Elsewhere in
    the province, ... were killed")?"""
    lex = _lexicon()
    opening = " ".join(sentence[:hit.start].split()[:_OPENING_WORDS])
    return bool(lex["distinct"].search(_left(sentence, hit.start)) or lex["elsewhere"].search(opening))


def given_cause(sentence: str, hit: Hit) -> bool:
    """Is the happening named as the cause or reason of another ("killed for his part in an
    arrest of fighters", "in retaliation for a raid")? It is background, not news of the day."""
    return bool(_lexicon()["cause"].search(_left(sentence, hit.start)))


def compared(sentence: str, hit: Hit) -> bool:
    """Is the trigger in the "since" clause of a comparison ("the worst attack since a bomber
    struck the market in May")? It tells an earlier happening, an aside of the story."""
    return bool(_lexicon()["comparison"].search(sentence[:hit.start]))


def aggregate(sentence: str) -> bool:
    """Does a death toll count over an area ("killed in violence across Syria")?"""
    return bool(_lexicon()["aggregate"].search(sentence))


def definite(sentence: str, hit: Hit) -> bool:
    """Is the trigger a definite noun phrase's head ("the raid", "this violent attack")? It
    names a happening told before: its place and toll may be told more precisely."""
    return bool(_DEFINITE.search(sentence, max(0, hit.start - _CUE_REACH), hit.start))


def habitual(clause: str) -> bool:
    """Does the clause tell a habit ("they usually attack the buses"), not a happening?"""
    return bool(_lexicon()["habitual"].search(clause))


def anaphoric(sentence: str, opening: bool = False) -> bool:
    """Does the sentence refer to the happening just told ("It happened on Monday morning";
    with `opening`, only as its first words)?"""
    pattern = _lexicon()["anaphora"]
    return bool(pattern.match(sentence.lstrip("\"'“‘ ")) if opening else pattern.search(sentence))


def introduced(sentence: str, hit: Hit, hits: list[Hit]) -> bool:
    """Is a happening of this kind introduced by an indefinite noun phrase in the sentence
    ("killed in an attack on the gold mine", "several people were shot")? Then it is a new
    one, unless no mention before it has dated the one it would join (the headline's
    "gendarmes killed in attack"), or the sentence also names it with a definite noun phrase
    ("this attack left a dozen officers killed": the officers are new, the attack is not)."""
    pattern = _lexicon()["indefinite"]
    kind = [h for h in hits if h.type == hit.type]
    return not any(definite(sentence, h) for h in kind) and any(
        pattern.search(sentence[max(0, h.start - _CUE_REACH):h.start])
        and not re.search(r"[,;:]", sentence[max(0, h.start - _CUE_REACH):h.start].split(" ", 1)[-1][-12:])
        for h in kind)


#: A verb told in the passive ends here ("have been blamed", "was denounced").
_PASSIVE_BEFORE = re.compile(r"\b(?:been|was|were|is|are|being)\s+(?:\w+ly\s+)?$", re.I)
#: Verbs that, in the passive with nobody named, attribute a happening rather than tell an act
#: ("have been blamed on"; "was charged with murder" is the prosecutors' act).
_ATTRIBUTED = re.compile(r"(?:blamed|attributed)\b", re.I)
#: "the raid", "this violent attack"; not "the troops were killed" (a verb between: a clause, no noun phrase).
_DEFINITE = re.compile(r"(?<![\w-])(?:the|this|that|these|those)\s+"
                       r"(?:(?!(?:is|are|was|were|be|been|being|has|have|had|will|would|may|might|did)\s)[\w'’-]+\s+){0,2}$", re.I)


@dataclass
class Mention:
    """One coded mention of a happening, before mentions of one happening are joined."""

    event: Event
    strength: int  # how its date was found: OWN, SAYING, DEFAULT or NONE
    sentence: int  # index of its sentence in the article
    trigger: str  # the trigger's words (for the summary)
    distinct: bool = False  # marked as another happening ("another attack")
    now: bool = False  # told in the present ("are targeting"): the report's day is its own
    fresh: bool = False  # introduced by an indefinite noun phrase ("an attack on the mine")
    anaphor: bool = False  # only dates the happening just told ("it happened on Monday")
    definite: bool = False  # a definite noun phrase ("the raid"): refers to one told before
    news: bool = True  # told in a news report (a history dates every happening precisely)
    aside: bool = False  # an earlier happening a comparison recalls ("the worst since ..."): no re-telling follows


def _stance(modality: str) -> str:
    return "affirmed" if modality in _AFFIRMED else modality


def _agree(a, b) -> bool:
    return a is None or b is None or a == b


def _own_place(e: Event) -> str | None:
    """The place a mention names itself (a place borrowed from its context contradicts none)."""
    return None if e.place_borrowed else e.location


def _dates_agree(a: Mention, b: Mention) -> bool:
    if a.strength == NONE or b.strength == NONE:
        return True
    if a.strength == DEFAULT or b.strength == DEFAULT:  # the report's day: the news of the last days
        weak, strong = (a, b) if a.strength == DEFAULT else (b, a)
        if event_types().get(a.event.event_type, {}).get("verbal"):  # a verbal act told undated is the report's day's
            return strong.strength == DEFAULT or dt.timedelta(0) <= weak.event.date.start - strong.event.date.end <= _SAID_REACH
        if strong.strength != DEFAULT and strong.event.date.end - strong.event.date.start > _NEWS_REACH \
                and not (weak.definite or strong.definite or weak.now or _recent(weak.event) or _perfect(weak.event)):
            return False  # "have launched missiles 14 times since January": a count over a period, not the day's attack
        return strong.strength == DEFAULT or weak.event.date.start - strong.event.date.end <= _NEWS_REACH
    da, db = a.event.date, b.event.date
    if a.strength == b.strength:  # "the attack ... of the year" may name its time more coarsely; a weekend, its day
        return da.edtf == db.edtf or ((a.definite or b.definite or max(da.end - da.start, db.end - db.start) <= _WEEKEND)
                                      and a.news and (da.start <= db.start and db.end <= da.end
                                                      or db.start <= da.start and da.end <= db.end))
    own, said = (da, db) if a.strength == OWN else (db, da)
    return own.start <= said.end and said.start - own.end <= _NEWS_REACH


def same_happening(group: list[Mention], m: Mention, alike=_agree) -> bool:
    """Can mention `m` be of the happening the mentions in `group` tell? `alike(a, b)`: can
    actors `a` and `b` be one party (by default, when one is missing or they are one)?"""
    if m.distinct or m.aside or any(g.sentence == m.sentence for g in group):
        return False
    if m.strength < SAYING and any(g.aside for g in group):
        return False  # "the blast" after "the worst attack since a bomber struck in May" is the story's
    if m.anaphor:  # "it happened on Monday": the last happening told, if nothing dates it yet
        return max(g.strength for g in group) < SAYING and m.sentence - max(g.sentence for g in group) <= ANAPHORA_REACH
    if m.fresh and any(g.strength >= SAYING for g in group):
        return False  # "an attack on the mine" after a dated attack: another one
    if m.strength >= SAYING and all(g.strength < SAYING and g.sentence >= OPENING_SENTENCES for g in group):
        return False  # a dated happening after undated mentions past the lead is told for the first time
    e = m.event
    for g in group:
        if g.anaphor:
            continue
        o = g.event
        if o.event_type != e.event_type or _stance(o.modality) != _stance(e.modality):
            return False
        if not (alike(o.actor1, e.actor1) and alike(o.actor2, e.actor2)):
            return False
        if not (m.definite or g.definite) and not (_agree(o.speaker, e.speaker) and _agree(_own_place(o), _own_place(e))
                                                   and _agree(o.fatalities_low, e.fatalities_low)
                                                   and _agree(o.fatalities_high, e.fatalities_high)):
            return False  # "the raid on the industrial zone" may have another source, a more precise place or toll
        if not _dates_agree(g, m):
            return False
    return True


def _first(values):
    return next((v for v in values if v is not None), None)


def _join(group: list[Mention], summary) -> Event:
    """One event from the mentions of one happening."""
    dated = max(group, key=lambda m: (m.strength, -m.event.char_start))
    named = [m for m in group if not m.anaphor]  # what tells the happening (an anaphor only dates it)
    rep = head = max(named, key=lambda m: (m.strength, -m.event.char_start))  # the fullest, first cited
    # conflicting figures of the mentions (GUIDELINES): low the smallest, high the largest
    lows = [m.event.fatalities_low for m in group if m.event.fatalities_low is not None]
    highs = [m.event.fatalities_high for m in group if m.event.fatalities_high is not None]
    placed = next((m.event for m in sorted(group, key=lambda m: (m.event.place_borrowed, m.event.geo_precision != "city",
                                                                 m.event.char_start))
                   if m.event.location is not None or m.event.country is not None), None)
    events = [rep.event] + [m.event for m in sorted(named, key=lambda m: m.event.char_start) if m is not rep]
    actor1, actor2 = _first(e.actor1 for e in events), _first(e.actor2 for e in events)  # an anaphor only dates it
    speaker = _first(e.speaker for e in events)
    place = {} if placed is None else {k: getattr(placed, k) for k in
                                       ("country", "location", "latitude", "longitude", "geo_precision")}
    also = tuple(sorted({(m.event.char_start, m.event.char_end, m.event.evidence) for m in group
                         if m.event.char_start != head.event.char_start}))
    r = rep.event
    return dataclasses.replace(
        r, char_start=head.event.char_start, char_end=head.event.char_end, evidence=head.event.evidence,
        trigger_start=r.trigger_start,
        date=dated.event.date, modality=dated.event.modality, actor1=actor1, actor2=actor2, speaker=speaker,
        fatalities_low=min(lows) if lows else None, fatalities_high=max(highs) if highs else None,
        summary=summary(r.event_type, rep.trigger, actor1, actor2, speaker) if len(group) > 1 else r.summary,
        also=also, **place)


def _story_date(date: EventDate) -> EventDate:
    return EventDate(date.start, date.end, date.precision, date.edtf, "", "narrative", date.ongoing)


def _trigger_at(event: Event) -> int:
    """Where the event's trigger stands in its evidence sentence."""
    return max(0, event.trigger_start - event.char_start)


def continuing(event: Event) -> bool:
    """Is the happening told as going on since the story's last happening ("the forces are
    continuing a combing operation", "Since then, clashes have devastated the area")?"""
    return bool(_lexicon()["continuing"].search(event.evidence[:_trigger_at(event)]))


#: A present perfect or progressive right before the trigger ("have abandoned the city", "are
#: said to be gathering reinforcements"): the news of the report's day, not the story's past.
_RECENT = re.compile(r"\b(?:has|have|is|are|be|being)\s+(?:(?:been|also|now|reportedly|already)\s+)?$", re.I)


def _recent(event: Event) -> bool:
    at = _trigger_at(event)
    return bool(_RECENT.search(event.evidence[max(0, at - 30):at]))


#: A present perfect in the clause before the trigger ("have been killed in attacks"): a count up to now.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?been\s+\w+[^,;:]*$", re.I)


def _perfect(event: Event) -> bool:
    return bool(_PERFECT.search(event.evidence[:_trigger_at(event)]))


def _since_story(date: EventDate, dct: dt.date) -> EventDate:
    """From the story's last happening to the report, still going on."""
    first = date.edtf.split("/")[0]
    return EventDate(date.start, dct, date.precision, f"{first}/{dct.isoformat()}", "", "narrative", True)


def _strength(group: list[Mention]) -> int:
    return max(m.strength for m in group if not m.anaphor) if any(not m.anaphor for m in group) else NONE


def _absorb_parts(groups: list[list[Mention]]) -> list[list[Mention]]:
    """What happens within an attack's operation ("The attackers seized weapons", "they freed
    the hostages"), told right after a dated attack with no date, toll or town of its own, is
    part of that attack's event (GUIDELINES: what happens within one operation)."""
    parts = set(_lexicon_parts())
    out: list[list[Mention]] = []
    for group in groups:
        first = min(group, key=lambda m: m.event.char_start)
        if first.event.event_type in parts and _strength(group) < OWN and not any(
                m.event.fatalities_low is not None or m.event.fatalities_high is not None for m in group):
            host = next((h for h in reversed(out) if h[0].event.event_type == "ASSAULT"), None)
            if host is not None and _strength(host) >= SAYING \
                    and 0 < first.sentence - max(m.sentence for m in host) <= ANAPHORA_REACH \
                    and all(_own_place(m.event) is None or _own_place(m.event) == _own_place(x.event)
                            for m in group for x in host if _own_place(x.event) is not None):
                host.extend(group)
                continue
        out.append(group)
    return out


def corefer(mentions: list[Mention], dct: dt.date, summary, infer_story: bool = True, alike=_agree) -> list[Event]:
    """The article's events: its mentions (in text order) joined by happening. `summary`
    makes an event's summary from (type, trigger, actor1, actor2, speaker); `alike` tells
    whether two actors can be one party (`same_happening`)."""
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: (m.event.char_start, m.event.trigger_start)):
        if m.strength == NONE and not m.anaphor and infer_story and continuing(m.event):
            groups.append([m])  # "Since then, clashes have ...": dated by the story, from its last happening on
            continue
        home = next((g for g in reversed(groups) if same_happening(g, m, alike)), None)
        if m.anaphor:
            home = max(groups, key=lambda g: max(x.sentence for x in g if not x.anaphor), default=None)
            if home is not None and same_happening(home, m, alike):
                home.append(m)
            continue
        if home is not None:
            home.append(m)
        elif m.strength > NONE or m.sentence < OPENING_SENTENCES:
            groups.append([m])  # an undated mention opens a happening only in the headline or lead
    groups = _absorb_parts(groups)
    types = event_types()
    out: list[Event] = []
    # the story's time at each point: the dates of past physical happenings as their sentences give them
    stories = sorted(((m.event.char_start, m.event.date) for m in mentions
                      if m.strength == OWN and not m.anaphor and not types.get(m.event.event_type, {}).get("verbal")
                      and m.event.modality in _AFFIRMED and m.event.date.end <= dct and "/" not in m.event.date.edtf),
                     key=lambda pair: pair[0])
    for group in groups:
        strength = max(m.strength for m in group)
        since = strength <= DEFAULT and any(m.strength == NONE and continuing(m.event) for m in group)
        if strength == NONE and not since:
            continue  # an undated mention of nothing coded
        if since:  # the mention that says "since then" dates the happening: it tells it first
            group = [dataclasses.replace(m, strength=OWN) if m.strength == NONE and continuing(m.event) else m
                     for m in group]
        event = _join(group, summary)
        verbal = bool(types.get(event.event_type, {}).get("verbal"))
        story = [d for at, d in stories if at < event.char_start]
        if since and not (story and not verbal and event.modality in _AFFIRMED):
            continue
        if (strength == DEFAULT or since) and infer_story and story and not verbal and event.modality in _AFFIRMED:
            if since or continuing(event):  # "are continuing a combing operation": since the story's happening
                event = dataclasses.replace(event, date=_since_story(story[-1], dct))
            elif not any(m.now or _recent(m.event) for m in group):
                event = dataclasses.replace(event, date=_story_date(story[-1]))
        at = _trigger_at(event)
        if verbal and event.actor1 is None and event.speaker is None and _PASSIVE_BEFORE.search(event.evidence, 0, at) \
                and _ATTRIBUTED.match(event.evidence, at):
            continue  # "the attacks have been blamed on militias": the writer's attribution, no party's act
        twin = next((i for i, o in enumerate(out) if _one_row(event, o)), None)
        if twin is not None:  # two triggers of one sentence that tell one happening ("killed in US airstrikes")
            if _told(event) > _told(out[twin]):
                out[twin] = event
            continue
        out.append(event)
    return out


def one_undated_per_type(mentions: list[Mention]) -> list[Mention]:
    """A sentence tells one happening of a type unless it dates them apart: of two mentions of
    one type without a date of their own ("Two were killed in a roadside bombing": killed,
    bombing) the one with the toll, else the first, stands; one beside a dated mention of its
    type goes."""
    keep: list[Mention] = []
    for m in mentions:
        if m.strength >= SAYING or m.anaphor:
            keep.append(m)
            continue
        rivals = [o for o in mentions if o is not m and not o.anaphor and o.event.event_type == m.event.event_type]
        if any(o.strength >= SAYING for o in rivals):
            continue
        pool = [m] + rivals
        tolled = [o for o in pool if o.event.fatalities_low is not None or o.event.fatalities_high is not None]
        best = min(tolled or pool, key=lambda o: (-o.strength, o.event.trigger_start))
        if best is m:
            keep.append(m)
    return keep


def _one_row(a: Event, b: Event) -> bool:
    """Do two events of one sentence tell one happening: the same type, date, actors, speaker
    and stance, and no place or toll of one that the other contradicts?"""
    return (a.char_start, a.event_type, a.date.edtf, a.actor1, a.actor2, a.speaker, a.modality) == \
        (b.char_start, b.event_type, b.date.edtf, b.actor1, b.actor2, b.speaker, b.modality) \
        and a.also == b.also and _agree(a.location, b.location) \
        and _agree(a.fatalities_low, b.fatalities_low) and _agree(a.fatalities_high, b.fatalities_high)


def _told(e: Event) -> int:
    """How much of a happening an event tells (its place, toll and mode)."""
    return sum(v is not None for v in (e.location, e.fatalities_low, e.fatalities_high, e.event_mode))
