"""Do two reports tell of one happening? What a human coder compares, as rules:

- the same kind of happening (`type_groups`: an attack and its toll are one) and the same stance
  (asserted and reported both affirm it; planned, denied and supposed ones stay apart);
- dates that overlap ("Saturday" and "the weekend"), or lie one day apart when one report puts it
  near midnight ("late Saturday", "early Sunday"); a date the text does not give (the report's own
  day) reaches back a week; a date vaguer than a month merges with nothing;
- places that do not differ: coordinates within a radius that suits the coarser precision, the
  same country, the same place name when neither has coordinates (a blank place differs from none);
- actors that do not conflict (a blank actor conflicts with nothing);
- the words of the evidence: the rare words they share (names, streets, venues, ages, weapons)
  weigh enough against the lighter of the two (`similarity`); a little less is needed when both
  name the same place; a short text needs only a share of its weight. Reports of two articles
  also agree when the two articles' words do (`context_agree`: the title and every sentence with
  an event), for one report of each article (`cluster.py`): when both dates are a day (a month
  needs more shared words), and a report the text does not date only when its article came out
  within a day of the other's date. Two reports of one kind, one day and one town (`same_day`,
  `same_place`) need their articles to share only a rare word: a coder counts one happening of a
  kind per day and town, unless the reports give it apart (another actor, stance or place); of
  one day where one names no town, a quarter of the lighter article's words.

A report dated only to a year ("last year", "in 2014") joins a happening of its town and year when
their articles' words share much (`year_agree`, cluster.py); it merges with no report otherwise.

`conflict(a, b)` is the first four (a reason two reports can never be one), `compatible(a, b)`
all five: the function the in-article merge and the merge across articles both use.
"""

from __future__ import annotations

import math

from ..settings import (MERGE_CONTEXT_MAX_SPAN_DAYS, MERGE_CONTEXT_MIN_SHARED_WEIGHT, MERGE_CONTEXT_MIN_SIMILARITY,
                        MERGE_CONTEXT_VAGUE_MIN_SIMILARITY, MERGE_DAY_MIN_SHARED_WEIGHT, MERGE_DAY_MIN_SIMILARITY,
                        MERGE_DAY_TOWN_MIN_SHARED_WEIGHT, MERGE_MAX_SPAN_DAYS, MERGE_MIN_SHARED_WEIGHT,
                        MERGE_MIN_SIMILARITY, MERGE_NIGHT_SLACK_DAYS, MERGE_RADIUS_KM, MERGE_SAME_PLACE_BONUS,
                        MERGE_SMALL_SHARE, MERGE_YEAR_MAX_SPAN_DAYS, MERGE_YEAR_MIN_CONTEXT_SIMILARITY)
from .report import Report

_COARSER = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}


def mergeable(a: Report) -> bool:
    """A report dated more vaguely than a month is never merged."""
    return a.span <= MERGE_MAX_SPAN_DAYS


def date_gap(a: Report, b: Report) -> int:
    """Days between two reports' date ranges (0 when they overlap)."""
    return max(0, a.start - b.end, b.start - a.end)


def dates_agree(a: Report, b: Report) -> bool:
    gap = date_gap(a, b)
    return gap == 0 or (gap <= MERGE_NIGHT_SLACK_DAYS and (a.night or b.night))


def same_day(a: Report, b: Report) -> bool:
    """Both tell of one day and it is the same one: each gives that day, or one the text does not
    date came out that day or the day after."""
    for x, y in ((a, b), (b, a)):
        if x.dated and x.span == 1:
            if y.dated:
                return y.span == 1 and y.start == x.start
            return 0 <= y.published - x.start <= MERGE_NIGHT_SLACK_DAYS
    return False


def distance_km(a: Report, b: Report) -> float:
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _point(a: Report) -> bool:
    return a.latitude is not None and a.longitude is not None and a.geo_precision in MERGE_RADIUS_KM


