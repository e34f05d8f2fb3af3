"""Lanes and stacking: which lane each mark is in for a lane mode, and where inside the lane,
so that marks that would cover each other are stacked instead (deterministically)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import encodings as enc
from .config import (
    CHROME_PX,
    HEIGHT_MAX,
    LANE_HALF_HEIGHT,
    LANE_MAX_UNITS,
    LANE_PX,
    MAX_LANES,
    MAX_ROW_STEP,
    POINT_FOOTPRINT_SHARE,
    ROW_MIN_PX,
    SPAN_ROW_SHARE,
    SPAN_THICKNESS,
    Y_DECIMALS,
)


#: stack_rows packs (stop day, row) into one int: rows below 2**ROW_BITS.
ROW_BITS = 24
ROW_MASK = (1 << ROW_BITS) - 1


@dataclass(frozen=True)
class LaneLayout:
    """Where every mark sits for one lane mode."""

    mode: str
    labels: list[str]  # plain text, top lane first
    lane: np.ndarray  # lane index of each mark
    y: np.ndarray  # lane index + offset inside the lane
    thickness: np.ndarray  # span thickness of each mark, in lane units
    room: np.ndarray  # distance to the next row (how thick a span may grow), in lane units
    centres: np.ndarray  # y of each lane's centre (top lane first), in lane units
    sizes: np.ndarray  # height of each lane, in lane units (1 unless it grew for its rows)


def _lane_keys(marks: pd.DataFrame, mode: str) -> tuple[pd.Series, list[str]]:
    """Lane index of each mark and the lane labels, for one mode."""
    if mode == "group":
        present = set(marks["lane_group"])
        order = [g for g in enc.group_order() if g in present]
        order += sorted(present - set(order))
        return _lookup(marks["lane_group"], {g: i for i, g in enumerate(order)}, -1), order

    key, label = marks[f"lane_{mode}"], marks[f"lane_{mode}_label"]
    stats = pd.DataFrame({"key": key, "label": label, "start": marks["start"]})
    if mode == "source":
        stats["first"] = marks["source_published"].fillna(marks["start"]).astype("datetime64[ms]")
    else:
        stats["first"] = marks["start"]
    lanes = stats.groupby("key", sort=True).agg(
        label=("label", "first"), n=("key", "size"), first=("first", "min")
    )
    lanes = lanes.reset_index()
    if len(lanes) > MAX_LANES:
        lanes = lanes.sort_values(["n", "key"], ascending=[False, True], kind="mergesort")
        kept, rest = lanes.iloc[: MAX_LANES - 1], lanes.iloc[MAX_LANES - 1 :]
    else:
        kept, rest = lanes, lanes.iloc[:0]
    if mode == "source":  # sources in the order they were published
        kept = kept.sort_values(["first", "label", "key"], kind="mergesort")
    else:  # actors and countries: busiest first
        kept = kept.sort_values(["n", "label", "key"], ascending=[False, True, True], kind="mergesort")
    labels = list(kept["label"])
    index = {k: i for i, k in enumerate(kept["key"])}
    if len(rest):
        noun = {"actor": "actors", "country": "countries"}.get(mode, "sources")
        labels.append(f"{len(rest)} other {noun}")
    return _lookup(key, index, len(labels) - 1), labels


def _lookup(keys: pd.Series, index: dict, default: int) -> np.ndarray:
    """index[key] of every key (default when absent), looked up once per distinct key."""
    codes, uniques = pd.factorize(keys)
    return np.array([index.get(k, default) for k in uniques] + [default], dtype=np.int64)[codes]


def row_offsets(rows: np.ndarray, n_rows: int, size: float = 1.0) -> tuple[np.ndarray, float]:
    """Offsets of rows inside a lane `size` lane units high, centre row first, then
    alternately below and above; and the step between rows. Always within
    +-LANE_HALF_HEIGHT * size."""
    if n_rows <= 1:
        return np.zeros(len(rows)), MAX_ROW_STEP
    step = min(MAX_ROW_STEP, LANE_HALF_HEIGHT * size / ((n_rows) // 2))
    distance = (rows + 1) // 2
    sign = np.where(rows % 2 == 1, 1.0, -1.0)
    return distance * step * sign, step


def stack_rows(lane: np.ndarray, start: np.ndarray, stop: np.ndarray) -> np.ndarray:
    """First-fit interval packing per lane: each mark takes the lowest row that is free at its
    start. Marks must be given sorted by start; start and stop are whole days. O(n log n)."""
    rows = np.zeros(len(lane), dtype=np.int64)
    if not len(lane):
        return rows
    order = np.argsort(lane, kind="stable")
    push, pop = heapq.heappush, heapq.heappop
    for members in np.split(order, np.flatnonzero(np.diff(lane[order])) + 1):
        starts, stops = start[members].tolist(), stop[members].tolist()
        out = [0] * len(starts)
        busy: list[int] = []  # stop << ROW_BITS | row, so that the heap holds plain ints
        free: list[int] = []
        count = 0
        for i, begin in enumerate(starts):
            while busy and busy[0] >> ROW_BITS <= begin:
                push(free, pop(busy) & ROW_MASK)
            if free:
                row = pop(free)
            else:
                row, count = count, count + 1
            out[i] = row
            push(busy, (stops[i] << ROW_BITS) | row)
        rows[members] = out
    return rows


def lane_sizes(n_rows: np.ndarray, grow: bool) -> np.ndarray:
    """Height of each lane in lane units: 1, or (grow) enough for its rows to be ROW_MIN_PX
    apart, at most LANE_MAX_UNITS, the growth shrunk so that the page stays within HEIGHT_MAX."""
    sizes = np.ones(len(n_rows))
    if not grow or not len(n_rows):
        return sizes
    need = (ROW_MIN_PX / LANE_PX) * (n_rows // 2) / LANE_HALF_HEIGHT
    sizes = np.clip(need, 1.0, LANE_MAX_UNITS)
    room = (HEIGHT_MAX - CHROME_PX) / LANE_PX - len(n_rows)  # lane units the growth may take
    extra = float((sizes - 1).sum())
    if extra > max(room, 0):
        sizes = 1 + (sizes - 1) * max(room, 0) / extra
    return np.round(sizes, 2)


def layout(marks: pd.DataFrame, mode: str, extent_days: float | None = None, grow: bool = False) -> LaneLayout:
    """Lane, y position and span thickness of every mark for `mode` (group, country, actor,
    source). Marks that would cover each other at a view `extent_days` long (default: all
    the data) are stacked in rows; with `grow`, crowded lanes get taller (lane_sizes)."""
    lane_series, labels = _lane_keys(marks, mode)
    lane = np.asarray(lane_series, dtype=np.int64)
    start = marks["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    if len(marks):
        end = marks["end"].fillna(marks["start"]).to_numpy(dtype="datetime64[D]").astype(np.int64)
        extent = max(1, int(end.max() - start.min()))
    else:
        end, extent = start, 1
    if extent_days is not None:
        extent = max(1, int(extent_days))
    footprint = max(1, int(round(extent * POINT_FOOTPRINT_SHARE)))
    stop = np.maximum(end, start + footprint)

    rows = stack_rows(lane, start, stop)
    n_rows = np.ones(len(labels), dtype=np.int64)
    present = np.unique(lane)
    for ln in present:
        n_rows[ln] = int(rows[lane == ln].max()) + 1
    sizes = lane_sizes(n_rows, grow)
    centres = np.cumsum(sizes) - sizes / 2 - 0.5
    y = np.zeros(len(marks))
    thickness = np.full(len(marks), SPAN_THICKNESS)
    room = np.full(len(marks), 2 * LANE_HALF_HEIGHT)
    for ln in present:
        sel = lane == ln
        offsets, step = row_offsets(rows[sel], int(n_rows[ln]), float(sizes[ln]))
        y[sel] = centres[ln] + offsets
        thickness[sel] = min(SPAN_THICKNESS, step * SPAN_ROW_SHARE)
        room[sel] = 2 * LANE_HALF_HEIGHT if n_rows[ln] == 1 else step
    return LaneLayout(mode, labels, lane, np.round(y, Y_DECIMALS), thickness, room,
                      np.round(centres, Y_DECIMALS), sizes)


def span_widths(lay: LaneLayout, rows: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """Thickness of the spans at `rows`: grown by `growth` (fatalities) within the row's room."""
    return np.minimum(lay.thickness[rows] * growth[rows], lay.room[rows] * SPAN_ROW_SHARE).round(Y_DECIMALS)
