"""Actors named in text: the lexicon's, states (from places), and people and groups the
lexicon does not know, which still become actors rather than being dropped."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field

from .agents import AgentSpan, agent_named, find_agents
from .gazetteer import is_large_city
from .lexicon import calendar_words, load, titles, words
from .names import find_named, named_rows, same_words
from .places import surface_names as place_names
from .places import country_name
from .prefixes import NameIndex

_CAP = r"(?:(?:Mac|Mc|De|Di|La|Le|O')?[A-Z][a-z’']+(?:-[A-Z]?[a-z]+)*|al-[A-Z][a-z]+|[A-Z]\.)"
_NAME = rf"{_CAP}(?:\s+(?:al-|bin\s+|de\s+|van\s+)?{_CAP}){{0,3}}"
_SPEECH = r"(?:said|says|told|added|stated|noted|insisted|claimed|declared|announced)"
_STOP_WORDS = frozenset("The A An This That These Those It He She They We I But And Or However Meanwhile In On At For If When While".split())
_ORG_WORDS = r"(?:Army|Front|Brigades?|Division|Movement|Party|Forces|Council|Coalition|Committee|Organi[sz]ation|Group|Battalion|Militia|Union|Ministry|Agency|Corps|Regiment|Alliance|Observatory|Command)"
_ROLE = re.compile(r",?\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:man|woman|person)|commander|leader|member|official|head|chief|representative|envoy|minister|fighter|negotiator)\s+(?:for|of|with|from)\s+(?P<org>[^,.;]{2,80})")
#: "the spokesperson of the General Command of the Mozambican police, Inacio Dina": the role before the name.
_ROLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?P<role>spokes(?:man|woman|person)|commander|leader|chief|official|representative|envoy|head)\s+(?:for|of|with)\s+(?P<org>[^,.;]{2,80}),\s+$")
#: A role whose holder speaks for his body, a state's too ("the police spokesman said"): his
#: verbal acts are the body's. A named minister or president of a state speaks as himself.
_SPEAKS_FOR = re.compile(r"spokes(?:man|woman|person)")
_DESCRIPTION = re.compile(r"\b[Tt]he\s+(?:(?:top|senior|chief|former|veteran)\s+)?(?P<demonym>[A-Z][a-z]+)\s+(?:diplomat|foreign minister|minister|president|leader|envoy|official|spokesman|premier|prime minister)\b")


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    in_lexicon: bool = True

    def row(self) -> dict:
        return {"actor_id": self.actor_id, "name": self.name, "kind": self.kind, "country": self.country,
                "affiliation": self.affiliation, "aliases": " | ".join(self.aliases) or None,
                "in_lexicon": self.in_lexicon}


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    actor_id: str
    possessive: bool = False
    demonym: bool = False
    generic: bool = False  # a generic agent ("gunmen", "the police"), not a name


#: What stands between a noun phrase and the name in apposition to it: a comma or a dash (after
#: the noun a generic agent leaves out: "militant group").
_APPOSITION_GAP = re.compile(r"(?:\s+(?:group|organi[sz]ation|movement|faction|network|outfit))?\s*(?:,|–|—|--)\s*(?:the\s+)?", re.I)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "actor"


@functools.cache
def lexicon_actors() -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for entry in load("actors")["actors"]:
        aliases = tuple(entry.get("aliases") or ())
        out[entry["id"]] = Actor(entry["id"], entry["name"], entry["kind"], entry.get("country"),
                                 entry.get("affiliation"), aliases)
    return out


@functools.cache
def _rebel_nouns() -> re.Pattern[str]:
    return re.compile(load("actors")["rebel_nouns"])


@functools.cache
def _armed_names() -> re.Pattern[str]:
    return re.compile(load("actors")["armed_names"])


@functools.cache
def _backers() -> re.Pattern[str]:
    return re.compile(load("actors")["backers"])


@functools.cache
def state_forces() -> re.Pattern[str]:
    """Words for a state's own forces that name no country (actors.yaml `state_forces`)."""
    return words(load("actors")["state_forces"])


