"""Resolvers of calendar expressions, whole or underspecified ("June 12", "1944",
"the third quarter", "Christmas", "2:56PM"), and of durations and sets.

Each resolver takes the normalised groups ``g``, the rule's ``args`` and the :class:`Context`,
and returns the value, or None: then the match is dropped and a shorter one may take its place.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from .anchor import Context
from .calendar_math import fmt_date, fmt_year, spelled_year, time_suffix
from .relative import direction, weekday

#: in news, an underspecified date is put in the year that brings it nearest the DCT; a date
#: on the other side of the DCT than the clause's tense counts this many days farther
TENSE_PENALTY_DAYS = 200
#: ... and a bare month on the other side of the DCT than a sentence whose tense cues all
#: point one way (tense.certain: "will be named ... for a mission in December") this many:
#: only the month right after the DCT's stays possible in the past tense ("announced the
#: election in November" in late October)
SURE_PENALTY_DAYS = 300


def _infer_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year of "June 12" or "in April": near the DCT in news, the story's in narrative."""
    if ctx.genre == "narrative":
        p = ctx.anaphoric()
        return p.year if p else None
    if ctx.dct is None:
        return ctx.last.year if ctx.last else None
    best, best_score = ctx.dct.year, None
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            first = dt.date(year, month, day or 1)
            last = dt.date(year, month, day) if day else first + relativedelta(months=1, days=-1)
        except ValueError:
            continue
        score = _distance(first, last, ctx)
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


#: a numeric date's two-digit year is the latest year with those digits at most this many
#: years after the DCT ("3/27/15" in 2015 is 2015, "3/27/99" is 1999)
TWO_DIGIT_YEAR_AHEAD = 10


def _year(g: dict, ctx: Context) -> int | None:
    """The year the groups name: digits, words ("nineteen ninety-six"), a range's short end
    ("1914-18"), BC; None when they name none."""
    year = g.get("year")
    if g.get("spelled_year"):
        year = spelled_year(g["spelled_year"])
    if year is not None and g.get("short_year") and g.get("century_prefix") is not None:
        year = int(g["century_prefix"]) * 100 + year % 100
    if year is None and g.get("year_2d"):
        # "27/03/15", "3/27/15": the latest such year up to TWO_DIGIT_YEAR_AHEAD after the
        # DCT (or the story's year), else in the 1900s
        p = ctx.dct_point or ctx.last
        limit = (p.year if p else 1999 - TWO_DIGIT_YEAR_AHEAD) + TWO_DIGIT_YEAR_AHEAD
        year = limit - (limit - int(g["year_2d"])) % 100
    if year is not None and g.get("bc"):
        year = -abs(year)
    return year


def date(g: dict, args: dict, ctx: Context) -> str | None:
    """Explicit calendar dates, whole or partial: years, months, days, seasons, quarters,
    decades, centuries; a missing year comes from the anchor (see _infer_year)."""
    if g.get("decade") is not None:
        return f"BC{int(g['decade']):03d}" if g.get("bc") else f"{g['decade']}"
    short = g.get("decade_short", g.get("decade_word"))
    if short is not None:  # "the '80s", "the nineties": the decade of the anchor's century
        p = ctx.dct_point or ctx.last
        return f"{(p.year // 100 if p and p.year > 0 else 19):02d}{short}"
    if g.get("century") is not None:
        c = int(g["century"]) - 1
        return f"BC{c:02d}" if g.get("bc") else f"{c:02d}"
    year = _year(g, ctx)
    month, day = g.get("month"), g.get("day", g.get("day_word"))
    if year is None:
        if g.get("year_ref"):
            p = ctx.anaphoric()
            year = p.year if p else None
        elif month is not None:
            year = _infer_year(month, day, ctx)
        else:  # a season alone: the anchor's year
            p = ctx.anaphoric() if args.get("anaphoric") else ctx.deictic()
            year = None if p is None else p.year + direction(g, args)
        if year is None:
            return None
    y = fmt_year(year)
    if g.get("season"):
        return f"{y}-{g['season']}"
    if g.get("quarter_ordinal"):
        return f"{y}-Q{g['quarter_ordinal']}"
    if g.get("half_ordinal"):
        return f"{y}-H{g['half_ordinal']}"
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    if year > 0:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
    return f"{y}-{month:02d}-{day:02d}" + time_suffix(g)


def weekday_date(g: dict, args: dict, ctx: Context) -> str | None:
    """"Friday", "last Friday"... (see relative.weekday); "Friday, Oct. 13" is the date it names."""
    if g.get("month") is not None and (g.get("day") is not None or g.get("day_word") is not None):
        return date(g, args, ctx)
    if g.get("day") is not None and g.get("weekday") is not None:
        return _weekday_the_nth(g["weekday"], g["day"], ctx)
    return weekday(g, args, ctx)


#: "Friday the 13th" is looked for this many months either side of the anchor's month
WEEKDAY_NTH_MONTHS = 14


