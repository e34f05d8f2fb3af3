"""Where a happening stands in time beside the other clauses of its sentence: a landmark ("in
the weeks before Slepian was killed"), a "since ..." clause that starts what a present perfect
or a toll tells, a date inside a happening's name ("the Easter Offensive")."""

from __future__ import annotations

import datetime as dt
import re

from ..timex import Timex
from .clauses import Hit, clause_around, definite_reference
from .model import EventDate

SINCE_CLAUSE = re.compile(r"\bsince\b[^,;]*$", re.I)
SINCE_WORD = re.compile(r"\bsince\b", re.I)
#: A present perfect ("have bombed", "has been shelled") tells what has gone on up to now.
PERFECT = re.compile(r"\b(?:have|has)\s+(?:(?:been|also|already|repeatedly)\s+)?\w+(?:ed|en|t)\b", re.I)
#: A clause opened by one of these places another happening in time ("a warrant, obtained after
#: they said the car was seen"): what it tells is a landmark, not the report's news.
#: Its subject is short: a saying within two words ("after they said"), another happening within
#: four ("before the INS rejected"); "speaker after speaker" opens nothing.
_LANDMARK_CLAUSE = re.compile(
    r"(?<![\w-])(?P<word>\w+\s+)?(?P<sub>after|before|since|until|till)\s+(?P<subject>(?:(?!\d)[\w.'’-]+\s+){0,4})$", re.I)


def in_landmark(sentence: str, hit: Hit, dated_elsewhere: bool) -> bool:
    """Is the happening a landmark: one named ("before the killing"), one yet to come ("until
    the rebels withdraw"), or, in a sentence that another clause's date places in time, one
    before or after it ("in the weeks before Slepian was killed")? Undated otherwise, "withdrew
    after rebels attacked the base, officials said" is the story's news, and the attack with it."""
    m = _LANDMARK_CLAUSE.search(sentence, max(0, hit.start - 80), hit.start)
    if m is None:
        return False
    subject = m["subject"].split()
    if definite_reference(sentence, hit) and len(subject) <= 3:
        return True  # "even before the killing", "after the shooting": a known happening
    if not (dated_elsewhere or m["sub"].lower() in ("until", "till")):
        return False
    if m["word"] and subject and m["word"].strip().lower() == subject[0].lower():
        return False  # "speaker after speaker"
    return len(subject) <= (2 if hit.trigger is not None and hit.trigger.speech else 4)


def claimed_by_since(sentence: str, pos: int, hit: Hit, others: list[Hit]) -> bool:
    since = SINCE_CLAUSE.search(sentence, 0, pos)
    if since is None or since.start() <= hit.start < pos:
        return False
    return any(since.start() < h.start < pos and h is not hit and not h.trigger.speech for h in others)


def in_since_reference(sentence: str, pos: int, toll_start: int) -> bool:
    """Is the trigger at `pos` inside a "since ..." clause that comes after the toll
    ("636 civilians have been killed since the invasion began")?"""
    since = SINCE_CLAUSE.search(sentence, 0, pos)
    return since is not None and since.start() > toll_start


def toll_since(sentence: str, toll, date: EventDate, dct: dt.date) -> EventDate:
    """A toll counted "since" a date runs from that date to the article's."""
    at = sentence.find(date.text, toll.end)
    if at < 0 or date.end >= dct or not re.search(r"\bsince\b", sentence[toll.end:at]) \
            or re.search(r"[;]|,\s+(?:and|but)\b", sentence[toll.end:at]):
        return date
    return EventDate(date.start, dct, date.precision, f"{date.edtf}/{dct.isoformat()}", date.text, date.source, True)


_SPAN = re.compile(r"P(\d+)([DW])|PT(\d+)H")
_BACK = re.compile(r"\b(?:past|last)\b", re.I)


def toll_over(sentence: str, offset: int, timexes: list[Timex], date: EventDate) -> EventDate:
    """A tally counted over "the last three days" (or "the past 48 hours") runs back that long from
    the day it is told, that day counted: 2014-01-29/2014-01-31 told on the 31st. Vague spans
    ("recent days") leave the date as it is."""
    if "/" in date.edtf or date.precision != "day":
        return date
    for t in timexes:
        m = _SPAN.fullmatch(t.value or "") if t.type == "DURATION" else None
        if m is None or not _BACK.search(t.text):
            continue
        days = int(m[1]) * (7 if m[2] == "W" else 1) if m[1] else -(-int(m[3]) // 24)
        start = date.end - dt.timedelta(days=max(days - 1, 0))
        return EventDate(start, date.end, "day", f"{start.isoformat()}/{date.end.isoformat()}", t.text, date.source)
    return date


def in_names(sentence: str, offset: int, timexes: list[Timex], hits: list[Hit]) -> list[Timex]:
    """Date words inside a happening's name ("the Chinese Winter Offensive", "the Easter
    Offensive of 1972"): capitalised and right before a capitalised trigger word."""
    starts = {h.start for h in hits if sentence[h.start:h.start + 1].isupper()}
    out = []
    for t in timexes:
        gap = re.match(r"\s+", sentence[t.end - offset:])
        if t.text[:1].isupper() and gap is not None and t.end - offset + gap.end() in starts:
            out.append(t)
    return out


def same_clause(sentence: str, a: Hit, b: Hit) -> bool:
    lo, hi = clause_around(sentence, a.start, a.end)
    return lo <= b.start < hi
