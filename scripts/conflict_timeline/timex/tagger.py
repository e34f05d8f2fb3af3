"""Tag a text: match the rules, choose non-overlapping expressions, resolve them in text order
while the story time moves (see anchor.py), and redo the choice when a match gives no value."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .anchor import Context, choose_genre, explicit_years, is_post
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
        for c in candidates(reading_view(text, ruleset.lexicons["capitals_kept"]), ruleset)
        if (not c[2].genres or genre in c[2].genres) and not in_title(text, c[0], c[1])
    ]
    found = not_dates_removed(found, len(text))
    for _ in range(MAX_RESELECT):
        out, failed = _resolve_all(text, select(list(found), len(text)), dct, genre, ruleset, post)
        if not failed:
            break
        found = [c for c in found if id(c) not in failed]
    return out


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
            ttype, value = "SET", "XXXX-WXX-%d" % (g["weekday"] + 1)
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


def _in_weekday_set_list(text: str, start: int, rule: Rule, g: dict, out: list[Timex]) -> bool:
    """A bare weekday listed right after a weekday set is one too: "every Monday, Wednesday
    and Friday" is three sets (XXXX-WXX-1, -3, -5), not a set and two days."""
    if rule.resolve != "weekday" or g.get("weekday") is None or not out or out[-1].type != "SET":
        return False
    if any(g.get(k) is not None for k in ("past_word", "next_word", "this_word", "hour")):
        return False
    return bool(_WEEKDAY_SET.fullmatch(out[-1].value) and _LIST_GAP.fullmatch(text, out[-1].end, start))


#: a weekday set ("every Monday", "every mon") and the gap between items of a list
_WEEKDAY_SET = re.compile(r"XXXX-WXX-\d")
_LIST_GAP = re.compile(r"\s*(?:,|/|&|,?\s*and|,?\s*or)\s*", re.I)


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
