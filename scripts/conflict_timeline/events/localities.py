"""Towns and regions named in a sentence, where the text puts a name in a place's context:
after a locative word ("in Aleppo", "the town of Bakhmut"), before a region or country
after a comma ("Winchester, Ky.", "Malakal, Upper Nile State"), with a region word ("Borno State",
"Whatcom County"), before the place's police ("Kokomo police"), or as a wire dateline.
Bare capitalised words are too often people or organisations to be read as places."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .gazetteer import REGION_WORDS, Place, cities, iso_regions, region, regions
from .lexicon import calendar_words, load
from .places import surface_names

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:al-|el-|de\s+|da\s+|du\s+|la\s+)?[A-Z][\w'’-]*){0,3}"
#: A locative word before a place's name.
_FRAME = re.compile(
    r"(?:\b(?i:in|at|near|outside|around|from|into|toward|towards|across|inside|to|of|between|and)\s+"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|suburbs?|centre|center)\s+of\s+)"
    r"(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"north|south|east|west|northeast|northwest|southeast|southwest|"
    r"south-?western|rural|downtown|neighbouring|neighboring|nearby|rebel-held|besieged|restive|volatile)\s+)?"
    r"(?:(?P<kind>town|city|village|district|province|region|state|county|port|capital|area|camp|suburb|"
    r"neighbou?rhood|governorate|municipality|parish|borough)\s+of\s+)?"
    r"(?P<name>" + _NAME + r")")
_REGION_WORD_END = re.compile(r"\s(?:" + "|".join(REGION_WORDS) + r")$")
#: Words before a place's name that point within it ("East Baltimore", "South Salem").
_DIRECTIONS = frozenset("North South East West Northeast Northwest Southeast Southwest Downtown Central".split())
#: "the town of Binnish", "the province of Hama": a place's kind names it without a preposition.
_KIND = re.compile(r"\b(?P<kind>town|city|village|hamlet|district|province|governorate|county|port|suburb|"
                   r"neighbou?rhood|municipality|region)\s+of\s+(?P<name>" + _NAME + r")")
#: Of these frame words only those that always locate: "of", "to", "and", "between" need a
#: region word or a place kind ("the town of", "Malakal and Kodok" after a located place).
_WEAK = frozenset({"of", "to", "and", "between"})


@functools.cache
def _modified() -> re.Pattern[str]:
    """'Kokomo police', 'the Ramadi battle', 'Dohuk bombing': a place's name before a noun of
    its authorities or of a happening there (places.yaml: place_nouns)."""
    nouns = "|".join(re.escape(n) for n in load("places").get("place_nouns") or [])
    return re.compile(r"(?P<name>" + _NAME + r")\s+(?=(?:Metro(?:politan)?\s+|city\s+|City\s+)?(?:" + nouns + r")\b)")


#: "Gondar, the capital of", "Baidoa, a town in": an apposition says what the name is.
_APPOSED = re.compile(r"(?P<name>" + _NAME + r"),?\s+(?=(?:the|a|an)\s+(?:\w+\s+){0,2}?(?:capital|town|city|village|"
                      r"port|hub|stronghold)\s+(?:of|in)\b)")
#: "the provincial capital, Kindu.", "near the northern town, Gao,": the name in apposition after its kind.
_APPOSED_AFTER = re.compile(r"\b(?:capital|town|city|village|port|district|province|region)\s*,\s+(?P<name>" + _NAME
                            + r")(?<!\.)(?=\s*(?:[.,;:]|$))")
#: "in Bandipora town", "at Kafr Zeita village", "in eastern Shurta area": a name before its kind word.
_KIND_AFTER = re.compile(r"\b(?i:in|at|near|outside|around|from|into|toward|towards|inside)\s+(?:the\s+)?"
                         r"(?:(?:northern|southern|eastern|western|central|north|south|east|west|nearby|rural)\s+)?"
                         r"(?P<name>" + _NAME + r")\s+(?P<kind>town|village|hamlet|area|camp|district|neighbou?rhood|"
                         r"quarter|township|locality|sub-district|refugee\s+camp)\b")
#: "Tel Bir County", "Ras Deir Governorate": a region the gazetteer does not hold, named with its kind
#: word ("State" and "District" name too many other things: "Islamic State", "School District").
_REGION_SITE = re.compile(r"(?<![\w.])(?P<name>" + _NAME + r")\s+(?P<kind>County|Province|Governorate|Prefecture|Oblast)\b")
#: "a village known as Wadi Safa", "the hamlet, called Tel Bir,": a place's kind, then its name.
_KNOWN_AS = re.compile(r"\b(?P<kind>town|village|hamlet|settlement|camp|district|area|neighbou?rhood)\s*,?\s+"
                       r"(?:known\s+as|called|named)\s+(?P<name>" + _NAME + r")")
#: Seas, gulfs, straits, lakes and rivers: named places no gazetteer town stands for ("the Gulf
#: of Aden" is not the town of Aden, "the Red Sea" not the Sudanese state).
_WATER = re.compile(r"\b(?:(?:Gulf|Bay|Strait|Straits|Sea|Lake)\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
                    r"|(?:[A-Z][\w'’-]+\s+){1,2}(?:Sea|Ocean|Gulf|Strait|Straits|River|Lake|Lagoon)"
                    r"|Lake\s+[A-Z][\w'’-]+|the\s+Mediterranean)\b(?![\w'’-]|\s+[A-Z0-9])")
_REGION_AFTER = re.compile(r"(?P<name>" + _NAME + r")\s+(?P<word>"
                           + "|".join(w + "|" + w.lower() for w in REGION_WORDS) + r")\b")


@dataclass(frozen=True)
class Locality:
    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    context: str  # frame | kind ("the town of") | weak | qualified | region | police | dateline | the ("in the Red Sea")
    # | site (a place the gazetteer does not hold, named by its kind: "the village of Qaryat") | water ("the Red Sea")
    qualifier: str | None = None  # the region (GeoNames code) or country (alpha-3) named after a comma


@functools.cache
def _abbreviations() -> dict[str, str]:
    """'Ky.' -> 'US.KY', 'KY' -> 'US.KY'."""
    out = {}
    for iso, names in (load("places").get("region_abbreviations") or {}).items():
        place = region(iso)
        if place is not None:
            for n in names:
                out[n] = place.code
    for iso, place in iso_regions().items():
        if iso.startswith("US-") and len(iso) == 5:  # postal codes: "Preston, ID"
            out[iso[3:]] = place.code
    return out


@functools.cache
def _qualified() -> re.Pattern[str]:
    abbrevs = sorted(_abbreviations(), key=len, reverse=True)
    return re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*){0,3}),\s+(?P<qual>"
                      + "|".join(re.escape(a) for a in abbrevs if "." in a)
                      + r"|[A-Z]{2}(?=[\s,;:)(]|$)(?!\s+[A-Z][a-z])"
                      + r"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})")


@functools.cache
def _stop_words() -> frozenset[str]:
    return frozenset(calendar_words(abbreviated=True) | set(load("places").get("not_cities") or []))


@functools.cache
def _facility() -> re.Pattern[str]:
    words = load("places").get("facility_words") or []
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])")


@functools.cache
def _address() -> re.Pattern[str]:
    """'7050 Old State Road, Holly Hill': a street address puts the town after its comma."""
    words = "|".join(re.escape(w) for w in load("places").get("street_words") or [])
    return re.compile(r"\b\d+[A-Za-z]?\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:" + words + r"),\s+(?:(?i:near)\s+)?(?P<name>"
                      + _NAME + r")")


@functools.cache
def _facility_words() -> frozenset[str]:
    return frozenset(load("places").get("facility_words") or []) | _DIRECTIONS


def qualifier_code(text: str) -> str | None:
    """The region or country a comma-qualifier names: 'Ky.' -> 'US.KY', 'Kentucky' -> 'US.KY',
    'Syria' -> 'SYR'."""
    if text in _abbreviations():
        return _abbreviations()[text]
    found = [r for r in regions(text) if r.kind == "admin1"]
    if found:
        return found[0].code
    if text in surface_names():
        return surface_names()[text][0]
    return None


def _titled(name: str) -> str:
    return name.title() if name.isupper() and len(name) > 3 else name


def _candidates(name: str, region_word: str | None = None) -> tuple[Place, ...]:
    if region_word:
        return regions(f"{name} {region_word}") or regions(name)
    return tuple(sorted(regions(name) + cities(name), key=lambda p: -p.population))


def _longest(text: str, start: int, name: str, region_word: str | None, people: frozenset[str]):
    """The longest leading run of words of `name` that names a place: (length, candidates)."""
    words = name.split()
    if len(words) > 1 and words[0] in _DIRECTIONS and not _candidates(_titled(" ".join(words[:2]))):
        skip = len(words[0]) + len(name[len(words[0]):]) - len(name[len(words[0]):].lstrip())
        size, found = _longest(text, start + skip, name[skip:], region_word, people)
        return (skip + size, found) if found else (0, ())
    for n in range(len(words), 0, -1):
        part = re.sub(r"['’]s$", "", " ".join(words[:n]).rstrip(".,"))  # "Baltimore's Brooklyn neighborhood"
        if part in _stop_words() or part in people or part in _facility_words():
            continue
        if n < len(words) and not _ends_name(words[n]):
            continue  # "Star Nasia" (a ship) is no mention of a town Star
        if _facility().match(text, start + len(part)) and n == len(words) and not region_word:
            continue  # "Morton Hospital", "Main Street"
        found = _candidates(_titled(part), region_word if n == len(words) else None)
        if found:
            return len(part), found
    return 0, ()


_REGION_KINDS = frozenset({"district", "province", "region", "state", "county", "governorate", "municipality",
                           "parish", "borough", "prefecture", "oblast", "sub-district"})


def _kind(found: tuple[Place, ...], kind: str | None, name: str = "") -> tuple[tuple[Place, ...], str | None]:
    """Candidates of the kind the text gives ("the province of Idlib": the province; "the district
    of Mannar": Mannar District), and the context."""
    if not kind:
        return found, None
    if kind.lower() in _REGION_KINDS:
        found = tuple(p for p in found if p.kind != "city")
        if not found and name:
            found = regions(f"{_titled(name)} {kind.title()}")
        return found, "region"
    return tuple(p for p in found if p.kind == "city"), "kind"


@functools.cache
def _not_site_words() -> frozenset[str]:
    """Capitalised words that name no place of their own: months, weekdays, the words of
    not_cities and not_places, facility and direction words, demonyms."""
    demonyms = {n for n, (_, kind) in surface_names().items() if kind == "demonym"}
    return frozenset(_stop_words() | set(load("places").get("not_places") or []) | _facility_words() | demonyms)


def _site_name(name: str, people: frozenset[str]) -> tuple[int, str] | None:
    """The name of a place the gazetteer does not hold, as a kind word introduces it ("the village
    of Qaryat Tal", "in Wadi Safa village"): its capitalised words up to the first that names no
    place (a weekday, a facility, a demonym); None if nothing is left or it is a person's or a
    country's name. Returns (where the name starts in `name`, the name)."""
    words, at = [], 0
    for m in re.finditer(r"\S+", name):
        word = m.group()
        bare = re.sub(r"['’]s$", "", word.rstrip(".,;:"))
        if bare in _not_site_words() or bare in people or bare.upper() == bare and len(bare) > 1:
            if not words:
                continue  # "Acting Tel Bir County": the words before the name
            break
        if not words:
            at = m.start()
        words.append(bare)
        if bare != word:
            break
    text = " ".join(words)
    if not text or len(text) < 3 or text in surface_names() or text in people:
        return None
    if re.search(r"(?:ish|ian|ese|ists?|ites?)$", words[0]) or text.endswith("s") and " " not in text:
        return None  # "the Kurdish area", "the Christians village": a people, not a place's name
    return at, text


def _ends_name(word: str) -> bool:
    """May a place's name stop before this capitalised word ("Kokomo Wednesday", "Malakal Upper Nile")?"""
    word = word.rstrip(".,;:")
    return word in calendar_words(abbreviated=True) or word.upper() == word \
        or bool(cities(word) or regions(word)) or word in surface_names()


def find_localities(text: str, offset: int = 0, people: frozenset[str] = frozenset()) -> list[Locality]:
    """Towns and regions in `text`, each with every gazetteer place of its name."""
    out: dict[int, Locality] = {}

    def add(loc: Locality) -> None:
        if loc.context not in ("region", "police") and _facility().match(text, loc.end - offset):
            return  # "Weir Street", "Morton Hospital"
        old = out.get(loc.start)
        if old is None or _RANK[loc.context] >= _RANK[old.context] or loc.end > old.end:
            out[loc.start] = loc

    for m in _qualified().finditer(text):
        qual = qualifier_code(m["qual"])
        if qual is None:
            continue
        words = m["name"].split()
        for k in range(len(words)):  # the name runs up to the comma: its last words ("a man from Winchester, Ky.")
            name = " ".join(words[k:])
            found = cities(_titled(name)) + tuple(r for r in regions(_titled(name)) if r.kind == "admin2")
            found = tuple(p for p in found if qual in (p.admin1, p.country)) or ()
            if found and name not in people:
                start = m.start("name") + m["name"].rfind(name)
                add(Locality(offset + start, offset + start + len(name), name, found, "qualified", qual))
                break
    for m in _REGION_AFTER.finditer(text):
        words = m["name"].split()
        for k in range(len(words)):
            name = " ".join(words[k:])
            end = m.end("word")
            found = regions(f"{_titled(name)} {m['word'].title()}") or regions(f"{_titled(name)} {m['word'].lower()}")
            if not found and _REGION_WORD_END.search(name):  # "Bristol County District Attorney"
                found, end = regions(_titled(name)), m.end("name")
            if found:
                start = m.start("name") + m["name"].rfind(name)
                add(Locality(offset + start, offset + end, text[start:end], found, "region"))
                break
    for m in _FRAME.finditer(text):
        word = text[m.start():m.start("name")].split()[0].lower()
        size, found = _longest(text, m.start("name"), m["name"], None, people)
        found, context = _kind(found, m["kind"], m["name"][:size] if size else m["name"])
        if found:
            the = re.search(r"\bthe\s+$", text[m.start():m.start("name")], re.I) is not None
            context = context or ("weak" if word in _WEAK else "the" if the else "frame")
            add(Locality(offset + m.start("name"), offset + m.start("name") + size, m["name"][:size], found,
                         context))
    for m in _address().finditer(text):
        size, found = _longest(text, m.start("name"), m["name"], None, people)
        if found:
            add(Locality(offset + m.start("name"), offset + m.start("name") + size, m["name"][:size], found, "frame"))
    for m in _KIND.finditer(text):
        size, found = _longest(text, m.start("name"), m["name"], None, people)
        found, context = _kind(found, m["kind"], m["name"][:size] if size else m["name"])
        if found:
            add(Locality(offset + m.start("name"), offset + m.start("name") + size, m["name"][:size], found, context))
    for pattern, context in ((_modified(), "police"), (_APPOSED, "kind"), (_APPOSED_AFTER, "kind")):
        for m in pattern.finditer(text):
            words = m["name"].split()
            for k in range(len(words)):  # the name is the run's last words ("said Dohuk")
                name = " ".join(words[k:])
                if name in people or name in _stop_words():
                    continue
                found = _candidates(_titled(name))
                if found:
                    start = m.start("name") + m["name"].rfind(name)
                    add(Locality(offset + start, offset + start + len(name), name, found, context))
                    break
    # places the gazetteer does not hold, named with their kind: "the village of Qaryat Tal", "in
    # Wadi Safa village", "the provincial capital, Tel Bir", "a hamlet known as Ras Deir"
    for pattern in (_KIND, _KIND_AFTER, _KNOWN_AS, _APPOSED_AFTER, _REGION_SITE):
        for m in pattern.finditer(text):
            found = _site_name(m["name"], people)
            if found is None:
                continue
            start, name = offset + m.start("name") + found[0], found[1]
            if any(loc.start < start + len(name) and start < loc.end for loc in out.values()):
                continue
            region_kind = (m.groupdict().get("kind") or "").lower() in _REGION_KINDS
            add(Locality(start, start + len(name), name, (), "site-region" if region_kind else "site"))
    waters = [(offset + m.start(), offset + m.end()) for m in _WATER.finditer(text)]
    for a, b in waters:
        name = text[a - offset:b - offset]
        name = re.sub(r"^the\s+", "", name)
        if re.search(r"\b(?:Lake|River)\b", name) and any(
                loc.end - loc.start == len(name) and loc.end == b and any(p.kind == "city" for p in loc.candidates)
                for loc in out.values()):
            continue  # "Lake Charles", "Fall River": the town of that name
        out = {k: loc for k, loc in out.items() if not (loc.start < b and a < loc.end)}
        out[b - len(name)] = Locality(b - len(name), b, name, (), "water")
    return sorted(out.values(), key=lambda loc: loc.start)


_RANK = {"the": 0, "weak": 0, "police": 1, "frame": 2, "site": 2, "site-region": 2, "kind": 3, "region": 3,
         "qualified": 4, "water": 5, "dateline": 5}
