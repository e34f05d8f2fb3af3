"""Resolvers of relative expressions: "last week", "two years ago", "Friday", "the next day",
"this time", "the weekend". Deictic ones move from the genre's anchor, anaphoric ones from the
last date mentioned (see anchor.py).
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from .anchor import Context, Point
from .calendar_math import fmt_date, fmt_point, fmt_year, shift, time_suffix
from .tense import JUST_PAST

#: "a year ago" is a quarter a year ago when a quarter was named at most this many characters before
QUARTER_CONTEXT = 600
#: days added to the distance of a weekday on the other side of the DCT than the clause's tense
WEEKDAY_TENSE_PENALTY = 4


def _anchor(ctx: Context, args: dict) -> Point | None:
    return ctx.anaphoric() if args.get("anaphoric") else ctx.deictic()


def direction(g: dict, args: dict) -> int:
    """-1, 0 or +1 from the direction words matched ("last", "next", "this", "ago"), else args.offset."""
    for key in ("past_word", "next_word", "this_word", "before_word"):
        if g.get(key) is not None:
            return int(g[key])
    return int(args.get("offset", 0))


#: "3 hours ago", "20 mins ago" against a DCT without a clock time: the DCT's day, when it is
#: at most this many hours back (farther it may be the day before)
HOURS_AGO_SAME_DAY = 12


def _hours_ago(g: dict, unit: str, ctx: Context) -> str | None:
    """"1+ hr ago", "20 mins ago": a point before the DCT (TimeML: a DATE, not a duration),
    known to the day only, as the DCT is; None for "two hours later" (no clock time to move)."""
    n = g.get("number")
    if g.get("before_word") is None or int(g["before_word"]) >= 0 or ctx.genre != "news" or not isinstance(n, (int, float)):
        return None
    hours = float(n) * {"H": 1, "MIN": 1 / 60, "S": 1 / 3600}[unit]
    p = ctx.deictic()
    if hours > HOURS_AGO_SAME_DAY or p is None or p.day is None:
        return None
    return fmt_point(p)


def relative(g: dict, args: dict, ctx: Context) -> str | None:
    """"last year", "two weeks ago", "next month", "the following day", "this quarter".

    In news, "a year ago/earlier" after a quarter was named is that quarter a year before."""
    unit = g.get("unit") or args.get("unit", "D")
    if unit in ("H", "MIN", "S"):
        return _hours_ago(g, unit, ctx)
    n = g.get("number", args.get("number", 1))
    if n == "X":
        return {-1: "PAST_REF", 1: "FUTURE_REF"}.get(direction(g, args), "PRESENT_REF")
    p = _anchor(ctx, args)
    if p is None:
        return None
    sign = direction(g, args)
    if (
        ctx.genre == "news"
        and unit == "Y"
        and n == 1
        and sign < 0
        and ctx.last_quarter
        and g.get("before_word") is not None
        and ctx.position - ctx.last_quarter_at <= QUARTER_CONTEXT
    ):
        return f"{int(ctx.last_quarter[:4]) - 1:04d}-{ctx.last_quarter[5:]}"
    if unit in ("DE", "CE") and p.year < 0 and g.get("before_word") is None and float(n).is_integer():
        y = -(p.year + sign * int(n) * (10 if unit == "DE" else 100))  # "the following decade" BC
        return (f"BC{y // 10:03d}" if unit == "DE" else f"BC{y // 100:02d}") if y > 0 else None
    value = shift(p, unit, sign * float(n))
    if value is not None and g.get("part_of_day"):
        value += "T" + g["part_of_day"]
    return value


def weekday(g: dict, args: dict, ctx: Context) -> str | None:
    """"Friday", "last Friday", "next Monday", "Wednesday night", "10 p.m. Wednesday".

    In news the part of day is left out ("Friday night" is the day, as TimeBank mostly writes
    it) unless args.news_parts_of_day names it ("Friday evening" is TEV there).
    In news a bare weekday is the nearer of the last and the next such day, the one on the
    side of the clause's tense counting WEEKDAY_TENSE_PENALTY days nearer (the last one right
    after a past verb: "was told Wednesday"); in narrative it is
    the next one after the story's day. A weekday right after a date, or in parentheses after
    dates ("14 December, Friday", "Aug 1 - 2 (Sat-Sun)"), is the nearest such day to the last
    of them (ctx.aside_day)."""
    wd = g.get("weekday")
    p = _anchor(ctx, args)
    d = p.date() if p and p.day else None
    if wd is None:
        return None
    if ctx.genre == "news" and g.get("hour") is None and g.get("part_of_day") not in args.get("news_parts_of_day", ()):
        g = {k: v for k, v in g.items() if k != "part_of_day"}  # TimeBank: "Friday night" is the day
    if d is None:
        return "XXXX-WXX-%d" % (wd + 1)
    named = ctx.aside_day.date() if ctx.aside_day and g.get("past_word") is None and g.get("next_word") is None else None
    if named is not None:  # "June 9 - 10 (Tue-Wed)": the day of the dates just named
        return (named + relativedelta(days=(wd - named.weekday() + 3) % 7 - 3)).isoformat() + time_suffix(g)
    sign = direction(g, args)
    if sign == 0 and g.get("this_word") is None:
        sign = 1
        if ctx.genre == "news":
            back, ahead = (d.weekday() - wd) % 7, (wd - d.weekday()) % 7
            if back == 0:
                return d.isoformat() + time_suffix(g)
            pen = WEEKDAY_TENSE_PENALTY
            sign = -1 if ctx.tense == JUST_PAST or back + (pen if ctx.tense > 0 else 0) < ahead + (pen if ctx.tense <= 0 else 0) else 1
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


def part_of_day(g: dict, args: dict, ctx: Context) -> str | None:
    """"this morning", "tonight", "last night" (deictic day + args.offset, or -1/+1 for groups
    named yesterday/tomorrow); "that afternoon"
    (the story's day); "night" alone with args.undated: XXXX-XX-XXTNI; with args.day_named
    ("in the morning") the day last named, else the deictic one."""
    pod = g.get("part_of_day") or args.get("part_of_day", "DT")
    p = ctx.anaphoric() if g.get("that") else ctx.deictic()
    if args.get("day_named") and ctx.last and ctx.last.day:  # "on Friday ... in the morning"
        p = ctx.last
    if p is None or p.day is None or (args.get("undated") and not g.get("that")):
        return "XXXX-XX-XXT" + pod
    d = p.date()
    if d is None:
        return None
    offset = -1 if g.get("yesterday") else 1 if g.get("tomorrow") else int(args.get("offset", 0))
    return (d + relativedelta(days=offset)).isoformat() + "T" + pod


def season_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"last fall", "this summer", "next spring", "the following spring": the anchor's year shifted."""
    p = _anchor(ctx, args)
    return None if p is None else f"{fmt_year(p.year + direction(g, args))}-{g['season']}"


def month_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"June last year" (args.year_shift: the year shifted), "last April" (the latest April
    before the anchor's month; with args.last_skips_previous not the month right before it,
    which is "last month": "last February" in March is a year back), "the following May"."""
    p = _anchor(ctx, args)
    month = g.get("month")
    if p is None or month is None:
        return None
    sign = direction(g, args)
    if args.get("year_shift") or p.month is None:
        day = g.get("day")
        if day is not None:  # "Oct. 7 last year"
            try:
                return dt.date(p.year + sign, month, day).isoformat()
            except ValueError:
                return None
        return f"{fmt_year(p.year + sign)}-{month:02d}"
    year = p.year
    if sign < 0 and (month >= p.month or (args.get("last_skips_previous") and month == p.month - 1)):
        year -= 1
    elif sign > 0 and month <= p.month:
        year += 1
    return f"{fmt_year(year)}-{month:02d}"


def year_quarter_rel(g: dict, args: dict, ctx: Context) -> str | None:
    """"next year's first quarter", "last year's fourth quarter"."""
    p = ctx.deictic()
    return None if p is None else f"{fmt_year(p.year + direction(g, args))}-Q{g['quarter_ordinal']}"


def ref_word(g: dict, args: dict, ctx: Context) -> str | None:
    """PAST_REF for a group named `past`, FUTURE_REF for `future`, else PRESENT_REF."""
    return "PAST_REF" if g.get("past") else "FUTURE_REF" if g.get("future") else "PRESENT_REF"


def story_time(g: dict, args: dict, ctx: Context) -> str | None:
    """"the same day", "that period": the time the story has reached; "this time" (a group
    named `present`) is the story's present, PRESENT_REF."""
    if g.get("present"):
        return "PRESENT_REF"
    p = ctx.anaphoric()
    return fmt_point(p) if p else None


def weekend(g: dict, args: dict, ctx: Context) -> str | None:
    """"the weekend": the coming one when the clause is about the future, else the last one
    (this week's when the DCT falls on Friday to Sunday). A post without a tense cue (see
    Context.post) means the nearer one: the last only on Monday and Tuesday ("a long weekend
    for the crew!" on a Thursday is the coming one)."""
    p = ctx.deictic()
    d = p.date() if p and p.day else None
    if d is None:
        return None
    if ctx.tense > 0:
        d = d + relativedelta(days=(5 - d.weekday()) % 7)
    elif d.weekday() < (POST_LAST_WEEKEND_UNTIL if ctx.post and ctx.tense == 0 else 4):
        d = d - relativedelta(weeks=1)
    return fmt_date(d, "WE")


#: a post without tense cue: up to this weekday (0 Monday) "the weekend" is the last one
POST_LAST_WEEKEND_UNTIL = 2


def year_end(g: dict, args: dict, ctx: Context) -> str | None:
    """"by year-end" (the DCT's year), "since year-end" (the last one)."""
    p = ctx.deictic()
    if p is None:
        return None
    year = p.year if ctx.tense > 0 or ctx.genre == "narrative" else p.year - 1
    return f"{fmt_year(year)}-12-31"


def some_day_in(g: dict, args: dict, ctx: Context) -> str | None:
    """"later that month" -> 1943-07-XX, "later that year" -> 1971-XX-XX: a day not told."""
    p = ctx.anaphoric()
    if p is None:
        return None
    month = f"{p.month:02d}" if g.get("unit") == "M" and p.month else "XX"
    return f"{fmt_year(p.year)}-{month}-XX"


def period_ref(g: dict, args: dict, ctx: Context) -> str | None:
    """"the end of the month", "early in the year", "the full year", "for the week": the
    anchor's month, year or week."""
    p = ctx.deictic()
    if p is None:
        return None
    if g.get("week"):
        d = p.date() if p.day else None
        return fmt_date(d, "W") if d else None
    return fmt_point(p, g.get("unit", "Y"))
