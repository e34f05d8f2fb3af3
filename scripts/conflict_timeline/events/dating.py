"""Attach a date to an event: the time expression that governs its clause, an interval
("since March 2011", "between 1954 and 1962"), the narrative's current time, or the
document date for statements reported without one."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from ..settings import NEWS_YEAR_REACH, OPENING_SENTENCES
from ..timex import Timex
from ..timex.tense import PAST_VERB
from ..timex.values import value_range
from .lexicon import load
from .model import EventDate

#: A time expression that is only a number, perhaps rounded ("1450", "about 1450").
_BARE_NUMBER = re.compile(r"(?:(?:about|around|circa|some|approximately|nearly|c\.)\s+)?\d{1,4}", re.I)
#: Words that introduce a year ("in 1258", "since 1948", "the 1948 war" needs none: it is near).
_YEAR_WORD = re.compile(r"\b(?:in|since|of|from|until|till|by|before|after|between|and|to|during|around|circa|c\.)\s+$", re.I)

_SINCE = re.compile(r"\b(?:since|ever since)\s+(?:the\s+)?(?:start\s+of\s+|beginning\s+of\s+|end\s+of\s+)?$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)
_LINK = re.compile(r"^\s*(?:and|to|until|till|through|-|–|—)\s*(?:the\s+)?$", re.I)
_EXPLICIT = re.compile(r"\d{4}|\b(?:" + "|".join(m for m in calendar.month_name[1:]) + "|" + "|".join(m for m in calendar.month_abbr[1:]) + r")\b", re.I)
#: Where a clause ends; not in a clock time or an abbreviation ("10:35 a.m. Friday").
_CLAUSE_BREAK = re.compile(r";|:(?!\d)|,?\s+(?:and|but|while|whereas|although|when)\s+(?!\d)|(?<!\b[a-zA-Z])\.\s")


def _edtf(value: str, precision: str, start: dt.date, end: dt.date | None = None) -> str:
    """EDTF for a TimeML calendar value: YYYY, YYYY-MM, YYYY-MM-DD; seasons as EDTF 21-24; a
    weekend as its two days."""
    if precision == "day":
        return start.isoformat() if end is None or end == start else f"{start.isoformat()}/{end.isoformat()}"
    if precision == "month":
        return start.strftime("%Y-%m")
    if precision == "year":
        return f"{start.year:04d}"
    if precision == "season":
        code = {"SP": 21, "SU": 22, "FA": 23, "AU": 23, "WI": 24}.get(value[-2:], 21)
        return f"{start.year:04d}-{code}"
    if precision == "quarter":
        return f"{start.year:04d}-{33 + (start.month - 1) // 3}"
    if precision == "decade":
        return f"{start.year // 10:03d}X"
    if precision == "century":
        return f"{start.year // 100:02d}XX"
    if precision == "week":
        return f"{start.isoformat()}/{(start + dt.timedelta(days=6)).isoformat()}"
    return start.isoformat()


def calendar_date(timex: Timex) -> tuple[dt.date, dt.date, str] | None:
    if timex.type not in ("DATE", "TIME"):
        return None
    return value_range(timex.value)


def plausible(timex: Timex, sentence: str, offset: int, dct: dt.date, genre: str) -> bool:
    """Can this time expression date a happening? In news, a bare number far from the
    publication date ("at about 1450 (1050 GMT)", "in the 1500 block of Fayette Street") is no
    year unless a word that introduces one comes before it."""
    if genre != "news" or not _BARE_NUMBER.fullmatch(timex.text.strip()):
        return True
    found = calendar_date(timex)
    if found is None or found[2] != "year" or abs(found[0].year - dct.year) < NEWS_YEAR_REACH:
        return True
    return bool(_YEAR_WORD.search(sentence[max(0, timex.start - offset - 12):timex.start - offset]))


def how(timex: Timex) -> str:
    return "explicit" if _EXPLICIT.search(timex.text) else "relative"


def from_timex(timex: Timex, sentence: str, offset: int, timexes: list[Timex], dct: dt.date) -> EventDate | None:
    """The date a time expression gives an event, as an interval when a signal makes it one."""
    found = calendar_date(timex)
    if found is None:
        return None
    start, end, precision = found
    before = sentence[max(0, timex.start - offset - 40):timex.start - offset]
    edtf = _edtf(timex.value, precision, start, end)
    if _SINCE.search(before):
        if end < dct:
            return EventDate(start, dct, precision, f"{edtf.split('/')[0]}/{dct.isoformat()}", timex.text, how(timex),
                             ongoing=True)
    if _BETWEEN.search(before):
        later = [t for t in timexes if t.start >= timex.end and t.start - timex.end <= 12]
        if later and _LINK.match(sentence[timex.end - offset:later[0].start - offset]):
            other = calendar_date(later[0])
            if other is not None and other[1] >= start:
                text = sentence[timex.start - offset:later[0].end - offset]
                edtf2 = _edtf(later[0].value, other[2], other[0], other[1]).split("/")[-1]
                return EventDate(start, other[1], precision, f"{edtf.split('/')[0]}/{edtf2}", text, how(timex))
    return EventDate(start, end, precision, edtf, timex.text, how(timex))


#: A relative clause starting this close after a trigger word modifies it ("the accord, which
#: was announced Friday"), so its date is the trigger's.
_HEAD_REACH = 25
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|where)\b[^,;]*(?:,|$)")


def relative_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of non-restrictive relative clauses (", who seized Sanaa in September 2014,")."""
    return [(m.start(), m.end()) for m in _RELATIVE_CLAUSE.finditer(sentence)]


