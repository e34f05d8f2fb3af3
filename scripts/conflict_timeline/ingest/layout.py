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
_BYLINE = re.compile(r"^\s*(?:by|from|reporting by|written by)\s+\S", re.I)
_MIN_PROSE_WORDS = 3


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


def is_prose(line: Line) -> bool:
    """A sentence-punctuated line of some length, or a long paragraph; never a call to action."""
    ends_sentence = bool(_SENTENCE_END.search(line.text))
    if furniture_pattern().search(line.text) and (line.words <= FURNITURE_MAX_WORDS or not ends_sentence):
        return False
    if line.words > PROSE_MIN_WORDS_UNPUNCTUATED:
        return True
    return line.words >= _MIN_PROSE_WORDS and ends_sentence


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()


def analyse(body: str) -> Layout:
    lines = lines_of(body)
    layout = Layout()
    prose_flags = [is_prose(line) for line in lines]
    if not any(prose_flags):
        layout.furniture = lines
        return layout
    first = prose_flags.index(True)
    header = lines[:first][-HEADER_SCAN_LINES:]
    layout.prose = [line for line, flag in zip(lines, prose_flags) if flag]
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
        if _BYLINE.match(line.text) or parse_dateline(line.text) is not None:
            continue
        if furniture_pattern().search(line.text) or line.words < 2:
            continue
        layout.title = line.text
        break
    layout.furniture = [l for l in header if l.text != layout.title] + layout.furniture
    return layout
