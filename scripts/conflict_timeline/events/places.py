"""Places named in a sentence: countries (pycountry and the places lexicon), their
demonyms and capitals, resolved to ISO 3166-1 alpha-3 codes."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from .lexicon import load


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    country: str  # ISO alpha-3
    kind: str  # name | demonym | capital
    located: bool  # preceded by a locative preposition ("in Syria")
    border: bool = False  # followed by "border" ("near the Niger border"): named, not where it happened


_LOCATIVE = re.compile(r"(?:\b(?:in|at|near|across|inside|throughout|into|outside|from|over|on)\s+(?:the\s+)?"
                       r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?"
                       r"(?:(?:neighbou?ring|nearby|rural|war-torn|restive)\s+)?)$",
                       re.I)
#: "near the Niger border": the border is named, the happening is not in that country.
_BORDER = re.compile(r"\s*(?:border|frontier)\b", re.I)


@functools.cache
def surface_names() -> dict[str, tuple[str, str]]:
    """Surface form -> (alpha-3, kind). Lexicon entries win over pycountry's."""
    table: dict[str, tuple[str, str]] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                table[name] = (country.alpha_3, "name")
    for code, entry in load("places")["countries"].items():
        if pycountry.countries.get(alpha_3=code) is None:
            continue
        for kind, key in (("name", "names"), ("demonym", "demonyms"), ("capital", "capitals")):
            for name in entry.get(key) or []:
                table[name] = (code, kind)
    return table


@functools.cache
def _pattern() -> re.Pattern[str]:
    names = sorted(surface_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")


def find_places(text: str, offset: int = 0) -> list[PlaceMention]:
    """Country names, demonyms and capitals in `text` (case-sensitive: names are proper nouns)."""
    out = []
    for m in _pattern().finditer(text):
        code, kind = surface_names()[m.group()]
        located = bool(_LOCATIVE.search(text[max(0, m.start() - 30):m.start()]))
        out.append(PlaceMention(offset + m.start(), offset + m.end(), m.group(), code, kind, located,
                                bool(_BORDER.match(text, m.end()))))
    return out


@functools.cache
def is_state_name(text: str) -> bool:
    """Is this a country's own name (pycountry's name, common or official name), not a territory's
    ("Guatemala" the state, not its capital; "Gaza" a territory and a town)?"""
    return any(text in (getattr(c, "name", None), getattr(c, "common_name", None), getattr(c, "official_name", None))
               for c in pycountry.countries)


def country_name(code: str) -> str:
    """Everyday name of a country: the places lexicon's first name, else pycountry's."""
    entry = load("places")["countries"].get(code)
    if entry and entry.get("names"):
        return entry["names"][0]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def event_country(places: list[PlaceMention], fallback: str | None) -> str | None:
    """Where an event happened: a place after a locative preposition, else a country named
    in the sentence, else the article's main country."""
    for place in places:
        if place.located and place.kind in ("name", "capital") and not place.border:
            return place.country
    for place in places:
        if place.kind == "name" and not place.border:
            return place.country
    return fallback


def main_country(all_places: list[PlaceMention]) -> str | None:
    """The country an article is mostly about: most named (ties: first named)."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for place in all_places:
        weight = 2 if place.kind == "name" else 1
        counts[place.country] = counts.get(place.country, 0) + weight
        first.setdefault(place.country, place.start)
    if not counts:
        return None
    return min(counts, key=lambda c: (-counts[c], first[c]))