#: What opens a sentence before the time expression of its opening adverbial phrase ("On
#: Tuesday", "Earlier Sunday", "Late last year", "On June 6, 1944 (known as D-Day)").
_OPENING_PHRASE = re.compile(r"^\W*(?:[\w'’.-]+\s+){0,3}$")


@functools.cache
def _topic() -> re.Pattern[str]:
    """A happening named as the topic or the cause of another act ("questioned about a shooting",
    "arrested in connection with the killing", "killed for his part in an arrest"): a date
    before it is that act's (mentions.yaml: topic, cause)."""
    data = load("mentions")
    return re.compile(r"(?<![\w-])(?:" + data["topic"] + "|" + data["cause"] + r")\s+"
                      r"(?:(?:a|an|the|this|that|last\s+\w+['’]s)\s+)?(?:[\w'’.-]+\s+){0,3}$", re.I)


def governing_timex(timexes: list[Timex], trigger_start: int, sentence: str, offset: int) -> Timex | None:
    """The dated expression nearest the trigger, preferring one in the same clause. A date
    inside a relative clause governs only that clause; the second end of "between X and
    Y" hands over to the first, which makes the interval."""
    rel = relative_clauses(sentence)
    pos = trigger_start - offset
    own = next(((s, e) for s, e in rel if s <= pos < e), None)
    candidates = [t for t in timexes if calendar_date(t) is not None]
    if _topic().search(sentence[max(0, pos - 40):pos]):
        # "released photos Tuesday of two men sought over a shooting": the day is the release's
        candidates = [t for t in candidates if t.start - offset > pos]
    own_dated = own is not None and any(own[0] <= t.start - offset < own[1] for t in candidates)
    dated = []
    for t in candidates:
        t_clause = next(((s, e) for s, e in rel if s <= t.start - offset < e), None)
        if t_clause is not None and t_clause != own and not 0 <= t_clause[0] - pos <= _HEAD_REACH:
            continue  # a date in a clause about someone else ("The Houthis, who seized Sanaa in 2014,")
        if own is not None and t_clause != own and own_dated:
            continue  # the relative clause has its own date
        dated.append(t)
    if not dated:
        return None

    def cost(t: Timex) -> tuple[int, int, int, int]:
        lo, hi = sorted((t.start, trigger_start))
        crosses = bool(_CLAUSE_BREAK.search(sentence[lo - offset:hi - offset]))
        found = calendar_date(t)
        precise = 0 if t.type == "DATE" and found is not None and found[2] in ("day", "month", "year") \
            and not (found[2] == "day" and found[0] != found[1]) else 1  # a weekend's two days: less precise than a day
        comma = "," in sentence[lo - offset:hi - offset]  # "in October 2021, two years after protesters ..."
        if comma and t.start < trigger_start and _OPENING_PHRASE.match(sentence[:t.start - offset]) \
                and sentence[t.end - offset:hi - offset].count(",") == 1:
            comma = False  # "Earlier Sunday, protesters prayed ...": the opening phrase dates the clause
        return (1 if crosses else 0, precise, 1 if comma else 0, abs(t.start - trigger_start))

    best = min(dated, key=cost)
    for first in dated:
        if first.end <= best.start and _BETWEEN.search(sentence[max(0, first.start - offset - 20):first.start - offset]) \
                and _LINK.match(sentence[first.end - offset:best.start - offset]):
            return first
    return best


