"""Lanes and stacking: which lane each mark is in for a lane mode, and where inside the lane,
so that marks that would cover each other are stacked instead (deterministically)."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import encodings as enc
from .config import (
    LANE_HALF_HEIGHT,
    MAX_LANES,
    MAX_ROW_STEP,
    POINT_FOOTPRINT_SHARE,
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
        stats["first"] = marks["source_published"].fillna(marks["start"])
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
    else:  # actors: busiest first
        kept = kept.sort_values(["n", "label", "key"], ascending=[False, True, True], kind="mergesort")
    labels = list(kept["label"])
    index = {k: i for i, k in enumerate(kept["key"])}
    if len(rest):
        noun = "actors" if mode == "actor" else "sources"
        labels.append(f"{len(rest)} other {noun}")
    return _lookup(key, index, len(labels) - 1), labels


def _lookup(keys: pd.Series, index: dict, default: int) -> np.ndarray:
    """index[key] of every key (default when absent), looked up once per distinct key."""
    codes, uniques = pd.factorize(keys)
    return np.array([index.get(k, default) for k in uniques] + [default], dtype=np.int64)[codes]


def row_offsets(rows: np.ndarray, n_rows: int) -> tuple[np.ndarray, float]:
    """Offsets of rows inside a lane, centre row first, then alternately below and above;
    and the step between rows. Always within +-LANE_HALF_HEIGHT."""
    if n_rows <= 1:
        return np.zeros(len(rows)), MAX_ROW_STEP
    step = min(MAX_ROW_STEP, LANE_HALF_HEIGHT / ((n_rows) // 2))
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


def layout(marks: pd.DataFrame, mode: str) -> LaneLayout:
    """Lane, y position and span thickness of every mark for `mode` (group, actor, source)."""
    lane_series, labels = _lane_keys(marks, mode)
    lane = np.asarray(lane_series, dtype=np.int64)
    start = marks["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    if len(marks):
        end = marks["end"].fillna(marks["start"]).to_numpy(dtype="datetime64[D]").astype(np.int64)
        extent = max(1, int(end.max() - start.min()))
    else:
        end, extent = start, 1
    footprint = max(1, int(round(extent * POINT_FOOTPRINT_SHARE)))
    stop = np.maximum(end, start + footprint)

    rows = stack_rows(lane, start, stop)
    y = lane.astype(float)
    thickness = np.full(len(marks), SPAN_THICKNESS)
    room = np.full(len(marks), 2 * LANE_HALF_HEIGHT)
    for ln in np.unique(lane):
        sel = lane == ln
        n_rows = int(rows[sel].max()) + 1
        offsets, step = row_offsets(rows[sel], n_rows)
        y[sel] += offsets
        thickness[sel] = min(SPAN_THICKNESS, step * SPAN_ROW_SHARE)
        room[sel] = 2 * LANE_HALF_HEIGHT if n_rows == 1 else step
    return LaneLayout(mode, labels, lane, np.round(y, Y_DECIMALS), thickness, room)


def span_widths(lay: LaneLayout, rows: np.ndarray, growth: np.ndarray) -> np.ndarray:
    """Thickness of the spans at `rows`: grown by `growth` (fatalities) within the row's room."""
    return np.minimum(lay.thickness[rows] * growth[rows], lay.room[rows] * SPAN_ROW_SHARE).round(Y_DECIMALS)
