"""The timeline as a Plotly figure (a plain dict, written as JSON by page.py): one trace per
lane group and mark kind (never one per event), a key that explains every encoding, and a
dropdown that switches the lanes.

Traces carry `meta = {"role": ..., "group": ..., "kind": ...}`: role `events` for the marks
that stand for events (`meta.events` of them; one mark per event), `ongoing` for the arrow
heads (or, with WebGL, the fades) that end ongoing happenings, `legend` for the colour swatch of each lane group and `key`
for the legend entries that explain the other encodings.

Up to WEBGL_THRESHOLD events everything is SVG: markers for day-precision events (shape and
fill by modality) and horizontal bars for spans (hover anywhere on them, hatched by modality).
Above it, markers are Scattergl circles (fill by modality, encodings.marker_fill), and the
spans of each group and modality are one filled path (spans.py).

Numbers are typed arrays (encode.typed). Besides `data` and `layout` the figure holds what
the page (page.py, page.js) needs: `rows` (for each event trace, the mark of every point or
vertex, from which the page builds the trace's customdata, one row per mark); `page` (the
text of every mark as one table of strings, facets.py, the hover text included); `hover`
(each source's [hover line, URL] and the source of each mark) and `lanes` (y positions, span
thickness and axis changes of each lane mode, applied by the dropdown).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import axes, facets, geo, spans
from . import encodings as enc
from . import hover
from .config import (
    ARROW_SIZE,
    FADE_COLOUR,
    FADE_EXTENT_SHARE,
    FADE_SHARE,
    HIGHLIGHT_COLOUR,
    HIGHLIGHT_SIZE,
    LABEL_COLOUR,
    LABEL_FONT_SIZE,
    LABEL_MAX_EVENTS,
    LABEL_ROOM_SHARE,
    LABEL_SHIFT_PX,
    LABEL_SHORT_SPAN_SHARE,
    LANE_MODES,
    MARKER_SIZE,
    MARKER_SIZE_MAX,
    SPAN_FATALITY_GROWTH,
    SPAN_OUTLINE_PX,
    WEBGL_THRESHOLD,
    WRAP_CHARS,
)
from .encode import index_dtype, typed, untyped, wrap_many
from .lanes import LaneLayout, layout, span_widths
from .marks import build_marks, fatality_share
from .view import first_view

MS_PER_DAY = 86_400_000


def _ms(dates: pd.Series) -> np.ndarray:
    return dates.to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(np.float64)


class _Builder:
    """Collects traces and, for each, how its y (and bar thickness) follow a lane layout."""

    def __init__(self, marks: pd.DataFrame, layouts: dict[str, LaneLayout], first: str, growth: np.ndarray):
        self.marks, self.layouts, self.first, self.growth = marks, layouts, first, growth
        self.start, self.end = _ms(marks["start"]), _ms(marks["end"])
        self.traces: list[dict] = []
        self.rows: list[np.ndarray | None] = []
        self.members: list[np.ndarray | None] = []  # marks of the points of traces without hover rows
        self.lane_of: list = []  # per trace: fn(layout) -> y, or None

    def y(self, lay: LaneLayout, rows: np.ndarray) -> dict:
        return typed(lay.y[rows], "f4")

    def add(self, trace: dict, rows=None, lane=None, members=None) -> None:
        self.traces.append(trace)
        self.rows.append(rows)
        self.members.append(members)
        self.lane_of.append(lane)

    def bars(self, rows: np.ndarray, colour: str, group: str) -> None:
        modality = self.marks["modality"].to_numpy()[rows]
        hollow = np.isin(modality, list(enc.HOLLOW_MODALITIES))
        lane = lambda lay: lay.y[rows]  # noqa: E731
        self.add({
            "type": "bar", "name": hover.escape(group), "legendgroup": group, "showlegend": False,
            "orientation": "h", "base": typed(self.start[rows], "f8"),
            "x": typed(self.end[rows] - self.start[rows], "f8"),
            "y": typed(lane(self.layouts[self.first]), "f4"),
            "width": typed(span_widths(self.layouts[self.first], rows, self.growth), "f4"),
            "marker": {
                "color": np.where(hollow, enc.with_alpha(colour, 0.12), colour).tolist(),
                "line": {"color": colour, "width": SPAN_OUTLINE_PX},
                "pattern": {"shape": [enc.MODALITY_PATTERNS[m] for m in modality], "fillmode": "replace",
                            "fgcolor": colour, "bgcolor": enc.with_alpha(colour, 0.18), "size": 7, "solidity": 0.35},
            },
            "hovertemplate": hover.HOVERTEMPLATE,
            "meta": {"role": "events", "group": group, "kind": "spans", "events": int(len(rows))},
        }, rows, lane)

    def filled_spans(self, rows: np.ndarray, colour: str, group: str, extent_ms: float) -> None:
        """One filled path per modality of the group's spans (spans.py)."""
        modality = self.marks["modality"].to_numpy()[rows]
        for mod, shape in enc.MODALITY_PATTERNS.items():
            sub = rows[modality == mod]
            if not len(sub):
                continue
            x, side, span = spans.chain(self.start[sub], self.end[sub], extent_ms)
            growth = self.growth

            def lane(lay, sub=sub, side=side, span=span):
                return spans.vertex_y(lay.y[sub], span_widths(lay, sub, growth) / 2, side, span)

            trace = {
                "type": "scatter", "name": hover.escape(group), "legendgroup": group, "showlegend": False,
                "mode": "none", "fill": "toself", "hoveron": "points", "line": {"width": 0, "simplify": False},
                "fillcolor": enc.with_alpha(colour, 0.3) if mod in enc.HOLLOW_MODALITIES else colour,
                "x": typed(x, "f8"), "y": typed(lane(self.layouts[self.first]), "f4"),
                "hovertemplate": hover.HOVERTEMPLATE,
                "meta": {"role": "events", "group": group, "kind": "spans", "modality": mod, "events": int(len(sub))},
            }
            if shape:
                trace["fillpattern"] = {"shape": shape, "fillmode": "replace", "fgcolor": colour,
                                        "bgcolor": enc.with_alpha(colour, 0.18), "size": 7, "solidity": 0.35}
            self.add(trace, sub[span], lane)

    def points(self, rows: np.ndarray, colour: str, group: str, gl: bool, size: np.ndarray) -> None:
        """Markers of day-precision events: one trace per group (SVG), or per group and modality
        (WebGL), so that WebGL gets one fill per trace instead of a colour to parse per point."""
        modality = self.marks["modality"].to_numpy()[rows]
        if gl:
            for mod in enc.MODALITY_SYMBOLS:
                sub = rows[modality == mod]
                if len(sub):
                    fill, line = enc.marker_fill(mod, colour, gl)
                    self._markers(sub, group, True, size, fill, enc.GL_SYMBOL, line, {"modality": mod})
            return
        fills = [enc.marker_fill(m, colour, gl)[0] for m in modality]
        self._markers(rows, group, False, size, fills, [enc.MODALITY_SYMBOLS[m] for m in modality], colour, {})

    def _markers(self, rows, group, gl, size, fill, symbol, line, meta) -> None:
        lane = lambda lay: lay.y[rows]  # noqa: E731
        self.add({
            "type": "scattergl" if gl else "scatter", "name": hover.escape(group), "legendgroup": group,
            "showlegend": False, "mode": "markers",
            "x": typed(self.start[rows], "f8"), "y": typed(lane(self.layouts[self.first]), "f4"),
            "marker": {"color": fill, "symbol": symbol, "size": typed(size[rows], "f4"), "opacity": 0.9,
                       "line": {"color": line, "width": 1.5}},
            "hovertemplate": hover.HOVERTEMPLATE,
            "meta": {"role": "events", "group": group, "kind": "points", "events": int(len(rows)), **meta},
        }, rows, lane)

    def fades(self, rows: np.ndarray, extent_ms: float) -> None:
        """With WebGL, ongoing happenings end in a fade instead of an arrow head (an SVG marker
        each, drawn twice with the range slider): the last part of each span is veiled white,
        one filled path for all of them (spans.py)."""
        length = self.end[rows] - self.start[rows]
        tail = np.maximum(MS_PER_DAY, np.minimum(length * FADE_SHARE, extent_ms * FADE_EXTENT_SHARE))
        x, side, span = spans.chain(self.end[rows] - tail, self.end[rows], extent_ms=float("inf"))
        growth = self.growth

        def lane(lay):
            return spans.vertex_y(lay.y[rows], span_widths(lay, rows, growth) / 2, side, span)

        self.add({
            "type": "scatter", "name": "", "showlegend": False, "mode": "none", "fill": "toself",
            "fillcolor": FADE_COLOUR, "line": {"width": 0, "simplify": False}, "hoverinfo": "skip",
            "x": typed(x, "f8"), "y": typed(lane(self.layouts[self.first]), "f4"),
            "meta": {"role": "ongoing", "group": "", "kind": "fades"},
        }, None, lane, rows[span])

    def arrows(self, rows: np.ndarray, colour: str, group: str) -> None:
        """Arrow heads at the publication date of ongoing happenings (SVG pages)."""
        lane = lambda lay: lay.y[rows]  # noqa: E731
        self.add({
            "type": "scatter", "name": hover.escape(group), "legendgroup": group,
            "showlegend": False, "mode": "markers",
            "x": typed(self.end[rows] - MS_PER_DAY, "f8"), "y": typed(lane(self.layouts[self.first]), "f4"),
            "marker": {"color": colour, "symbol": "triangle-right", "size": ARROW_SIZE, "line": {"width": 0}},
            "hoverinfo": "skip",
            "meta": {"role": "ongoing", "group": group, "kind": "arrows"},
        }, None, lane, rows)


