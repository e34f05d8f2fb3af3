"""Turn the named groups of a rule match into a TIMEX3 value. Rules name a resolver here.

Each resolver takes the normalised groups ``g``, the rule's ``args`` and the :class:`Context`,
and returns the value (or None to drop the match). Calendar arithmetic uses relativedelta.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from .anchor import Context, Point

_SHIFT = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}
PART_OF_DAY_TIME = {"MO", "AF", "EV", "NI", "DT"}


def fmt_year(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def fmt_point(p: Point, unit: str = "D") -> str:
    y = fmt_year(p.year)
    if unit in ("Y",) or p.month is None:
        return y
    if unit == "M" or p.day is None:
        return f"{y}-{p.month:02d}"
    return f"{y}-{p.month:02d}-{p.day:02d}"


def fmt_date(d: dt.date, unit: str) -> str:
    if unit == "Y":
        return f"{d.year:04d}"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "W" or unit == "WE":
        iso = d.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if unit == "H":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return d.isoformat()


def _anchor(ctx: Context, args: dict) -> Point | None:
    return ctx.anaphoric() if args.get("anaphoric") else ctx.deictic()


def shift(p: Point, unit: str, n: float) -> str | None:
    """The point moved by ``n`` units, written at the precision of the unit."""
    n_int = int(n) if float(n).is_integer() else None
    if unit in ("DE", "CE"):
        if n_int is None:
            return None
        step = 10 if unit == "DE" else 100
        y = p.year + n_int * step
        return f"{y // step:0{4 - len(str(step)) + 1}d}" if y > 0 else None
    if unit == "Y" or (p.month is None and unit in ("Y", "Q", "H")):
        if n_int is None:
            return None
        return fmt_year(p.year + n_int) if unit == "Y" else None
    if n_int is None:
        return None
    if unit in ("M", "Q", "H") and p.month is None:
        return f"{fmt_year(p.year)}-XX" if unit == "M" else None
    if unit in ("W", "WE") and p.day is None:
        return f"{fmt_year(p.year)}-WXX"
    if unit == "D" and p.day is None:
        month = f"{p.month:02d}" if p.month else "XX"
        return f"{fmt_year(p.year)}-{month}-XX"
    d = p.date()
    if d is None:  # BC dates: day arithmetic is not supported, keep what is known
        return fmt_point(p, unit)
    if unit in ("M", "Q", "H"):
        months = {"M": 1, "Q": 3, "H": 6}[unit] * n_int
        return fmt_date(d + relativedelta(months=months), unit)
    if unit in ("W", "WE"):
        return fmt_date(d + relativedelta(weeks=n_int), unit)
    if unit == "D":
        return fmt_date(d + relativedelta(days=n_int), "D")
    return None


def direction(g: dict, args: dict) -> int:
    for key in ("past_word", "next_word", "this_word", "before_word"):
        if g.get(key) is not None:
            return int(g[key])
    return int(args.get("offset", 0))


def relative(g: dict, args: dict, ctx: Context) -> str | None:
    """"last year", "two weeks ago", "next month", "the following day", "this quarter"."""
    unit = g.get("unit") or args.get("unit", "D")
    if unit in ("H", "MIN", "S"):
        return None
    n = g.get("number", args.get("number", 1))
    if n == "X":
        return {-1: "PAST_REF", 1: "FUTURE_REF"}.get(direction(g, args), "PRESENT_REF")
    p = _anchor(ctx, args)
    if p is None:
        return None
    sign = direction(g, args)
    if unit == "Y" and n == 1 and sign < 0 and ctx.last_quarter and g.get("before_word") is not None and ctx.genre == "news":
        return f"{int(ctx.last_quarter[:4]) - 1:04d}-{ctx.last_quarter[5:]}"
    value = shift(p, unit, sign * float(n))
    if value is not None and g.get("part_of_day"):
        value += "T" + g["part_of_day"]
    return value


def quarter(g: dict, args: dict, ctx: Context) -> str | None:
    """"the third quarter", "third-quarter", "the latest quarter", "the year-ago quarter".

    Without an ordinal: the last quarter mentioned, else the latest quarter that ended at least
    QUARTER_REPORT_LAG days before the DCT (results are reported a few weeks after it ends)."""
    back = 1 if g.get("year_ago") else 0
    q = g.get("quarter_ordinal")
    if q is None:
        if ctx.last_quarter and not args.get("deictic"):
            y, lq = int(ctx.last_quarter[:4]), int(ctx.last_quarter[-1])
            return f"{y - back:04d}-Q{lq}"
        if ctx.dct is None:
            return None
        d = ctx.dct - relativedelta(days=QUARTER_REPORT_LAG) if not args.get("deictic") else ctx.dct
        return f"{d.year - back:04d}-Q{(d.month - 1) // 3 + 1}"
    p = ctx.anaphoric() if ctx.genre == "narrative" else (ctx.dct_point or ctx.last)
    if p is None:
        return None
    year = p.year
    if ctx.genre == "news" and ctx.dct is not None and 3 * q - 2 > ctx.dct.month + 1:
        year -= 1
    if ctx.last_quarter and ctx.genre == "news" and int(ctx.last_quarter[-1]) == q:
        year = int(ctx.last_quarter[:4])
    return f"{fmt_year(year - back)}-Q{q}"


QUARTER_REPORT_LAG = 45


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
        n = int(n) if n.is_integer() else round(n, 2)
    if unit == "WE":
        unit, n = "D", 2 if n == 1 else n
    if unit == "FN":
        unit, n = "W", (2 * n if n != "X" else "X")
    if unit in ("H", "MIN", "S"):
        return f"PT{n}{unit[0]}"
    return f"P{n}{unit}"


#: in news, an underspecified date is put in the year that brings it nearest the DCT; a date
#: on the other side of the DCT than the clause's tense counts this many days farther
TENSE_PENALTY_DAYS = 90


def _infer_year(month: int, day: int | None, ctx: Context) -> int | None:
    """The year of "September 30" or "in April": near the DCT in news, the story's year in narrative."""
    if ctx.genre == "narrative":
        p = ctx.anaphoric()
        if p is None:
            return None
        return p.year
    if ctx.dct is None:
        return ctx.last.year if ctx.last else None
    best, best_score = ctx.dct.year, None
    for year in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1):
        try:
            first = dt.date(year, month, day or 1)
            last = dt.date(year, month, day) if day else first + relativedelta(months=1, days=-1)
        except ValueError:
            continue
        if first <= ctx.dct <= last:
            return year
        delta = (first - ctx.dct).days if first > ctx.dct else (last - ctx.dct).days
        score = abs(delta) + (TENSE_PENALTY_DAYS if (delta > 0) != (ctx.tense > 0) else 0)
        if best_score is None or score < best_score:
            best, best_score = year, score
    return best


