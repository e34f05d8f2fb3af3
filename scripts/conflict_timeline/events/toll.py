"""Death tolls: "more than 250,000 people have been killed", "between 40 and 50 dead", "a 16-year-old
was fatally shot", "killing two", "left at least 14 of the insurgents and three soldiers dead". Only
numbers that count the dead (wounded never count); the words are data (lexicons/tolls.yaml)."""

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
# At most 12 words ("one million two hundred and fifty thousand"), and never a lone "a" or "and":
# unbounded, a run of "A A A ..." made every search start rescan the whole run (quadratic).
_W = "(?:" + "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True)) + ")"
_WORD_NUMBER = rf"(?:an?\s+)?{_W}(?:(?:[\s-]+and[\s-]+|[\s-]+){_W}){{0,11}}"
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s+(?:million|thousand))?|{_WORD_NUMBER}"
#: A word of a noun phrase between a count and its verb: no number of its own ("a 16-year-old" and
#: "the age of 8" are words), no clause word (tolls.yaml `stop`).
_GAP_WORD = r"(?:[^\W\d][\w'’.-]*|\d+(?:-[^\W\d][\w-]*)+|(?<=of )\d+)"
_MAX_GAP = 6  # words between a count and its verb ("Burkinabe gendarmes", "sophomore at Yuma High School")
_NAME = r"(?-i:[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,3}(?:,?\s+(?:Jr|Sr)\.?)?(?:,\s+\d{1,3})?(?:,?\s+(?:of|from)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})?,?)"


#: A number that is an age: "10 years old", "21 of Lynchburg" (a name's age and home town).
_NOT_AGE = r"(?![\s-]+(?:years?|months?|weeks?|days?)[\s-]+old)(?!\s+of\s+(?-i:[A-Z]))"
#: An age before a name: "15-year-old Braxton", "18 year old Chauncey".
_AGED = r"(?:an?\s+)?\d{1,3}[\s-]+(?:years?|months?)[\s-]+old"
#: The ages of a group right after its noun: "six grandchildren ages 3 months to 10 years old".
_AGES = r"(?:\s+(?:ages?|aged)\s+\d+(?:\s+(?:months?|years?))?\s+(?:to|and)\s+\d+(?:\s+(?:months?|years?))?(?:\s+old)?)?"
#: Be-forms that make a death verb passive ("was killed"); without one, "killed" with an object after it is active.
_PASSIVE = re.compile(r"(?<![\w-])(?:was|were|is|are|be|been|being)(?![\w-])", re.I)

#: Death words that are nouns: a count of one person before them is no toll ("the shooting led to the deaths").
_DEATH_NOUNS = ("deaths", "fatalities")


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
        if word in ("and", "a", "an", ""):
            current = current or (1 if word in ("a", "an") else current)
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