def _swatch(group: str, colour: str) -> dict:
    """The group's legend entry: a plain colour square (the event traces of the group share its
    legendgroup and have no entry of their own, so a click toggles the whole group)."""
    return {"type": "scatter", "name": hover.escape(group), "legendgroup": group, "x": [None], "y": [None],
            "mode": "markers", "marker": {"symbol": "square", "color": colour, "size": MARKER_SIZE},
            "hoverinfo": "skip", "meta": {"role": "legend", "group": group, "kind": "swatch"}}


def _key_traces(gl: bool) -> list[dict]:
    """Legend entries (second legend) that explain shape, fill, spans, arrows and size."""
    def key(name: str, kind: str = "scatter", **kw) -> dict:
        return {"type": kind, "name": name, "x": [None], "y": [None], "legend": "legend2", "hoverinfo": "skip",
                "meta": {"role": "key", "group": "", "kind": "key"}, **kw}

    grey = enc.NEUTRAL
    traces = [
        key(label, mode="markers", marker={
            "symbol": enc.GL_SYMBOL if gl else enc.MODALITY_SYMBOLS[m], "color": enc.marker_fill(m, grey, gl)[0],
            "size": MARKER_SIZE, "line": {"color": enc.marker_fill(m, grey, gl)[1], "width": 1.5}})
        for m, label in enc.MODALITY_LABELS.items()
    ]
    traces += [
        key("bar = month, year or interval", "bar", orientation="h",
            marker={"color": grey, "line": {"color": grey, "width": SPAN_OUTLINE_PX}}),
        key("hatched / hollow bar = reported / planned", "bar", orientation="h",
            marker={"color": enc.with_alpha(grey, 0.18), "line": {"color": grey, "width": 1},
                    "pattern": {"shape": "/", "fillmode": "replace", "fgcolor": grey}}),
        key("faded end = still going on at publication", "bar", orientation="h",
            marker={"color": enc.with_alpha(grey, 0.35), "line": {"width": 0}}) if gl else
        key("still going on at publication", mode="markers",
            marker={"symbol": "triangle-right", "color": grey, "size": ARROW_SIZE}),
        key("larger = more killed (√ fatalities)", mode="markers",
            marker={"symbol": "circle", "color": grey, "size": MARKER_SIZE_MAX * 0.6}),
    ]
    return traces


