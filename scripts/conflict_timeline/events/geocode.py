"""Where an article's happenings took place: each town or region it names resolved to one
gazetteer place by the article's own context (a region after a comma, the regions and the
country the article names, its dateline), the article's main country and, for an article
about one place (local news), its main place."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..settings import FOREIGN_PLACE_POPULATION, SMALL_PLACE_POPULATION, UNNAMED_ABROAD_POPULATION
from .gazetteer import Place, cities, fold, region, regions
from .lexicon import calendar_words, load, titles
from .localities import Locality, _titled, find_localities, qualifier_code
from .places import PlaceMention, find_places, is_state_name, surface_names
from .sentences import dateline_end

PRECISION = {"city": 3, "admin2": 2, "admin1": 1, "site": 4, "site-region": 2, "water": 3}
#: Kinds of place the gazetteer does not hold, named by the text's own words ("the village of
#: Qaryat Tal", "Tel Bir County", "the Red Sea"): a location without coordinates.
SITES = frozenset({"site", "site-region", "water"})
#: Words before a capitalised name that make it no first name ("North Jordan", "the Sudan").
_NOT_FIRST = frozenset("New North South East West Northern Southern Eastern Western Central Upper Lower Greater "
                       "Saint St. San Santa Fort Port Mount Lake El Al Le La Las Los The A An Of In On At By To "
                       "From And But Or For With Neighbouring Neighboring Meanwhile Yesterday Today Also".split())
_DATELINE_CITY = re.compile(r"^[\"'“‘]?(?P<name>[A-Z][A-Z'.\- ]+?)(?:/[A-Z][A-Z'.\- ]+)?\s*(?:,\s*(?P<qual>[^,(—–>-]+?))?"
                            r"\s*(?:,|\(|--|—|–|-|_|:|>>)")
#: A local paper's dateline the wire pattern does not know ("TRENTON >> A man was shot").
_LOCAL_DATELINE = re.compile(r"^[A-Z][A-Z'.\- ]{2,}(?:,\s*[A-Z][\w.]+)?\s*(?:>>|—|–|--)\s")
_MODIFIED = re.compile(r"(?<=[\w.])(?:\s+(?!(?:and|or|in|on|at|of|to|for|with|from|by|said|says|has|have|had|is|are|was|"
                       r"were|will|would|did|does|and|but|as|after|before)\b)[a-z]|-(?:led|backed|made|based|run|funded))")
#: A compass word before a name points within a town ("southeast Washington", "northeast Portland").
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+$")
#: Sentences from the article's start that may carry its dateline (a page title may come first).
DATELINE_SENTENCES = 4


#: Words that point back to a town already named ("abandoned the city", "near the same town").
_PLACE_ANAPHOR = re.compile(r"\b(?:the(?:\s+same)?|that)\s+(?:city|town|village|capital)\b"
                            r"(?!\s+(?:of|council|hall|centre|center)\b)", re.I)
#: "the Colombian town of", "Sudan's western region of": a country named right before a site's kind.
_SITE_COUNTRY = re.compile(r"(?:['’]s)?(?:\s+[a-z-]+){1,4}\s+")
#: Words before a name that a site learned elsewhere in the article may follow ("attacked Tel Bir").
_SITE_FRAME = r"\b(?i:in|at|near|outside|around|into|toward|towards|inside|from|attacked|captured|seized|entered|took)\s+(?:the\s+)?"


@functools.cache
def _topic_shift() -> re.Pattern[str]:
    """Words opening a sentence that turns to another matter (places.yaml: topic_shifts)."""
    words = sorted(load("places").get("topic_shifts") or [], key=len, reverse=True)
    return re.compile(r"\W*(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


@dataclass(frozen=True)
class Located:
    """A locality of the text resolved to one place."""

    start: int
    end: int
    place: Place
    context: str
    text: str  # the name as the text writes it ("Kafr Nabl" for GeoNames' Kafranbel)


@functools.cache
def _title_pattern() -> re.Pattern[str]:
    extra = "|".join(re.escape(t) for t in load("places").get("person_titles") or [])
    return re.compile(r"(?:\b(?:" + titles() + ("|" + extra if extra else "") + r")\s+)"
                      r"(?P<names>[A-Z][\w'’-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’-]+){0,2})")


_PAIR = re.compile(r"(?<=[a-z,;:] )(?P<first>[A-Z][a-z]+)\s+(?P<last>[A-Z][a-z]+)\b")


def person_names(body: str) -> frozenset[str]:
    """Capitalised words the article uses as people's names: after a title ("Sgt. Chad
    Jordan") or a first name ("Erin Jordan"); the article's other mentions of them are people too."""
    names: set[str] = set()
    for m in _title_pattern().finditer(body):
        names.update(w for w in m["names"].split() if not w.endswith("."))
    known = surface_names()
    for m in _PAIR.finditer(body):
        first, last = m["first"], m["last"]
        if first in _NOT_FIRST or first in calendar_words(abbreviated=True) or first in known \
                or f"{first} {last}" in known or last not in known:
            continue
        names.add(last)
    return frozenset(names)


