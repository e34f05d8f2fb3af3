"""Tell the article from the page around it: title, publisher, dateline, prose, furniture.

A scraped page is a run of lines. Prose lines are sentences; the header is what comes
before the first prose line; the footer what comes after the last. In the header, the
dateline is the line that is only a date, the publisher a line the page repeats (site
banners and bylines recur) and the title the nearest heading above the prose. Everything
else short and unpunctuated is furniture and yields no events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..settings import FURNITURE_MAX_WORDS, HEADER_SCAN_LINES, PROSE_MIN_WORDS_UNPUNCTUATED
from .dateline import parse_dateline
from .lexicon import furniture_pattern

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.I)
_BYLINE = re.compile(r"^\s*(?:by|from|reporting by|written by)\s+\S", re.I)
_MIN_PROSE_WORDS = 3
_MIN_PROSE_WORDS_BEFORE_COLON = 6


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Layout:
    title: str | None = None
    publisher: str | None = None
    published: dt.datetime | dt.date | None = None
    dateline: Line | None = None
    prose: list[Line] = field(default_factory=list)
    furniture: list[Line] = field(default_factory=list)


def lines_of(body: str) -> list[Line]:
    """Non-blank lines with their offsets (stripped of surrounding whitespace)."""
    out = []
    for m in re.finditer(r"[^\r\n]+", body):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(m.start() + lead, m.start() + lead + len(stripped), stripped))
    return out


#: A banner or a call to action is a short phrase: a longer line of few words (a run of junk
#: without spaces) is not searched for one.
_FURNITURE_MAX_CHARS = 600


def _furniture(text: str) -> bool:
    """Does the line hold a furniture phrase ("Share this story", "Sign up")?"""
    return len(text) <= _FURNITURE_MAX_CHARS and bool(furniture_pattern().search(text))


def is_prose(line: Line) -> bool:
    """A sentence-punctuated line of some length, or a long paragraph; never a call to action."""
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    words = line.words
    if (words <= FURNITURE_MAX_WORDS or (not ends_sentence and words <= PROSE_MIN_WORDS_UNPUNCTUATED)) \
            and _furniture(line.text):
        return False  # a banner or a call to action; a long paragraph ("...10 days ago...") stays prose
    if words > PROSE_MIN_WORDS_UNPUNCTUATED:
        return True
    if words >= _MIN_PROSE_WORDS_BEFORE_COLON and line.text.endswith(":"):
        return True  # "The New York Times said in an editorial on Monday, Oct. 26:"
    return words >= _MIN_PROSE_WORDS and ends_sentence


#: A sentence cut off at the end of a copied article has words enough and reads as prose (most
#: of its words in lower case, unlike a headline's or a footer's Title Case).
_CUT_SENTENCE_MIN_WORDS = 13
_CUT_SENTENCE_LOWER_SHARE = 0.4


def cut_sentence(line: Line) -> bool:
    """Does the line read as a sentence that lost its end ("In February, the court accused the
    general of war crimes"), the way a copied article's last line often does?"""
    words = line.text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= _CUT_SENTENCE_MIN_WORDS and lower >= _CUT_SENTENCE_LOWER_SHARE * len(words) \
        and words[0][:1].isupper() and not _furniture(line.text)


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


# One optional space run before the dash (two adjacent \s* made a line of spaces cubic to reject),
# and only short lines are tried (_MAX_WIRE_LEAD_CHARS): a fuzzed 1 kB line took 1.5 s.
_WIRE_LEAD = re.compile(r"^[A-Z][A-Za-z .'-]*(?:,\s*[^\n]{0,40})?\s*(?:\([^)]{1,40}\)\s*)?(?:--|—|–|-|_)$")
_MAX_WIRE_LEAD_CHARS = 80


def _join_wire_leads(body: str, lines: list[Line]) -> list[Line]:
    """A wire dateline on a line of its own ("TEHRAN, August 8 (Xinhua) --") opens the
    paragraph that follows it, as it does in the wire copy."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 < len(lines) and line.words <= 8 and len(line.text) <= _MAX_WIRE_LEAD_CHARS \
                and _WIRE_LEAD.match(line.text):
            nxt = lines[i + 1]
            out.append(Line(line.start, nxt.end, body[line.start:nxt.end]))
            i += 2
            continue
        out.append(line)
        i += 1
    return out


#: Hard-wrapped copy (wire text, e-mail) cuts its paragraphs into lines of between
#: _WRAP_MIN_CHARS and _WRAP_MAX_CHARS characters; a body is read so when most lines that run on into the next (no blank line
#: between) come within _WRAP_SLACK characters of its longest such line.
_WRAP_MIN_CHARS = 50
_WRAP_MAX_CHARS = 100
_WRAP_SLACK = 20
_WRAPPED_SHARE = 0.6
_WRAPPED_MIN_LINES = 3


def _join_wrapped(body: str, lines: list[Line]) -> list[Line]:
    """Lines of a hard-wrapped paragraph ("...have taken control of the eastern city of Goma after
    days\nof clashes with ...") are one line, as the paragraph they were cut from."""
    def runs_on(a: Line, b: Line) -> bool:
        gap = body[a.end:b.start]
        return gap.count("\n") == 1 and not gap.strip()

    pairs = [(a, b) for a, b in zip(lines, lines[1:]) if runs_on(a, b)]
    widths = [len(a.text) for a, _ in pairs]
    if len(widths) < _WRAPPED_MIN_LINES or not _WRAP_MIN_CHARS <= max(widths) <= _WRAP_MAX_CHARS:
        return lines
    width = max(widths)
    if sum(w >= width - _WRAP_SLACK for w in widths) < _WRAPPED_SHARE * len(widths):
        return lines
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        if prev is not None and runs_on(prev, line) and not _SENTENCE_END.search(prev.text) \
                and len(prev.text) - (prev.text.rfind("\n") + 1) >= width - _WRAP_SLACK:
            out[-1] = Line(prev.start, line.end, body[prev.start:line.end])
            continue
        out.append(line)
    return out


def analyse(body: str) -> Layout:
    lines = _join_wire_leads(body, _join_wrapped(body, lines_of(body)))
    layout = Layout()
    prose_flags = [is_prose(line) for line in lines]
    if not any(prose_flags):
        layout.furniture = lines
        return layout
    first = prose_flags.index(True)
    last = len(prose_flags) - 1 - prose_flags[::-1].index(True)
    if last + 1 == len(lines) - 1 and cut_sentence(lines[last + 1]):
        last += 1  # the article's last line, a sentence cut off
    header = lines[:first][-HEADER_SCAN_LINES:]
    # Between the first and the last prose line, short lines are the article's own
    # (section headings, list items) unless they read as calls to action.
    body = [line for i, line in enumerate(lines[first:last + 1], start=first)
            if prose_flags[i] or not _furniture(line.text)]
    layout.prose = body
    prose_ids = {id(line) for line in layout.prose}
    layout.furniture = [line for line in lines[first:] if id(line) not in prose_ids]
    counts: dict[str, int] = {}
    for line in header:
        counts[_norm(line.text)] = counts.get(_norm(line.text), 0) + 1
    # A dateline can also sit among the first prose lines' neighbours; scan the header first.
    for line in header:
        when = parse_dateline(line.text)
        if when is not None:
            layout.dateline, layout.published = line, when
            break
    repeated = [line for line in header if counts[_norm(line.text)] > 1 and line.words <= 6]
    if repeated:
        layout.publisher = repeated[0].text
    publisher_key = _norm(layout.publisher) if layout.publisher else None
    for line in reversed(header):
        if line is layout.dateline or _norm(line.text) == publisher_key:
            continue
        if _BYLINE.match(line.text) or parse_dateline(line.text) is not None or _CLOCK.match(line.text):
            continue  # a byline, a date, or a live page's "10:32 GMT"
        if furniture_pattern().search(line.text) or line.words < 2:
            continue
        layout.title = line.text
        break
    layout.furniture = [l for l in header if l.text != layout.title] + layout.furniture
    return layout