def _hover_table(m) -> dict:
    """The hover text that is not in the page's string table (facets.HOVER_COLUMNS): the
    [hover line, URL] pairs of the sources the marks use, and each mark's source among them."""
    used, src = np.unique(m.frame["src"].to_numpy(dtype=np.int64), return_inverse=True)
    return {"src": typed(src, index_dtype(len(used))), "sources": [m.sources[i] for i in used]}


def _label_y(lay: LaneLayout, rows: np.ndarray) -> list[float]:
    return [round(float(y), 4) for y in lay.y[rows]]


def _free_to_label(marks: pd.DataFrame, b: _Builder, lay: LaneLayout, extent_ms: float) -> np.ndarray:
    """The marks whose label has room: the next mark of the same row (same y) starts at least
    LABEL_ROOM_SHARE of the first view later (labels of crowded rows would cover each other)."""
    y = lay.y
    order = np.lexsort((b.start, y))
    same_row = np.append(y[order][1:] == y[order][:-1], False)
    gap = np.append(b.start[order][1:] - b.start[order][:-1], np.inf)
    free = np.ones(len(marks), dtype=bool)
    free[order] = ~same_row | (gap >= LABEL_ROOM_SHARE * extent_ms)
    return np.flatnonzero(free)


def _labels(marks: pd.DataFrame, b: _Builder, rows: np.ndarray, lay: LaneLayout, extent_ms: float) -> list[dict]:
    """A short label (type and first actor) beside every mark of a small page, so that each
    event reads at first sight: right of a point or a short span; above the start of a long
    span. Annotations, not a trace, so the range slider stays clean; the lane dropdown moves
    them with their marks."""
    long = (marks["kind"].to_numpy()[rows] == "span") & (b.end[rows] - b.start[rows] > LABEL_SHORT_SPAN_SHARE * extent_ms)
    x = np.where(long, b.start[rows], np.where(marks["kind"].to_numpy()[rows] == "span", b.end[rows], b.start[rows]))
    text = marks["label"].to_numpy()[rows]
    return [{
        "x": float(xx), "y": y, "xref": "x", "yref": "y", "text": str(t), "showarrow": False,
        "xanchor": "left", "yanchor": "bottom" if s else "middle", "xshift": 0 if s else LABEL_SHIFT_PX,
        "yshift": round(LABEL_SHIFT_PX * g, 1) if s else 0, "font": {"size": LABEL_FONT_SIZE, "color": LABEL_COLOUR},
    } for xx, y, t, s, g in zip(x.tolist(), _label_y(lay, rows), text, long.tolist(), b.growth[rows].tolist())]


