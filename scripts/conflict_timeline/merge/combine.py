"""One event from the reports of one happening: which date, type, place, actors and toll it takes.

- id, evidence, source: the first report's (articles by publication, then source id, then place in
  the article), so an event keeps its id while later reports join it;
- date: the most precise date the reports agree on: the report date that most reports' dates
  contain, then a calendar date of the text before a relative one before the report's own day,
  then the narrowest, then the earliest (reports a night apart: a later day is more often that of
  a later turn, a victim found or come forward), then the first;
- type: the first type of its group any report has (an attack before its toll), with that
  report's mode, context and summary;
- actors: the first report's, each blank one from the first report that names it;
- place: the most precise place any report gives (a town before a province before a country), the
  first such; a blank country from the first report that names one;
- toll: `fatalities_low` the lowest figure an article gives first (its lead gives the toll, a
  later sentence a part: "two at the fire pit"; a report of one death when another counts more
  tells of one of the dead: a victim named, "one of the slain"), `fatalities_high` the highest (blank
  when the report giving it leaves it open: "more than 20"), `fatalities_best` the figure of the
  latest report that gives one (tolls grow as the wounded die and the dead are counted; among
  reports of one day, the most common figure, then the highest); a report's figure is its low one;
- `source_count`: the articles among the reports.
"""

from __future__ import annotations

from collections import Counter

from .lexicon import type_rank

DATE_FIELDS = ("date_start", "date_end", "date_precision", "date_edtf", "date_text", "date_source", "ongoing")
TYPE_FIELDS = ("event_type", "event_mode", "event_context", "summary")
PLACE_FIELDS = ("country", "location", "latitude", "longitude", "geo_precision")
_PRECISION = {"city": 0, "admin1": 1, "country": 2}
#: A calendar date in the text before a resolved relative one, before the story's time, before the report's day.
_SOURCE_RANK = {"explicit": 0, "relative": 1, "narrative": 2, "document": 3}


def single_row(row: dict) -> dict:
    """The event of a happening one report tells of: its row, with the toll's best figure and a count of one."""
    return {**row, "fatalities_best": row.get("fatalities_low"), "source_count": 1}


def _date_of(rows: list[dict]) -> dict:
    def support(row: dict) -> int:
        return sum(1 for r in rows if r["date_start"] <= row["date_start"] and row["date_end"] <= r["date_end"])

    best = min(range(len(rows)), key=lambda i: (-support(rows[i]), _SOURCE_RANK.get(rows[i]["date_source"], 3),
                                                 (rows[i]["date_end"] - rows[i]["date_start"]).days, rows[i]["date_start"], i))
    return rows[best]


def _toll(rows: list[dict], published: list[int]) -> tuple:
    given = [(p, r["fatalities_low"], r.get("fatalities_high")) for r, p in zip(rows, published)
             if r.get("fatalities_low") is not None]
    if not given:
        return None, None, None
    leads: dict[str, int] = {}  # per article, its first figure: the lead gives the toll, later sentences a part
    for r in rows:
        if r.get("fatalities_low") is not None:
            leads.setdefault(r.get("source_id"), r["fatalities_low"])
    counted = [n for n in leads.values() if n > 1]  # "one of the slain", "the woman killed": one of the dead
    low = min(counted or leads.values())
    top = max(given, key=lambda g: float("inf") if g[2] is None else g[2])
    high = None if top[2] is None else top[2]
    latest = max(g[0] for g in given)
    counts = Counter(g[1] for g in given if g[0] == latest)
    best = max(counts, key=lambda n: (counts[n], n))
    return low, high, best


def merged_row(rows: list[dict], published: list[int]) -> dict:
    """The event of a happening several reports tell of (`rows` in the package's order, each
    report's article's publication day as an ordinal in `published`)."""
    if len(rows) == 1:
        return single_row(rows[0])
    head = rows[0]
    out = dict(head)
    typed = min(rows, key=lambda r: type_rank().get(r["event_type"], 0))
    out.update({k: typed.get(k) for k in TYPE_FIELDS})
    dated = _date_of(rows)
    out.update({k: dated.get(k) for k in DATE_FIELDS})
    for key in ("actor1", "actor2", "speaker"):
        if not out.get(key):
            out[key] = next((r[key] for r in rows if r.get(key)), None)
    placed = min(rows, key=lambda r: _PRECISION.get(r.get("geo_precision"), 3))
    if _PRECISION.get(placed.get("geo_precision"), 3) < _PRECISION.get(head.get("geo_precision"), 3):
        out.update({k: placed.get(k) for k in PLACE_FIELDS})
    if not out.get("country"):
        out["country"] = next((r["country"] for r in rows if r.get("country")), None)
    out["fatalities_low"], out["fatalities_high"], out["fatalities_best"] = _toll(rows, published)
    out["source_count"] = len({r["source_id"] for r in rows})
    return out
