"""TimeML 1.2 TIMEX3 values: check them and turn calendar values into day ranges."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

_YEAR = r"(?:BC)?(?:\d{4}|\d{3}|\d{2}|\d{1}X{3}|\d{2}X{2}|\d{3}X|X{4})"
_TIME = r"T(?:\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?|MO|AF|EV|NI|DT|X{2}(?::X{2})?)"
_DATE = (
    rf"{_YEAR}"
    r"(?:-(?:(?:0[1-9]|1[0-2]|XX)(?:-(?:0[1-9]|[12]\d|3[01]|XX))?|W(?:\d{1,2}|XX)(?:-(?:\d|WE))?|WE|SP|SU|FA|WI|Q[1-4X]|H[12X]))?"
    rf"(?:{_TIME})?"
)
_NUM = r"(?:\d+(?:\.\d+)?|\.\d+|X)"
_DURATION = (
    rf"P(?:{_NUM}(?:Y|M|W|D|DE|CE|ML|Q|H|WE|FN|L|E)(?:{_NUM}(?:M|W|D))?(?:T(?:{_NUM}[HMS])+)?"
    rf"|T(?:{_NUM}[HMS])+)"
)
_VALID = re.compile(rf"(?:PRESENT_REF|PAST_REF|FUTURE_REF|{_DURATION}|{_DATE})")

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def is_valid_value(value: str) -> bool:
    """True when ``value`` is a TIMEX3 value that TimeML 1.2 allows."""
    return bool(value) and _VALID.fullmatch(value) is not None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(months=1, days=-1)


def value_range(value: str) -> tuple[dt.date, dt.date, str] | None:
    """(earliest day, latest day, precision) of a calendar value; None for anything else."""
    m = re.fullmatch(r"(?P<y>\d{2,4})(?P<rest>.*)", value or "")
    if not m or "X" in value:
        return None
    y, rest = m.group("y"), m.group("rest")
    try:
        if len(y) == 2:
            return dt.date(int(y) * 100, 1, 1), dt.date(int(y) * 100 + 99, 12, 31), "century"
        if len(y) == 3:
            return dt.date(int(y) * 10, 1, 1), dt.date(int(y) * 10 + 9, 12, 31), "decade"
        year = int(y)
        if year < 1:
            return None
        if rest == "":
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if m2 := re.fullmatch(r"-(\d{2})", rest):
            month = int(m2[1])
            return dt.date(year, month, 1), _month_end(year, month), "month"
        if m2 := re.fullmatch(r"-(\d{2})-(\d{2})(?:T.*)?", rest):
            day = dt.date(year, int(m2[1]), int(m2[2]))
            return day, day, "day"
        if m2 := re.fullmatch(r"-W(\d{1,2})", rest):
            start = dt.date.fromisocalendar(year, int(m2[1]), 1)
            return start, start + relativedelta(days=6), "week"
        if m2 := re.fullmatch(r"-W(\d{1,2})-WE", rest):  # a weekend: its Saturday and Sunday, days as told
            start = dt.date.fromisocalendar(year, int(m2[1]), 6)
            return start, start + relativedelta(days=1), "day"
        if m2 := re.fullmatch(r"-(SP|SU|FA|WI)", rest):
            first, last = _SEASONS[m2[1]]
            end_year = year + 1 if m2[1] == "WI" else year
            return dt.date(year, first, 1), _month_end(end_year, last), "season"
        if m2 := re.fullmatch(r"-Q([1-4])", rest):
            q = int(m2[1])
            return dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter"
        if m2 := re.fullmatch(r"-H([12])", rest):
            h = int(m2[1])
            return dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "quarter"
    except (ValueError, OverflowError):
        return None
    return None