def places_agree(a: Report, b: Report) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    if _point(a) and _point(b):
        coarser = max(a.geo_precision, b.geo_precision, key=lambda p: _COARSER[p])
        return distance_km(a, b) <= MERGE_RADIUS_KM[coarser]
    if a.location and b.location and not _point(a) and not _point(b):
        return a.location.casefold() == b.location.casefold()
    return True


def same_place(a: Report, b: Report) -> bool:
    """Both name a town, and it is the same one."""
    if _point(a) and _point(b) and a.geo_precision == b.geo_precision == "city":
        return distance_km(a, b) <= MERGE_RADIUS_KM["city"]
    return bool(a.location and b.location and a.location.casefold() == b.location.casefold())


def _actor_words(actor: str) -> set[str]:
    return set(actor[4:].split("-")) if actor.startswith("unk-") else {actor}


def actors_agree(a: Report, b: Report) -> bool:
    """A blank actor conflicts with nothing; two actors the lexicon knows conflict when they differ;
    an unknown one (`unk-...`) conflicts with a known one never, with another unknown one when
    their names share no word ("unk-crawford" and "unk-brandon-crawford" agree). A generic agent
    (`agent-...`: "gunmen", "a man", "police") names a kind of people, not who they are, and
    conflicts with nothing (an article that names no country gives "agent-man", another "agent-usa-man")."""
    for x, y in ((a.actor1, b.actor1), (a.actor2, b.actor2)):
        if not x or not y or x == y or x.startswith("agent-") or y.startswith("agent-"):
            continue
        unknown = x.startswith("unk-") + y.startswith("unk-")
        if unknown == 0 or (unknown == 2 and not _actor_words(x) & _actor_words(y)):
            return False
    return True


def apart(a: Report, b: Report) -> bool:
    """A reason the two are not one happening, however vaguely dated. Within one article, an
    attack and a toll (one type group, two types) are two: the coder told them apart ("Nine troops
    were killed Monday in a crash and a spate of attacks" is a day's tally; "Four of them were
    killed in the crash" its attack). A happening told as going on over days ("clashes since
    August 25") is not one of its days' happenings ("the attack on August 25")."""
    return (a.cls != b.cls or (a.source_id == b.source_id and a.rank != b.rank) or a.stance != b.stance
            or (a.campaign != b.campaign and (a.span == 1 or b.span == 1))
            or not dates_agree(a, b) or not places_agree(a, b) or not actors_agree(a, b))


def conflict(a: Report, b: Report) -> bool:
    """A reason the two can never be one happening."""
    return not mergeable(a) or not mergeable(b) or apart(a, b)


def yearly(a: Report) -> bool:
    """Dated by its text to no more than a year, and more vaguely than a month ("last year"), in a town."""
    return a.dated and MERGE_MAX_SPAN_DAYS < a.span <= MERGE_YEAR_MAX_SPAN_DAYS and bool(a.location)


def town_key(a: Report) -> str | None:
    return a.location.casefold() if a.location else None


def year_agree(a: Report, b: Report, memo: dict | None = None) -> float:
    """A report dated to a year (`yearly`) and one of its town and year: their articles' words
    share MERGE_YEAR_MIN_CONTEXT_SIMILARITY of the lighter's (and the weight the context needs)."""
    if a.source_id == b.source_id or not same_place(a, b) or apart(a, b):
        return 0.0
    shared, lighter = _context_overlap(a, b, memo)
    if not lighter or shared < min(MERGE_CONTEXT_MIN_SHARED_WEIGHT, MERGE_SMALL_SHARE * lighter):
        return 0.0
    sim = shared / lighter
    return sim if sim >= MERGE_YEAR_MIN_CONTEXT_SIMILARITY else 0.0