def date(g: dict, args: dict, ctx: Context) -> str | None:
    """Explicit calendar dates, whole or partial: years, months, days, seasons, quarters, decades."""
    year = g.get("year")
    if year is not None and g.get("century_prefix") is not None and year < 100 or (year is not None and year >= 1900 and g.get("century_prefix") and len(str(g.get("century_prefix"))) == 2 and g.get("short_year")):
        year = int(g["century_prefix"]) * 100 + year % 100
    if g.get("bc") and year is not None:
        year = -abs(year)
    if g.get("decade") is not None:
        return f"BC{int(g['decade']):03d}" if g.get("bc") else f"{g['decade']}"
    if g.get("decade_short") is not None:
        p = ctx.dct_point or ctx.last
        return f"{(p.year // 100 if p and p.year > 0 else 19):02d}{g['decade_short']}"
    if g.get("century") is not None:
        c = int(g["century"]) - 1
        return f"BC{c:02d}" if g.get("bc") else f"{c:02d}"
    month, day = g.get("month"), g.get("day")
    if year is None:
        if g.get("year_ref"):
            p = _anchor(ctx, {"anaphoric": True})
            year = p.year if p else None
        elif month is not None:
            year = _infer_year(month, day, ctx)
        else:
            p = ctx.deictic() if not args.get("anaphoric") else ctx.anaphoric()
            year = p.year if p else None
            if g.get("this_word") is None and g.get("past_word") is None and g.get("next_word") is None and not args.get("deictic"):
                pass
            year = None if year is None else year + direction(g, args)
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
    try:
        if year > 0:
            dt.date(year, month, day)
    except ValueError:
        return None
    value = f"{y}-{month:02d}-{day:02d}"
    return value + time_suffix(g)


