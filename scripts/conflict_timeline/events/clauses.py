"""Where things sit in a sentence: quoted speech, triggers, and their neighbourhoods."""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from .lexicon import CAMEO_DETERMINERS, Trigger, absence, cameo_index, event_types, senses, sentence_lexicon, triggers, words
from .prefixes import PatternIndex

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
    return list(_quote_spans(sentence))


@functools.lru_cache(maxsize=256)
def _quote_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The quotes of a sentence, found once however many of the coder's steps ask."""
    return tuple((m.start(), m.end()) for m in _QUOTES.finditer(sentence))


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


@functools.cache
def _trigger_index() -> PatternIndex:
    """The trigger words' patterns, each tried only where its words can begin."""
    return PatternIndex(tuple(t.pattern for t in triggers()))


@functools.cache
def _onset_nouns() -> re.Pattern[str]:
    return words(sentence_lexicon()["onset_nouns"])


@functools.cache
def _renewed() -> re.Pattern[str]:
    """ "renewed fighting", "heavy fighting": more of a war's fighting, not its onset."""
    return re.compile(r"\b(?:" + sentence_lexicon()["renewed"] + r")\s+$", re.I)


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


#: "the Government of National Accord", "the Alliance for the Restoration of Peace": a trigger word
#: after "of"/"for" and capitalised words, or right before "of"/"for" and a capitalised word.
_NAME_OF_BEFORE = re.compile(r"[A-Z][\w.'’-]*\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$")
_NAME_OF_AFTER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][a-z]")
#: Types whose capitalised word ends the name of a happening ("the Battle of Ramadi", "the Tet Offensive").
_HAPPENING_NAME_TYPES = ("ASSAULT", "COERCE", "ONSET")


def _in_name(sentence: str, start: int, end: int, kind: str = "ASSAULT") -> bool:
    """A capitalised trigger word inside a longer name ("the Rapid Support Forces", "the Government
    of National Accord") names something; it reports no happening. The last word of a name ("the Tet
    Offensive", "the Battle of Ramadi") still does, and a sentence's first word is capitalised anyway."""
    if not sentence[start].isupper() or _OPENING.fullmatch(sentence[:start]):
        return False
    if _NEXT_CAPITALISED.match(sentence, end):
        return True
    if kind in _HAPPENING_NAME_TYPES:
        return False
    return bool(_NAME_OF_BEFORE.search(sentence, max(0, start - 80), start) or _NAME_OF_AFTER.match(sentence, end))


#: A word of the CAMEO lexicon right after one of these is a noun ("the murder", "a march"): it names a
#: happening the text refers to; the verb reports one.
_NOUN_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our"})
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")


def _cameo_hits(sentence: str) -> list[tuple[int, int, Trigger]]:
    """Verbs and verb + object phrases of the CAMEO lexicon: a token index, one dictionary look-up
    a word (determiners may stand between a verb and its object: "planted a bomb")."""
    index = cameo_index()
    tokens = [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(sentence)]
    out = []
    for i, (start, end, word) in enumerate(tokens):
        if i and sentence[start].isupper():
            continue  # a capitalised word within the sentence is a name or a month ("March", "Storm Shadow")
        for phrase, trig in index.get(word, ()):
            j, ok = i + 1, True
            for w in phrase[1:]:
                skipped = 0
                while j < len(tokens) and tokens[j][2] != w and tokens[j][2] in CAMEO_DETERMINERS and skipped < 2:
                    j, skipped = j + 1, skipped + 1
                if j < len(tokens) and tokens[j][2] == w:
                    j += 1
                else:
                    ok = False
                    break
            if ok and not (len(phrase) == 1 and i and tokens[i - 1][2] in _NOUN_DETERMINERS):
                out.append((start, tokens[j - 1][1], trig))
                break  # the longest phrase of this word
    return out


