"""Calendar values: write TIMEX3 values and move points in time (with relativedelta)."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from .anchor import Point


def fmt_year(year: int) -> str:
    """1944 -> "1944", -480 (480 BC) -> "BC0480"."""
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt_point(p: Point, unit: str = "D") -> str:
    """A partly known point at the precision of ``unit`` (or coarser when it is not known)."""
    y = fmt_year(p.year)
    if unit == "Y" or p.month is None:
        return y
    if unit == "M" or p.day is None:
        return f"{y}-{p.month:02d}"
    return f"{y}-{p.month:02d}-{p.day:02d}"


def fmt_date(d: dt.date, unit: str) -> str:
    """A date written at the precision of ``unit``: Y, M, W, WE, Q, H, DE, CE or D."""
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit in ("W", "WE"):
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def shift(p: Point, unit: str, n: float) -> str | None:
    """The point moved by ``n`` units, written at the precision of the unit; what the point
    does not know stays unknown ("four days later" in 1915 -> 1915-XX-XX)."""
    if not float(n).is_integer():
        return None
    n = int(n)
    if unit in ("DE", "CE"):
        step = 10 if unit == "DE" else 100
        y = p.year + n * step
        if p.year < 0:  # BC: the year, as histories of antiquity count
            return fmt_year(y) if y < 0 else None
        return (f"{y // 10:03d}" if unit == "DE" else f"{y // 100:02d}") if y > 0 else None
    if unit == "Y":
        return fmt_year(p.year + n)
    if unit in ("M", "Q", "H") and p.month is None:
        return f"{fmt_year(p.year)}-XX" if unit == "M" else None
    if unit in ("W", "WE") and p.day is None:
        return f"{fmt_year(p.year)}-WXX"
    if unit == "D" and p.day is None:
        month = f"{p.month:02d}" if p.month else "XX"
        return f"{fmt_year(p.year)}-{month}-XX"
    d = p.date()
    if d is None:  # BC: no day arithmetic, keep what is known
        return fmt_point(p, unit)
    if unit in ("M", "Q", "H"):
        return fmt_date(d + relativedelta(months={"M": 1, "Q": 3, "H": 6}[unit] * n), unit)
    if unit in ("W", "WE"):
        return fmt_date(d + relativedelta(weeks=n), unit)
    if unit == "D":
        return fmt_date(d + relativedelta(days=n), "D")
    return None


def time_suffix(g: dict) -> str:
    """"T14:56" from groups hour, minute, ampm; "TMO" from part_of_day; "" without either."""
    hour = g.get("hour")
    if hour is None:
        return "T" + g["part_of_day"] if g.get("part_of_day") else ""
    ampm = (g.get("ampm") or ("pm" if g.get("pm") else "am" if g.get("am") else "")).lower().replace(".", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24:
        return ""
    minute = g.get("minute")
    return f"T{hour:02d}:{minute:02d}" if minute is not None else f"T{hour:02d}:00"


_CENTURY_WORDS = {"eighteen": 18, "nineteen": 19, "twenty": 20}
_SMALL = {
    "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}


def spelled_year(words: str) -> int | None:
    """"nineteen ninety-six" -> 1996, "two thousand" -> 2000, "two thousand and one" -> 2001."""
    parts = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(_SMALL.get(w, 0) for w in parts[2:])
    if len(parts) > 1 and parts[0] in _CENTURY_WORDS:
        return _CENTURY_WORDS[parts[0]] * 100 + sum(_SMALL.get(w, 0) for w in parts[1:])
    return None
