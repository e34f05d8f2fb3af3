"""Spans drawn with WebGL (above WEBGL_THRESHOLD events), where SVG bars would be too slow.

A span is a thick line from its start to its end. WebGL traces hover only at vertices, so
each span gets vertices along its whole extent (see HOVER_STEP_SHARE). Every vertex must
carry the span's hover data; to keep the page small the trace stores one customdata row per
span and `meta.vertex_rows` (the row of each vertex, null between spans), and the page's
boot script points each vertex at its row before plotting (page.BOOT_SCRIPT).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import hover
from .config import GL_SPAN_WIDTH_PX, HOVER_STEP_SHARE, MAX_SPAN_VERTICES

MS_PER_DAY = 86_400_000


def vertices(start_ms: np.ndarray, end_ms: np.ndarray, extent_ms: float) -> tuple[np.ndarray, list]:
    """x of every vertex (NaN between spans) and the span row of each vertex (None between)."""
    step = max(MS_PER_DAY, extent_ms * HOVER_STEP_SHARE)
    xs: list[float] = []
    rows: list = []
    for row, (s, e) in enumerate(zip(start_ms, end_ms)):
        n = int(min(MAX_SPAN_VERTICES, max(2, np.ceil((e - s) / step) + 1)))
        xs.extend(np.linspace(s, e, n).round().tolist())
        rows.extend([row] * n)
        xs.append(np.nan)
        rows.append(None)
    return np.asarray(xs[:-1], dtype=float), rows[:-1]


def expand(values: np.ndarray, rows: list) -> list:
    """Per-span values (e.g. y) repeated for each vertex, None between spans."""
    return [None if r is None else values[r] for r in rows]


def span_trace(part: pd.DataFrame, colour: str, group: str, extent_ms: float):
    """All spans of a group as one Scattergl line trace, and the span row of each vertex.
    Modality is shown by the marker at each span's start (figure._point_trace)."""
    import plotly.graph_objects as go

    start = part["start"].to_numpy(dtype="datetime64[ms]").astype(np.int64)
    end = part["end"].to_numpy(dtype="datetime64[ms]").astype(np.int64)
    x, rows = vertices(start, end, extent_ms)
    trace = go.Scattergl(
        name=hover.escape(group),
        legendgroup=group,
        showlegend=False,
        mode="lines",
        x=x,
        y=expand(part["y"].to_numpy(), rows),
        line=dict(color=colour, width=GL_SPAN_WIDTH_PX),
        connectgaps=False,
        customdata=part[hover.STORED_COLUMNS].to_numpy(dtype=object),
        hovertemplate=hover.HOVERTEMPLATE,
        meta={"role": "events", "group": group, "kind": "spans", "events": int(len(part)), "vertex_rows": rows},
    )
    return trace, rows
