"""Verbs of saying: when one is a political act of its speaker (a STATEMENT), and which time
expressions date the saying rather than the happening it reports.

ACLED and PLOVER code what a source reports, not that it reported it: "at least 18 were
killed, a monitoring group said" is one ASSAULT, `reported` by the group. A saying is an
event of its own only when saying it is an act: a warning, a vow, a claim of responsibility,
an announcement of what the speaker's side will do (lexicons/sayings.yaml)."""

from __future__ import annotations

import functools
import re

from .clauses import Hit
from .lexicon import load, words

#: What may stand between a verb of saying and the time expression that dates it: a few words,
#: no punctuation ("said on Sunday", "told reporters on Sunday", "said in a statement on Sunday").
_SAYING_GAP = re.compile(r"(?:\s+(?!that\b)[\w'’.-]+){0,4}?\s+|\s*", re.I)
#: A gap ending in a determiner makes the date part of what is said ("claimed that the November 2020 election").
_DETERMINED = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+$", re.I)
#: What may open a sentence before the time expression of its opening phrase ("On", "Late on").
_OPENING = re.compile(r"^\W*(?:[\w'’]+\s+){0,2}$")
#: The reported clause of a verb of saying that comes first ends at a clause break.
_REPORTED_END = re.compile(r"[;:]|,\s+(?:but|while|as)\b")


@functools.cache
def _lexicon() -> dict[str, re.Pattern[str]]:
    data = load("sayings")
    return {key: words(data[key]) for key in ("acts", "plans", "claims", "own")}


@functools.cache
def hostile_types() -> frozenset[str]:
    """Event types that, planned by a speaker's side, make the saying a threat."""
    return frozenset(load("sayings")["hostile"])


def saying_dates(sentence: str, offset: int, speech: list[Hit], hits: list[Hit], timexes) -> set[int]:
    """Start offsets of the time expressions that date a verb of saying: right after it, at
    most four words apart, no punctuation and no happening in between ("said on Sunday"), or
    in the phrase opening the sentence when the saying is its first verb ("On Monday, a
    spokesman claimed responsibility for the raid")."""
    out: set[int] = set()
    acts = [h.start for h in hits if not h.trigger.speech]
    for verb in speech:
        for t in timexes:
            at = t.start - offset
            if at >= verb.end and _SAYING_GAP.fullmatch(sentence[verb.end:at]) \
                    and not _DETERMINED.search(sentence[verb.end:at]) and not any(verb.end <= a < at for a in acts):
                out.add(t.start)
            elif at < verb.start and _OPENING.match(sentence[:at]) and "," in sentence[at:verb.start] \
                    and not any(at < a < verb.start for a in acts):
                out.add(t.start)
    return out


def reported_text(sentence: str, verb: Hit, quotes: list[tuple[int, int]]) -> str:
    """What a verb of saying reports: the quotations of its sentence, the clause after it
    ("X said [that] ..."), or, for a closing attribution ("..., X said."), what comes before."""
    if quotes:
        return " ".join(sentence[s:e] for s, e in quotes)
    after = sentence[verb.end:]
    end = _REPORTED_END.search(after)
    after = after[:end.start()] if end else after
    if len(after.split()) >= 3:
        return after
    return sentence[:verb.start]


def political_act(sentence: str, verb: Hit, quotes: list[tuple[int, int]]) -> bool:
    """Is this saying an act of its speaker rather than the source of what it reports? Its verb
    is an act ("warned", "vowed", "claimed responsibility"), or what it reports is the
    speaker's plan or decision ("said the war would resume", '"We will not stop," he said')."""
    lex = _lexicon()
    if lex["claims"].match(sentence, verb.start):
        return claim_of_responsibility(sentence, verb)
    if lex["acts"].match(sentence, verb.start):
        return True
    return bool(lex["plans"].search(reported_text(sentence, verb, quotes)))


def acting_verb(sentence: str, verb: Hit) -> bool:
    """Is the verb of saying an act by itself ("warned", "vowed", "claimed responsibility"), not
    only a saying whose content may be a plan ("said")?"""
    lex = _lexicon()
    return bool(lex["acts"].match(sentence, verb.start) or lex["claims"].match(sentence, verb.start))


_NEGATED = re.compile(r"(?:\bno\b|\bnot\b|n't|\bnever\b|\byet\s+to\b)[^,;]*$", re.I)


def claim_of_responsibility(sentence: str, verb: Hit) -> bool:
    """Does the verb claim responsibility ("claimed responsibility for the ambush"), not negated
    ("no group has claimed responsibility")?"""
    return bool(_lexicon()["claims"].match(sentence, verb.start)) \
        and not _NEGATED.search(sentence[max(0, verb.start - 40):verb.start])


def own_voice(sentence: str, hit: Hit, quotes: list[tuple[int, int]]) -> bool:
    """Is a quoted trigger the speaker's own act ('"We are calling for calm," said X')?"""
    quote = next(((s, e) for s, e in quotes if s <= hit.start < e), None)
    return quote is not None and bool(_lexicon()["own"].search(sentence[quote[0]:hit.start]))