def known_actor(actor_id: str) -> Actor | None:
    """The actor of a lexicon id: actors.yaml's, the Phoenix lexicon's, or a state."""
    if actor_id in lexicon_actors():
        return lexicon_actors()[actor_id]
    row = named_rows().get(actor_id) if actor_id.startswith("ph-") else None
    if row is not None:
        affiliation = f"state-{row.country.lower()}" if row.country and row.kind in ("state", "person") else None
        return Actor(row.actor_id, row.name, row.kind, row.country, affiliation, row.aliases)
    if actor_id.startswith("state-"):
        return state_actor(actor_id[6:].upper())
    return None


def affiliated_actors(affiliations, present) -> dict[str, "Actor"]:
    """The lexicon and state actors that `affiliations` name, and those they are affiliated
    with in turn, leaving out the ids in `present`: added so that the foreign key holds."""
    out: dict[str, Actor] = {}
    pending = list(affiliations)
    while pending:
        actor_id = pending.pop()
        if actor_id in present or actor_id in out:
            continue
        actor = known_actor(actor_id)
        if actor is None:
            continue
        out[actor_id] = actor
        if actor.affiliation:
            pending.append(actor.affiliation)
    return out


def state_actor(code: str) -> Actor:
    """A state, named by its everyday name and the short form in capitals that texts use for
    it, as coders write a group with its acronym ("United States (US)", "United Arab Emirates (UAE)")."""
    return Actor(f"state-{code.lower()}", state_name(code), "state", code)


@functools.cache
def state_name(code: str) -> str:
    name = country_name(code)
    names = (load("places")["countries"].get(code) or {}).get("names") or ()
    short = next((n for n in names if re.fullmatch(r"[A-Z]{2,4}", n) and n not in name), None)
    return f"{name} ({short})" if short else name


@functools.cache
def _surface_table() -> dict[str, tuple[str, bool]]:
    """Surface form -> (actor id, is demonym). Lexicon names win over place names."""
    table: dict[str, tuple[str, bool]] = {}
    for name, (code, kind) in place_names().items():
        table[name] = (f"state-{code.lower()}", kind == "demonym")
    for entry in load("actors")["actors"]:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            table[name] = (entry["id"], False)
        if entry.get("surname"):
            table.setdefault(entry["surname"], (entry["id"], False))
    return table


@functools.cache
def _surface_pattern() -> re.Pattern[str]:
    names = sorted(_surface_table(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


@functools.cache
def _surface_index() -> NameIndex:
    return NameIndex(_surface_pattern(), _surface_table())


@functools.cache
def _demonym(code: str) -> str | None:
    """The adjective of a country in the places lexicon ("Nigerian"), if it has one."""
    entry = load("places")["countries"].get(code) or {}
    return next(iter(entry.get("demonyms") or ()), None)


@functools.cache
def _place_words() -> frozenset[str]:
    """One-word country names and demonyms: before a generic agent they name its country."""
    return frozenset(n for n in place_names() if " " not in n)


@functools.cache
def _person_tokens() -> dict[frozenset[str], str]:
    return {frozenset(a.name.replace("-", " ").split()): a.actor_id for a in lexicon_actors().values() if a.kind == "person"}


def _lexicon_person(name: str) -> str | None:
    """A lexicon person whose name holds every word of `name` ("President Bashar" -> Bashar al-Assad)."""
    tokens = set(name.replace("-", " ").split())
    hits = [actor_id for words_, actor_id in _person_tokens().items() if tokens <= words_]
    return hits[0] if len(hits) == 1 else None


_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Z0-9-]{1,7}\s*\)")
def _spelled_out(text: str, start: int, end: int) -> bool:
    """Do the capitalised words of text[start:end] spell the acronym in brackets after it?"""
    acronym = _ACRONYM_AFTER.match(text, end)
    if acronym is None:
        return False
    initials = "".join(w[0] for w in re.split(r"[\s-]+", text[start:end]) if w[:1].isupper())
    return initials == acronym.group().strip(" ()")


