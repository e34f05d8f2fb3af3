"""Spans drawn as one filled SVG path per trace (above WEBGL_THRESHOLD events), where one bar
element per span would be too slow to draw and WebGL lines too slow to rasterise in software.

All spans of a trace are rectangles of one polygon (`fill: "toself"`). To keep the rectangles
apart without a gap (each gap would start a new path element), the polygon walks from each
rectangle's first corner to the next rectangle, and at the end walks the same way back: the
connecting edges are traversed once in each direction, so they enclose no area.

Hover works at vertices, so each rectangle has vertices along its bottom edge at least every
HOVER_STEP_SHARE of the whole time span (at most MAX_SPAN_VERTICES). Every vertex carries the
row of its span (`rows`), which the page uses to give it the span's hover row.
"""

from __future__ import annotations

import numpy as np

from .config import HOVER_STEP_SHARE, MAX_SPAN_VERTICES

MS_PER_DAY = 86_400_000


def chain(start_ms: np.ndarray, end_ms: np.ndarray, extent_ms: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vertices of the polygon of these spans (in order): x (ms), side (-1 bottom edge,
    +1 top edge) and the span (0..n-1) each vertex belongs to."""
    start_ms, end_ms = np.asarray(start_ms, dtype=np.float64), np.asarray(end_ms, dtype=np.float64)
    n = len(start_ms)
    if n == 0:
        return np.zeros(0), np.zeros(0, dtype=np.int8), np.zeros(0, dtype=np.int64)
    step = max(MS_PER_DAY, extent_ms * HOVER_STEP_SHARE)
    bottom = np.clip(np.ceil((end_ms - start_ms) / step) + 1, 2, MAX_SPAN_VERTICES).astype(np.int64)
    per_span = bottom + 3  # bottom edge, top right, top left, back to the first corner
    first = np.cumsum(per_span) - per_span
    span = np.repeat(np.arange(n), per_span)
    j = np.arange(int(per_span.sum())) - first[span]  # vertex number within its span
    nb = bottom[span]
    s, e = start_ms[span], end_ms[span]
    along = np.minimum(j, nb - 1) / (nb - 1)
    x = np.where(j < nb, np.round(s + (e - s) * along), np.where(j == nb, e, s))
    side = np.where((j == nb) | (j == nb + 1), 1, -1).astype(np.int8)
    # the way back: the first corners of spans n-2 .. 0
    back = np.arange(n - 2, -1, -1)
    return (np.concatenate([x, start_ms[back]]), np.concatenate([side, np.full(len(back), -1, np.int8)]),
            np.concatenate([span, back]))


def vertex_y(y: np.ndarray, half: np.ndarray, side: np.ndarray, span: np.ndarray) -> np.ndarray:
    """y of every vertex: its span's lane position -/+ half the span's thickness."""
    return y[span] + side * half[span]
