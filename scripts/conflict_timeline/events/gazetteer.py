"""Places with coordinates: GeoNames populated places of 1,000+ people and the admin-1 (states,
provinces) and admin-2 (counties, districts) regions, from the data files in
lexicons/gazetteer/ (derived by tools/derive_gazetteer.py). Loaded once, on first use, and
indexed by name."""

from __future__ import annotations

import functools
import gc
import gzip
import re
import unicodedata
from dataclasses import dataclass

from ..errors import LexiconError
from ..settings import GAZETTEER_DIR, LARGE_CITY_POPULATION, SMALL_PLACE_POPULATION
from .lexicon import load

#: Words that name the kind of a region after its name ("Borno State", "Idlib province").
REGION_WORDS = ("State", "Province", "Region", "Governorate", "District", "County", "Parish", "Department",
                "Prefecture", "Division", "Oblast", "Territory", "Municipality", "Borough")
_REGION_WORD = re.compile(r"\s(?:" + "|".join(REGION_WORDS) + r")$", re.I)
#: The Arabic article, which English text often drops ("Al Fallujah" is "Fallujah").
_ARTICLE = re.compile(r"^(?:[AaEe][lrstdnz]h?|Ad|As|Ash|At|Az|An)[ -](?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO alpha-3
    kind: str  # city | admin1 | admin2
    admin1: str  # GeoNames code of the admin-1 region ("US.KY"), "" if unknown
    population: int
    latitude: float | None
    longitude: float | None
    code: str = ""  # a region's own GeoNames code


def skeleton(name: str) -> str:
    """A spelling-tolerant key: ASCII, lower case, no apostrophes or hyphens, doubled letters
    single ("Kupwara" and "Kupwāra", "Gondar" and "Gonder" meet)."""
    text = re.sub(r"[^a-z ]", "", fold(name).lower().replace("-", " "))
    return re.sub(r"(.)\1+", r"\1", text)


def fold(name: str) -> str:
    """ASCII form of a name ("Ta'izz" stays, "Al Fallūjah" -> "Al Fallujah")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _rows(name: str):
    path = GAZETTEER_DIR / name
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            columns = None
            for line in handle:
                if line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if columns is None:
                    columns = cells
                    continue
                yield cells
    except (OSError, EOFError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc}). Derive it again with "
                           "`python -m conflict_timeline.events.tools.derive_gazetteer`.") from None


def _forms(name: str) -> set[str]:
    out = {name} if name.isascii() else {name, fold(name)}
    if name[:1] in "AaEe":
        for n in list(out):
            stripped = _ARTICLE.sub("", n)
            if stripped != n and len(stripped) > 3:
                out.add(stripped)
    return {n for n in out if n[:1].isupper()}


def _add(index: dict[str, list[Place]], names, place: Place) -> None:
    for name in names:
        bucket = index.get(name)
        if bucket is None:
            index[name] = [place]
        elif not any(p is place for p in bucket):
            bucket.append(place)


def _rank(p: Place) -> tuple:
    return -p.population, p.country, p.name


def _ranked(index: dict[str, list[Place]]) -> dict[str, tuple[Place, ...]]:
    return {k: (v[0],) if len(v) == 1 else tuple(sorted(v, key=_rank)) for k, v in index.items()}


def _no_gc(load):
    """Build an index with the cyclic garbage collector paused: its passes over the growing heap
    of small objects would take most of the time (the index holds no cycles)."""
    @functools.wraps(load)
    def wrapper():
        enabled = gc.isenabled()
        gc.disable()
        try:
            return load()
        finally:
            if enabled:
                gc.enable()
    return wrapper


def _region_forms(names: list[str], level: str, kind: str) -> set[str]:
    """The names a region is read by: an admin-1 region bare or with a kind word ("Borno",
    "Borno State", "Borno state"); a county or district with its kind word only ("Whatcom County")."""
    forms = set().union(*(_forms(n) for n in names))
    if level == "2":
        forms = {f for f in forms if _REGION_WORD.search(f)}
    else:
        words = (kind,) if kind and kind.istitle() and " " not in kind else ()
        for f in list(forms):
            if not _REGION_WORD.search(f):
                forms |= {f"{f} {w}" for w in (*words, "State", "Province", "Region")}
    return forms | {_REGION_WORD.sub(lambda m: m.group().lower(), f) for f in forms}


@functools.cache
@_no_gc
def _regions() -> tuple[dict[str, tuple[Place, ...]], dict[str, Place], dict[str, Place]]:
    """(name -> regions, GeoNames code -> region, ISO 3166-2 code -> region)."""
    index: dict[str, list[Place]] = {}
    by_code, by_iso = {}, {}
    for code, iso, country, level, kind, name, aliases, population, lat, lon in _rows("regions.tsv.gz"):
        admin1 = code if level == "1" else ".".join(code.split(".")[:2])
        place = Place(name, country, "admin1" if level == "1" else "admin2", admin1, int(population or 0),
                      float(lat) if lat else None, float(lon) if lon else None, code)
        by_code[code] = place
        if iso:
            by_iso[iso] = place
        names = [name, *(aliases.split("|") if aliases else [])]
        _add(index, _region_forms(names, level, kind), place)
    for iso, names in (load("places").get("regions") or {}).items():
        place = by_iso.get(iso)
        if place is None:
            raise LexiconError(f"places.yaml: regions: {iso} is no ISO 3166-2 code of the gazetteer")
        _add(index, _region_forms(names, "1", ""), place)
    return _ranked(index), by_code, by_iso


@functools.cache
@_no_gc
def _cities() -> tuple[dict[str, list[int]], list[str], list]:
    """(name -> row numbers, rows, [(row number, names)] of the places of SMALL_PLACE_POPULATION+):
    a row is parsed into a Place only when its name is looked up."""
    index: dict[str, list[int]] = {}
    path = GAZETTEER_DIR / "cities.tsv.gz"
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            lines = [line for line in handle.read().splitlines() if not line.startswith("#")][1:]
    except (OSError, EOFError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc}). Derive it again with "
                           "`python -m conflict_timeline.events.tools.derive_gazetteer`.") from None
    get = index.get
    big: list[tuple[int, object]] = []
    for i, line in enumerate(lines):
        name, alternates, _country, _admin1, _admin2, population, _ = line.split("\t", 6)
        if alternates or not name.isascii() or name[:1] in "AaEe":
            names = _forms(name)
            if alternates:
                for a in alternates.split("|"):
                    names |= _forms(a)
            names.add(name)
        else:
            names = (name,)
        if len(population) > 4 and int(population) >= SMALL_PLACE_POPULATION:
            big.append((i, name))
        for n in names:
            bucket = get(n)
            if bucket is None:
                index[n] = [i]
            elif bucket[-1] != i:
                bucket.append(i)
    return index, lines, big


@functools.cache
@_no_gc
def _skeletons() -> dict[str, list[int]]:
    """Skeleton of the main name -> row numbers, for places of SMALL_PLACE_POPULATION or more."""
    out: dict[str, list[int]] = {}
    for i, name in _cities()[2]:
        out.setdefault(skeleton(name), []).append(i)
    return out


@functools.cache
def _city(i: int) -> Place:
    name, _alternates, country, admin1, _admin2, population, lat, lon = _cities()[1][i].split("\t")
    return Place(name, country, "city", admin1, int(population or 0), float(lat), float(lon))


def cities(name: str) -> tuple[Place, ...]:
    """Populated places of this name, most populous first."""
    rows = _cities()[0].get(name)
    if not rows and len(name) > 4:
        rows = _skeletons().get(skeleton(name))
    if not rows:
        return ()
    if len(rows) == 1:
        return (_city(rows[0]),)
    found = [_city(i) for i in rows]
    # a place of that very name beats one known by it as an alternate ("Frankfort", Kentucky,
    # not Frankfurt am Main)
    own = [p for p in found if name in (p.name, fold(p.name))]
    return tuple(sorted(own or found, key=_rank))


def regions(name: str) -> tuple[Place, ...]:
    """Admin-1 and admin-2 regions of this name ("Kentucky", "Borno State", "Whatcom County")."""
    return _regions()[0].get(name, ())


def region(code: str) -> Place | None:
    """A region by its GeoNames ("US.KY") or ISO 3166-2 ("US-KY") code."""
    _, by_code, by_iso = _regions()
    return by_code.get(code) or by_iso.get(code)


def iso_regions() -> dict[str, Place]:
    """ISO 3166-2 code -> admin-1 region."""
    return _regions()[2]


def is_large_city(name: str) -> bool:
    """Is this the name of a city of at least LARGE_CITY_POPULATION people ("Miami said" names no one)?"""
    return any(c.population >= LARGE_CITY_POPULATION for c in cities(name))
