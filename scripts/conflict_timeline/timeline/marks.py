"""From the package's tables to one row per mark: what to draw, where in time, and what to
say on hover. Accepts the frames as the package holds them: dates as datetime.date,
Timestamps or ISO strings; missing values as None, NA, NaN or ''.

Everything is computed column by column (encode.py), and text per distinct value, so that
tens of thousands of events take a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import encodings as enc
from . import hover
from .config import HOVER_TEXT_CHARS, LABEL_CHARS, LANE_LABEL_CHARS
from .encode import SEP, cut_many, escape_many, plain_many

DAY = pd.Timedelta(days=1)


@dataclass
class Marks:
    """`frame`: one row per drawable mark (see build_marks); `sources`: [hover line, URL] of
    each source, indexed by the frame's column `src`."""

    frame: pd.DataFrame
    sources: list[list[str]]


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A column as plain strings ('' for missing), or '' everywhere when it is absent."""
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    return plain_many(frame[name].to_numpy(dtype=object))


def _days(values: np.ndarray) -> pd.Series:
    """Plain date-like strings -> datetime64[ms] at midnight (NaT where missing or unreadable).
    Milliseconds, not pandas' nanoseconds: those wrap around outside 1677-2262 (a year 1050
    came out as 2219)."""
    codes, uniques = pd.factorize(pd.Series(values, dtype=object))
    parsed = pd.to_datetime(pd.Series([u[:10] or None for u in uniques], dtype=object),
                            errors="coerce", format="%Y-%m-%d")
    table = np.append(parsed.to_numpy(dtype="datetime64[ms]"), np.datetime64("NaT", "ms"))
    return pd.Series(table[codes])


def _flag(values: np.ndarray) -> np.ndarray:
    return np.isin(np.char.lower(values.astype(str)), ["true", "1", "yes"])


def _count(values: np.ndarray) -> pd.Series:
    return pd.to_numeric(pd.Series(np.where(values == "", None, values), dtype=object), errors="coerce")


def _per_unique(fn, *columns, rows: bool = False) -> np.ndarray:
    """fn for every distinct combination of the (string) columns, spread back to the rows:
    fn(*parts) per combination, or with rows=True fn(*columns of parts) once."""
    key = columns[0].astype(object)
    for column in columns[1:]:
        key = key + SEP + column.astype(object)
    codes, uniques = pd.factorize(pd.Series(key, dtype=object))
    if rows:
        parts = [u.split(SEP) for u in uniques]
        values = fn(*(np.array([p[i] for p in parts] + [""], dtype=object)[:-1] for i in range(len(columns))))
        values = np.append(np.asarray(values, dtype=object), "")
    else:
        values = np.array([fn(*u.split(SEP)) for u in uniques] + [""], dtype=object)
    return values[codes]


def _toll(low: pd.Series, high: pd.Series) -> np.ndarray:
    def text(lo: str, hi: str) -> str:
        if lo == "nan":
            return ""
        lo_f, hi_f = float(lo), float(hi)
        if hi == "nan":
            return f"at least {lo_f:,.0f} killed"
        return f"{lo_f:,.0f} killed" if hi_f == lo_f else f"{lo_f:,.0f}–{hi_f:,.0f} killed"

    return _per_unique(text, low.astype(float).to_numpy().astype(str), high.astype(float).to_numpy().astype(str))


def country_name(code: str) -> str:
    """'SYR' -> 'Syria' (ISO 3166 short name; the code itself when unknown); '' -> 'no country'."""
    if not code:
        return "no country"
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or found.name if found else code


def fatality_share(fatalities: pd.Series) -> pd.Series:
    """0..1 on a square-root scale: 0 for none, 1 at FATALITY_REFERENCE deaths and above."""
    from .config import FATALITY_REFERENCE

    f = fatalities.fillna(0).clip(lower=0)
    return (f**0.5 / FATALITY_REFERENCE**0.5).clip(upper=1.0)


def _or(*columns: np.ndarray) -> np.ndarray:
    """The first non-empty value of each row."""
    out = columns[-1]
    for column in reversed(columns[:-1]):
        out = np.where(column != "", column, out)
    return out


def _sources(src: pd.DataFrame, source_id: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray, list[list[str]]]:
    """Per event: its source's title, publisher, publication date and index into the list of
    [hover line, URL] pairs (one per distinct source of the events)."""
    ids = _col(src, "source_id")
    published = src["published_date"] if "published_date" in src.columns else src.get("published")
    pub = _days(plain_many(published.to_numpy(dtype=object))) if published is not None else pd.Series(
        np.full(len(src), np.datetime64("NaT", "ms")))
    table = pd.DataFrame({"title": _col(src, "title"), "publisher": _col(src, "publisher"),
                          "url": _col(src, "url"), "published": pub.to_numpy()}, index=ids)
    table = table[~table.index.duplicated(keep="first")]
    codes, uniques = pd.factorize(pd.Series(source_id, dtype=object))
    rows = table.reindex(uniques)
    titles = rows["title"].fillna("").to_numpy(dtype=object)
    publishers = rows["publisher"].fillna("").to_numpy(dtype=object)
    dates = pd.to_datetime(rows["published"])
    urls = [hover.safe_url(u) for u in rows["url"].fillna("")]
    days = dates.dt.strftime("%Y-%m-%d").fillna("").to_numpy(dtype=object)
    pairs = [[line, url] for line, url in zip(hover.source_lines(titles, publishers, days, urls), urls)]
    per_event = {"title": titles[codes], "publisher": publishers[codes], "published": dates.to_numpy()[codes]}
    return per_event, codes, pairs


def build_marks(events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame) -> Marks:
    """One row per drawable event, sorted deterministically, with these columns:

    event_id, kind ('point' or 'span'), start, end (exclusive day after the last, for spans;
    the publication date's next day for ongoing ones), ongoing, group, modality, fatalities,
    lane_group/lane_country/lane_actor/lane_source (keys) and their labels, source_published,
    the hover columns cd0..cd3 (escaped markup, see hover.HOVERTEMPLATE; the page wraps the
    evidence sentence itself), src (index into
    Marks.sources) and row (the event's row in `events`). Events without a readable
    date_start are left out.
    """
    ev = events.reset_index(drop=True)
    src = sources.reset_index(drop=True) if sources is not None else pd.DataFrame()
    act = actors.reset_index(drop=True) if actors is not None else pd.DataFrame()
    n = len(ev)

    out = pd.DataFrame({"event_id": _col(ev, "event_id")})
    start = _days(_col(ev, "date_start"))
    end = _days(_col(ev, "date_end")) if "date_end" in ev.columns else start
    end = end.fillna(start).where(end >= start, start)
    ongoing = _flag(_col(ev, "ongoing"))
    source_id = _col(ev, "source_id")
    per_source, src_codes, pairs = _sources(src, source_id)
    published = pd.Series(per_source["published"])
    reach = pd.concat([end, published.where(ongoing)], axis=1).max(axis=1)
    span = ((reach > start) | ongoing).to_numpy()
    out["start"] = start
    out["end"] = (reach + DAY).where(span)
    out["ongoing"] = ongoing
    out["source_published"] = published
    out["kind"] = np.where(span, "span", "point")

    event_type = _col(ev, "event_type")
    group = _per_unique(enc.group_of, event_type)
    out["group"] = group
    modality = _col(ev, "modality")
    modality = np.where(np.isin(modality, list(enc.MODALITY_SYMBOLS)), modality, enc.DEFAULT_MODALITY)
    out["modality"] = modality
    low, high = _count(_col(ev, "fatalities_low")), _count(_col(ev, "fatalities_high"))
    out["fatalities"] = low.fillna(0).to_numpy()

    names = dict(zip(_col(act, "actor_id"), _col(act, "name")))
    ids = {k: _col(ev, k) for k in ("actor1", "actor2", "speaker")}
    named = {k: _per_unique(lambda a: names.get(a) or a, v) for k, v in ids.items()}
    primary = _or(named["actor1"], named["speaker"], named["actor2"])
    out["label"] = _per_unique(
        lambda t, p: hover.escape(hover.cut(f"{enc.label_of(t)}: {p}" if p else enc.label_of(t), LABEL_CHARS)),
        event_type, primary)
    out["lane_group"] = group
    out["lane_group_label"] = group
    out["lane_actor"] = _or(ids["actor1"], ids["speaker"], ids["actor2"])
    out["lane_actor_label"] = np.where(primary != "", primary, "no actor named")
    country_code = _col(ev, "country")
    out["lane_country"] = country_code
    out["lane_country_label"] = _per_unique(country_name, country_code)
    out["lane_source"] = source_id
    out["lane_source_label"] = _per_unique(
        lambda p, t, s: hover.cut(f"{p}: {t}" if p and t else (t or p or s or "unknown source"), LANE_LABEL_CHARS),
        per_source["publisher"], per_source["title"], source_id,
    )

    # Hover columns: every piece escaped here, once per distinct text (see hover.py).
    summary = escape_many(cut_many(_col(ev, "summary"), HOVER_TEXT_CHARS))
    out["cd0"] = np.array([s or "(no summary)" for s in summary] + [""], dtype=object)[:-1]
    counts = _count(_col(ev, "source_count")).fillna(1).to_numpy().astype(str)
    location, country = _col(ev, "location"), _col(ev, "country")
    place = np.where((location != "") & (country != ""), location + ", " + country, np.where(location != "", location, country))
    out["cd1"] = (_per_unique(
        lambda t, m, toll, c, og, where: hover.what_lines(
            [enc.label_of(x) for x in t], [enc.group_of(x) for x in t], m, toll, c.astype(float), og == "1", where),
        event_type, modality, _toll(low, high), counts, ongoing.astype(int).astype(str), place, rows=True,
    ))
    out["cd2"] = (_per_unique(
        hover.date_lines, _col(ev, "date_text"), _col(ev, "date_edtf"), _col(ev, "date_precision"),
        _col(ev, "date_source"), rows=True,
    ))
    out["cd3"] = _per_unique(hover.actors_lines, named["actor1"], named["actor2"], named["speaker"], rows=True)
    out["src"] = src_codes if n else np.zeros(0, dtype=np.int64)
    out["row"] = np.arange(n)  # the event's row in `events` (facets.py reads the rest from there)

    out = out[out["start"].notna()]
    out = out.sort_values(["start", "end", "event_id"], kind="mergesort", na_position="first")
    return Marks(out.reset_index(drop=True), pairs)
