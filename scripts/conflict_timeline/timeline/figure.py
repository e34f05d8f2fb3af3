"""The timeline as a Plotly figure: one trace per lane group and mark kind (never one per
event), a key that explains every encoding, and a dropdown that switches the lanes.

Traces carry `meta = {"role": ..., "group": ..., "kind": ...}`: role `events` for the marks
that stand for events (`meta.events` of them; one mark per event), `ongoing` for the arrow
heads that end ongoing happenings, `legend` for the colour swatch of each lane group and `key`
for the legend entries that explain the other encodings.

Up to WEBGL_THRESHOLD events everything is SVG: markers for day-precision events and
horizontal bars for spans (hover anywhere on them, hatched by modality). Above it, markers
are Scattergl and spans are WebGL lines (glspans.py) that start with a marker carrying the
span's modality symbol (`meta.span_starts`), as WebGL lines cannot be hatched.

layout.meta holds what the page's boot script needs: `lanes` (y positions, span thickness
and axis labels of each lane mode, applied by the dropdown) and `sources` (each source's
hover line and URL, stored once).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import encodings as enc
from . import glspans, hover
from .config import (
    ARROW_SIZE,
    CHROME_PX,
    DIV_ID,
    HEIGHT_MAX,
    HEIGHT_MIN,
    LANE_MODES,
    LANE_PX,
    MARKER_SIZE,
    MARKER_SIZE_MAX,
    PAD_MIN_DAYS,
    PAD_SHARE,
    SPAN_FATALITY_GROWTH,
    SPAN_OUTLINE_PX,
    WEBGL_THRESHOLD,
)
from .lanes import LaneLayout, layout, span_widths
from .marks import build_marks, fatality_share

MS_PER_DAY = 86_400_000
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def _iso(days: pd.Series) -> np.ndarray:
    return days.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)


def _customdata(part: pd.DataFrame) -> np.ndarray:
    return part[hover.STORED_COLUMNS].to_numpy(dtype=object)


def hover_rows(fig: go.Figure, trace) -> list[list]:
    """The customdata rows of `trace` as the page's hover sees them (source pairs put in place,
    as page.BOOT_SCRIPT does; WebGL spans: one row per span, not per vertex)."""
    sources = fig.layout.meta["sources"]
    rows = list(trace.customdata) if trace.customdata is not None else []
    if trace.meta.get("span_rows_from") is not None:
        rows += list(fig.data[trace.meta["span_rows_from"]].customdata)
    return [list(row[:5]) + list(sources[int(row[5])]) for row in rows]


def _span_trace(part: pd.DataFrame, colour: str, group: str) -> go.Bar:
    hollow = part["modality"].isin(enc.HOLLOW_MODALITIES).to_numpy()
    fill = np.where(hollow, enc.with_alpha(colour, 0.12), colour)
    duration = (part["end"] - part["start"]).dt.days.to_numpy(dtype=np.int64) * MS_PER_DAY
    return go.Bar(
        name=hover.escape(group),
        legendgroup=group,
        showlegend=False,
        orientation="h",
        base=_iso(part["start"]),
        x=duration,
        y=part["y"].to_numpy(),
        width=part["width"].to_numpy(),
        marker=dict(
            color=fill,
            line=dict(color=colour, width=SPAN_OUTLINE_PX),
            pattern=dict(
                shape=part["modality"].map(enc.MODALITY_PATTERNS).to_numpy(dtype=object),
                fillmode="replace",
                fgcolor=colour,
                bgcolor=enc.with_alpha(colour, 0.18),
                size=7,
                solidity=0.35,
            ),
        ),
        customdata=_customdata(part),
        hovertemplate=hover.HOVERTEMPLATE,
        meta={"role": "events", "group": group, "kind": "spans", "events": int(len(part))},
    )


def _point_trace(
    part: pd.DataFrame, colour: str, group: str, gl: bool, n_events: int, span_trace: int | None = None
) -> go.Scatter | go.Scattergl:
    """Markers of day-precision events; with WebGL also the start of each span (which carries
    the span's modality symbol, as WebGL lines cannot be hatched): meta.span_starts. The hover
    rows of the span starts are not repeated: meta.span_rows_from names the span trace whose
    rows the page appends (page.BOOT_SCRIPT, hover_rows)."""
    meta = {"role": "events", "group": group, "kind": "points", "events": int(n_events),
            "span_starts": int(len(part) - n_events)}
    if span_trace is not None:
        meta["span_rows_from"] = span_trace
    scatter = go.Scattergl if gl else go.Scatter
    return scatter(
        name=hover.escape(group),
        legendgroup=group,
        showlegend=False,
        mode="markers",
        x=_iso(part["start"]),
        y=part["y"].to_numpy(),
        marker=dict(
            color=colour,
            symbol=part["modality"].map(enc.MODALITY_SYMBOLS).to_numpy(dtype=object),
            size=part["size"].to_numpy(),
            line=dict(color=colour, width=1.5),
            opacity=0.9,
        ),
        customdata=_customdata(part.iloc[:n_events]),
        hovertemplate=hover.HOVERTEMPLATE,
        meta=meta,
    )


def _arrow_trace(part: pd.DataFrame, colour, group: str, gl: bool) -> go.Scatter | go.Scattergl:
    """Arrow heads at the publication date of ongoing happenings (one trace for all groups
    with WebGL, where `colour` is an array)."""
    return (go.Scattergl if gl else go.Scatter)(
        name=hover.escape(group),
        legendgroup=group,
        showlegend=False,
        mode="markers",
        x=_iso(part["end"] - pd.Timedelta(days=1)),
        y=part["y"].to_numpy(),
        marker=dict(color=colour, symbol="triangle-right", size=ARROW_SIZE, line=dict(width=0)),
        hoverinfo="skip",
        meta={"role": "ongoing", "group": group, "kind": "arrows"},
    )


def _swatch(group: str, colour: str) -> go.Scatter:
    """The group's legend entry: a plain colour square (the event traces of the group share its
    legendgroup and have no entry of their own, so a click toggles the whole group)."""
    return go.Scatter(
        name=hover.escape(group), legendgroup=group, x=[None], y=[None], mode="markers",
        marker=dict(symbol="square", color=colour, size=MARKER_SIZE), hoverinfo="skip",
        meta={"role": "legend", "group": group, "kind": "swatch"},
    )


def _key_traces() -> list:
    """Legend entries (second legend) that explain shape, fill, spans, arrows and size."""
    traces = []

    def key(name, trace_type=go.Scatter, **kw):
        traces.append(
            trace_type(
                name=name, x=[None], y=[None], legend="legend2", hoverinfo="skip",
                meta={"role": "key", "group": "", "kind": "key"}, **kw,
            )
        )

    for modality, label in enc.MODALITY_LABELS.items():
        key(label, mode="markers",
            marker=dict(symbol=enc.MODALITY_SYMBOLS[modality], color=enc.NEUTRAL, size=MARKER_SIZE,
                        line=dict(color=enc.NEUTRAL, width=1.5)))
    key("bar = month, year or interval", go.Bar, orientation="h",
        marker=dict(color=enc.NEUTRAL, line=dict(color=enc.NEUTRAL, width=SPAN_OUTLINE_PX)))
    key("hatched / hollow bar = reported / planned", go.Bar, orientation="h",
        marker=dict(color=enc.with_alpha(enc.NEUTRAL, 0.18), line=dict(color=enc.NEUTRAL, width=1),
                    pattern=dict(shape="/", fillmode="replace", fgcolor=enc.NEUTRAL)))
    key("still going on at publication", mode="markers",
        marker=dict(symbol="triangle-right", color=enc.NEUTRAL, size=ARROW_SIZE))
    key("larger = more killed (√ fatalities)", mode="markers",
        marker=dict(symbol="circle", color=enc.NEUTRAL, size=MARKER_SIZE_MAX * 0.6))
    return traces


def _lane_layout_update(lay: LaneLayout, n_events: int) -> dict:
    n = len(lay.labels)
    return {
        "yaxis.tickvals": list(range(n)),
        "yaxis.ticktext": [hover.escape(label) for label in lay.labels],
        "yaxis.range": [n - 0.5, -0.5],
        "yaxis.minor.tickvals": [i + 0.5 for i in range(n - 1)],
        "height": int(min(HEIGHT_MAX, max(HEIGHT_MIN, n * LANE_PX + CHROME_PX))),
    }


def _extent_ms(marks: pd.DataFrame) -> float:
    if marks.empty:
        return float(MS_PER_DAY)
    last = marks["end"].fillna(marks["start"]).max()
    return float(max(MS_PER_DAY, (last - marks["start"].min()) / pd.Timedelta(milliseconds=1)))


def _subtitle(marks: pd.DataFrame, n_sources: int, n_undated: int) -> str:
    if marks.empty:
        return "No events."
    first = marks["start"].min()
    last = (marks["end"] - pd.Timedelta(days=1)).fillna(marks["start"]).max()
    text = (
        f"{len(marks):,} events from {n_sources:,} source{'s' if n_sources != 1 else ''}"
        f" · {first:%Y-%m-%d} to {last:%Y-%m-%d}"
    )
    if n_undated:
        text += f" · {n_undated:,} undated not shown"
    return hover.escape(text)


def build_figure(
    events: pd.DataFrame, sources: pd.DataFrame, actors: pd.DataFrame, lanes: str = "group"
) -> go.Figure:
    """The timeline figure of a package's events, with `lanes` (group, actor or source) first."""
    if lanes not in LANE_MODES:
        raise ValueError(f"lanes must be one of {', '.join(LANE_MODES)}, not {lanes!r}")
    marks = build_marks(events, sources, actors)
    pairs = list(dict.fromkeys(zip(marks["cd5"], marks["cd6"])))  # each source's hover line, once
    source_index = {pair: i for i, pair in enumerate(pairs)}
    marks["src"] = [source_index[pair] for pair in zip(marks["cd5"], marks["cd6"])]
    layouts = {mode: layout(marks, mode) for mode in LANE_MODES}
    share = fatality_share(marks["fatalities"])
    marks["size"] = np.where(marks["fatalities"] > 0, MARKER_SIZE + (MARKER_SIZE_MAX - MARKER_SIZE) * share, MARKER_SIZE)
    growth = np.where(marks["fatalities"] > 0, 1 + (SPAN_FATALITY_GROWTH - 1) * share, 1.0)
    gl = len(marks) > WEBGL_THRESHOLD

    groups = [g for g in enc.group_order() if g in set(marks["group"])]
    groups += sorted(set(marks["group"]) - set(groups))
    colours = enc.group_colours(groups)

    extent_ms = _extent_ms(marks)
    traces, members = [], []  # members: (mark rows, vertex rows or None) of each trace

    def add(trace, rows, vertex_rows=None):
        traces.append(trace)
        members.append((np.asarray(rows), vertex_rows))

    def part(rows):
        p = marks.loc[rows].copy()
        p["y"] = layouts[lanes].y[rows]
        p["width"] = span_widths(layouts[lanes], np.asarray(rows), growth)
        return p

    for group in groups:
        in_group = marks["group"] == group
        points = marks.index[in_group & (marks["kind"] == "point")]
        spans = marks.index[in_group & (marks["kind"] == "span")]
        if gl:  # few traces: each WebGL trace has a fixed cost (see glspans.py)
            span_trace = None
            if len(spans):
                trace, vertex_rows = glspans.span_trace(part(spans), colours[group], group, extent_ms)
                add(trace, spans, vertex_rows)
                span_trace = len(traces) - 1
            if len(points) or len(spans):
                rows = points.append(spans)
                add(_point_trace(part(rows), colours[group], group, gl, n_events=len(points), span_trace=span_trace), rows)
            continue
        if len(spans):
            add(_span_trace(part(spans), colours[group], group), spans)
        if len(points):
            add(_point_trace(part(points), colours[group], group, gl, n_events=len(points)), points)
        arrows = marks.index[in_group & marks["ongoing"] & (marks["kind"] == "span")]
        if len(arrows):
            add(_arrow_trace(part(arrows), colours[group], group, gl), arrows)
    arrows = marks.index[marks["ongoing"] & (marks["kind"] == "span")]
    if gl and len(arrows):
        add(_arrow_trace(part(arrows), marks.loc[arrows, "group"].map(colours).to_numpy(), "", gl), arrows)

    fig = go.Figure(data=traces + [_swatch(g, colours[g]) for g in groups] + _key_traces())
    fig.update_layout(_base_layout(marks, sources, events))
    fig.update_layout(_lane_layout_update(layouts[lanes], len(marks)))
    bars = [i for i, t in enumerate(traces) if t.type == "bar"]
    switches = []
    for mode in LANE_MODES:
        lay = layouts[mode]
        switches.append({
            "mode": mode,
            "y": [lay.y[rows].tolist() if vrows is None else glspans.expand(lay.y[rows], vrows) for rows, vrows in members],
            "y_traces": list(range(len(traces))),
            "width": [span_widths(lay, members[i][0], growth).tolist() for i in bars],
            "width_traces": bars,
            "relayout": _lane_layout_update(lay, len(marks)),
        })
    # The dropdown only reports the click (method "skip"); page.BOOT_SCRIPT applies
    # layout.meta.lanes[active]. Keeping the arrays out of the buttons' args keeps plotly
    # from copying them when it draws the page.
    fig.update_layout(
        meta={"lanes": switches, "sources": [list(pair) for pair in pairs]},
        updatemenus=[dict(
            type="dropdown", active=list(LANE_MODES).index(lanes),
            buttons=[dict(label=label, method="skip", args=[mode]) for mode, label in LANE_MODES.items()],
            x=0, xanchor="left", y=1.0, yanchor="bottom", pad=dict(b=6), showactive=True,
        )],
    )
    return fig


