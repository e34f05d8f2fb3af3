"""From the package's tables to one row per mark: what to draw, where in time, and what to
say on hover. Accepts the frames as the package holds them: dates as datetime.date,
Timestamps or ISO strings; missing values as None, NA, NaN or ''."""

from __future__ import annotations

import pandas as pd

from . import encodings as enc
from . import hover
from .config import FATALITY_REFERENCE, HOVER_TEXT_CHARS, LANE_LABEL_CHARS

DAY = pd.Timedelta(days=1)


def _col(frame: pd.DataFrame, name: str) -> pd.Series:
    """A column as plain strings ('' for missing), or a column of '' when it is absent."""
    if name not in frame.columns:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    return frame[name].map(hover.plain).astype(object)


def _days(values: pd.Series) -> pd.Series:
    """Any date-like column -> datetime64 at midnight (NaT where missing or unreadable)."""
    text = values.map(lambda v: hover.plain(v)[:10])
    return pd.to_datetime(text.where(text != "", None), errors="coerce", format="%Y-%m-%d")


def _flag(values: pd.Series) -> pd.Series:
    return values.map(lambda v: hover.plain(v).lower() in ("true", "1", "yes"))


def _count(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values.map(hover.plain).replace("", None), errors="coerce")


def _toll(low: float, high: float) -> str:
    if pd.isna(low):
        return ""
    if pd.isna(high):
        return f"at least {low:,.0f} killed"
    if high == low:
        return f"{low:,.0f} killed"
    return f"{low:,.0f}–{high:,.0f} killed"


def fatality_share(fatalities: pd.Series) -> pd.Series:
    """0..1 on a square-root scale: 0 for none, 1 at FATALITY_REFERENCE deaths and above."""
    f = fatalities.fillna(0).clip(lower=0)
    return (f**0.5 / FATALITY_REFERENCE**0.5).clip(upper=1.0)


def build_marks(events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """One row per drawable event, sorted deterministically, with these columns:

    event_id, kind ('point' or 'span'), start, end (exclusive day after the last, for spans;
    the publication date's next day for ongoing ones), ongoing, group, colour, modality,
    fatalities, lane_group/lane_actor/lane_source (keys) and their labels, source_published,
    and the hover columns cd0..cd6 (see hover.HOVERTEMPLATE). Events without a readable
    date_start are left out.
    """
    ev = events.reset_index(drop=True)
    src = sources.reset_index(drop=True) if sources is not None else pd.DataFrame()
    act = actors.reset_index(drop=True) if actors is not None else pd.DataFrame()

    src_ids = _col(src, "source_id")
    src_title = dict(zip(src_ids, _col(src, "title")))
    src_pub = dict(zip(src_ids, _col(src, "publisher")))
    src_url = dict(zip(src_ids, _col(src, "url")))
    pub_dates = _days(src["published_date"] if "published_date" in src.columns else _col(src, "published"))
    src_date = dict(zip(src_ids, pub_dates))
    actor_name = dict(zip(_col(act, "actor_id"), _col(act, "name")))

    out = pd.DataFrame({"event_id": _col(ev, "event_id")})
    out["start"] = _days(ev["date_start"]) if "date_start" in ev.columns else pd.NaT
    end = _days(ev["date_end"]) if "date_end" in ev.columns else out["start"]
    end = end.fillna(out["start"]).where(end >= out["start"], out["start"])
    out["ongoing"] = _flag(_col(ev, "ongoing"))
    source_id = _col(ev, "source_id")
    out["source_published"] = source_id.map(src_date)
    reach = pd.concat([end, out["source_published"].where(out["ongoing"])], axis=1).max(axis=1)
    out["kind"] = ((reach > out["start"]) | out["ongoing"]).map({True: "span", False: "point"})
    out["end"] = (reach + DAY).where(out["kind"] == "span")

    event_type = _col(ev, "event_type")
    out["group"] = event_type.map(enc.group_of)
    modality = _col(ev, "modality")
    out["modality"] = modality.where(modality.isin(list(enc.MODALITY_SYMBOLS)), enc.DEFAULT_MODALITY)
    low, high = _count(_col(ev, "fatalities_low")), _count(_col(ev, "fatalities_high"))
    out["fatalities"] = low.fillna(0)

    names = {k: _col(ev, k).map(lambda a: actor_name.get(a) or a) for k in ("actor1", "actor2", "speaker")}
    primary = names["actor1"].where(names["actor1"] != "", names["speaker"])
    primary = primary.where(primary != "", names["actor2"])
    primary_id = _col(ev, "actor1")
    primary_id = primary_id.where(primary_id != "", _col(ev, "speaker"))
    primary_id = primary_id.where(primary_id != "", _col(ev, "actor2"))
    out["lane_group"] = out["group"]
    out["lane_group_label"] = out["group"]
    out["lane_actor"] = primary_id
    out["lane_actor_label"] = primary.where(primary != "", "no actor named")
    out["lane_source"] = source_id
    titles = source_id.map(lambda s: src_title.get(s, ""))
    publishers = source_id.map(lambda s: src_pub.get(s, ""))
    source_label = [
        hover.cut(f"{p}: {t}" if p and t else (t or p or s or "unknown source"), LANE_LABEL_CHARS)
        for p, t, s in zip(publishers, titles, source_id)
    ]
    out["lane_source_label"] = source_label

    # Hover columns: every piece escaped here, once (see hover.py).
    summary = _col(ev, "summary")
    tolls = [_toll(lo, hi) for lo, hi in zip(low, high)]
    counts = _count(_col(ev, "source_count")).fillna(1)
    out["cd0"] = [hover.escape(hover.cut(s, HOVER_TEXT_CHARS)) or "(no summary)" for s in summary]
    out["cd1"] = [
        " · ".join(
            hover.escape(part)
            for part in (
                f"{enc.label_of(t)} ({g})",
                m,
                toll,
                f"reported by {n:.0f} sources" if n > 1 else "",
                "still going on at publication" if og else "",
            )
            if part
        )
        for t, g, m, toll, n, og in zip(event_type, out["group"], out["modality"], tolls, counts, out["ongoing"])
    ]
    out["cd2"] = [
        hover.date_line(*row)
        for row in zip(_col(ev, "date_text"), _col(ev, "date_edtf"), _col(ev, "date_precision"), _col(ev, "date_source"))
    ]
    out["cd3"] = [hover.actors_line(*row) for row in zip(names["actor1"], names["actor2"], names["speaker"])]
    out["cd4"] = [hover.wrapped(e) or "(no evidence sentence)" for e in _col(ev, "evidence")]
    urls = source_id.map(lambda s: hover.safe_url(src_url.get(s, "")))
    published = source_id.map(lambda s: "" if pd.isna(src_date.get(s)) else src_date[s].strftime("%Y-%m-%d"))
    out["cd5"] = [hover.source_line(*row) for row in zip(titles, publishers, published, urls)]
    out["cd6"] = urls

    out = out[out["start"].notna()]
    out = out.sort_values(["start", "end", "event_id"], kind="mergesort", na_position="first")
    return out.reset_index(drop=True)
