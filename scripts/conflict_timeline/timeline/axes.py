"""The figure's layout: title, date axis with range slider and buttons, lanes, legends and
margins. Margins are computed here (margin.autoexpand off): when plotly grows them itself
after the first draw, it draws the whole plot a second time."""

from __future__ import annotations

import math

import pandas as pd

from . import hover
from .config import (
    CHROME_PX,
    HEIGHT_MAX,
    HEIGHT_MIN,
    LABEL_CHAR_PX,
    LANE_PX,
    LEGEND_CHAR_PX,
    LEGEND_EXTRA_PX,
    MARGIN_BOTTOM_PX,
    MARGIN_LEFT_MIN_PX,
    MARGIN_TOP_PX,
    RANGESLIDER_THICKNESS,
)

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
GROUP_LEGEND_TITLE = "<b>Event type</b> (colour)"
KEY_LEGEND_TITLE = "<b>How to read it</b>"


def text_length(markup: str) -> int:
    """Characters a person sees in a piece of plotly markup (tags and entities count as shown)."""
    import re

    return len(re.sub(r"&#?\w+;", "x", re.sub(r"<[^>]+>", "", markup)))


def lane_update(labels: list[str], sizes=None) -> dict:
    """Layout changes of one lane mode: ticks, range, height, left and bottom margins.
    `sizes`: each lane's height in lane units (lanes.lane_sizes; default 1 each)."""
    n = len(labels)
    sizes = [1.0] * n if sizes is None else [float(v) for v in sizes]
    edges = [0.0]
    for size in sizes:
        edges.append(edges[-1] + size)
    total = edges[-1]
    ticktext = [hover.escape(label) for label in labels]
    height = int(min(HEIGHT_MAX, max(HEIGHT_MIN, total * LANE_PX + CHROME_PX)))
    widest = max((text_length(t) for t in ticktext), default=0)
    # the range slider sits under the x axis, inside the bottom margin
    bottom = math.ceil((MARGIN_BOTTOM_PX + RANGESLIDER_THICKNESS * (height - MARGIN_TOP_PX)) / (1 + RANGESLIDER_THICKNESS))
    return {
        "yaxis.tickvals": [_tidy((a + b) / 2 - 0.5) for a, b in zip(edges, edges[1:])],
        "yaxis.ticktext": ticktext,
        "yaxis.range": [_tidy(total - 0.5), -0.5],
        "yaxis.minor.tickvals": [_tidy(e - 0.5) for e in edges[1:-1]],
        "height": height,
        "margin.l": int(max(MARGIN_LEFT_MIN_PX, widest * LABEL_CHAR_PX + 24)),
        "margin.b": bottom,
    }


def _tidy(value: float):
    """A lane position as written into the figure: whole numbers as int."""
    return int(value) if float(value).is_integer() else round(value, 4)


def subtitle(marks: pd.DataFrame, n_sources: int, n_undated: int) -> str:
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


def base_layout(marks: pd.DataFrame, n_undated: int, legend_names: list[str], x_range: list[str] | None) -> dict:
    """Everything but the lanes (lane_update); `legend_names` sizes the right margin;
    `x_range` is the first view (view.first_view)."""
    n_sources = marks["lane_source"].nunique() if not marks.empty else 0
    widest = max([text_length(n) for n in legend_names + [GROUP_LEGEND_TITLE, KEY_LEGEND_TITLE]])
    return dict(
        font=dict(family=FONT, size=13, color="#222222"),
        paper_bgcolor="white",
        plot_bgcolor="white",
        title=dict(
            text="<b>Conflict timeline</b>",
            subtitle=dict(text=subtitle(marks, n_sources, n_undated)),
            x=0.01, xanchor="left", y=1, yanchor="top", yref="container", pad=dict(t=14),
        ),
        margin=dict(l=MARGIN_LEFT_MIN_PX, r=int(widest * LEGEND_CHAR_PX + LEGEND_EXTRA_PX), t=MARGIN_TOP_PX,
                    b=MARGIN_BOTTOM_PX, autoexpand=False),
        hovermode="closest",
        hoverlabel=dict(align="left", bgcolor="white", bordercolor="#444444", font=dict(size=12, family=FONT)),
        barmode="overlay",
        xaxis=dict(
            type="date", range=x_range, showgrid=True, gridcolor="#EEEEEE", linecolor="#888888",
            showline=True, ticks="outside",
            rangeslider=dict(visible=True, thickness=RANGESLIDER_THICKNESS, bgcolor="#F7F7F7"),
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
            title=dict(text=GROUP_LEGEND_TITLE), x=1.01, xanchor="left", y=1, yanchor="top",
            groupclick="togglegroup",
        ),
        legend2=dict(
            title=dict(text=KEY_LEGEND_TITLE), x=1.01, xanchor="left", y=0.45, yanchor="top",
            itemclick=False, itemdoubleclick=False,
        ),
    )


def apply(layout: dict, update: dict) -> None:
    """Apply a relayout-style update ('yaxis.tickvals': ...) to a layout dict."""
    for path, value in update.items():
        node = layout
        *parents, leaf = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = value