_ROLE_NOUN = re.compile(r"spokes|commander|leader|chief|official|envoy|representative|minister|head\b|member")
_SPOKESMAN = re.compile(r"\s+(?:spokes(?:man|woman|person)|commander|leader|chief|official)\s+(?:[A-Z][\w.’'-]*\s+){0,3}")
_ORG_TAIL = re.compile(r"\b(?:Department|Service|Agency|Institute|Statistics|Bureau|Office|Ministry|Union|Bank|"
                       r"Company|Corporation|Council|Committee|Commission|Court|Police|News|Press|Times|Post)$")


@functools.cache
def _not_names() -> frozenset[str]:
    return frozenset(load("actors")["not_names"])


def _could_be_named(name: str) -> bool:
    """A capitalised run before 'said' or after 'told' is a name unless it is one word that
    names a day, a month, a place, its people or a group ("Friday", "Miami", "Officials")."""
    if " " in name:
        return True
    word = name.rstrip(".")
    return not (word in _not_names() or word in calendar_words() or word in place_names() or word[:-1] in place_names()
                or word in ("Mr", "Mrs", "Ms", "Dr") or is_large_city(word))


@functools.cache
def _all_titles() -> str:
    """cues.yaml's titles and actors.yaml's ranks ("Sgt.", "Detective"): words before a name that are no name."""
    return f"{titles()}|{load('actors')['ranks']}"


@functools.cache
def _leading_title() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:{_all_titles()})\s+)+")


@functools.cache
def _lone_title() -> re.Pattern[str]:
    return re.compile(rf"(?:{_all_titles()})\.?")


@functools.cache
def _titled_person() -> re.Pattern[str]:
    return re.compile(rf"(?:(?:{_all_titles()})\s+)+(?P<name>{_NAME})")


@functools.cache
def person_roles() -> re.Pattern[str]:
    """Lower-case role words before a person's name ("commander", "rebel leader")."""
    return re.compile(rf"(?:{load('actors')['person_roles']})", re.I)


_NAMED_AFTER = re.compile(rf"\s+(?P<first>{_CAP})(?:\s+(?:al-|bin\s+|de\s+)?{_CAP}){{1,3}}")


@functools.cache
def _role_person() -> re.Pattern[str]:
    """A person named after a lower-case role ("rogue general Khalifa Haftar", "warlord X")."""
    return re.compile(rf"\b(?:{load('actors')['person_roles']})\s+(?P<name>{_CAP}(?:\s+(?:al-|bin\s+|de\s+)?{_CAP}){{1,3}})")


#: A person named after his role and body, set off by commas ("the spokesperson of the police, Ana Reis,").
_ROLE_NAMED = re.compile(rf"\b(?:spokes(?:man|woman|person)|commander|leader|chief|official|representative)\s+(?:for|of|with)\s+[^,.;]{{2,80}},\s+(?P<name>{_CAP}(?:\s+{_CAP}){{1,3}})\s*[,.;]")
#: A name of two or three words right before a verb of a political act is its maker ("Tomas Okello welcomed").
_ACTOR_BEFORE = re.compile(rf"(?P<name>{_CAP}(?:\s+{_CAP}){{1,2}})\s+(?:welcomed|condemned|rejected|denied|accused|urged|"
                           r"demanded|warned|vowed|threatened|signed|visited|ordered|praised|critici[sz]ed|blamed|appealed)\b")
_SPEAKER_AFTER = re.compile(rf"{_SPEECH}\s+(?P<name>{_NAME})(?!['’]s\b)")  # not "said Kopp's car was seen"
_SPEAKER_BEFORE = re.compile(rf"(?P<name>{_NAME})\s+{_SPEECH}\b")
#: At most this many capitalised words (each may be followed by "and": "Justice and Equality
#: Movement") before the organisation word: unbounded, a long run of
#: capitalised words ("Assad Assad ...") made every search start rescan the run (quadratic).
_ORG_LEAD = 6
_ORG_RE = re.compile(rf"(?P<name>(?:(?!{_ORG_WORDS}\b){_CAP}\s+and\s+(?=[A-Z])|{_CAP}\s+){{0,{_ORG_LEAD}}}{_ORG_WORDS}(?:\s+\d+|\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP})*)?|{_ORG_WORDS}\s+\d+)")


