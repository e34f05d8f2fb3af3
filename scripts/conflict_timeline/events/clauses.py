"""Where things sit in a sentence: quoted speech, triggers, and their neighbourhoods."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import Trigger, sentence_lexicon, triggers, words

_QUOTES = re.compile(
    r"\"[^\"]+\"|“[^”]+”|``.+?''|(?:(?<=^)|(?<=[\s(\[—–-]))['‘](?=\S)(?:.*?)(?<=\S)['’](?=[\s,.;:!?)]|$)", re.S)
ONSET_PRIORITY = 7


@dataclass(frozen=True)
class Hit:
    start: int  # offsets into the sentence
    end: int
    trigger: Trigger
    quoted: bool
    ongoing: bool
    priority: int
    type: str

    @property
    def text(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.type}@{self.start}"


def quote_spans(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTES.finditer(sentence)]


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


@functools.cache
def _onset_nouns() -> re.Pattern[str]:
    return words(sentence_lexicon()["onset_nouns"])


@functools.cache
def _reference_nouns() -> re.Pattern[str]:
    """ "bombing victims", "the massacre trial": the trigger word names something else."""
    return re.compile(r"(?:['’]s)?\s+(?:" + sentence_lexicon()["reference_nouns"] + r")\b", re.I)


@functools.cache
def _campaign_nouns() -> re.Pattern[str]:
    return words(sentence_lexicon()["conflict_nouns_for_campaigns"])


@functools.cache
def _definite_before() -> re.Pattern[str]:
    """ "the accord", "the U.N.-Iraq accord", "Iraq's invasion", "his death": a determiner or a
    possessive, then at most two capitalised, numeric or hyphenated modifiers, then the trigger."""
    det = r"(?i:(?<![\w-])(?:" + sentence_lexicon()["definite_determiners"] + r"))\s+|\w['’]s\s+"
    return re.compile(r"(?:" + det + r")(?:(?:[A-Z0-9][\w.'’-]*|\w+-\w[\w-]*)\s+){0,2}$")


def definite_reference(sentence: str, hit: Hit, subject: bool = True) -> bool:
    """Is the trigger a definite noun phrase's head ("the accord was worked out", "before
    his death")? It names a happening the reader already knows of, not one being reported.
    Participles ("the bomb that exploded") are verbs, not nouns. Without `subject`, a phrase
    opening its clause ("The strike hit a school, the ministry said") does not count: that
    is how a story names its news."""
    if sentence[hit.start:hit.end].lower().endswith("ed"):
        return False
    m = _definite_before().search(sentence, max(0, hit.start - 60), hit.start)
    if m is None:
        return False
    return subject or not _CLAUSE_OPENING.search(sentence, 0, m.start())


#: Where a clause opens: the sentence's start (past a dateline's dash or an opening quote) or a
#: clause break.
_CLAUSE_OPENING = re.compile(r"(?:^|[,;:]|\s(?:--|—|–|-|_))[\s\"'“‘`(]*$")


def _near(pattern: re.Pattern[str], sentence: str, start: int, end: int, span: int = 40) -> re.Match | None:
    window_start = max(0, start - span)
    for m in pattern.finditer(sentence, window_start, min(len(sentence), end + span)):
        return m
    return None


_NEXT_CAPITALISED = re.compile(r"\s+(?:[A-Z][a-z]|[A-Z]{2,}\b)")
_OPENING = re.compile(r"[\s\"'“‘(\[]*")


def _in_name(sentence: str, start: int, end: int) -> bool:
    """A capitalised trigger word inside a longer name ("the Rapid Support Forces") names
    something; it reports no happening. The last word of a name ("the Tet Offensive") still
    does, and a sentence's first word is capitalised anyway."""
    if not sentence[start].isupper() or _OPENING.fullmatch(sentence[:start]):
        return False
    return bool(_NEXT_CAPITALISED.match(sentence, end))


def find_hits(sentence: str) -> list[Hit]:
    """Trigger words in a sentence, overlaps resolved (longer, then higher priority wins).
    Onset verbs count only next to a conflict noun ("the crisis erupted"); next to a
    campaign noun ("kicked off its bombing campaign") they make that campaign ongoing."""
    quotes = quote_spans(sentence)
    raw: list[tuple[int, int, Trigger]] = []
    for trig in triggers():
        for m in trig.pattern.finditer(sentence):
            if not _in_name(sentence, m.start(), m.end()) and not _reference_nouns().match(sentence, m.end()):
                raw.append((m.start(), m.end(), trig))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0]), -r[2].priority))
    chosen: list[tuple[int, int, Trigger]] = []
    for item in raw:
        if chosen and item[0] < chosen[-1][1]:
            continue
        chosen.append(item)
    hits: list[Hit] = []
    ongoing_at: set[int] = set()
    for start, end, trig in chosen:
        if trig.type == "ONSET":
            campaign = _campaign_nouns().search(sentence, end, min(len(sentence), end + 40))
            if campaign:
                ongoing_at.add(campaign.start())
                continue
            if _near(_onset_nouns(), sentence, start, end):
                hits.append(Hit(start, end, trig, inside(start, quotes), False, ONSET_PRIORITY, "ONSET"))
            continue
        hits.append(Hit(start, end, trig, inside(start, quotes), trig.ongoing, trig.priority, trig.type))
    out = []
    for hit in hits:
        if any(hit.start <= pos < hit.end + 1 or (pos <= hit.start < pos + 40 and hit.type == "ASSAULT") for pos in ongoing_at):
            hit = Hit(hit.start, hit.end, hit.trigger, hit.quoted, True, hit.priority, hit.type)
        out.append(hit)
    return out


_CLAUSE_BREAKS = re.compile(r"[;:]|,\s|\s(?:and|but|while|when|after|before)\s")
_TRIGGER_CLAUSE_END = re.compile(r"[,;:()—–]|\s-\s|\s(?:and|but)\s")


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause a span is in, between punctuation or conjunction breaks."""
    lo = max((m.end() for m in _CLAUSE_BREAKS.finditer(sentence, 0, start)), default=0)
    m = _CLAUSE_BREAKS.search(sentence, end)
    return lo, m.start() if m else len(sentence)


def next_break(sentence: str, pos: int, limit: int) -> int:
    """End of the clause a trigger is in: the next comma, semicolon or dash (or the limit)."""
    m = _TRIGGER_CLAUSE_END.search(sentence, pos, limit)
    return m.start() if m else limit