@dataclass(frozen=True)
class _Lexicon:
    forward: re.Pattern[str]
    backward: re.Pattern[str]
    none: re.Pattern[str]
    any_cue: re.Pattern[str]
    item: re.Pattern[str]  # one count of a list, at its start
    qualifier: dict[str, re.Pattern[str]]
    plural_aux: re.Pattern[str]
    vague: dict[str, list]
    one: re.Pattern[str]
    object_after: re.Pattern[str]
    stems: tuple[str, ...]
    person: re.Pattern[str]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _lexicon() -> _Lexicon:
    lex = load("tolls")
    qual = f"{lex['low']}|{lex['high']}|{lex['about']}"
    vague = {k.lower(): v for k, v in lex["vague"].items()}
    count = (rf"(?:(?:{qual})\s+)?(?:(?:the|his|her|their|its|our)\s+)?(?<!age of )(?<!aged )(?:{_alt(vague)}|between\s+(?:{_NUMBER})\s+and\s+(?:{_NUMBER})"
             rf"|{_NUMBER}|{lex['one']})")
    partitive = rf"(?:\s+of\s+(?:the|these|those|its|their)\s+(?:{_NUMBER}))?"  # "four of the five victims"
    stop = f"{lex['stop']}|{lex['kill']}|{lex['left']}|{_W}"  # a noun phrase ends before a clause word or a count
    gap = rf"(?:\s+(?!(?:{stop})(?![\w-])){_GAP_WORD}){{0,{_MAX_GAP}}}"
    item = rf"(?<![\w-])(?:{count})(?![\w-]){_NOT_AGE}{partitive}{gap}{_AGES}"
    items = rf"{item}(?:(?:,\s+{item})*,?\s+and\s+(?:then\s+)?{item})?"
    # after a killing verb a person may be named ("killed Ana Ruiz and her daughter", "the death of 15-year-old Ben Cole")
    person = rf"(?:{_AGED}\s+)?{_NAME}"
    obj_item = rf"(?:{item}|{person})"
    objects = rf"{obj_item}(?:(?:,\s+{obj_item})*,?\s+and\s+(?:then\s+)?{obj_item})?"
    aux = rf"(?:\s+(?:{lex['aux']}))*"
    death = rf"(?:{lex['death']})(?![\w-])"
    forward = re.compile(rf"(?P<subject>{items}|(?<![\w-]){_NAME})(?:,\s+[^,;]{{1,80}}?,)?(?:,?\s+(?:who|that))?(?P<aux>{aux})\s+(?P<death>{death})", re.I)
    backward = re.compile(rf"(?<![\w-])(?:(?:{lex['kill']})\s+(?P<object>{objects})|(?:{lex['left']})\s+(?P<left>{items})\s+dead(?![\w-]))", re.I)
    cue = re.compile(rf"(?<![\w-])(?:{lex['death']}|{lex['kill']}|{lex['none']})(?![\w-])", re.I)
    return _Lexicon(
        forward=forward, backward=backward, none=re.compile(rf"(?<![\w-])(?:{lex['none']})(?![\w-])", re.I), any_cue=cue,
        item=re.compile(rf"(?:(?P<qual>{qual})\s+)?(?:(?:the|his|her|their|its|our)\s+(?=\S+\s))?(?:(?P<vague>{_alt(vague)})|between\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})"
                        rf"|(?P<num>{_NUMBER})|(?P<one>{lex['one']}))(?![\w-]){_NOT_AGE}{partitive}(?P<gap>{gap}){_AGES}", re.I),
        qualifier={k: re.compile(rf"(?:{lex[k]})", re.I) for k in ("low", "high", "about")},
        plural_aux=re.compile(rf"(?<![\w-])(?:{lex['plural_aux']})(?![\w-])", re.I),
        vague=vague, one=re.compile(r"(?:an?|one|he|she|him|himself|herself)", re.I),
        stems=tuple(lex["stems"]), person=re.compile(rf"(?:{_AGED}\s+)?{_NAME}", re.I), object_after=re.compile(rf"\s+(?:{count}|{_NAME})(?![\w-])", re.I),
    )


def _read_item(lex: _Lexicon, text: str) -> tuple[int | None, int | None] | None:
    """(low, high) of one count of a list; None when the words name no countable dead (a
    singular determiner before a plural noun: "the soldiers"). A named person is one."""
    m = lex.item.match(text)
    counted = m is not None and (m.group("num") or m.group("vague") or m.group("a"))
    if not counted and lex.person.fullmatch(text.strip()):
        return 1, 1
    if m is None:
        return None
    qual = (m.group("qual") or "").lower()
    if m.group("vague"):
        low, high = lex.vague[m.group("vague").lower()]
        return low, high
    if m.group("a"):
        return parse_number(m.group("a")), parse_number(m.group("b"))
    if m.group("one"):
        words = m.group("gap").split()
        if not lex.one.fullmatch(m.group("one")) and (not words or re.search(r"[^su]s$", words[-1].lower())):
            return None  # "the soldiers", "the" alone
        return 1, 1
    n = parse_number(m.group("num"))
    if n is None:
        return None
    if qual and lex.qualifier["low"].fullmatch(qual):
        return n, None
    if qual and lex.qualifier["high"].fullmatch(qual):
        return None, n
    return n, n


#: The most words one count of a list takes ("three of the attackers", "a policeman's wife"); a
#: longer piece before ", and" is a clause of its own, not a count of the dead.
_LIST_ITEM_WORDS = 5