class _OrgPattern:
    """`_ORG_RE`'s matches, found from its organisation words: each match holds one, and starts
    at most `_ORG_LEAD` words before it, so the pattern is tried only there. Tried at every
    word, it scanned six words ahead of each (1.1 s on a megabyte of "Assad Assad ...")."""

    pattern = _ORG_RE.pattern
    _anchor = re.compile(_ORG_WORDS)

    def finditer(self, text: str):
        end = 0
        for hit in self._anchor.finditer(text):
            if hit.start() < end:
                continue
            m = _ORG_RE.search(text, self._lead_start(text, hit.start(), end))
            if m is None:  # cannot be: the organisation word alone matches
                continue
            yield m
            end = max(m.end(), end + 1)

    @staticmethod
    def _lead_start(text: str, pos: int, floor: int) -> int:
        """Where the word holding `pos` and up to twice `_ORG_LEAD` words before it, separated by
        white space, start (not before `floor`, the end of the last match): a capitalised word
        may hold the organisation word ("DeArmy Council")."""
        i = pos
        while i > floor and not text[i - 1].isspace():
            i -= 1
        for _ in range(2 * _ORG_LEAD):  # a word and an "and" ("Surveillance and Intervention Group")
            j = i
            while j > floor and text[j - 1].isspace():
                j -= 1
            if j == i or j == floor:
                break  # no space before: no word of the name can stand there
            k = j
            while k > floor and not text[k - 1].isspace():
                k -= 1
            i = k
        return i


_ORG = _OrgPattern()


def agent_name(words: str, span: AgentSpan) -> str:
    """A generic agent's name as the text writes it (GUIDELINES: "as the text names them"):
    "suspected jihadists", "government troops", "Kenyan police"; a common word that opens a
    sentence is written in lower case ("Gunmen stormed" -> "gunmen"). The demonym of the
    article's country is not added: the actor's country says whose they are."""
    words = " ".join(words.split())
    first = words.split(" ", 1)[0]
    if first[:1].isupper() and first not in _place_words() and first not in span.qualifier.split() \
            and not first.isupper() and span.demonym_end == span.start:
        words = first[:1].lower() + words[1:]
    return words


