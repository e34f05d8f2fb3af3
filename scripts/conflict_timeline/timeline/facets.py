"""What the page's filters, event cards, event list and map need for every mark, as plain
text (the page puts it into the DOM with textContent, never as markup): one table of
strings and, per mark, columns of indices into it (typed arrays, encode.typed).

    fig["page"] = {
      "strings": [...],                       # "" first
      "n": marks, "start"/"end": ms (end exclusive), "outside": 1 = outside the first view,
      "columns": {name: index per mark}       # CARD_COLUMNS, FILTER_COLUMNS and HOVER_COLUMNS
      "reports": {"offsets", "source", "evidence"}  # every source of mark r and its sentence:
                                              # rows offsets[r] .. offsets[r+1]-1
      "sources": [[title, publisher, published day, safe URL or ""], ...],
      "places": {"mark": place of each mark (0 = none, k = places[k-1]), "list": [...]}
    }

Every source that reports an event comes from the package's `event_sources` table when it
is given (an event merged from several reports has a row per report), else from the event's
own source_id and evidence. Columns that another stage may add later (`fatalities_best`,
`source_count`) are read when present.

The hover label's text shares the table (figure.py, hover.HOVERTEMPLATE): the escaped lines
hover_summary .. hover_actors as marks.py writes them, and `evidence`, the event's own
sentence as plain text, which the page escapes and wraps (page.js, as encode.wrap_many does),
so that the longest text of each event is in the page once.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import encodings as enc
from . import geo
from .encode import index_dtype, plain_many, typed
from .hover import safe_url
from .marks import Marks

#: Card and list text per mark.
CARD_COLUMNS = ("summary", "date_text", "date_norm", "type", "group", "actors", "place", "toll", "modality")
#: Filter keys per mark (labels as shown in the filter menus; "" for none).
FILTER_COLUMNS = ("country", "type", "actor1", "actor2", "speaker", "source")
#: Hover text per mark: marks.py's escaped columns cd0..cd3, and the plain evidence sentence.
HOVER_COLUMNS = ("hover_summary", "hover_what", "hover_date", "hover_actors", "evidence")
#: The marks frame's column of each escaped hover line.
HOVER_MARK_COLUMNS = {"hover_summary": "cd0", "hover_what": "cd1", "hover_date": "cd2", "hover_actors": "cd3"}


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    if frame is None or name not in frame.columns:
        return np.full(0 if frame is None else len(frame), "", dtype=object)
    return plain_many(frame[name].to_numpy(dtype=object))


def _date_norm(start: np.ndarray, end: np.ndarray, edtf: np.ndarray, precision: np.ndarray) -> np.ndarray:
    """'2015-10-24', or '2011-03-01 – 2011-03-31' for a span, with the EDTF and precision."""
    days = np.where((end != "") & (end != start), start + " – " + end, start)
    how = np.where(precision != "", " (" + precision + ")", "")
    return np.where((edtf != "") & (edtf != start), days + " · EDTF " + edtf, days) + how


def _toll(low: np.ndarray, high: np.ndarray, best: np.ndarray) -> np.ndarray:
    def one(lo: str, hi: str, b: str) -> str:
        if not lo and not hi:
            return ""
        fmt = lambda v: f"{float(v):,.0f}"  # noqa: E731
        text = f"low {fmt(lo) if lo else '?'} · high {fmt(hi) if hi else 'open'}"
        return text + (f" · best {fmt(b)}" if b else "")

    return np.array([one(*t) for t in zip(low, high, best)] + [""], dtype=object)[:-1]


def _reports(ev: pd.DataFrame, rows: np.ndarray, event_sources: pd.DataFrame | None,
             source_index: dict[str, int]) -> tuple[np.ndarray, list[int], list[str]]:
    """(offsets per mark, source index and evidence of each report), marks in order."""
    ids = _col(ev, "event_id")[rows]
    own = list(zip(_col(ev, "source_id")[rows], _col(ev, "evidence")[rows]))
    by_event: dict[str, list[tuple[str, str]]] = {}
    if event_sources is not None and len(event_sources):
        for eid, sid, text in zip(_col(event_sources, "event_id"), _col(event_sources, "source_id"),
                                  _col(event_sources, "evidence")):
            by_event.setdefault(eid, []).append((sid, text))
    offsets, source, evidence = [0], [], []
    for eid, first in zip(ids, own):
        reports = by_event.get(eid) or [first]
        if first[0] and first not in reports:
            reports = [first] + reports
        for sid, text in reports:
            source.append(source_index.get(sid, -1))
            evidence.append(text)
        offsets.append(len(source))
    return np.array(offsets), source, evidence


def page_data(m: Marks, events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame,
              event_sources: pd.DataFrame | None, outside: np.ndarray) -> dict:
    """fig["page"] for these marks (see the module doc)."""
    frame = m.frame
    ev = events.reset_index(drop=True)
    rows = frame["row"].to_numpy(dtype=np.int64)
    n = len(frame)

    def at(name: str) -> np.ndarray:
        return _col(ev, name)[rows] if n else np.zeros(0, dtype=object)

    names = dict(zip(_col(actors, "actor_id"), _col(actors, "name"))) if actors is not None else {}
    named = {k: np.array([names.get(a) or a for a in at(k)] + [""], dtype=object)[:-1] for k in ("actor1", "actor2", "speaker")}
    pair = np.where((named["actor1"] != "") & (named["actor2"] != ""), named["actor1"] + " → " + named["actor2"],
                    named["actor1"] + named["actor2"])
    said = np.where(named["speaker"] != "", "said by " + named["speaker"], "")
    actors_text = np.where((pair != "") & (said != ""), pair + " · " + said, pair + said)
    event_type = at("event_type")
    type_label = np.array([enc.label_of(t) for t in event_type] + [""], dtype=object)[:-1]
    location, country = at("location"), at("country")
    country_label = frame["lane_country_label"].to_numpy(dtype=object) if n else np.zeros(0, dtype=object)
    country_label = np.where(country != "", country_label, "")
    place = np.where((location != "") & (country_label != ""), location + ", " + country_label, location + country_label)

    src_ids = _col(sources, "source_id") if sources is not None else np.zeros(0, dtype=object)
    published = _col(sources, "published_date") if sources is not None and "published_date" in sources.columns \
        else _col(sources, "published")
    source_rows = [[t, p, d[:10], safe_url(u)] for t, p, d, u in zip(
        _col(sources, "title"), _col(sources, "publisher"), published, _col(sources, "url"))]
    source_index: dict[str, int] = {}
    for i, sid in enumerate(src_ids):
        source_index.setdefault(sid, i)
    offsets, report_source, report_evidence = _reports(ev, rows, event_sources, source_index)
    source_label = np.array([
        (f"{r[1]}: {r[0]}" if r[1] and r[0] else r[0] or r[1] or sid) for sid, r in zip(src_ids, source_rows)
    ] + [""], dtype=object)[:-1]
    first_source = np.array([source_label[source_index[s]] if s in source_index else s for s in at("source_id")]
                            + [""], dtype=object)[:-1]

    text = {
        "summary": at("summary"), "date_text": at("date_text"),
        "date_norm": _date_norm(at("date_start"), at("date_end"), at("date_edtf"), at("date_precision")),
        "type": type_label, "group": frame["group"].to_numpy(dtype=object) if n else np.zeros(0, dtype=object),
        "actors": actors_text, "place": place,
        "toll": _toll(at("fatalities_low"), at("fatalities_high"), at("fatalities_best")),
        "modality": frame["modality"].to_numpy(dtype=object) if n else np.zeros(0, dtype=object),
        "country": country_label, "actor1": named["actor1"], "actor2": named["actor2"], "speaker": named["speaker"],
        "source": first_source,
        "evidence": at("evidence"),
        **{c: frame[mc].to_numpy(dtype=object) if n else np.zeros(0, dtype=object) for c, mc in HOVER_MARK_COLUMNS.items()},
    }
    columns = list(dict.fromkeys(CARD_COLUMNS + FILTER_COLUMNS + HOVER_COLUMNS))
    pool = np.concatenate([np.array([""], dtype=object)] + [text[c] for c in columns]
                          + [np.array(report_evidence + [""], dtype=object)[:-1]])
    codes, strings = pd.factorize(pd.Series(pool, dtype=object))
    width = index_dtype(len(strings))
    parts = np.split(codes[1:], np.cumsum([n] * len(columns)))
    starts = frame["start"].to_numpy(dtype="datetime64[ms]").astype(np.int64) if n else np.zeros(0)
    ends = frame["end"].to_numpy(dtype="datetime64[ms]")
    ends = np.where(np.isnat(ends), starts + 86_400_000, ends.astype(np.int64)) if n else np.zeros(0)
    return {
        "strings": list(strings),
        "n": n,
        "start": typed(starts, "f8"),
        "end": typed(ends, "f8"),
        "outside": typed(np.asarray(outside, dtype=np.uint8), "u1"),
        "columns": {c: typed(p, width) for c, p in zip(columns, parts[:-1])},
        "reports": {
            "offsets": typed(offsets, "u4"),
            "source": typed(np.array(report_source, dtype=np.int64) + 1, index_dtype(len(source_rows) + 1)),
            "evidence": typed(parts[-1], width),
        },
        "sources": [[""] * 4] + source_rows,  # source 0 = unknown
        "places": geo.places(at("latitude"), at("longitude"), country, place),
    }
