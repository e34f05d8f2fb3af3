"""Run the rules over a text: only near their trigger words (fast), then keep the longest
non-overlapping matches; trim hedges that a genre's annotators leave out of spans."""

from __future__ import annotations

import functools
import re

from .ruleset import Rule, RuleSet, load_ruleset

#: how far before / after a trigger word a rule's match may start / end
WINDOW_BEFORE = 80
WINDOW_AFTER = 70


def windows(text: str, ruleset: RuleSet) -> dict[int, list[tuple[int, int]]]:
    """For each triggered rule, the merged stretches of text around its trigger words."""
    hits: dict[int, list[tuple[int, int]]] = {}
    triggers = ruleset.triggers
    for m in ruleset.trigger_finder.finditer(text):
        word = m.group()
        key = word.lower()
        if word[0].isdigit() and key not in triggers:
            key = "#"
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


#: how far back a rule's not_after pattern looks
NOT_AFTER_REACH = 30


def candidates(text: str, ruleset: RuleSet, applies=None) -> list[tuple[int, int, Rule, re.Match]]:
    """Every match of every rule (of those `applies(rule)` accepts, when given: the rules of
    other genres are not run): (start, end, rule, match); a group named x is the span."""
    found = []
    stretches = windows(text, ruleset)
    whole = [(0, len(text))]
    for i, rule in enumerate(ruleset.rules):
        spans = whole if rule.trigger is None else stretches.get(i, ())
        if not spans or (applies is not None and not applies(rule)):
            continue
        has_x = "x" in rule.regex.groupindex
        for ws, we in spans:
            for m in rule.regex.finditer(text, ws, we):
                s, e = m.span("x") if has_x and m.group("x") is not None else m.span()
                if rule.not_after is not None and rule.not_after.search(text, max(0, s - NOT_AFTER_REACH), s):
                    continue
                if e > s and not _PARAGRAPH_BREAK.search(text, s, e):  # never across paragraphs ("August.\n\n1972 election")
                    found.append((s, e, rule, m))
    return found


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


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


#: genres whose annotators leave hedges ("about", "only") out of a duration's span (TimeBank
#: keeps "nearly", "more than", "at least"); a rule asks for this with args.trim naming the group
TRIM_GENRES = ("news",)
TRIMMED_HEDGES = ("APPROX", "EQUAL")
#: hedges left out whatever their mod; none: TimeML keeps "almost" in the span ("almost five
#: months", mod LESS_THAN), as TimeBank mostly does ("for almost a hundred years")
TRIMMED_WORDS: tuple[str, ...] = ()
#: vague extensions annotators keep inside the span: "the next year or so", "1994 or later",
#: "a day or two"
_EXTENSION = re.compile(r"\s+(?:or\s+so|or\s+later|and\s+beyond|or\s+two)\b")


def _lexicon_value(word: str, lexicon: str):
    return load_ruleset().lexicons[lexicon].get(re.sub(r"\s+", " ", word.strip().lower()))


def trim(c: tuple, genre: str) -> tuple:
    """Start a match after a hedge ("about", "only") when the genre's annotators leave it out;
    end it after a vague extension ("or so")."""
    s, e, rule, m = c
    ext = _EXTENSION.match(m.string, e)
    if ext:
        e = ext.end()
    group = rule.args.get("trim")
    if (
        genre in TRIM_GENRES
        and group
        and m.group(group) is not None
        and m.start(group) == s
        and (
            _lexicon_value(m.group(group), "approx") in TRIMMED_HEDGES
            or m.group(group).strip().lower() in TRIMMED_WORDS
        )
    ):
        s = m.end(group)
        while s < e and m.string[s].isspace():
            s += 1
    return (s, e, rule, m)


_WORD = re.compile(r"[A-Za-z][A-Za-z'.-]*")
_OPEN_QUOTE = re.compile(r"(?:``|\"|''|“|‘)$")
_CLOSE_OR_NAME = re.compile(r"(?:[,.]?(?:''|\"|”|’)|\s+[A-Z])")
_NAME_BEFORE = re.compile(r"(?:[a-z,;][ \t]+|``|\"|“)[A-Z][\w.&-]*(?<!\.)[ \t]+$")
#: lexicons whose words are capitalised in running text anyway, or inside names that are
#: still dates ("the Chinese Spring Offensive" of 1951)
CAPITALISED_LEXICONS = ("month", "weekday", "holiday", "season")


@functools.lru_cache(maxsize=1)
def _capitalised_words() -> frozenset:
    lexicons = load_ruleset().lexicons
    return frozenset(part for lex in CAPITALISED_LEXICONS for key in lexicons[lex] for part in key.split())


def in_title(text: str, start: int, end: int) -> bool:
    """Is the match part of a title or name ("This Week" with David Brinkley, "60 Minutes",
    "High Noon", "VOA Today")? Every word capitalised, not a month, weekday or holiday, and
    quoted or right after a capitalised word inside a sentence."""
    words = _WORD.findall(text[start:end])
    if not words or not all(w[0].isupper() and not w.isupper() for w in words):
        return False
    named = _capitalised_words()
    if any(w.lower() in named for w in words):
        return False
    before = text[max(0, start - NAME_REACH) : start]
    if _OPEN_QUOTE.search(before) and _CLOSE_OR_NAME.match(text, end):
        return True
    return bool(_NAME_BEFORE.search(before))


#: how far back in_title looks for the quote or name before a match
NAME_REACH = 40