def _cameo_beside(own: list[tuple[int, int, Trigger]], cameo: list[tuple[int, int, Trigger]]) -> list:
    """The CAMEO hits that stand beside the lexicon's own: one on the words of an own trigger gives
    way to it ("attacked the base" is the own "attacked"); a verb + object phrase whose object is an
    own trigger ("dispersed the protest", "staged a strike") is that happening, ranked as the object."""
    out = []
    for start, end, trig in cameo:
        covered = [t for s, e, t in own if s < end and start < e]
        if not covered:
            out.append((start, end, trig))
        elif all(start < s for s, e, t in own if s < end and start < e):
            out.append((start, end, dataclasses.replace(trig, priority=max(trig.priority, *(t.priority for t in covered)))))
    return out


def _sense(sentence: str, start: int, end: int, kind: str) -> str | None:
    """The type a trigger codes where it stands: the first sense rule of its word whose context
    words are near ("a general strike": PROTEST), else its own."""
    word = sentence[start:end]
    for sense in senses():
        fits = sense.pattern.fullmatch(word) if sense.pattern is not None else kind == sense.of_type
        if fits and sense.near.search(sentence, max(0, start - sense.before),
                                                                min(len(sentence), end + sense.after)):
            return sense.type
    return kind


def find_hits(sentence: str) -> list[Hit]:
    """Trigger words in a sentence, overlaps resolved (longer, then higher priority wins).
    Onset verbs count only next to a conflict noun ("the crisis erupted"); next to a
    campaign noun ("kicked off its bombing campaign") they make that campaign ongoing."""
    quotes = quote_spans(sentence)
    found: list[tuple[int, int, Trigger]] = [(m.start(), m.end(), triggers()[i]) for m, i in _trigger_index().find(sentence)]
    found += _cameo_beside(found, _cameo_hits(sentence))
    raw: list[tuple[int, int, Trigger]] = []
    for start, end, trig in found:
        if not _in_name(sentence, start, end, trig.type) and not _reference_nouns().match(sentence, end) \
                and not (not trig.speech and absence().search(sentence, max(0, start - 30), start)):
            raw.append((start, end, trig))
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
            noun = _near(_onset_nouns(), sentence, start, end)
            if noun is not None and not _renewed().search(sentence, max(0, noun.start() - 12), noun.start()):
                hits.append(Hit(start, end, trig, inside(start, quotes), False, ONSET_PRIORITY, "ONSET"))
            continue
        kind = _sense(sentence, start, end, trig.type)
        if kind is not None:
            hits.append(Hit(start, end, trig, inside(start, quotes), trig.ongoing, trig.priority, kind))
    out = []
    for hit in hits:
        if any(hit.start <= pos < hit.end + 1 or (pos <= hit.start < pos + 40 and hit.type == "ASSAULT") for pos in ongoing_at):
            hit = Hit(hit.start, hit.end, hit.trigger, hit.quoted, True, hit.priority, hit.type)
        out.append(hit)
    return out


_CLAUSE_BREAKS = re.compile(r"[;:]|,\s|\s(?:and|but|while|when|after|before)\s")
_TRIGGER_CLAUSE_END = re.compile(r"(?<!\d),|,(?!\d{3}\b)|[;:()—–]|\s-\s|\s(?:and|but)\s")  # "30,000 troops": one number


def clause_around(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause a span is in, between punctuation or conjunction breaks."""
    lo = max((m.end() for m in _CLAUSE_BREAKS.finditer(sentence, 0, start)), default=0)
    m = _CLAUSE_BREAKS.search(sentence, end)
    return lo, m.start() if m else len(sentence)


def next_break(sentence: str, pos: int, limit: int) -> int:
    """End of the clause a trigger is in: the next comma, semicolon or dash (or the limit)."""
    m = _TRIGGER_CLAUSE_END.search(sentence, pos, limit)
    return m.start() if m else limit


#: "gathering reinforcements to fight the army", "moved into the south to attack": an infinitive of purpose
_TO_INFINITIVE = re.compile(r"(?<![\w-])(?:in order )?to\s+$", re.I)


def purpose_infinitive(sentence: str, hit: Hit) -> bool:
    """Is a physical happening's trigger an infinitive of purpose (what someone means to do, not
    what happened)? The sentence's main happening is then another of its verbs ("abandoned the
    town ... to fight the army": the withdrawal)."""
    return not event_types().get(hit.type, {}).get("verbal") and bool(_TO_INFINITIVE.search(sentence[:hit.start]))
