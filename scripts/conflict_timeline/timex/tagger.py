"""Find temporal expressions with the compiled rules, choose non-overlapping ones, resolve them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .anchor import Context, choose_genre, explicit_years
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


#: genres whose annotators leave hedges ("about", "nearly", "only") out of a duration's span;
#: a rule asks for this with args.trim naming the hedge's group
TRIM_GENRES = ("news",)


TRIMMED_HEDGES = ("APPROX", "EQUAL")


def _lexicon_value(word: str, lexicon: str):
    return load_ruleset().lexicons[lexicon].get(re.sub(r"\s+", " ", word.strip().lower()))


def _trim(c: tuple, genre: str) -> tuple:
    s, e, rule, m = c
    group = rule.args.get("trim")
    if (
        genre in TRIM_GENRES
        and group
        and m.group(group) is not None
        and m.start(group) == s
        and _lexicon_value(m.group(group), "approx") in TRIMMED_HEDGES
    ):
        s = m.end(group)
        while s < e and m.string[s].isspace():
            s += 1
    return (s, e, rule, m)


#: how often the choice of expressions is redone after some failed to resolve
MAX_RESELECT = 4


def tag(text: str, dct: dt.date | None, genre: str = "news") -> list[Timex]:
    """TIMEX3 expressions of ``text``, sorted by start and non-overlapping."""
    ruleset = load_ruleset()
    if genre == "auto":
        genre = choose_genre(text, dct)
    found = [_trim(c, genre) for c in candidates(text, ruleset) if not c[2].genres or genre in c[2].genres]
    for _ in range(MAX_RESELECT):
        out, failed = _resolve_all(text, select(list(found), len(text)), dct, genre, ruleset)
        if not failed:
            break
        found = [c for c in found if id(c) not in failed]
    return out


def _resolve_all(text, chosen, dct, genre, ruleset) -> tuple[list[Timex], set[int]]:
    """Resolve the chosen matches in text order (the story time moves as they are read);
    return the expressions and the ids of the matches that gave no valid value."""
    ctx = Context(dct=dct, genre=genre)
    if genre == "narrative":
        ctx.years_ahead = explicit_years(text)
    out: list[Timex] = []
    failed: set[int] = set()
    for c in chosen:
        s, e, rule, m = c
        ctx.position = e
        g = normalise(m.groupdict(), ruleset.lexicons)
        ctx.tense = tense(text, s, e) if genre == "news" and rule.args.get("tense") else -1
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
        out.append(Timex(s, e, text[s:e], ttype, value, None))
        if ttype in ("DATE", "TIME") and _moves_story(rule, g, genre) and not (
            genre == "narrative" and rule.resolve == "date" and tense(text, s, e, FUTURE_ONLY_WINDOW) > 0
        ):
            ctx.move(value)
    return out, failed


def _moves_story(rule: Rule, g: dict, genre: str) -> bool:
    """Explicit dates move the story time; in narrative, anaphoric ones too ("the next day")."""
    if rule.args.get("no_move") or g.get("year_ago"):
        return False
    if genre == "narrative":
        return rule.resolve != "relative"
    return rule.resolve in ("date", "quarter")


_CLOCK = re.compile(r"T\d")
#: in narrative, a date in a clause about the future (within this many characters) does not
#: move the story time ("the big push planned for 1976")
FUTURE_ONLY_WINDOW = 40