def time_suffix(g: dict) -> str:
    hour = g.get("hour")
    if hour is None:
        return "T" + g["part_of_day"] if g.get("part_of_day") else ""
    ampm = (g.get("ampm") or "").lower().replace(".", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 24:
        return ""
    minute = g.get("minute")
    return f"T{hour:02d}:{minute:02d}" if minute is not None else f"T{hour:02d}:00"


#: days added to the distance of a weekday on the other side of the DCT than the clause's tense
WEEKDAY_TENSE_PENALTY = 4


def weekday(g: dict, args: dict, ctx: Context) -> str | None:
    """"Friday", "last Friday", "next Monday", "Wednesday night", "10 p.m. Wednesday"."""
    wd = g.get("weekday")
    p = ctx.deictic()
    d = p.date() if p and p.day else None
    if d is None or wd is None:
        return "XXXX-WXX-%d" % (wd + 1) if wd is not None else None
    sign = direction(g, args)
    if sign == 0 and g.get("this_word") is None:
        sign = ctx.tense if ctx.genre == "news" else 1
        if ctx.genre == "news":
            back, ahead = (d.weekday() - wd) % 7, (wd - d.weekday()) % 7
            if back == 0:
                return d.isoformat() + time_suffix(g)
            pen = WEEKDAY_TENSE_PENALTY
            sign = -1 if back + (pen if ctx.tense > 0 else 0) < ahead + (pen if ctx.tense < 0 else 0) else 1
    if sign < 0:
        delta = (d.weekday() - wd) % 7
        if g.get("past_word") is not None and delta == 0:
            delta = 7
        target = d - relativedelta(days=delta)
    elif sign > 0:
        delta = (wd - d.weekday()) % 7
        if g.get("next_word") is not None and delta == 0:
            delta = 7
        target = d + relativedelta(days=delta)
    else:
        target = d + relativedelta(days=wd - d.weekday())
    return target.isoformat() + time_suffix(g)


def set_value(g: dict, args: dict, ctx: Context) -> str | None:
    if g.get("frequency"):
        return g["frequency"]
    if g.get("weekday") is not None:
        return "XXXX-WXX-%d" % (g["weekday"] + 1)
    unit = g.get("unit") or args.get("unit")
    n = g.get("number", 1)
    if unit is None:
        return None
    return duration({"unit": unit, "number": n}, {}, ctx)


def part_of_day(g: dict, args: dict, ctx: Context) -> str | None:
    """"this morning", "tonight", "last night" against the deictic day."""
    p = ctx.anaphoric() if g.get("that") else ctx.deictic()
    if p is None or p.day is None or (args.get("undated") and not g.get("that")):
        return "XXXX-XX-XXT" + g.get("part_of_day", args.get("part_of_day", "DT"))
    d = p.date()
    if d is None:
        return None
    d = d + relativedelta(days=int(args.get("offset", 0)))
    return d.isoformat() + "T" + (g.get("part_of_day") or args.get("part_of_day", "DT"))


def clock(g: dict, args: dict, ctx: Context) -> str | None:
    """"2:56PM", "10 p.m." on the deictic day (or the day named beside it)."""
    p = ctx.deictic()
    if p is None or p.day is None:
        return "XXXX-XX-XX" + time_suffix(g)
    d = p.date()
    return None if d is None else d.isoformat() + time_suffix(g)


RESOLVERS = {
    "quarter": quarter,
    "date": date,
    "relative": relative,
    "duration": duration,
    "weekday": weekday,
    "set": set_value,
    "part_of_day": part_of_day,
    "clock": clock,
}


def season_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"last fall", "this summer", "next spring", "the following spring": the anchor's year shifted."""
    p = _anchor(ctx, args)
    if p is None:
        return None
    year = p.year + direction(g, args)
    return f"{fmt_year(year)}-{g['season']}"


def month_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"June last year" (the year shifted), "last April" (the latest April before the anchor)."""
    p = _anchor(ctx, args)
    month = g.get("month")
    if p is None or month is None:
        return None
    sign = direction(g, args)
    if args.get("year_shift") or p.month is None:
        return f"{fmt_year(p.year + sign)}-{month:02d}"
    year = p.year
    if sign < 0 and month >= p.month:
        year -= 1
    elif sign > 0 and month <= p.month:
        year += 1
    return f"{fmt_year(year)}-{month:02d}"


RESOLVERS.update({"season_rel": season_rel, "month_rel": month_rel})


def noon(g: dict, args: dict, ctx: Context) -> str | None:
    """"noon", "midnight Friday"."""
    g = dict(g, hour=12 if g.get("word", "").lower() in ("noon", "midday") else 24, minute=None)
    if g.get("weekday") is not None:
        return weekday(g, args, ctx)
    return clock(g, args, ctx)


RESOLVERS["noon"] = noon


def year_quarter_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"next year's first quarter", "last year's fourth quarter"."""
    p = ctx.deictic()
    if p is None:
        return None
    return f"{fmt_year(p.year + direction(g, args))}-Q{g['quarter_ordinal']}"


def ref_word(g: dict, args: dict, ctx: Context) -> str | None:
    """PAST_REF for a group named `past`, FUTURE_REF for `future`, else PRESENT_REF."""
    return "PAST_REF" if g.get("past") else "FUTURE_REF" if g.get("future") else "PRESENT_REF"


RESOLVERS.update({"year_quarter_rel": year_quarter_rel, "ref_word": ref_word})


def story_time(g: dict, args: dict, ctx: Context) -> str | None:
    """"the same day", "that period": the time the story has reached; "this time" (a group
    named `present`) is the story's present, PRESENT_REF."""
    if g.get("present"):
        return "PRESENT_REF"
    p = ctx.anaphoric()
    return fmt_point(p) if p else None


def holiday(g: dict, args: dict, ctx: Context) -> str | None:
    """"Christmas 1963", "Christmas night", "D-Day": a fixed day in the given or anchor year."""
    day = g.get("holiday")
    p = ctx.anaphoric() if ctx.genre == "narrative" else ctx.deictic()
    year = g.get("year") or (p.year if p else None)
    if year is None:
        return None
    if day == "X":
        return fmt_year(year)
    value = f"{fmt_year(year)}-{day}"
    pod = g.get("part_of_day")
    return value + (f"T{pod}" if pod else "")


RESOLVERS.update({"story_time": story_time, "holiday": holiday})


def weekend(g: dict, args: dict, ctx: Context) -> str | None:
    """"the weekend": the coming one when the clause is about the future, else the last one
    (this week's when the DCT falls on Friday to Sunday)."""
    p = ctx.deictic()
    d = p.date() if p and p.day else None
    if d is None:
        return None
    if ctx.tense > 0:
        d = d + relativedelta(days=(5 - d.weekday()) % 7)
    elif d.weekday() < 4:
        d = d - relativedelta(weeks=1)
    return fmt_date(d, "WE")


RESOLVERS["weekend"] = weekend