def _base_layout(marks: pd.DataFrame, sources: pd.DataFrame, events: pd.DataFrame) -> dict:
    if marks.empty:
        x_range = None
    else:
        first = marks["start"].min()
        last = marks["end"].fillna(marks["start"] + pd.Timedelta(days=1)).max()
        pad = max(pd.Timedelta(days=PAD_MIN_DAYS), (last - first) * PAD_SHARE)
        x_range = [f"{first - pad:%Y-%m-%d}", f"{last + pad:%Y-%m-%d}"]
    n_sources = marks["lane_source"].nunique() if not marks.empty else 0
    return dict(
        template=go.layout.Template(),
        font=dict(family=FONT, size=13, color="#222222"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        title=dict(
            text="<b>Conflict timeline</b>",
            subtitle=dict(text=_subtitle(marks, n_sources, len(events) - len(marks))),
            x=0.01, xanchor="left", y=1, yanchor="top", yref="container", pad=dict(t=14),
        ),
        margin=dict(l=10, r=10, t=110, b=40),
        hovermode="closest",
        hoverlabel=dict(align="left", bgcolor="white", bordercolor="#444444", font=dict(size=12, family=FONT)),
        barmode="overlay",
        xaxis=dict(
            type="date", range=x_range, showgrid=True, gridcolor="#EEEEEE", linecolor="#888888",
            showline=True, ticks="outside",
            rangeslider=dict(visible=True, thickness=0.07, bgcolor="#F7F7F7"),
            rangeselector=dict(
                x=1, xanchor="right", y=1.0, yanchor="bottom",
                buttons=[
                    dict(count=1, label="1m", step="month", stepmode="backward"),
                    dict(count=6, label="6m", step="month", stepmode="backward"),
                    dict(count=1, label="1y", step="year", stepmode="backward"),
                    dict(label="all", step="all"),
                ],
            ),
        ),
        yaxis=dict(
            automargin=True, showgrid=False, zeroline=False, ticks="", fixedrange=True,
            minor=dict(showgrid=True, gridcolor="#DDDDDD", gridwidth=1),
        ),
        legend=dict(
            title=dict(text="<b>Event type</b> (colour)"), x=1.01, xanchor="left", y=1, yanchor="top",
            groupclick="togglegroup",
        ),
        legend2=dict(
            title=dict(text="<b>How to read it</b>"), x=1.01, xanchor="left", y=0.45, yanchor="top",
            itemclick=False, itemdoubleclick=False,
        ),
    )


__all__ = ["build_figure", "DIV_ID"]