def _dateline(body: str, sentences: list[tuple[int, int]], people: frozenset[str]) -> Locality | None:
    for start, end in sentences[:DATELINE_SENTENCES]:
        sentence = body[start:end]
        if not dateline_end(sentence) and not _LOCAL_DATELINE.match(sentence):
            continue
        m = _DATELINE_CITY.match(sentence)
        if m is None:
            return None
        name = m["name"].strip().title() if m["name"].strip().isupper() else m["name"].strip()
        qual = qualifier_code(m["qual"].strip().rstrip(".") + ("." if m["qual"].strip().endswith(".") else "")) \
            if m["qual"] else None
        found = cities(name) or regions(name)  # a dateline names a town
        if qual:
            found = tuple(p for p in found if qual in (p.admin1, p.country)) or found
        if found:
            at = start + m.start("name")
            return Locality(at, at + len(m["name"].strip()), name, found, "dateline", qual)
        return None
    return None


class ArticlePlaces:
    """The places of one article, found and resolved once."""

    def __init__(self, body: str, sentences: list[tuple[int, int]]):
        self.body = body
        self.people = person_names(body)
        #: ends of country names that modify a noun ("US warplanes", "U.S.-backed"): a nationality
        self.modifiers = {m.start() for start, end in sentences
                          for m in _MODIFIED.finditer(body, start, end)}
        self.countries: list[PlaceMention] = []
        self.by_sentence: dict[int, list[PlaceMention]] = {}
        self.localities: dict[int, list[Locality]] = {}
        for start, end in sentences:
            text = body[start:end]
            found = [p for p in find_places(text, start) if p.text not in self.people]
            locs = find_localities(text, start, self.people)
            # "Jersey City" is no mention of Jersey; "in Georgia" is the country unless the town
            # or region is qualified or named with its kind word
            found = [p for p in found if not any(loc.start <= p.start and p.end <= loc.end
                                                 and loc.end - loc.start > p.end - p.start for loc in locs)]
            self.by_sentence[start] = found
            self.countries.extend(found)
            kept = []
            for loc in locs:
                over = [p for p in found if p.start <= loc.start < p.end and p.kind != "capital"]
                if over and loc.context not in ("qualified", "region"):
                    # "in Gaza": a town of the country the name stands for is that town
                    inside = tuple(c for c in loc.candidates if c.country == over[0].country) \
                        if not is_state_name(over[0].text) else ()
                    if not inside:
                        continue
                    loc = Locality(loc.start, loc.end, loc.text, inside, loc.context, loc.qualifier)
                kept.append(loc)
            self.localities[start] = kept
        self._learn_sites(sentences)
        #: the paragraph (its first sentence's start) of each sentence: a line break ends one
        self.paragraph: dict[int, int] = {}
        for i, (start, _end) in enumerate(sentences):
            new = i == 0 or "\n" in body[sentences[i - 1][1]:start]
            self.paragraph[start] = start if new else self.paragraph[sentences[i - 1][0]]
        self.dateline = _dateline(body, sentences, self.people)
        self.named_countries = {p.country for p in self.countries}
        everything = [loc for locs in self.localities.values() for loc in locs]
        # the admin-1 regions each name of the article may lie in ("Vicksburg" and "Warren County"
        # both may lie in Mississippi): a name many places share is the one its neighbours share
        # (a name counts by its most specific mention, "Memphis, Tenn." for "Memphis", and a name
        # that may lie in several regions counts a share in each)
        self.regions_of: dict[str, frozenset[str]] = {}
        for loc in everything:
            if loc.context != "weak":
                name, held = fold(loc.text).casefold(), frozenset(p.admin1 for p in loc.candidates if p.admin1)
                if held and (name not in self.regions_of or len(held) < len(self.regions_of[name])):
                    self.regions_of[name] = held
        self.regions_named = {loc.qualifier for loc in everything if loc.qualifier} \
            | {p.code for loc in everything if loc.context == "region" for p in loc.candidates[:1] if p.kind == "admin1"}
        self.main_country = self._main_country(everything, None)
        self._drop_states_named_as_countries()
        # admin-2 regions name their admin-1 ("Gilmer County": West Virginia), of the county of that
        # name the article's other places share most; so does a dateline
        self.regions_named |= {self._likeliest(loc).admin1 for loc in everything if loc.context == "region"
                               and loc.candidates and loc.candidates[0].kind == "admin2"}
        if self.dateline is not None and self.dateline.qualifier and len(self.dateline.qualifier) > 3:
            self.regions_named.add(self.dateline.qualifier)
        for _ in range(2):  # the towns resolved vote for the main country, which resolves the towns again
            self.resolved: dict[int, list[Located]] = {
                s: [r for r in (self.resolve(loc) for loc in locs) if r is not None] for s, locs in self.localities.items()}
            self.dateline_place = self.resolve(self.dateline) if self.dateline else None
            main = self._main_country(everything, self.resolved)
            if main == self.main_country:
                break
            self.main_country = main
        self.main_place = self._main_place()

    def _learn_sites(self, sentences: list[tuple[int, int]]) -> None:
        """A place the gazetteer does not hold, once the text names it by its kind ("the village of
        Tel Bir", "Tel Bir County"), is that place where the article names it again after a locative
        word ("fighting in Tel Bir"); each site takes the country named right before its kind ("the
        Colombian town of")."""
        self.site_country: dict[int, str] = {}
        names = {}
        for start, locs in self.localities.items():
            for loc in locs:
                if loc.context in ("site", "site-region"):
                    bare = re.sub(r"\s+(?:County|Province|Governorate|Prefecture|Oblast)$", "", loc.text)
                    names.setdefault(bare, loc.context if bare == loc.text else "site")
                    country = next((p.country for p in self.by_sentence.get(start, []) if p.end <= loc.start
                                    and _SITE_COUNTRY.fullmatch(self.body, p.end, loc.start)), None)
                    if country:
                        self.site_country[loc.start] = country
        if not names:
            return
        pattern = re.compile(_SITE_FRAME + r"(?P<name>" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                             + r")(?![\w'’-])")
        for start, end in sentences:
            locs = self.localities.get(start, [])
            added = [Locality(m.start("name"), m.end("name"), m["name"], (), names[m["name"]])
                     for m in pattern.finditer(self.body, start, end)
                     if not any(loc.start <= m.start("name") < loc.end for loc in locs)]
            if added:
                self.localities[start] = sorted(locs + added, key=lambda loc: loc.start)

    @staticmethod
    def _water_country(name: str) -> str:
        """'the Gulf of Aden': the country of the large town it is named after; else none (a sea
        named after a country, 'the Gulf of Guinea', washes the coasts of several)."""
        m = re.search(r"\bof\s+(?:the\s+)?(?P<name>[A-Z][\w'’ -]+)$", name)
        if m is None or m["name"] in surface_names():
            return ""
        towns = [p for p in cities(m["name"]) if p.population >= FOREIGN_PLACE_POPULATION]
        return towns[0].country if towns else ""

    def _neighbours(self, loc: Locality, place: Place) -> float:
        """How many other names of the article may lie in the admin-1 region of this candidate
        (each a share: one of the regions it may lie in)."""
        own = fold(loc.text).casefold()
        return sum(1 / len(held) for name, held in self.regions_of.items() if name != own and place.admin1 in held)

    def _likeliest(self, loc: Locality, among: list[Place] | None = None) -> Place:
        """Of a locality's candidates (or `among` them), the first of those whose region most of
        the article's other names may lie in."""
        among = among or list(loc.candidates)
        return max(among, key=lambda p: self._neighbours(loc, p))

    def _drop_states_named_as_countries(self) -> None:
        """'Sylvester, Georgia' in a US article: the state, not the Caucasus country."""
        def state(p: PlaceMention) -> bool:
            return p.country != self.main_country and any(
                r.kind == "admin1" and r.country == self.main_country for r in regions(p.text))
        if self.main_country is None or not any(state(p) for p in self.countries):
            return
        self.countries = [p for p in self.countries if not state(p)]
        self.by_sentence = {s: [p for p in found if not state(p)] for s, found in self.by_sentence.items()}

    def country_mentions(self, sentence_start: int) -> list[PlaceMention]:
        """The countries a sentence names (no person's name, no part of a town's name)."""
        return self.by_sentence.get(sentence_start, [])

    # ---------------------------------------------------------------- the article's context
    def _main_country(self, everything: list[Locality], resolved) -> str | None:
        votes: Counter[str] = Counter()
        first: dict[str, int] = {}
        weight = {"name": 2.0, "capital": 1.0, "demonym": 0.5}
        for p in self.countries:
            kind = "demonym" if p.kind == "name" and not p.located and p.end in self.modifiers else p.kind
            votes[p.country] += weight.get(kind, 1.0) + (1.0 if p.located and kind == "name" else 0.0)
            first.setdefault(p.country, p.start)
        for loc in everything:
            countries = {p.country for p in loc.candidates}
            if loc.qualifier:
                country = loc.qualifier if len(loc.qualifier) == 3 else loc.candidates[0].country
                votes[country] += 3
                first.setdefault(country, loc.start)
            elif len(countries) == 1 and all(p.kind != "city" for p in loc.candidates):
                # "Fayette County", "Kentucky": regions of one country
                country = next(iter(countries))
                votes[country] += 3 if loc.context == "region" else 2
                first.setdefault(country, loc.start)
        dateline = {p.country for p in self.dateline.candidates} if self.dateline is not None else set()
        if len(dateline) == 1 or (dateline and self.dateline.qualifier):  # "BEIRUT", "PRESTON, ID"
            country = self.dateline.candidates[0].country
            votes[country] += 2
            first.setdefault(country, self.dateline.start)
        if resolved is not None and self.dateline_place is not None and len(dateline) > 1 and not self.dateline.qualifier:
            votes[self.dateline_place.place.country] += 1  # "WASHINGTON (AP)": the resolved town's country
            first.setdefault(self.dateline_place.place.country, self.dateline.start)
        for located in (resolved or {}).values():
            for r in located:
                if r.context != "qualified" and r.place.kind not in SITES:
                    votes[r.place.country] += 1.5 if r.context in ("frame", "kind", "region", "police") else 0.5
                    first.setdefault(r.place.country, r.start)
        if not votes:
            return None
        return min(votes, key=lambda c: (-votes[c], first.get(c, 0)))

    def resolve(self, loc: Locality) -> Located | None:
        """One place for a locality: the one in a region the article names, else in its main
        country, else a large one; a small place abroad needs a region or country of its own."""
        cands = loc.candidates
        if loc.context in SITES:
            country = self._water_country(loc.text) if loc.context == "water" else self.site_country.get(loc.start, "")
            return Located(loc.start, loc.end, Place(loc.text, country, loc.context, "", 0, None, None),
                           loc.context, loc.text)
        if loc.qualifier:
            pick = cands[0]
        else:
            named = [p for p in cands if p.admin1 in self.regions_named or p.code in self.regions_named]
            home = [p for p in cands if p.country == self.main_country]
            if named:
                pick = self._likeliest(loc, named)
            elif len(home) > 1 and self.regions_named and home[0].population < FOREIGN_PLACE_POPULATION:
                return None  # a name several towns of the country share, none in the regions the article names
            elif home:
                pick = home[0]
            else:
                pick = cands[0]
                # with no country of its own the article takes a town no town abroad rivals ("Yuma police")
                rivals = any(p.country != pick.country and p.population >= SMALL_PLACE_POPULATION for p in cands[1:])
                alone = self.main_country is None and not rivals
                if alone and loc.context == "police":
                    pass  # "Neligh Police Chief": a town with police of its own, of any size
                elif pick.population < (SMALL_PLACE_POPULATION if loc.context in ("region", "kind") or alone
                                        else FOREIGN_PLACE_POPULATION):
                    return None
                own = loc.text in (pick.name, fold(pick.name)) or _titled(loc.text) in (pick.name, fold(pick.name))
                if self.main_country and pick.country not in self.named_countries and loc.context not in ("region", "kind") \
                        and (pick.population < UNNAMED_ABROAD_POPULATION or not own):
                    return None  # "in Puna" in a Hawaii story is not Pune
            if pick.kind == "city" and pick.population < SMALL_PLACE_POPULATION and loc.context == "weak" \
                    and not named:
                return None
            if loc.context == "the" and not named and pick.country != self.main_country:
                return None  # "in the Red Sea" is no Sudanese state
        # a town and the region of the same name: without a region word the town is meant
        if pick.kind == "admin1" and loc.context != "region":
            town = next((p for p in cands if p.kind == "city" and p.admin1 == pick.code), None)
            if town is None and _COMPASS_BEFORE.search(self.body, max(0, loc.start - 16), loc.start):
                # "in southeast Washington": a city of the country large enough to have quarters
                town = next((p for p in cands if p.kind == "city" and p.country == pick.country
                             and p.population >= FOREIGN_PLACE_POPULATION), None)
            pick = town or pick
        text = loc.text.title() if loc.text.isupper() and len(loc.text) > 3 else loc.text
        text = re.sub(r"\s+[a-z]+$", "", text)  # "the Lower Shabelle region": Lower Shabelle
        return Located(loc.start, loc.end, pick, loc.context, text)

    def _main_place(self, upto: int | None = None) -> Located | None:
        """The place of an article about one place: named in more than half the mentions of
        places below the country (the dateline counts when it is in the main country); with
        `upto`, of the sentences before that offset, the dateline not counted (where the story
        was filed is not where the text so far has put its news)."""
        counts: Counter[tuple] = Counter()
        places: dict[tuple, Located] = {}
        for start, located in self.resolved.items():
            if upto is not None and start >= upto:
                continue
            for r in located:
                if r.context == "weak" or r.place.country not in (self.main_country, "" if r.place.kind in SITES else None):
                    continue
                key = (r.place.name, r.place.country, r.place.kind)
                counts[key] += 1
                places.setdefault(key, r)
        if self.dateline_place is not None and self.dateline_place.place.country == self.main_country and upto is None:
            key = (self.dateline_place.place.name, self.dateline_place.place.country, self.dateline_place.place.kind)
            counts[key] += 1
            places.setdefault(key, self.dateline_place)
        if not counts:
            return None
        total = sum(counts.values())

        def support(key: tuple) -> int:  # a town's mentions and those of the regions it lies in
            town = places[key].place
            return counts[key] + sum(n for k, n in counts.items() if k != key and town.kind == "city"
                                     and places[k].place.kind in ("admin1", "admin2")
                                     and places[k].place.admin1 == town.admin1)
        key = max(counts, key=lambda k: (support(k), PRECISION[places[k].place.kind], counts[k]))
        return places[key] if support(key) * 2 > total else None

    # ---------------------------------------------------------------- one event
    def event_place(self, sentence_start: int, lo: int, hi: int, exclude: list[tuple[int, int]],
                    named: str | None, stated: str | None, verbal: bool = False) -> tuple[Located | None, bool]:
        """The most specific place for a happening: named in its clause [lo, hi) (offsets in
        the body), else in its sentence, else its paragraph's, else the article's main place; and
        whether it is borrowed from the context (not named or pointed to in its own sentence). `named` is the country
        the clause puts the happening in by name ("in Syria"): a place abroad of it gives way;
        `stated` a country the clause names at all: the main place must lie in it. A verbal act
        takes no main place: where it was said is not where the article's news happened."""
        own = [r for r in self.resolved.get(sentence_start, [])
               if not (self.dateline is not None and r.start == self.dateline.start)
               and not any(a <= r.start < b for a, b in exclude)]
        for pool in ([r for r in own if lo <= r.start < hi and r.context != "weak"],
                     [r for r in own if lo <= r.start < hi], [r for r in own if r.context != "weak"]):
            pool = [r for r in pool if named is None or r.place.country in (named, "")]
            held = {r.place.admin1 for r in pool if r.place.kind in ("admin1", "admin2")}
            if held:  # "the Troy area of Gilmer County": no Troy of another state
                pool = [r for r in pool if r.place.kind != "city" or r.place.admin1 in held] or pool
            if pool:
                best = max(pool, key=lambda r: (PRECISION[r.place.kind], -r.start))
                return (self._town_in(best) if best.place.kind in ("admin1", "admin2") else best), False
        if _PLACE_ANAPHOR.search(self.body, lo, hi):  # "abandoned the city": the town named last
            last = self._last_town_before(sentence_start)
            if last is not None and (named or stated) in (None, last.place.country or (named or stated)):
                return last, False
        if verbal or named:  # "attacks in Somalia": placed in the country, at no town of it
            return None, False
        fits = lambda r: r is not None and (named or stated) in (None, r.place.country or (named or stated))
        current = self._paragraph_place(sentence_start)
        if fits(current):
            return current, True
        # the article's place so far ("the capital" of the lead, not a town first named further
        # down), else, if the text so far names none, its place overall
        before, main = self._main_place(sentence_start), self.main_place
        if before is not None and main is not None and before.place.kind in ("admin1", "admin2") \
                and main.place.kind == "city" and main.place.admin1 == before.place.admin1:
            before = main  # "a baby in Indiana died" under an INDIANAPOLIS dateline: the town of that state
        named_before = self._named_before(sentence_start)
        main = before if before is not None or named_before else main
        if fits(main):
            return main, True
        if not named_before:
            # a lead that names no place, in an article of several: the place its paragraph names
            # next ("Troops fired teargas to disperse protesters. ... in the northern town of X")
            after = self._paragraph_place(sentence_start, after=True)
            if fits(after):
                return after, True
        return None, False

    def _named_before(self, sentence_start: int) -> bool:
        return any(r.context != "weak" for start, located in self.resolved.items() if start < sentence_start
                   for r in located)

    def _paragraph_place(self, sentence_start: int, after: bool = False) -> Located | None:
        """The place named last in the sentences before this one in its paragraph (not in a
        dateline), unless the sentence turns to another matter ("Separately, ...", "Elsewhere");
        with `after`, the place named first in the sentences after it."""
        if _topic_shift().match(self.body, sentence_start):
            return None
        para = self.paragraph.get(sentence_start)
        named = [r for start, located in self.resolved.items()
                 if (start > sentence_start if after else start < sentence_start) and self.paragraph.get(start) == para
                 for r in located
                 if r.context != "weak" and not (self.dateline is not None and r.start == self.dateline.start)]
        return (min if after else max)(named, key=lambda r: r.start, default=None)

    def _last_town_before(self, sentence_start: int) -> Located | None:
        """The town the text named last before the sentence (not in a dateline)."""
        towns = [r for start, located in self.resolved.items() if start < sentence_start for r in located
                 if r.place.kind in ("city", "site") and r.context != "weak"
                 and not (self.dateline is not None and r.start == self.dateline.start)]
        return max(towns, key=lambda r: r.start, default=None)


    def _town_in(self, found: Located) -> Located:
        """A region the sentence names, refined to the one town of it the article names ("a
        rebel-held town in the province of Hama", with the town of Binnish named elsewhere)."""
        towns = {}
        for located in self.resolved.values():
            for r in located:
                if r.place.kind == "city" and r.context != "weak" and (
                        r.place.admin1 == found.place.code if found.place.kind == "admin1" else False):
                    towns.setdefault((r.place.name, r.place.country), r)
        return next(iter(towns.values())) if len(towns) == 1 else found

    def event_geo(self, sentence_start: int, lo: int, hi: int, exclude: list[tuple[int, int]],
                  named: str | None, country: str | None, stated: str | None = None,
                  verbal: bool = False, doer: str | None = None
                  ) -> tuple[str | None, str | None, float | None, float | None, str | None, bool]:
        """(country, location, latitude, longitude, geo_precision, borrowed) of a happening; see event_place.
        `country` is where the coder would put it without a place (a target state's, the article's);
        `doer` the country of the side that acts, which a happening at sea takes."""
        found, borrowed = self.event_place(sentence_start, lo, hi, exclude, named, stated, verbal)
        if found is None:
            return country, None, None, None, "country" if country else None, False
        place = found.place
        if place.kind == "water":  # at sea: the country of the side that acts there ("Houthi missiles")
            country = named or place.country or doer or country
            return country, found.text, None, None, "country" if country else None, borrowed
        if place.kind in SITES:  # named, not in the gazetteer: the country is the context's
            country = named or place.country or self.main_country or country
            return country, found.text, None, None, "country" if country else None, borrowed
        return place.country, found.text, place.latitude, place.longitude, place.kind, borrowed


def region_of(place: Place) -> Place | None:
    """The admin-1 region a place lies in."""
    return region(place.admin1) if place.admin1 else None
