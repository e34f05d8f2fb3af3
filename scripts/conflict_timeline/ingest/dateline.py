"""Find the publication date on a dateline line ("Sat Oct 24, 2015 2:56PM")."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil import parser as dateparser

from .lexicon import dateline_prefix_pattern, zones

_MONTHS = {m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]} | {"sept"}
_DAYS = {d.lower() for d in calendar.day_name} | {d.lower() for d in calendar.day_abbr}
_TOKEN = re.compile(r"[A-Za-z]+\.?|\d{1,4}(?::\d{2}){0,2}(?:[ap]\.?m\.?)?|[,/|:.\-–—()]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MAX_DATELINE_CHARS = 80
_WORDS_OK = {"at", "am", "pm", "a.m.", "p.m.", "the", "of", "st", "nd", "rd", "th"}


def parse_dateline(line: str) -> dt.datetime | dt.date | None:
    """The date (with time, when given) a short dateline line states, or None.

    The line must be nothing but a date: after known prefixes ("Published:") are stripped,
    every word is a month, weekday, time-zone or number, and a day and four-digit year are given.
    """
    text = line.strip()
    if not text or len(text) > _MAX_DATELINE_CHARS or not _YEAR.search(text):
        return None
    text = dateline_prefix_pattern().sub("", text)
    tokens = _TOKEN.findall(text)
    if "".join(tokens).replace(" ", "") != re.sub(r"\s+", "", text):
        return None  # characters no date uses
    for token in tokens:
        word = token.lower().rstrip(".")
        if token[0].isalpha() and word not in _MONTHS and word not in _DAYS and word not in _WORDS_OK \
                and token.upper() not in zones() and not re.fullmatch(r"[ap]m", word):
            return None
    cleaned = " ".join(t for t in tokens if t.upper() not in zones() and t not in "|()")
    try:
        first = dateparser.parse(cleaned, default=dt.datetime(2000, 1, 1), fuzzy=False)
        second = dateparser.parse(cleaned, default=dt.datetime(2001, 2, 2), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year or first.month != second.month or first.day != second.day:
        return None  # year, month or day not given
    has_time = bool(re.search(r"\d:\d{2}|\d\s*[ap]\.?m\b", cleaned, re.I))
    return first.replace(tzinfo=None) if has_time else first.date()