def _read_list(lex: _Lexicon, text: str) -> tuple[int | None, int | None] | None:
    """The dead of a list of counts ("two policemen and three of the attackers"): their sum."""
    m = lex.item.match(text)
    counted = m is not None and (m.group("num") or m.group("vague") or m.group("a"))
    if not counted and lex.person.fullmatch(text.strip().rstrip(",")):
        return 1, 1  # "Jorge Alvarado, 34, of Fresno,": one named person
    if re.match(r"(?i:(?:\w+\s+){0,3}between\s)", text):
        return _read_item(lex, text)  # "between 40 and 50 people": one count, low and high
    joined = re.search(r",\s+and\s+", text)
    if joined and "," not in text[:joined.start()] and len(text[:joined.start()].split()) > _LIST_ITEM_WORDS:
        text = text[joined.end():]  # "raided three villages near Jos on Saturday, and 86 people were killed": a clause, no count
    low = high = 0
    parts = re.split(r",\s+(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?", text.strip())
    while len(parts) > 2 and re.match(r"(?i:the|this|that)\s", parts[0]):
        parts = parts[1:]  # "On the same day, a soldier and a civilian were killed": an opening phrase, no count
    for i, part in enumerate(parts):
        read = _read_item(lex, part)
        if read is None and i:
            break  # "the shooting death of a teen and the wounding of two": the count read so far
        if read is None:
            return None
        a, b = read
        if a is None and b is None:
            return (None, None) if low == high == 0 else None
        low = None if low is None or a is None else low + a
        high = None if high is None or b is None else high + b
    return low, high


#: A count of a part of a group ("four of the other troops"): before a death word with no
#: auxiliary ("... troops killed Monday were American") it counts a part of the dead.
_PART_OF = re.compile(r"\S+\s+of\s+(?:the|these|those|its|their)\s", re.I)


def find_tolls(text: str) -> list[Toll]:
    """Every death toll of a sentence, in text order, none overlapping."""
    lex = _lexicon()
    lowered = text.lower()
    if not any(stem in lowered for stem in lex.stems) or not lex.any_cue.search(text):
        return []  # no word of death: skip searches that cost seconds on a long line
    found: list[Toll] = []
    for m in lex.none.finditer(text):
        found.append(Toll(0, 0, m.start(), m.end()))
    for m in lex.forward.finditer(text):
        subject = m.group("subject")
        if not _PASSIVE.search(m.group("aux")) and not _PASSIVE.search(text, max(0, m.start("death") - 5), m.start("death")) \
                and lex.object_after.match(text, m.end()):
            continue  # "a gunman killed two people": the subject is the killer; the backward reading counts
        if not m.group("aux").strip() and _PART_OF.match(subject):
            continue  # "Four of the other troops killed Monday were American": a part of the dead, no toll
        read = _read_list(lex, subject)
        if read is None and re.fullmatch(_NAME, subject):
            read = (1, 1)  # "Michael Harmon, 71, of Sanford, was fatally shot"
        if read == (1, 1) and " and " not in subject and (lex.plural_aux.search(m.group("aux"))
                                                         or m.group("death").lower() in _DEATH_NOUNS):
            read = None  # "the Taliban were killed", "the shooting resulted in the deaths": no count
        if read is not None:
            found.append(Toll(read[0], read[1], m.start(), m.end()))
    for m in lex.backward.finditer(text):
        words = m.group("object") or m.group("left")
        read = _read_list(lex, words)
        if read is None and re.fullmatch(_NAME, words.strip()):
            read = (1, 1)
        if read is not None:
            found.append(Toll(read[0], read[1], m.start(), m.end()))
    found.sort(key=lambda t: (t.start, -t.end))
    out: list[Toll] = []
    for toll in found:
        if not out or toll.start >= out[-1].end:
            out.append(toll)
    return out


@functools.cache
def _aggregate() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{load('tolls')['aggregate']})(?![\w-])", re.I)


#: A clause break no aggregate cue of a toll is read across ("the fiercest since the offensive began, when 76 were killed").
_CLAUSE_BREAK = re.compile(r";|,\s+(?:when|while|and|but|after|before)\b|\s+(?:when|while|after|before)\s", re.I)
_AGGREGATE_REACH = (120, 80)  # characters before and after the toll an aggregate cue is looked for in


def is_aggregate(text: str, toll: Toll) -> bool:
    """Does the toll count the dead of a period or a wave ("have been killed this year", "in violence
    across Syria", "since 2015")? Such a toll is a CASUALTIES event, not the toll of one killing.
    The cue is looked for in the toll's clause. A vague toll ("dozens", "thousands") is a tally too."""
    if toll.low is None and toll.high is None:
        return True
    lo, hi = max(0, toll.start - _AGGREGATE_REACH[0]), min(len(text), toll.end + _AGGREGATE_REACH[1])
    lo = max([m.end() for m in _CLAUSE_BREAK.finditer(text, lo, toll.start)], default=lo)
    after = _CLAUSE_BREAK.search(text, toll.end, hi)
    return _aggregate().search(text, lo, after.start() if after else hi) is not None


def find_toll(text: str) -> Toll | None:
    """The first death toll in a sentence, or None."""
    tolls = find_tolls(text)
    return tolls[0] if tolls else None
