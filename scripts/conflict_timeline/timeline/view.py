"""The first view: the range that holds the bulk of the events, so that a few misdated rows
(a year 1050, a 2220) do not stretch the axis and squeeze everything else into a blob.

The bulk is the shortest window of event midpoints that holds BULK_SHARE of them, grown to
take in every midpoint within BULK_REACH_SHARE of its length (repeatedly), so that only
events well apart from the rest stay out (a page of fewer than BULK_MIN_EVENTS shows all). The view spans the bulk events from the first
start to the last end, padded. Events that do not reach into the view are "outside the first
view": still drawn (zoom out or press "all"), and listed on the page so they can be checked.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .config import BULK_MIN_EVENTS, BULK_MIN_REACH_DAYS, BULK_REACH_SHARE, BULK_SHARE, PAD_MIN_DAYS, PAD_SHARE

MS_PER_DAY = 86_400_000
#: The calendar plotly can draw (and Python's datetime holds).
FIRST_MS = float((np.datetime64("0001-01-01", "ms") - np.datetime64(0, "ms")).astype(np.int64))
LAST_MS = float((np.datetime64("9999-12-31", "ms") - np.datetime64(0, "ms")).astype(np.int64))


@dataclass(frozen=True)
class FirstView:
    """The padded first view in ms since 1970 (lo, hi) and, per mark, whether it is outside."""

    lo: float
    hi: float
    outside: np.ndarray

    @property
    def extent_ms(self) -> float:
        return max(float(MS_PER_DAY), self.hi - self.lo)

    def range(self) -> list[str] | None:
        """The x axis range as ISO days, None for a page without events."""
        if not len(self.outside):
            return None
        return [_iso(self.lo), _iso(self.hi)]


def _iso(ms: float) -> str:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=math.floor(ms / MS_PER_DAY))).isoformat()


def mark_bounds(marks: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Start and (exclusive) end of every mark in ms; a point lasts a day."""
    start = marks["start"].to_numpy(dtype="datetime64[ms]").astype(np.int64).astype(np.float64)
    end = marks["end"].to_numpy(dtype="datetime64[ms]")
    end = np.where(np.isnat(end), np.datetime64("NaT", "ms"), end).astype(np.int64).astype(np.float64)
    end = np.where(marks["end"].isna().to_numpy(), start + MS_PER_DAY, end)
    return start, end


def bulk(mid: np.ndarray) -> tuple[float, float]:
    """The window of midpoints (sorted or not) that holds the bulk of them (see module doc)."""
    c = np.sort(mid)
    n = len(c)
    if n < BULK_MIN_EVENTS:
        return float(c[0]), float(c[-1])
    k = max(1, math.ceil(BULK_SHARE * n))
    widths = c[k - 1:] - c[: n - k + 1]
    first = int(np.argmin(widths))  # the earliest of equally short windows
    lo, hi = first, first + k - 1
    while True:
        reach = max(BULK_MIN_REACH_DAYS * MS_PER_DAY, (c[hi] - c[lo]) * BULK_REACH_SHARE)
        new_lo = int(np.searchsorted(c, c[lo] - reach, side="left"))
        new_hi = int(np.searchsorted(c, c[hi] + reach, side="right")) - 1
        if (new_lo, new_hi) == (lo, hi):
            return float(c[lo]), float(c[hi])
        lo, hi = new_lo, new_hi


def first_view(marks: pd.DataFrame) -> FirstView:
    """The first view of these marks (marks.build_marks' frame)."""
    if marks.empty:
        return FirstView(0.0, float(MS_PER_DAY), np.zeros(0, dtype=bool))
    start, end = mark_bounds(marks)
    mid = (start + end) / 2
    lo_mid, hi_mid = bulk(mid)
    inside = (mid >= lo_mid) & (mid <= hi_mid)
    lo, hi = float(start[inside].min()), float(end[inside].max())
    days = (hi - lo) / MS_PER_DAY
    pad = max(PAD_MIN_DAYS, int(days * PAD_SHARE)) * MS_PER_DAY
    lo, hi = max(FIRST_MS, lo - pad), min(LAST_MS, hi + pad)
    return FirstView(lo, hi, (end <= lo) | (start >= hi))
