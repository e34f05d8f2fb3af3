"""Death tolls: "more than 250,000 people have been killed", "between 40 and 50 dead",
"dozens were killed". Only numbers that count the dead; never other numbers."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import load

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
          "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
# At most 12 words ("one million two hundred and fifty thousand"): unbounded, a run of
# "A A A ..." made every search start rescan the whole run (quadratic; a 1 MB line hung).
_WORD_NUMBER = r"(?:(?:" + "|".join(_UNITS) + r"|" + "|".join(_SCALES) + r"|and|a)[\s-]*){1,12}"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?|{_WORD_NUMBER}"
_LOW = r"more than|over|at least|in excess of|upwards of|no fewer than|not less than"
_HIGH = r"up to|as many as|nearly|almost|fewer than|less than|under"
_ABOUT = r"about|around|some|roughly|approximately|an estimated|estimated"


@dataclass(frozen=True)
class Toll:
    low: int | None
    high: int | None
    start: int
    end: int


def parse_number(text: str) -> int | None:
    text = text.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(million|thousand))?", text)
    if m:
        value = float(m.group(1)) * (_SCALES[m.group(2)] if m.group(2) else 1)
        return int(round(value))
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word in ("and", "a", ""):
            current = current or (1 if word == "a" else current)
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
        else:
            return None
    value = total + current
    return value or None


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, list]]:
    lex = load("cues")["toll"]
    death, people = lex["death_words"], lex["people_words"]
    vague = lex["vague"]
    vague_alt = "|".join(re.escape(v) for v in sorted(vague, key=len, reverse=True))
    count = rf"(?:(?P<qual>{_LOW}|{_HIGH}|{_ABOUT})\s+)?(?:between\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})|(?P<num>{_NUMBER})|(?P<vague>{vague_alt}))"
    aux = r"(?:(?:were|was|have|has|had|are|is|been|being|reportedly|allegedly|also|believed|thought|feared|estimated|said|reported|to)\s+)*"
    whose = r"(?:of\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}[a-z-]+\s+)?"  # "members of the security forces"
    forward = re.compile(rf"(?<![\w-]){count}\s+(?:(?:of\s+)?(?:the\s+)?(?:[a-z-]+\s+)?(?:{people})\s+{whose})?(?:who\s+)?{aux}(?:{death})(?![\w-])", re.I)
    backward = re.compile(rf"(?:killing|killed|left|leaving|death toll (?:rose |climbed |stood )?(?:to|at|of)|toll (?:rose |stood )?(?:to|at|of))\s+{count}(?:\s+(?:{people}|dead))?(?![\w-])", re.I)
    return forward, backward, vague


@functools.cache
def _death_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{load('cues')['toll']['death_words']})(?![\w-])", re.I)


def find_toll(text: str) -> Toll | None:
    """The first death toll in a sentence, or None."""
    forward, backward, vague = _patterns()
    best = None
    for pattern in (forward, backward):
        if pattern is forward and not _death_word().search(text):
            continue  # no word of death, no forward toll: skip a search that costs seconds on a long line
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    qual = (best.group("qual") or "").lower()
    if best.group("vague"):
        low, high = vague[best.group("vague").lower()]
        return Toll(low, high, best.start(), best.end())
    if best.group("a"):
        return Toll(parse_number(best.group("a")), parse_number(best.group("b")), best.start(), best.end())
    n = parse_number(best.group("num"))
    if n is None:
        return None
    if re.fullmatch(_LOW, qual):
        return Toll(n, None, best.start(), best.end())
    if re.fullmatch(_HIGH, qual):
        return Toll(None, n, best.start(), best.end())
    return Toll(n, n, best.start(), best.end())