def up_to(date: EventDate, dct: dt.date) -> EventDate:
    """A past happening in the week, month or year of the report ("have been killed this
    month", "this week"): from the period's start to the report's day."""
    if date.precision not in ("week", "month", "year") or not date.start <= dct < date.end \
            or (date.precision != "week" and "/" in date.edtf):  # "between 2015 and 2016" stays as told
        return date
    first = date.edtf.split("/")[0]
    return EventDate(date.start, dct, date.precision, f"{first}/{dct.isoformat()}", date.text, date.source, date.ongoing)


def document_date(dct: dt.date) -> EventDate:
    return EventDate(dct, dct, "day", dct.isoformat(), "", "document")


def narrative_date(current: EventDate) -> EventDate:
    return EventDate(current.start, current.end, current.precision, current.edtf, "", "narrative")


#: "on Thursday", "Thursday night": a weekday with no "next" or "last"
_BARE_WEEKDAY = re.compile(r"(?:on\s+)?(?:early\s+|late\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"(?:\s+(?:morning|afternoon|evening|night))?", re.I)
#: a verb in the past tense: the tense cue's past verbs (timex.tense), and irregular ones of the trigger lexicons it lacks
_IRREGULAR_PAST = re.compile(r"hit|blew|stole|slew|slain|sank|burnt|drove|retook|overthrew|[a-z]{2}ed", re.I)


def past_weekday(sentence: str, start: int, end: int, quoted: bool, date: EventDate | None, dct: dt.date) -> EventDate | None:
    """A happening told in the past ("Israeli forces killed two men on Thursday") is not after
    the report: a bare weekday the tagger put in the days after the publication date (its
    nearest Thursday) is the week's before (GUIDELINES: the last such day on or before it,
    unless the tense says it is to come). `start`, `end`: the trigger in the sentence."""
    if date is None or date.source != "relative" or not _BARE_WEEKDAY.fullmatch(date.text.strip()) \
            or not dct < date.start <= dct + dt.timedelta(days=6) or quoted:
        return date
    verb = sentence[start:end].split()[0]
    before = sentence[max(0, start - 12):start]
    if not (PAST_VERB.fullmatch(verb) or _IRREGULAR_PAST.fullmatch(verb)
            or re.search(r"\b(?:was|were|had|been)\s+(?:\w+ly\s+)?$", before)) \
            or re.search(r"\b(?:be|will|shall|would|to)\s+(?:\w+ly\s+)?$", before):
        return date  # "will be deployed on Friday": a participle after "be" tells no past
    week = dt.timedelta(days=7)
    return EventDate(date.start - week, date.end - week, date.precision, (date.start - week).isoformat()
                     if date.start == date.end else date.edtf, date.text, date.source, date.ongoing)


@functools.cache
def _words_of(*names: str) -> re.Pattern[str]:
    """The words of the timex lexicons `names` as one pattern."""
    from ..timex.ruleset import load_ruleset

    lexicons = load_ruleset().lexicons
    words = sorted({w for n in names for w in lexicons[n]}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


#: a time of day: a clock time ("6 p.m.", "18:40"), noon or midnight (parts of the day: the timex lexicon's)
_CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m\b|\b\d{1,2}:\d{2}\b|\b(?:noon|midnight)\b", re.I)


def scene_time(sentence: str, offset: int, timexes: list[Timex], quotes: list[tuple[int, int]],
               dct: dt.date, index: int) -> Timex | None:
    """Right after the lead, a sentence that tells in the past no happening but gives a named
    day with its time of day ("A climber was shot on a ridge near Orlek. Wardens said he was on
    the trail on Sunday morning", "... A farmer heard a bang at 6:40 a.m. Friday") sets the
    scene of the happening the lead tells: that moment is its date. Only up to the sentence
    after the opening ones (`index`: the sentence's; further on, the happening just told may be
    any of several), a day in the past of the report, told outside a quotation, in a sentence with
    a verb in the past (not a heading or a broken line); a day without its hour ("was released
    Sunday") may be a later step's."""
    if index > OPENING_SENTENCES or not PAST_VERB.search(sentence):
        return None
    day_words, part_words = _words_of("weekday", "month"), _words_of("part_of_day")
    for t in timexes:
        found = calendar_date(t)
        at = t.start - offset
        if found is None or found[2] != "day" or found[1] > dct or any(s <= at < e for s, e in quotes):
            continue
        if day_words.search(t.text) and (part_words.search(t.text) or _CLOCK.search(t.text)):
            return t
    return None

