"""A report: one row of the coder (an event as one sentence of one article tells it), with what
the merge compares. Made from the row's fields and a short `extra` string computed in the worker
that extracts the article (`report_extra`), so that the reduce reads plain columns."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from ..settings import MERGE_CAMPAIGN_MIN_DAYS, MERGE_DOCUMENT_LOOKBACK_DAYS
from .lexicon import night_pattern, stances, type_class, type_rank, weight, word_weight

#: Words (letters) and numbers of an evidence sentence, lower-cased.
_TOKEN = re.compile(r"(?P<clock>\d{1,2}:\d\d)|(?P<word>[^\W\d_]{2,})|(?P<number>\d+)(?:st|nd|rd|th)?")

#: The fields of an `events` row a report reads.
ROW_FIELDS = ("event_type", "modality", "date_start", "date_end", "date_source", "ongoing", "actor1", "actor2",
              "country", "location", "latitude", "longitude", "geo_precision", "source_id")


def tokens(text: str, names: bool = True) -> list[str]:
    """The distinct words and numbers of a text that weigh something, in order of first use. With
    `names`, a capitalised word that does not open the text is a name, written `^word` (shared, a
    name weighs at least MERGE_NAME_WEIGHT: "Howard" is a common word but a rare victim)."""
    seen: dict[str, bool] = {}
    for m in _TOKEN.finditer(text):
        if m.group("clock"):  # a time of day says little about which happening it is
            continue
        token = m.group("word") or m.group("number")
        lower = token.lower()
        if weight(lower) > 0:
            seen[lower] = seen.get(lower, False) or (names and m.start() > 0 and token[0].isupper())
    return [("^" + t) if name else t for t, name in seen.items()]


def _decode(text: str) -> tuple[frozenset, frozenset]:
    """(words, names) of a `tokens` string."""
    items = text.split()
    return frozenset(t.lstrip("^") for t in items), frozenset(t[1:] for t in items if t.startswith("^"))


def report_extra(evidence: str, published: dt.date) -> str:
    """What a report needs beside its row's fields: the publication day, whether the sentence puts
    the happening near midnight, and its weighing words ("738000|1|heron tavern delmont")."""
    night = 1 if night_pattern().search(evidence) else 0
    return f"{published.toordinal()}|{night}|{' '.join(tokens(evidence))}"


def article_context(evidences: list[str], title: str | None) -> str:
    """The weighing words of an article: of its title and of every sentence it has an event in
    (what it tells about, beyond one sentence: the victims' names, the street, the venue)."""
    seen: dict[str, bool] = {}
    for text, names in [(title or "", False), *((e, True) for e in evidences)]:  # headlines capitalise every word
        for token in tokens(text, names):
            word = token.lstrip("^")
            seen[word] = seen.get(word, False) or token.startswith("^")
    return " ".join(("^" + t) if name else t for t, name in seen.items())


def _weights(words: frozenset, names: frozenset) -> dict[str, float]:
    """Each word's `word_weight`, in the order of `words` (so that sums over it add in the same order)."""
    return {w: word_weight(w, names) for w in words}


@functools.lru_cache(maxsize=1 << 16)
def _bag(text: str) -> tuple[frozenset, frozenset, dict[str, float], float]:
    """(words, names, each word's weight, their sum) of a `tokens` string, made once per string
    (the weights are read, never changed): the sentence of a story told in several articles gives
    one bag, the same objects, which `match.similarity`'s memo finds by identity."""
    words, names = _decode(text)
    weights = _weights(words, names)
    return words, names, weights, sum(weights.values())


@dataclass(frozen=True)
class Context:
    """An article's weighing words, shared by its reports."""

    words: frozenset
    names: frozenset
    mass: float
    weights: dict = field(compare=False, repr=False)  # each word's `word_weight`

    @classmethod
    def of(cls, text: str) -> "Context":
        words, names, weights, mass = _bag(text)
        return cls(words, names, mass, weights)


@dataclass(frozen=True)
class Report:
    index: int
    source_id: str
    cls: str  # the event type's group (ASSAULT for an attack or its toll)
    rank: int  # the type's precedence in its group
    stance: str
    start: int  # date range, proleptic ordinals; a report dated by its publication day reaches back
    end: int
    span: int  # days of the range as the report gives it
    dated: bool  # the text gives the date (not the report's own day)
    published: int  # its article's publication day
    night: bool
    campaign: bool  # told as going on over days ("clashes since August 25"), not one day's happening
    actor1: str | None
    actor2: str | None
    country: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: str | None
    words: frozenset
    names: frozenset  # the words that are names in it
    mass: float  # the summed weight of its words
    context: Context  # its article's
    weights: dict = field(compare=False, repr=False)  # each word's `word_weight`

    @classmethod
    def from_row(cls, index: int, row: dict, extra: str, context: Context) -> "Report":
        published, night, text = extra.split("|", 2)
        words, names, weights, mass = _bag(text)
        start, end = row["date_start"].toordinal(), row["date_end"].toordinal()
        span = end - start + 1
        if row["date_source"] == "document":  # undated in the text: on or before the report's day
            start, end = min(start, int(published) - MERGE_DOCUMENT_LOOKBACK_DAYS), max(end, int(published))
        event_type = row["event_type"]
        return cls(index, row["source_id"], type_class().get(event_type, event_type), type_rank().get(event_type, 0),
                   stances().get(row["modality"], row["modality"]), start, end, span,
                   row["date_source"] != "document", int(published), night == "1",
                   bool(row.get("ongoing")) and span > MERGE_CAMPAIGN_MIN_DAYS,
                   row.get("actor1"), row.get("actor2"), row.get("country"), row.get("location"),
                   row.get("latitude"), row.get("longitude"), row.get("geo_precision"),
                   words, names, mass, context, weights)