def _weekday_the_nth(wd: int, day: int, ctx: Context) -> str | None:
    """"Friday the 13th": the nearest day of that number that falls on that weekday."""
    p = ctx.deictic()
    d = p.date() if p and p.day else None
    if d is None:
        return None
    best = None
    for k in range(-WEEKDAY_NTH_MONTHS, WEEKDAY_NTH_MONTHS + 1):
        month = d.replace(day=1) + relativedelta(months=k)
        try:
            cand = month.replace(day=day)
        except ValueError:
            continue
        if cand.weekday() == wd and (best is None or abs((cand - d).days) < abs((best - d).days)):
            best = cand
    return best.isoformat() if best else None


def week_of(g: dict, args: dict, ctx: Context) -> str | None:
    """"the week of March 6": the ISO week of the date named."""
    value = date(g, args, ctx)
    try:
        day = dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
    return fmt_date(day, "W") if day else None


def quarter(g: dict, args: dict, ctx: Context) -> str | None:
    """"the third quarter", "third-quarter", "the latest quarter", "the year-ago quarter"."""
    back = 1 if g.get("year_ago") else 0
    q = g.get("quarter_ordinal")
    if q is None:
        if back and ctx.part_year and ctx.dct is not None:
            return fmt_year(ctx.dct.year - back)
        if ctx.last_quarter:
            return f"{int(ctx.last_quarter[:4]) - back:04d}-Q{ctx.last_quarter[-1]}"
        if ctx.dct is None:
            return None
        d = ctx.reported_quarter()
        return f"{d.year - back:04d}-Q{(d.month - 1) // 3 + 1}"
    p = ctx.anaphoric() if ctx.genre == "narrative" else (ctx.dct_point or ctx.last)
    if p is None:
        return None
    year = p.year
    if ctx.genre == "news" and ctx.dct is not None and 3 * q - 2 > ctx.dct.month + 1:
        year -= 1  # a quarter that starts after next month is last year's
    return f"{fmt_year(year - back)}-Q{q}"


def year_period(g: dict, args: dict, ctx: Context) -> str | None:
    """"the 1988 period" of a quarterly report: that year's quarter like the one last named."""
    year = _year(g, ctx)
    if year is None:
        return None
    if ctx.genre == "news" and ctx.last_quarter and not ctx.part_year and g.get("period") in ("period", "quarter"):
        return f"{fmt_year(year)}-{ctx.last_quarter[5:]}"
    return fmt_year(year)


