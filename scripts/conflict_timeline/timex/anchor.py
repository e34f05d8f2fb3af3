"""What relative expressions are resolved against, by genre.

- ``news``: deictic expressions ("yesterday", "last week", "Friday") against the document
  creation time (DCT); anaphoric ones ("the next day", "that year") against the last date
  mentioned.
- ``narrative``: both against the time the story has reached: the last date of year precision
  or finer that the text mentioned, explicit or resolved from an explicit one ("two days
  later" moves it, "two years ago" does not). Dates in asides "(1927-1937)", range ends and
  dates in clauses about the future ("planned for 1976") do not move it. Before the first
  date, the first year named later in the text stands in; the DCT only when there is none.
- ``auto``: narrative when the text names at least ``AUTO_MIN_YEARS`` years (BC ones too) and
  either most lie more than ``AUTO_YEAR_DISTANCE`` years from the DCT with fewer DCT-relative
  words ("today", "yesterday", weekday names, "last week") than such years, or there are very
  many years and few DCT-relative words; news otherwise, and always news when the text reports
  ("said", "told") as often as news does. On TimeBank/AQUAINT this reads 256 of 256 documents
  as news, on WikiWars 16 of 16 as narrative. See :func:`choose_genre`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

GENRES = ("news", "narrative", "auto")
#: durations that name a reporting period of part of a year ("the first nine months", "the
#: first half", "six months"): after them a "year-ago" figure is a year's, not a quarter's
PART_YEAR_PERIODS = ("P6M", "P9M")
#: quarterly results are reported a few weeks after the quarter: "the quarter" in news is the
#: latest one that ended this many days before the DCT (unless a quarter was named before)
QUARTER_REPORT_LAG = 45
#: auto: at least this many explicit years before a text can be read as narrative ...
AUTO_MIN_YEARS = 5
#: ... and either most of them (this share) lie more than AUTO_YEAR_DISTANCE years from the DCT,
AUTO_YEAR_DISTANCE = 3
AUTO_FAR_SHARE = 0.5
#: or there are many (AUTO_MANY_YEARS) with few DCT-relative words (under this share of them)
AUTO_MANY_YEARS = 20
AUTO_DEICTIC_SHARE = 0.1
#: auto: a text of at most this many characters is a post (a tweet has at most 280): written
#: in the present, it is not read as past without a past-tense cue (see Context.post)
POST_MAX_CHARS = 280
#: reporting: at least this many "said"/"says"/"told" per 1,000 words make a text news, however
#: many far years it names (news stories with history; WikiWars histories have at most 1.8)
AUTO_NEWS_REPORTING_PER_1000 = 4.0
_REPORTING = re.compile(r"\b(?:said|says|told)\b")

_YEAR = re.compile(r"\b(?:1[0-9]{3}|20[0-9]{2})\b|\b[0-9]{1,4}\s*B\.?\s?C\b")
_EXPLICIT_YEAR = re.compile(r"(?<![\d$.,])\b(1[0-9]{3}|20[0-9]{2})\b(?![\d,.]\d)")
_DEICTIC = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|this (?:week|month|year)|last (?:week|month|night)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)


def explicit_years(text: str) -> list[tuple[int, int]]:
    """(position, year) of the four-digit years in a text."""
    return [(m.start(), int(m.group(1))) for m in _EXPLICIT_YEAR.finditer(text)]


def is_post(text: str) -> bool:
    """A short text such as a tweet (at most POST_MAX_CHARS characters)."""
    return len(text.strip()) <= POST_MAX_CHARS


def choose_genre(text: str, dct: dt.date | None) -> str:
    """``narrative`` or ``news`` for ``auto``: a history names many years, mostly far from its
    date (or very many years) and rarely says "today", "yesterday" or a weekday."""
    if dct is None:
        return "narrative"
    years = _YEAR.findall(text)
    if len(years) < AUTO_MIN_YEARS:
        return "news"
    if 1000 * len(_REPORTING.findall(text)) >= AUTO_NEWS_REPORTING_PER_1000 * max(1, len(text.split())):
        return "news"  # a news story that recalls history still reports: "said" comes often
    deictic = len(_DEICTIC.findall(text))
    far = sum(not y[:4].isdigit() or abs(int(y[:4]) - dct.year) > AUTO_YEAR_DISTANCE for y in years)
    if far / len(years) >= AUTO_FAR_SHARE and deictic < far:
        return "narrative"
    if len(years) >= AUTO_MANY_YEARS and deictic < AUTO_DEICTIC_SHARE * len(years):
        return "narrative"
    return "news"


@dataclass
class Point:
    """A partly known calendar point: year, maybe month, maybe day; BC years are negative."""

    year: int
    month: int | None = None
    day: int | None = None

    def date(self) -> dt.date | None:
        if self.year < 1:
            return None
        try:
            return dt.date(self.year, self.month or 1, self.day or 1)
        except ValueError:
            return None


@dataclass
class Context:
    dct: dt.date | None
    genre: str
    last: Point | None = None  # the last date mentioned (story time)
    last_quarter: str | None = None  # the last quarter mentioned ("1989-Q3"), for "a year ago"
    last_quarter_at: int = -1  # where it was mentioned
    #: news: the period last reported is a part of a year ("the first nine months"), so
    #: "year-ago" and "the 1988 period" mean a year, not a quarter
    part_year: bool = False
    tense: int = -1  # -1 past (tense.JUST_PAST: right after a past verb), +1 future: the clause around the expression (news)
    #: +1/-1 when every tense cue of the sentence points to the future/past, else 0 (news)
    sure: int = 0
    #: a post (auto, a short text: is_post) is written in the present: a clause without a tense
    #: cue (tense 0) leans neither way, where news reads it as a weaker past: a date without
    #: its year ("in September", "17th June") is the nearest such, before or after the DCT.
    #: (A bare weekday still leans past: in posts as in news, "Friday" is more often the last.)
    post: bool = False
    #: the day just named when a weekday follows it as its aside ("June 9 - 10 (Tue-Wed)",
    #: "14 December, Friday"): the weekday is of those days (see tagger.weekday_aside)
    aside_day: Point | None = None
    #: narrative: (position, year) of explicit years, for text before the story's first year
    years_ahead: list[tuple[int, int]] = field(default_factory=list)
    position: int = 0

    def leans_past(self) -> bool:
        """Does the clause read as past? Its tense says so, or it has no tense cue in news."""
        return self.tense < 0 or (self.tense == 0 and not self.post)

    def leans_future(self) -> bool:
        return self.tense > 0

    def first_year_ahead(self) -> Point | None:
        """The next explicit year in the text: a history often names its year a little later."""
        i = bisect.bisect_left(self.years_ahead, (self.position, -1))
        return Point(self.years_ahead[i][1]) if i < len(self.years_ahead) else None

    @property
    def dct_point(self) -> Point | None:
        return Point(self.dct.year, self.dct.month, self.dct.day) if self.dct else None

    def deictic(self) -> Point | None:
        """Anchor of "today", "last week", weekdays..."""
        if self.genre == "narrative":
            return self.last or self.first_year_ahead() or self.dct_point
        return self.dct_point or self.last

    def anaphoric(self) -> Point | None:
        """Anchor of "the next day", "that year", "the following spring"..."""
        if self.genre == "narrative":
            return self.last or self.first_year_ahead() or self.dct_point
        return self.last or self.dct_point

    def _quarter_ahead(self, value: str) -> bool:
        """In news, a quarter after the DCT's is a forecast ("losses through the third quarter
        of 1990"), not the period being reported: it does not become the quarter in question;
        nor does the DCT's own quarter unless told in the past tense (a fiscal quarter: "reported
        a decline in fourth-quarter earnings"), not "will result in a fourth-quarter charge";
        nor, once a quarter is in question, one older than the latest reported ("after a flat
        second quarter"): a comparison."""
        if self.genre != "news" or self.dct is None:
            return False
        quarter, current = (int(value[:4]), int(value[-1])), (self.dct.year, (self.dct.month - 1) // 3 + 1)
        if quarter > current or (quarter == current and self.tense >= 0):
            return True
        reported = self.reported_quarter()
        return self.last_quarter is not None and quarter < (reported.year, (reported.month - 1) // 3 + 1)

    def reported_quarter(self) -> dt.date:
        """A day of the latest quarter reported by the DCT (results come QUARTER_REPORT_LAG
        days after a quarter ends)."""
        lag = dt.timedelta(days=QUARTER_REPORT_LAG)
        return self.dct - lag if self.dct - dt.date.min >= lag else dt.date.min

    def report_period(self, value: str) -> None:
        """A duration read in news: after "the first nine months" (PART_YEAR_PERIODS),
        "year-ago" and "the 1988 period" are a year's until a quarter is named again."""
        if self.genre == "news" and value in PART_YEAR_PERIODS:
            self.part_year = True

    def move(self, value: str) -> None:
        """Advance the story time to a calendar value of year precision or finer."""
        if re.fullmatch(r"\d{4}-Q\d", value) and not self._quarter_ahead(value):
            self.last_quarter = value
            self.last_quarter_at = self.position
            self.part_year = False
        m = re.match(r"(?P<bc>BC)?(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?", value)
        if not m:
            m2 = re.match(r"(?P<bc>BC)?(?P<y>\d{4})-(?:W\d\d|SP|SU|FA|WI|Q\d|H\d)", value)
            if m2:
                self.last = Point(_year(m2), None, None)
            return
        year = _year(m)
        month = int(m.group("m")) if m.group("m") else None
        day = int(m.group("d")) if m.group("d") else None
        self.last = Point(year, month, day)


def _year(m: re.Match) -> int:
    y = int(m.group("y"))
    return -y if m.group("bc") else y