def similarity(a: Report, b: Report, memo: dict | None = None) -> float:
    """The weight of the words both use, as a share of the lighter report's (0 when it is below
    MERGE_MIN_SHARED_WEIGHT). `memo` keeps the shared weight per pair of word bags (reports of
    one sentence in several copies of a story have the same bag, `report._bag`)."""
    if memo is None:
        shared = _shared(a.words, b.words, a.weights, b.weights)
    else:
        key = (a.words, a.names, b.words, b.names)
        shared = memo.get(key)
        if shared is None:
            shared = memo[key] = _shared(a.words, b.words, a.weights, b.weights)
    lighter = min(a.mass, b.mass)
    if not lighter or shared < min(MERGE_MIN_SHARED_WEIGHT, MERGE_SMALL_SHARE * lighter):
        return 0.0
    return shared / lighter


def words_agree(a: Report, b: Report, memo: dict | None = None) -> float:
    """The similarity when it is enough (a little less is needed for the same town), else 0
    (`memo`: as `similarity`'s)."""
    sim = similarity(a, b, memo)
    need = MERGE_MIN_SIMILARITY - (MERGE_SAME_PLACE_BONUS if same_place(a, b) else 0.0)
    return sim if sim >= need else 0.0


def _shared(a: frozenset, b: frozenset, a_weights: dict, b_weights: dict) -> float:
    """The weight of the words in both (a name in either counts as a name: `word_weight` with the
    names of both is the higher of the word's two weights)."""
    both = a & b if len(a) <= len(b) else b & a
    return sum(map(max, map(a_weights.__getitem__, both), map(b_weights.__getitem__, both)))  # summed in C


def _context_overlap(a: Report, b: Report, memo: dict | None) -> tuple[float, float]:
    """(weight of the words the two reports' articles share, the lighter article's weight),
    kept in `memo` per pair of articles."""
    key = (a.source_id, b.source_id)
    if memo is not None and key in memo:
        return memo[key]
    shared = _shared(a.context.words, b.context.words, a.context.weights, b.context.weights)
    lighter = min(a.context.mass, b.context.mass)
    if memo is not None:
        memo[key] = memo[(b.source_id, a.source_id)] = (shared, lighter)
    return shared, lighter


def _context_dates(a: Report, b: Report) -> bool:
    """A report the text does not date (dated by its article's day) lets its article's words stand
    for its sentence's only when its article came out within MERGE_NIGHT_SLACK_DAYS of the other's date."""
    for x, y in ((a, b), (b, a)):
        if not x.dated:
            end = y.published if not y.dated else y.end
            start = y.published if not y.dated else y.start
            if x.published < start - MERGE_NIGHT_SLACK_DAYS or x.published > end + MERGE_NIGHT_SLACK_DAYS:
                return False
    return True


def context_agree(a: Report, b: Report, memo: dict | None = None) -> float:
    """The similarity of the two reports' articles' words when it is enough, else 0 (0 within one
    article). `memo` keeps it per pair of articles."""
    if a.source_id == b.source_id:
        return 0.0
    day = same_day(a, b)
    if not day and not _context_dates(a, b):
        return 0.0  # the dates first: most pairs of articles need not be weighed
    shared, lighter = _context_overlap(a, b, memo)
    if not lighter or not shared:
        return 0.0
    sim = shared / lighter
    if shared >= MERGE_DAY_TOWN_MIN_SHARED_WEIGHT and day:
        if same_place(a, b) or (shared >= MERGE_DAY_MIN_SHARED_WEIGHT and sim >= MERGE_DAY_MIN_SIMILARITY):
            return sim
    if shared < min(MERGE_CONTEXT_MIN_SHARED_WEIGHT, MERGE_SMALL_SHARE * lighter) or not _context_dates(a, b):
        return 0.0
    need = MERGE_CONTEXT_MIN_SIMILARITY if max(a.span, b.span) <= MERGE_CONTEXT_MAX_SPAN_DAYS \
        else MERGE_CONTEXT_VAGUE_MIN_SIMILARITY
    return sim if sim >= need else 0.0


def compatible(a: Report, b: Report) -> bool:
    """Do the two reports tell of one happening? (Within one article: by their sentences' words.)"""
    return not conflict(a, b) and (words_agree(a, b) > 0 or context_agree(a, b) > 0)
