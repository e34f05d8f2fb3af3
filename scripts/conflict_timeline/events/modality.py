"""Modality: whether the text asserts an event, reports it, plans it, denies it or supposes it."""

from __future__ import annotations

import datetime as dt
import re

from .clauses import Hit, quote_spans
from .lexicon import modality_cues, presupposing
from .model import EventDate

_CUE_WINDOW = 48
_FUTURE_IN_PAST = re.compile(r"\b(?:said|says|announced|promised|pledged|vowed|agreed|decided|confirmed|warned|added)\s+"
                             r"(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?(?:that\s+)?"
                             r"(?:it|they|he|she|we|(?:the|his|her|its|their|our)\s+(?:\w+\s+)?\w+|\w+)\s+would\s+(?:\w+\s+){0,2}$",
                             re.I)
#: "talks are scheduled", "talks between the two sides will resume": the happening lies ahead
_AHEAD = re.compile(r"(?:\s+(?:between|of|with|in|at|on|over|for)\b[^,;:]{0,60}?)?"
                    r"(?:\s*(?:is|are|was|were)\s+(?:scheduled|set|due|planned|expected)\b|\s+will\b)", re.I)


def cue_before(name: str, sentence: str, pos: int, window: int = _CUE_WINDOW) -> bool:
    left = sentence[max(0, pos - window):pos]
    left = re.split(r"[,;:]\s", left)[-1]
    return bool(modality_cues()[name].search(left))


#: a past participle used as an adjective, and the noun after it (not a verb or a preposition)
_PARTICIPLE = re.compile(r"(?:slain|dead|[a-z]+(?:ed|en))", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:was|were|is|are|be|been|by|in|at|on|and|or|of|to|for|with|from|as|after|when)\b)[a-z]", re.I)


def presupposed(hit: Hit, sentence: str) -> bool:
    """Is the trigger a participle modifying a noun after a determiner or a possessive ("if
    the slain man's brother was there")? Its happening is taken as given."""
    word = sentence[hit.start:hit.end]
    return bool(_PARTICIPLE.fullmatch(word) and _NOUN_AFTER.match(sentence, hit.end)
                and re.search(r"(?<![\w'’])(?:" + presupposing() + r")\s+$", sentence[max(0, hit.start - 40):hit.start], re.I))


def blank_quotes(sentence: str) -> str:
    out = list(sentence)
    for s, e in quote_spans(sentence):
        out[s:e] = " " * (e - s)
    return "".join(out)


def modality_of(hit: Hit, sentence: str, date: EventDate, dct: dt.date, reported: bool) -> str:
    if not hit.quoted:
        sentence = blank_quotes(sentence)
    after = re.split(r"[,;:]|\band\b(?![^,;:]*\b(?:will|is|are)\b)", sentence[hit.end:hit.end + 90])[0]
    if _AHEAD.match(after):
        return "planned"
    if re.search(r"(?:\bnot|n't|\bnever|\bno longer)\s+(?:\w+\s+){0,2}$", sentence[max(0, hit.start - 30):hit.start], re.I) \
            and hit.type not in ("REJECT",):
        return "negated"
    if hit.type != "REJECT" and cue_before("denial", sentence, hit.start, 72):
        return "negated"  # "the army denied that its troops shelled the village"
    if presupposed(hit, sentence):
        return "reported" if reported or _attributed(sentence) else "asserted"
    if _FUTURE_IN_PAST.search(sentence[max(0, hit.start - 72):hit.start]):
        return "planned"  # "the alliance announced it would accept ...": a plan, reported
    if cue_before("hypothetical", sentence, hit.start, 72):
        return "hypothetical"
    if cue_before("planned", sentence, hit.start) or date.start > dct:
        return "planned"
    if reported or _attributed(sentence):
        return "reported"
    return "asserted"


#: A closing attribution is short: "..., a monitoring group reported."
_ATTRIBUTION_WORDS = 8


def _attributed(sentence: str) -> bool:
    """Does a closing attribution ("..., a monitoring group reported.") source the sentence?"""
    tail = sentence.rstrip(" .\"'”’").rsplit(",", 1)
    return len(tail) == 2 and len(tail[1].split()) <= _ATTRIBUTION_WORDS and bool(modality_cues()["reported"].search(tail[1]))


def governs(speech: list[Hit], hit: Hit, sentence: str) -> bool:
    """Does a verb of saying report this happening? "X says [that] it ..." (the verb comes
    first) or a closing attribution ("..., local officials said.")."""
    for verb in speech:
        if verb.start < hit.start:
            return True
        tail = sentence[verb.start:]
        head = sentence[:verb.start]
        last_comma = max(head.rfind(","), head.rfind("\u201d"), head.rfind('"'))
        tail_end = re.search(r"[,;]", tail[:-1])  # "..., according to the Observatory, which relies on ...": its speaker ends there
        clause = sentence[last_comma + 1:verb.start + (tail_end.start() if tail_end else len(tail))] \
            if last_comma >= 0 else sentence
        if last_comma >= 0 and len(clause.split()) <= 9 and not sentence[verb.start:verb.end].lower().endswith("ing") \
                and not (tail_end and tail[tail_end.start()] == ";"):
            return True
    return False