#: a movable feast in the holiday lexicon: "11-01 TH(+4)" is the fourth Thursday on or after
#: 1 November (Thanksgiving); "easter -2" is two days before Easter Sunday (Good Friday)
_MOVABLE = re.compile(r"(?P<month>\d\d)-(?P<day>\d\d) (?P<weekday>MO|TU|WE|TH|FR|SA|SU)\((?P<nth>[+-]\d)\)|easter(?: (?P<offset>[+-]\d+))?")
_WEEKDAYS = {"MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU}


def holiday_date(spec: str, year: int) -> dt.date | None:
    """The day a holiday lexicon value names in ``year``: "12-25", "11-01 TH(+4)", "easter"."""
    m = _MOVABLE.fullmatch(spec)
    if m is None:
        month, day = (int(x) for x in spec.split("-"))
        return dt.date(year, month, day) if year > 0 else None
    if year < 1:
        return None
    if m.group("month"):
        nth = _WEEKDAYS[m.group("weekday")](int(m.group("nth")))
        return dt.date(year, int(m.group("month")), int(m.group("day"))) + relativedelta(weekday=nth)
    return easter(year) + relativedelta(days=int(m.group("offset") or 0))


def holiday(g: dict, args: dict, ctx: Context) -> str | None:
    """"Christmas 1963", "Christmas night", "Thanksgiving", "last Easter": the day in the given
    year, else near the DCT (news, by the clause's tense) or in the story's year (narrative);
    a lexicon value X (a feast with no fixed rule) gives the year only."""
    spec = g.get("holiday")
    year = g.get("year")
    sign = direction(g, args)
    if year is None and ctx.genre == "news" and ctx.dct is not None and spec != "X":
        year = _holiday_year(spec, sign, ctx)
    if year is None:
        p = ctx.anaphoric() if ctx.genre == "narrative" else ctx.deictic()
        year = p.year if p else None
    if year is None:
        return None
    if spec == "X":
        return fmt_year(year)
    day = holiday_date(spec, year)
    if day is None:
        return None
    pod = g.get("part_of_day")
    return f"{fmt_year(year)}-{day.month:02d}-{day.day:02d}" + (f"T{pod}" if pod else "")


def _holiday_year(spec: str, sign: int, ctx: Context) -> int | None:
    """The year of a holiday named without one: "last Christmas" the latest before the DCT,
    "next Easter" the first after it, else the nearest by the clause's tense (see _distance)."""
    days = {y: holiday_date(spec, y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1) if 0 < y <= dt.MAXYEAR}
    days = {y: d for y, d in days.items() if d is not None and (sign == 0 or (d < ctx.dct) == (sign < 0))}
    if not days:
        return None
    if sign:
        return (max if sign < 0 else min)(days)
    return min(days, key=lambda y: _distance(days[y], days[y], ctx))


def _distance(first: dt.date, last: dt.date, ctx: Context) -> int:
    """Days between the DCT and a stretch of days, plus TENSE_PENALTY_DAYS when the stretch is
    on the other side of the DCT than the clause's tense."""
    if first <= ctx.dct <= last:
        return 0
    delta = (first - ctx.dct).days if first > ctx.dct else (last - ctx.dct).days
    if ctx.sure * ctx.tense > 0 and (delta > 0) != (ctx.sure > 0):
        return abs(delta) + SURE_PENALTY_DAYS
    return abs(delta) + (TENSE_PENALTY_DAYS if (ctx.leans_past() if delta > 0 else ctx.leans_future()) else 0)


def clock(g: dict, args: dict, ctx: Context) -> str | None:
    """"2:56PM", "10 p.m." on the day last named ("Two bombs exploded on Friday. The blast
    occurred at 10:35 a.m."), else the deictic day."""
    p = ctx.last if ctx.last and ctx.last.day else ctx.deictic()
    if p is None or p.day is None:
        return "XXXX-XX-XX" + time_suffix(g)
    d = p.date()
    return None if d is None else d.isoformat() + time_suffix(g)


def clock_day(g: dict, args: dict, ctx: Context) -> str | None:
    """"6pm tomorrow", "7pm tonight", "8am tmr": the clock time on the deictic day, a day
    later or earlier for a group named tomorrow or yesterday."""
    p = ctx.deictic()
    d = p.date() if p and p.day else None
    if d is None:
        return None
    offset = -1 if g.get("yesterday") else 1 if g.get("tomorrow") else 0
    return (d + relativedelta(days=offset)).isoformat() + time_suffix(g)


def clock_duration(g: dict, args: dict, ctx: Context) -> str | None:
    """A time read off a stopwatch ("finished in 3:07:35"): PT3H7M35S."""
    parts = [(g.get("hour"), "H"), (g.get("minute"), "M"), (g.get("second"), "S")]
    body = "".join(f"{int(n)}{u}" for n, u in parts if n not in (None, 0, "0", "00"))
    return "PT" + body if body else None


def noon(g: dict, args: dict, ctx: Context) -> str | None:
    """"noon", "midnight Friday"."""
    g = dict(g, hour=12 if g.get("word", "").lower() in ("noon", "midday") else 24, minute=None)
    if g.get("weekday") is not None:
        return weekday(g, args, ctx)
    return clock(g, args, ctx)


#: news annotators (TimeBank) write decades and centuries of duration in years: "two decades" P20Y
NEWS_YEAR_UNITS = {"DE": 10, "CE": 100}
#: half of a unit, in the next smaller one
HALF_UNITS = {"Y": ("Y", "6M"), "D": ("D", "T12H"), "H": ("H", "30M"), "MIN": ("M", "30S")}


def duration(g: dict, args: dict, ctx: Context) -> str | None:
    """"three years", "the past two months", "a 10-day", "several weeks" -> P3Y, P2M, P10D, PXW."""
    unit = g.get("unit") or args.get("unit")
    if unit is None:
        return None
    n = g.get("number", args.get("number", 1))
    if g.get("vague_number") is not None:
        n = "X"
    if g.get("half") and n != "X":
        n = float(n) + 0.5
    if isinstance(n, float):
        whole = int(n)
        if n - whole == 0.5 and unit in HALF_UNITS:  # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
            big, small = HALF_UNITS[unit]
            return ("PT" if unit in ("H", "MIN") else "P") + (f"{whole}{big}" if whole else "") + small
        n = whole if n.is_integer() else round(n, 2)
    if unit in NEWS_YEAR_UNITS and ctx.genre == "news":
        unit, n = "Y", n if n == "X" else round(n * NEWS_YEAR_UNITS[unit])
    if unit == "WE":
        unit, n = "D", 2 if n == 1 else n
    if unit == "FN":
        unit, n = "W", (2 * n if n != "X" else "X")
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{unit[0]}"
    return f"P{n}{unit}"


#: narrative annotators (WikiWars) write a set as its recurring granule: "daily" XXXX-XX-XX
SET_GRANULES = {"P1D": "XXXX-XX-XX", "P1W": "XXXX-WXX", "P1M": "XXXX-XX", "P1Y": "XXXX"}


def set_value(g: dict, args: dict, ctx: Context) -> str | None:
    """"daily" (a lexicon value), "every Monday", "every two weeks"."""
    if g.get("weekday") is not None:  # "every Monday (morning, at 9am)"
        return "XXXX-WXX-%d" % (g["weekday"] + 1) + time_suffix(g)
    if g.get("month") is not None:
        return "XXXX-%02d" % g["month"]
    if g.get("season"):
        return "XXXX-" + g["season"]
    if g.get("part_of_day") or g.get("hour") is not None:  # "every night (at 10pm)", "every day at 6pm"
        return "XXXX-XX-XX" + time_suffix(g)
    value = g.get("frequency")
    if value is None:
        unit = g.get("unit") or args.get("unit")
        if unit is None:
            return None
        value = duration({"unit": unit, "number": g.get("number", 1)}, {}, ctx)
    return SET_GRANULES.get(value, value) if ctx.genre == "narrative" else value