@dataclass
class ActorRegistry:
    """The actors of one article: lexicon and state actors it mentions, and the people and
    groups it names that the lexicon does not know (remembered so that a later bare
    surname finds the same person)."""

    actors: dict[str, Actor] = field(default_factory=dict)
    country: str | None = None  # the country the article is about: generic agents are its
    named_forces: dict[str, str] = field(default_factory=dict)  # agent code ("MIL") -> the country a demonym named
    surnames: dict[str, str] = field(default_factory=dict)
    acronyms: dict[str, str] = field(default_factory=dict)  # "TPLF" -> the Tigray People's Liberation Front
    last_person: str | None = None
    spokespeople: set[str] = field(default_factory=set)  # people who speak for their affiliation
    properties: set[str] = field(default_factory=set)  # agents that are a property or site ("ships"): targets only
    earlier_groups: set[str] = field(default_factory=set)  # armed groups named before the current sentence

    def _known(self, actor_id: str) -> Actor:
        if actor_id not in self.actors:
            actor = known_actor(actor_id)
            if actor is not None:
                self.actors[actor_id] = actor
        return self.actors[actor_id]

    def _agent(self, span: AgentSpan, country: str | None, text: str) -> str:
        """The actor of a generic agent, tied to a country: a state's own forces or officials
        are that state's (affiliated with it), named as the text names them ("Kenyan troops",
        "the police" in an article about Kenya, ACLED's "Military Forces of ..." apart from the
        state's government); other agents are the country's gunmen, civilians or protesters."""
        agent = span.agent
        if agent.kind == "state" and country:
            self.named_forces.setdefault(agent.code[:3], country)
        elif agent.kind == "state":
            # "Chad's army ... the army": the forces of the state named before, called as the text calls them
            country = self.named_forces.get(agent.code[:3])
        if agent.kind == "armed_group" and _rebel_nouns().fullmatch(agent.noun):
            group = self._sole_group()
            if group is not None:
                return group  # "the Lord's Resistance Army ... the rebels": the one group named
        country = country or self.country
        actor_id = "agent-" + (f"{country.lower()}-" if country else "") + slug(f"{span.qualifier} {agent.noun}")
        kind = agent.kind if agent.kind in ("armed_group", "civilian", "media", "state") else "unknown"
        if kind == "state" and not country:
            kind = "unknown"
        name = agent_name(text[span.start:span.end], span)  # as the text names them; the country is a column
        if agent.code == "PRP":
            self.properties.add(actor_id)
        affiliation = f"state-{country.lower()}" if kind == "state" else None
        if affiliation:
            self._known(affiliation)
        known = self.actors.get(actor_id)
        if known is None or len(name.split()) > len(known.name.split()):  # the fullest name the article gives
            self.actors[actor_id] = Actor(actor_id, name, kind, country, affiliation, in_lexicon=False)
        return actor_id

    def _groups(self) -> set[str]:
        """The armed groups the article has named so far (a lexicon's, or a name with a word of an
        armed group's: "Arakan Rohingya Salvation Army")."""
        return {a.actor_id for a in self.actors.values() if not a.actor_id.startswith("agent-")
                and (a.kind == "armed_group" or a.kind == "unknown" and _armed_names().search(a.name))}

    def _sole_group(self) -> str | None:
        """The one armed group the article named before the current sentence, or None when it
        named none or several ("Congo rebels took Goma, an M23 spokesman said": the sentence
        tells who they are, or not)."""
        groups = self.earlier_groups
        return next(iter(groups)) if len(groups) == 1 else None

    def implied_agent(self, noun: str) -> str | None:
        """The generic agent a happening's own name implies ("a suicide blast": a suicide
        bomber), of the article's country."""
        agent = agent_named(noun)
        if agent is None:
            return None
        return self._agent(AgentSpan(0, len(noun), agent, "", noun, 0), None, noun)

    def ensure(self, actor_id: str) -> Actor:
        """The lexicon or state actor `actor_id`, added to this article's actors."""
        return self._known(actor_id)

    def _unknown(self, name: str, kind: str) -> str:
        actor_id = f"unk-{slug(name)}"
        self.actors.setdefault(actor_id, Actor(actor_id, name, kind, in_lexicon=False))
        if kind == "person" and " " in name:
            self.surnames.setdefault(name.split()[-1], actor_id)
        if kind == "unknown":
            initials = "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
            if len(initials) >= 3:
                self.acronyms.setdefault(initials, actor_id)
        return actor_id

    def set_affiliation(self, actor_id: str, affiliation: str) -> None:
        actor = self.actors.get(actor_id)
        if actor is not None and not actor.in_lexicon and actor.affiliation is None and affiliation != actor_id:
            self.actors[actor_id] = Actor(actor.actor_id, actor.name, actor.kind, actor.country, affiliation,
                                          actor.aliases, False)
            self._known(affiliation)

    def find(self, text: str, offset: int = 0) -> list[ActorMention]:
        """Actor mentions in a sentence, left to right, without overlaps (longest first)."""
        self.earlier_groups = self._groups()  # named before this sentence: what its generic rebels may be
        found: list[tuple[int, int, str, bool]] = []
        table = _surface_table()
        for m in _surface_index().finditer(text):
            actor_id, demonym = table[m.group()]
            self._known(actor_id)
            found.append((m.start(), m.end(), actor_id, demonym))
        hand = [(f[0], f[1]) for f in found if not f[3] and not f[2].startswith("state-")]  # actors.yaml's
        for start, end, actor_id in find_named(text):
            title = _leading_title().match(text, start)
            if title and title.end() < end:
                start = title.end()  # "Prime Minister Benjamin Netanyahu": the title is no part of the name
            if any(f[0] <= start and end <= f[1] for f in found) or any(a < end and start < b for a, b in hand):
                continue  # actors.yaml's or a place's name ("Taliban"): the hand-made entry wins
            actor = self._known(actor_id)
            if actor.name != text[start:end] and same_words(actor.name, text[start:end]):
                # the dictionary writes no apostrophes or accents: the article's own spelling is the name
                actor = self.actors[actor_id] = Actor(actor.actor_id, text[start:end], actor.kind, actor.country,
                                                      actor.affiliation, actor.aliases)
            found.append((start, end, actor_id, False))
            if actor.kind == "person":
                self.surnames.setdefault(actor.name.split()[-1], actor_id)
            else:  # "the TPLF" after "the Tigray People's Liberation Front"
                initials = "".join(w[0] for w in re.split(r"[\s-]+", text[start:end]) if w and w[0].isupper())
                if len(initials) >= 3:
                    self.acronyms.setdefault(initials, actor_id)
        self._generic: set[tuple[int, int]] = set()
        self._agents(text, found)
        known_spans = [(a, b) for a, b, _, demonym in found if not demonym and (a, b) not in self._generic]  # "Committee of Sudanese Doctors" is its own
        for pattern in (_titled_person(), _role_person(), _ROLE_NAMED, _SPEAKER_AFTER, _SPEAKER_BEFORE, _ACTOR_BEFORE):
            for m in pattern.finditer(text):
                name, begin = m.group("name").strip(), m.start("name")
                if _lone_title().fullmatch(name) or _lone_title().fullmatch(text[begin:begin + len(name) + 1].strip()):
                    continue  # "said Sgt. Lopez": a title alone names nobody (the name after it is found on its own)
                title = _leading_title().match(name)
                if title and title.end() < len(name):  # "Prime Minister Benjamin Netanyahu said"
                    name, begin = name[title.end():], begin + title.end()
                if name[-2:] in ("'s", "’s"):
                    name = name[:-2]  # "Hussein's"
                if name.split()[0] in _STOP_WORDS or not _could_be_named(name):
                    continue
                if name in table:
                    continue  # a known actor, found above
                if pattern is _ACTOR_BEFORE and len(name.split()) == 3 and re.search(r"[A-Z][\w’'-]*\s+$", text[:begin]):
                    first = name.split()[0]  # "the Peace Talks Tomas Okello": the run of capitals began before
                    name, begin = name[len(first):].lstrip(), begin + len(name) - len(name[len(first):].lstrip())
                if pattern is _ACTOR_BEFORE and (re.search(_ORG_WORDS, name) or any(a < begin + len(name) and begin < b
                                                                                   for a, b in known_spans)):
                    continue  # "the Coordinating Committee condemned": a body, found below
                kind = "unknown" if _ORG_TAIL.search(name) else "person"  # "the State Department said"
                actor_id = _lexicon_person(name) or self.surnames.get(name.split()[-1]) or self._unknown(name, kind)
                if actor_id in lexicon_actors():
                    self._known(actor_id)
                found.append((begin, begin + len(name), actor_id, False))
        for m in _ORG.finditer(text):
            name, begin = m.group("name").strip(), m.start("name")
            while " " in name and name.split()[0] in _STOP_WORDS:  # "The Central Committee of ..."
                first = name.split()[0]
                name, begin = name[len(first):].lstrip(), begin + len(name) - len(name[len(first):].lstrip())
            if any(a < begin + len(name) and begin < b for a, b in known_spans):
                continue  # "Brigade of the Free Syrian Army": the known actor is the one to keep
            if name not in table and name.split()[0] not in _STOP_WORDS and " " in name:
                found.append((begin, begin + len(name), self._unknown(name, "unknown"), False))
        for m in re.finditer(r"(?<![\w-])[A-Z]{3,6}(?![\w-])", text):
            if m.group() in self.acronyms and m.group() not in table:
                found.append((m.start(), m.end(), self.acronyms[m.group()], False))
        for surname, actor_id in self.surnames.items():
            if surname not in text:
                continue  # the cheap test first: most sentences name few of an article's people
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
                found.append((m.start(), m.end(), actor_id, False))
        for m in _DESCRIPTION.finditer(text):
            code = place_names().get(m.group("demonym"), (None, None))[0]
            person = self._recent_person_of(code) if code else None
            if person:
                found.append((m.start(), m.end(), person, False))
        mentions = self._appositions(self._resolve_overlaps(found, text, offset), text, offset)
        mentions = [m for m in mentions if not _backers().match(text, m.end - offset)]  # "U.N.-backed soldiers": theirs
        self._acronym_names(text, mentions, offset)
        self._affiliations(text, mentions, offset)
        for mention in mentions:
            if self.actors[mention.actor_id].kind == "person":
                self.last_person = mention.actor_id
        return mentions

    def _agents(self, text: str, found: list) -> None:
        """Generic agents ("suspected jihadists", "Kenyan troops"). A name right before the
        noun is the actor ("Taliban fighters", "a Shabaab suicide bomber"): its mention takes
        the noun in; a demonym ties the agent to its country."""
        starts = {f[0] for f in found if not f[3]}
        for span in find_agents(text, _place_words()):
            gap = re.match(r"\s+", text[span.end:])
            if gap and span.end + gap.end() in starts:
                continue  # "the paramilitary Rapid Support Forces": the noun describes the name
            if person_roles().fullmatch(span.form) and _NAMED_AFTER.match(text, span.end) \
                    and _NAMED_AFTER.match(text, span.end).group("first") not in _STOP_WORDS:
                continue  # "anti-Taliban politician Fateh Khan": the role of a person named after it
            overlapping = [f for f in found if f[0] < span.end and span.start < f[1]]
            if _spelled_out(text, span.start, span.end) and all(f[3] or self.actors[f[2]].kind == "state" for f in overlapping):
                for f in overlapping:  # "the Sudan Liberation Movement (SLM)": a group's name, not a generic noun
                    found.remove(f)
                found.append((span.start, span.end, self._unknown(text[span.start:span.end], "unknown"), False))
                continue
            owner = re.match(r"\s+of\s+(?:the\s+)?", text[span.end:])
            if owner and span.end + owner.end() in starts:
                continue  # "fighters of the MILF": the group's
            inside_ = [f for f in found if f[0] < span.end and span.start < f[1]]
            named = [f for f in found if not f[3] and self.actors[f[2]].kind != "state"
                     and (f in inside_ or f[1] <= span.start and re.fullmatch(r"[\s)]*", text[f[1]:span.start]))]
            if named and _ROLE_NOUN.search(span.agent.noun):
                continue  # "Taliban spokesman X": the group is named, its spokesman is X
            if named:
                i = found.index(named[-1])
                found[i] = (named[-1][0], max(span.end, named[-1][1]), named[-1][2], False)
                continue
            demonyms = [f for f in inside_ if f[3] or self.actors[f[2]].kind == "state"]
            country = self.actors[demonyms[-1][2]].country if demonyms else None
            for f in demonyms:
                found.remove(f)
            found.append((span.start, span.end, self._agent(span, country, text), False))
            self._generic.add((span.start, span.end))

    def _acronym_names(self, text: str, mentions: list[ActorMention], offset: int) -> None:
        """A group the article names with its acronym in brackets ("the Moro Islamic Liberation
        Front (MILF)") is named so, as coders write it: "MILF forces" later is the same group."""
        for a, b in zip(mentions, mentions[1:]):
            if a.actor_id != b.actor_id or not _ACRONYM_AFTER.fullmatch(text[a.end - offset:b.end - offset + 1]):
                continue
            actor = self.actors[a.actor_id]
            if actor.kind in ("armed_group", "organisation", "unknown") and (b.text not in actor.name or actor.name == b.text):
                # "FARC" in the lexicon, "the Revolutionary Armed Forces of Colombia (FARC)" in the text: the text's
                self.actors[a.actor_id] = dataclasses.replace(actor, name=f"{a.text} ({b.text})")

    def _appositions(self, mentions: list[ActorMention], text: str, offset: int) -> list[ActorMention]:
        """A generic noun phrase set beside a name ("the Somali militant group, al-Shabaab";
        "the rebels – the M23 –") is that name: the generic mention takes the named actor."""
        out = list(mentions)
        for i, (a, b) in enumerate(zip(mentions, mentions[1:])):
            gap = text[a.end - offset:b.start - offset]
            after = text[b.end - offset:b.end - offset + 2]
            named = self.actors.get(b.actor_id)
            if a.generic and not b.generic and not b.demonym and named is not None \
                    and named.kind not in ("person", "state", "media") and _APPOSITION_GAP.fullmatch(gap) \
                    and (not after.strip() or after[:1] in ".,;:)–—-"):
                out[i] = dataclasses.replace(a, actor_id=b.actor_id, generic=False)
        return out

    def _resolve_overlaps(self, found, text: str, offset: int) -> list[ActorMention]:
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        taken_until = -1
        for start, end, actor_id, demonym in found:
            if start < taken_until:
                continue
            possessive = text[end:end + 2] in ("'s", "’s")
            out.append(ActorMention(offset + start, offset + end, text[start:end], actor_id, possessive, demonym,
                                    (start, end) in self._generic))
            taken_until = end
        return out

    def _affiliations(self, text: str, mentions: list[ActorMention], offset: int) -> None:
        """'X, a spokesman for the 3rd Battalion of the YPG' makes X speak for the YPG;
        "Russia's Foreign Minister X" makes X Russia's."""
        for i, mention in enumerate(mentions):
            actor = self.actors[mention.actor_id]
            if actor.in_lexicon or actor.kind != "person":
                continue
            role = _ROLE.match(text, mention.end - offset)
            ahead = _ROLE_BEFORE.search(text, max(0, mention.start - offset - 120), mention.start - offset)
            if ahead and not role:
                inside = [m for m in mentions if m.start >= offset + ahead.start("org") and m.end <= offset + ahead.end("org")]
                preferred = [m for m in inside if self.actors[m.actor_id].in_lexicon] or inside
                if preferred:
                    self.set_affiliation(mention.actor_id, preferred[-1].actor_id)
                    if _SPEAKS_FOR.match(ahead.group("role")):
                        self.spokespeople.add(mention.actor_id)
                    continue
            if role:
                inside = [m for m in mentions if m.start >= offset + role.start("org") and m.end <= offset + role.end("org")]
                preferred = [m for m in inside if self.actors[m.actor_id].in_lexicon] or inside
                if preferred:
                    self.set_affiliation(mention.actor_id, preferred[0].actor_id)
                    if _SPEAKS_FOR.search(text[role.start():role.start("org")]):
                        self.spokespeople.add(mention.actor_id)
                    continue
            if i > 0:
                prev = mentions[i - 1]
                between = text[prev.end - offset:mention.start - offset]
                if (prev.possessive or prev.demonym or _SPOKESMAN.fullmatch(between)) \
                        and (re.fullmatch(r"(?:'s|’s)?\s+(?:[A-Z][\w-]*\s+){0,3}", between) or _SPOKESMAN.fullmatch(between)) \
                        and self.actors[prev.actor_id].kind in ("state", "organisation", "armed_group"):
                    self.set_affiliation(mention.actor_id, prev.actor_id)

    def _recent_person_of(self, code: str) -> str | None:
        """The last person of a country seen: "the top Russian diplomat" after "Sergei Lavrov"."""
        found = None
        for actor in self.actors.values():
            if actor.kind != "person":
                continue
            country = actor.country or (self.actors.get(actor.affiliation).country if actor.affiliation in self.actors else None)
            if country == code:
                found = actor.actor_id
        if self.last_person and found and self.actors[self.last_person].country == code:
            return self.last_person
        return found
