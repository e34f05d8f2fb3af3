"""Tag a text: match the rules, choose non-overlapping expressions, resolve them in text order
while the story time moves (see anchor.py), and redo the choice when a match gives no value."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .anchor import Context, choose_genre, explicit_years, is_post
from .calendar_math import time_suffix
from .casing import reading_view
from .groups import normalise
from .matching import candidates, in_title, select, trim
from .resolve import RESOLVERS
from .story import is_digression
from .ruleset import Rule, load_ruleset
from .tense import certain, sentence_window, tense
from .values import is_valid_value


@dataclass(frozen=True)
class Timex:
    """A TIMEX3: character offsets into the text, its text, type (DATE, TIME, DURATION, SET),
    TimeML value and, where a hedge or position word says so, mod (START, APPROX...)."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


#: how often the choice of expressions is redone after some failed to resolve
MAX_RESELECT = 4


def tag(text: str, dct: dt.date | None, genre: str = "news") -> list[Timex]:
    """TIMEX3 expressions of ``text``, sorted by start and non-overlapping."""
    ruleset = load_ruleset()
    post = False
    if genre == "auto":
        genre = choose_genre(text, dct)
        post = genre == "news" and is_post(text)
    found = [
        trim(c, genre)
        for c in candidates(reading_view(text, ruleset.lexicons["capitals_kept"]), ruleset,
                            lambda rule: _applies(rule, genre, post))
        if not in_title(text, c[0], c[1])
    ]
    found = not_dates_removed(found, len(text))
    for _ in range(MAX_RESELECT):
        out, failed = _resolve_all(text, select(list(found), len(text)), dct, genre, ruleset, post)
        if not failed:
            break
        found = [c for c in found if id(c) not in failed]
    return out


#: the rule genre of posts (see anchor.is_post): a post is read as news, and the rules of this
#: genre apply to it besides those of news
POST = "post"


def _applies(rule: Rule, genre: str, post: bool) -> bool:
    """Does a rule of ``rule.genres`` (empty: every genre) apply to this text?"""
    return not rule.genres or genre in rule.genres or (post and POST in rule.genres)


#: the type of the rules that recognise what is not a date (rules/not_dates.yaml)
NOT_DATE = "NOT_DATE"


def not_dates_removed(found: list, length: int) -> list:
    """Drop the matches of NOT_DATE rules ("the 1500 block of", "his 1987 Chevrolet") and
    every match that overlaps one: what is recognised as no date is never read as one."""
    blocked = bytearray(length + 1)
    for s, e, rule, _ in found:
        if rule.type == NOT_DATE:
            blocked[s:e] = b"\x01" * (e - s)
    if not any(blocked):
        return found
    return [c for c in found if c[2].type != NOT_DATE and 1 not in blocked[c[0] : c[1]]]


def _resolve_all(text, chosen, dct, genre, ruleset, post=False) -> tuple[list[Timex], set[int]]:
    """Resolve the chosen matches in text order (the story time moves as they are read);
    return the expressions and the ids of the matches that gave no valid value."""
    ctx = Context(dct=dct, genre=genre, post=post)
    if genre == "narrative":
        ctx.years_ahead = explicit_years(text)
    out: list[Timex] = []
    failed: set[int] = set()
    for c in chosen:
        s, e, rule, m = c
        ctx.position = e
        g = normalise(m.groupdict(), ruleset.lexicons)
        if genre == "news" and rule.args.get("tense"):
            around = sentence_window(text, s, e)  # read once for both
            ctx.tense, ctx.sure = tense(text, s, e, around=around), certain(text, s, e, around=around)
        else:
            ctx.tense, ctx.sure = -1, 0
        ctx.aside_day = weekday_aside(text, s, rule, ctx, out)
        value = rule.value
        if rule.resolve:
            try:
                value = RESOLVERS[rule.resolve](g, rule.args, ctx)
            except (ValueError, OverflowError, TypeError, KeyError):
                value = None
        if value is None or not is_valid_value(value):
            failed.add(id(c))
            continue
        ttype = rule.type
        if ttype == "DATE" and _CLOCK.search(value):
            ttype = "TIME"
        if ttype == "DATE" and _in_weekday_set_list(text, s, rule, g, out):
            ttype, value = "SET", "XXXX-WXX-%d" % (g["weekday"] + 1) + time_suffix(g)
        if rule.args.get("list_of_days"):
            out.extend(days_of_list(text, m, value))
        else:
            out.append(Timex(s, e, text[s:e], ttype, value, _mod(g)))
        if ttype == "DURATION":
            ctx.report_period(value)
        if ttype in ("DATE", "TIME") and _moves_story(rule, g, genre) and not (
            genre == "narrative"
            and (
                tense(text, s, e, FUTURE_ONLY_WINDOW, deadlines=False) > 0
                or _in_parentheses(text, s, e)
                or is_digression(text, s, e, value, ctx)
            )
        ):
            ctx.move(value)
    return out, failed