def _highlight() -> dict:
    """The ring around the mark whose card is open (the page moves it; empty at first)."""
    return {"type": "scatter", "name": "", "x": [None], "y": [None], "mode": "markers", "showlegend": False,
            "hoverinfo": "skip", "marker": {"symbol": "circle-open", "size": HIGHLIGHT_SIZE,
                                            "color": HIGHLIGHT_COLOUR, "line": {"width": 2.5}},
            "meta": {"role": "highlight", "group": "", "kind": "highlight"}}


def build_figure(events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame, lanes: str = "group",
                 event_sources: pd.DataFrame | None = None) -> dict:
    """The timeline figure of a package's events, with `lanes` (group, country, actor or
    source) first; `event_sources` (optional) gives every report of each event for its card."""
    if lanes not in LANE_MODES:
        raise ValueError(f"lanes must be one of {', '.join(LANE_MODES)}, not {lanes!r}")
    m = build_marks(events, sources, actors)
    marks = m.frame
    gl = len(marks) > WEBGL_THRESHOLD
    view = first_view(marks)
    extent_days = view.extent_ms / MS_PER_DAY
    layouts = {mode: layout(marks, mode, extent_days, grow=not gl) for mode in LANE_MODES}
    fatal = marks["fatalities"].to_numpy() > 0
    share = fatality_share(marks["fatalities"]).to_numpy()
    size = np.where(fatal, MARKER_SIZE + (MARKER_SIZE_MAX - MARKER_SIZE) * share, MARKER_SIZE)
    growth = np.where(fatal, 1 + (SPAN_FATALITY_GROWTH - 1) * share, 1.0)

    present = set(marks["group"])
    groups = [g for g in enc.group_order() if g in present] + sorted(present - set(enc.group_order()))
    colours = enc.group_colours(groups)
    extent_ms = view.extent_ms

    b = _Builder(marks, layouts, lanes, growth)
    group, kind, ongoing = marks["group"].to_numpy(), marks["kind"].to_numpy(), marks["ongoing"].to_numpy(dtype=bool)
    for g in groups:
        points = np.flatnonzero((group == g) & (kind == "point"))
        span_rows = np.flatnonzero((group == g) & (kind == "span"))
        if len(span_rows):
            if gl:
                b.filled_spans(span_rows, colours[g], g, extent_ms)
            else:
                b.bars(span_rows, colours[g], g)
        if len(points):
            b.points(points, colours[g], g, gl, size)
        arrows = np.flatnonzero((group == g) & ongoing & (kind == "span"))
        if len(arrows) and not gl:
            b.arrows(arrows, colours[g], g)
    arrows = np.flatnonzero(ongoing & (kind == "span"))
    if gl and len(arrows):
        b.fades(arrows, extent_ms)

    keys = _key_traces(gl)
    fig_layout = axes.base_layout(marks, len(events) - len(marks), groups + [t["name"] for t in keys], view.range())
    axes.apply(fig_layout, axes.lane_update(layouts[lanes].labels, layouts[lanes].sizes))
    labelled = _free_to_label(marks, b, layouts[lanes], extent_ms) if 0 < len(marks) <= LABEL_MAX_EVENTS else np.arange(0)
    fig_layout["annotations"] = _labels(marks, b, labelled, layouts[lanes], extent_ms)
    y_traces = [i for i, f in enumerate(b.lane_of) if f is not None]
    bars = [i for i, t in enumerate(b.traces) if t["type"] == "bar"]
    switches = [{
        "mode": mode,
        "y": [typed(b.lane_of[i](layouts[mode]), "f4") for i in y_traces],
        "y_traces": y_traces,
        "width": [typed(span_widths(layouts[mode], b.rows[i], growth), "f4") for i in bars],
        "width_traces": bars,
        "relayout": {**axes.lane_update(layouts[mode].labels, layouts[mode].sizes),
                     **{f"annotations[{k}].y": y for k, y in enumerate(_label_y(layouts[mode], labelled))}},
    } for mode in LANE_MODES]
    # The dropdown only reports the click (method "skip"); page.BOOT_SCRIPT applies lanes[active].
    fig_layout["updatemenus"] = [dict(
        type="dropdown", active=list(LANE_MODES).index(lanes),
        buttons=[dict(label=label, method="skip", args=[mode]) for mode, label in LANE_MODES.items()],
        x=0, xanchor="left", y=1.0, yanchor="bottom", pad=dict(b=6), showactive=True,
    )]
    rows_dtype = index_dtype(len(marks))
    extra = len(groups) + len(keys) + 1
    return {
        "data": b.traces + [_swatch(g, colours[g]) for g in groups] + keys + [_highlight()],
        "layout": fig_layout,
        "hover": _hover_table(m),
        "rows": [None if r is None else typed(r, rows_dtype) for r in b.rows] + [None] * extra,
        "members": [None if r is None else typed(r, rows_dtype) for r in b.members] + [None] * extra,
        "labelled": typed(labelled, rows_dtype),  # the mark of each annotation
        "lanes": switches,
        "page": facets.page_data(m, events, sources, actors, event_sources, view.outside),
        "map": geo.map_layout(),
    }


def hover_rows(fig: dict, index: int) -> list[list[str]]:
    """The customdata rows of trace `index` as the page builds them (page.js: hoverRows): the
    escaped lines from the page's string table, the evidence sentence escaped and wrapped, and
    the source's [hover line, URL]."""
    spec = fig["rows"][index]
    if spec is None:
        return []
    page, h = fig["page"], fig["hover"]
    strings = page["strings"]
    columns = {c: untyped(page["columns"][c]) for c in facets.HOVER_COLUMNS}
    marks = untyped(spec)
    evidence = wrap_many([strings[columns["evidence"][r]] for r in marks], WRAP_CHARS)
    src = untyped(h["src"])
    return [[strings[columns[c][r]] for c in facets.HOVER_COLUMNS[:4]] + [e or "(no evidence sentence)"]
            + list(h["sources"][src[r]]) for r, e in zip(marks, evidence)]


__all__ = ["build_figure", "hover_rows"]
