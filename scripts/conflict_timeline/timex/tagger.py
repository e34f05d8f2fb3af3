"""Find temporal expressions with the compiled rules, choose non-overlapping ones, resolve them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .anchor import Context, choose_genre
from .tense import tense
from .resolve import RESOLVERS
from .ruleset import Rule, RuleSet, load_ruleset
from .values import is_valid_value, value_range


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_TRAILING = re.compile(r"\d+$")


def _number(raw: str, lexicon: dict) -> float | str | None:
    raw = raw.strip().lower()
    if _DIGITS.fullmatch(raw.replace(",", "")):
        return float(raw.replace(",", ""))
    key = re.sub(r"\s+", " ", raw)
    if key in lexicon:
        return lexicon[key]
    parts = re.split(r"[\s-]+", key)  # "twenty-four", "twenty four"
    if len(parts) == 2 and parts[0] in lexicon and parts[1] in lexicon:
        return lexicon[parts[0]] + lexicon[parts[1]]
    return None


#: groups normalised by a lexicon of another name
GROUP_LEXICON = {"century": "ordinal"}


def normalise(groups: dict[str, str | None], lexicons: dict) -> dict:
    """Named groups -> values: a group named after a lexicon (maybe with a digit suffix) is
    looked up in it; numbers and years become numbers; other groups keep their text."""
    out: dict = {}
    for name, raw in groups.items():
        if raw is None:
            continue
        base = _TRAILING.sub("", name)
        if base in out:
            continue
        if base == "number":
            val = _number(raw, lexicons["number"])
        elif base == "year":
            digits = re.sub(r"\D", "", raw)
            val = int(digits) if digits else None
            if val is not None and len(digits) == 2:
                val += 1900
        elif base in ("day", "hour", "minute") or (base == "month" and raw.isdigit()):
            digits = re.sub(r"\D", "", raw)
            val = int(digits) if digits else None
        elif base in lexicons or base in GROUP_LEXICON:
            lex = lexicons[GROUP_LEXICON.get(base, base)]
            key = re.sub(r"\s+", " ", raw.strip().lower())
            val = lex.get(key, lex.get(key.rstrip(".")))
        else:
            val = raw
        if val is not None:
            out[base] = val
    return out


#: how far before / after a trigger word a rule's match may start / end
WINDOW_BEFORE = 80
WINDOW_AFTER = 70


def windows(text: str, ruleset: RuleSet) -> dict[int, list[tuple[int, int]]]:
    """For each triggered rule, the merged stretches of text around its trigger words."""
    hits: dict[int, list[tuple[int, int]]] = {}
    triggers = ruleset.triggers
    for m in ruleset.trigger_finder.finditer(text):
        word = m.group()
        key = "#" if word[0].isdigit() else word.lower()
        for i in triggers.get(key, ()):
            hits.setdefault(i, []).append((max(0, m.start() - WINDOW_BEFORE), m.end() + WINDOW_AFTER))
    merged: dict[int, list[tuple[int, int]]] = {}
    for i, spans in hits.items():
        out = [spans[0]]
        for s, e in spans[1:]:
            if s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        merged[i] = out
    return merged


def candidates(text: str, ruleset: RuleSet) -> list[tuple[int, int, Rule, re.Match]]:
    found = []
    stretches = windows(text, ruleset)
    whole = [(0, len(text))]
    for i, rule in enumerate(ruleset.rules):
        spans = whole if rule.trigger is None else stretches.get(i, ())
        has_x = "x" in rule.regex.groupindex
        for ws, we in spans:
            for m in rule.regex.finditer(text, ws, we):
                s, e = m.span("x") if has_x and m.group("x") is not None else m.span()
                if e > s:
                    found.append((s, e, rule, m))
    return found


def select(found: list, length: int) -> list:
    """Longest first, then higher priority, then earlier; keep those not overlapping a kept one."""
    found.sort(key=lambda c: (-(c[1] - c[0]), -c[2].priority, c[0]))
    taken = bytearray(length + 1)
    chosen = []
    for c in found:
        s, e = c[0], c[1]
        if 1 in taken[s:e]:
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    return chosen


def tag(text: str, dct: dt.date | None, genre: str = "news") -> list[Timex]:
    """TIMEX3 expressions of ``text``, sorted by start and non-overlapping."""
    ruleset = load_ruleset()
    if genre == "auto":
        genre = choose_genre(text, dct)
    ctx = Context(dct=dct, genre=genre)
    out: list[Timex] = []
    for s, e, rule, m in select(candidates(text, ruleset), len(text)):
        if rule.genres and genre not in rule.genres:
            continue
        g = normalise(m.groupdict(), ruleset.lexicons)
        ctx.tense = tense(text, s, e) if genre == "news" and rule.args.get("tense") else -1
        future = genre == "narrative" and rule.resolve == "date" and tense(text, s, e, FUTURE_ONLY_WINDOW) > 0
        value = rule.value
        if rule.resolve:
            try:
                value = RESOLVERS[rule.resolve](g, rule.args, ctx)
            except (ValueError, OverflowError, TypeError, KeyError):
                value = None
        if value is None or not is_valid_value(value):
            continue
        ttype = rule.type
        if ttype == "DATE" and _CLOCK.search(value):
            ttype = "TIME"
        out.append(Timex(s, e, text[s:e], ttype, value, None))
        if ttype in ("DATE", "TIME") and not rule.args.get("no_move") and not future and (genre == "narrative" and rule.resolve != "relative" or rule.resolve in ("date", "quarter") and not g.get("year_ago")):
            ctx.move(value)
    return out


_CLOCK = re.compile(r"T\d")
#: in narrative, a date in a clause about the future (within this many characters) does not
#: move the story time ("the big push planned for 1976")
FUTURE_ONLY_WINDOW = 40