def days_of_list(text: str, m: re.Match, value: str) -> list[Timex]:
    """"Aug 1, 8 and 15" (a match of a list_of_days rule whose first date is ``value``): one
    date per day of the list, the first with its month ("Aug 1"), each next one a bare number;
    the list ends at a day that does not follow the one before or is not in the month."""
    first = dt.date.fromisoformat(value[:10]) if _DAY_VALUE.fullmatch(value) else None
    if first is None:
        return [Timex(m.start(), m.end(), m.group(), "DATE", value)]
    out = [Timex(m.start(), m.end("day"), text[m.start() : m.end("day")], "DATE", value)]
    last = first.day
    for n in _LIST_DAY.finditer(text, m.end("day"), m.end()):
        day = int(n.group(1))
        if day <= last or day > calendar.monthrange(first.year, first.month)[1]:
            break
        out.append(Timex(n.start(), n.end(), n.group(), "DATE", first.replace(day=day).isoformat()))
        last = day
    return out


_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_LIST_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def weekday_aside(text: str, start: int, rule: Rule, ctx: Context, out: list[Timex]):
    """The day last named when a weekday at ``start`` follows it as its aside: right after it
    ("14 December, Friday") or in parentheses after a list of its days ("Aug 1 - 2, 8 - 9
    (Sat-Sun)", "June 9 - 10 (Tue-Wed 10am)"); else None."""
    if rule.resolve != "weekday" or not out or out[-1].type != "DATE" or ctx.last is None or ctx.last.day is None:
        return None
    if not _DAY_VALUE.fullmatch(out[-1].value) or not _ASIDE_GAP.fullmatch(text, out[-1].end, start):
        return None
    return ctx.last


#: between dates and the weekday that is their aside: a comma, or more days and "("
_ASIDE_GAP = re.compile(r"\s*[,/&\u2013-]?\s*|[\s\d,;&\u2013-]*\(\s*")


def _in_weekday_set_list(text: str, start: int, rule: Rule, g: dict, out: list[Timex]) -> bool:
    """A bare weekday listed right after a weekday set is one too: "every Monday, Wednesday
    and Friday" is three sets (XXXX-WXX-1, -3, -5), not a set and two days; so is the end of
    a range of them ("every Monday to Thursday morning": XXXX-WXX-4TMO)."""
    if rule.resolve != "weekday" or g.get("weekday") is None or not out or out[-1].type != "SET":
        return False
    if any(g.get(k) is not None for k in ("past_word", "next_word", "this_word", "hour")):
        return False
    return bool(_WEEKDAY_SET.fullmatch(out[-1].value) and _LIST_GAP.fullmatch(text, out[-1].end, start))


#: a weekday set ("every Monday", "every mon") and the gap between items of a list
_WEEKDAY_SET = re.compile(r"XXXX-WXX-\d")
_LIST_GAP = re.compile(r"\s*(?:,|/|&|-|\u2013|,?\s*and|,?\s*or|to|till|through)\s*", re.I)


def _in_parentheses(text: str, start: int, end: int) -> bool:
    """An aside such as "(1927-1937)" or "(26 June - 4 August 1952)" does not move the story."""
    before = text[max(0, start - PAREN_REACH) : start]
    after = text[end : end + PAREN_REACH]
    return before.rfind("(") > before.rfind(")") and after.find(")") >= 0 and (after.find("(") < 0 or after.find(")") < after.find("("))


#: how far an aside's parentheses are looked for
PAREN_REACH = 40


#: TIMEX3 mod values the lexicons' position and approx words may give
MODS = {"START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}


def _mod(g: dict) -> str | None:
    """START/MID/END from "early", "mid-", "late"; APPROX, LESS_THAN... from "about", "nearly"."""
    for key in ("position", "approx"):
        if g.get(key) in MODS:
            return g[key]
    return None


def _moves_story(rule: Rule, g: dict, genre: str) -> bool:
    """Explicit dates move the story time; in narrative, anaphoric ones too ("the next day")."""
    if rule.args.get("no_move") or g.get("year_ago"):
        return False
    if genre == "narrative":
        return rule.resolve != "relative"
    return rule.resolve in ("date", "quarter", "year_quarter_rel", "weekday")


_CLOCK = re.compile(r"T\d")
#: in narrative, a date in a clause about the future (within this many characters) does not
#: move the story time ("the big push planned for 1976")
FUTURE_ONLY_WINDOW = 40
