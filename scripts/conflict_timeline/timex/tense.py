"""Is the clause around an expression about the future? Decides "Monday" and "in February" in news.

A crude but useful cue (HeidelTime uses part-of-speech tense): future auxiliaries and
scheduling words in the same sentence, nearest to the expression, against past ones.
"""

from __future__ import annotations

import re

#: characters searched on each side of the expression, within its sentence
TENSE_WINDOW = 90
#: without a cue there, the rest of a long sentence is searched up to this far
SENTENCE_WINDOW = 250
#: tense(): the past, read from a past verb right before the expression ("said Friday") or a
#: "since" ("since Monday"): stronger than a past verb elsewhere in the sentence (-1)
JUST_PAST = -2

_FUTURE = re.compile(
    r"\b(?:will|won't|wo n't|'ll|shall|would(?!\s+(?:not|n't|have)\b)|as\s+(?:soon|early)\s+as|going\s+to|is\s+to|are\s+to|scheduled|expected\s+to|expects?\s+to|"
    r"plans?\s+to|planned(?:\s+for)?|planning\s+(?:to|for)|likely\s+to|slated|(?:is|are|be)\s+expected|projected(?:\s+for)?|intended|should|set\s+to|due|upcoming|until|till|will\s+be|would\s+be|effective|begins?|starting|"
    r"deadline|expire|expires|payable|resume|resumes|postponed\s+until|later\s+this|next|how\s+about|can't\s+wait)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:said|was|were|had|did|ago|last|earlier|reported|announced|told|met|arrived|began|started|"
    r"killed|died|took|made|came|went|left|ended|struck|fought|fell|fled|shot|sent|held|won|lost|led|saw|"
    r"gave|got|rose|sought|brought|bought|caught|thought|wrote|spoke|broke|chose|stood|threw|flew|grew|"
    r"knew|drew|withdrew|became|overran|ran|sat|paid|laid|kept|hid|sank|rang|spent|meant|heard|felt|found|built|sold|stole|"
    r"shook|woke|wore|tore|dug|fed|forgot|froze|hung|slid|spun|swore|swept|taught|understood|wept|sped|"
    r"(?!(?:succ|proc|exc|ind|sp|n)eed\b)[a-z]{3,}ed)\b",
    re.I,
)
#: the past verbs, for the event coder too (a happening told in the past is not after the report)
PAST_VERB = _PAST
#: a past verb right before the expression: "said Friday", "was told on Wednesday"
_RIGHT_AFTER_PAST = re.compile(r"\b(?:said|told|announced|reported|was|were)\s+(?:on\s+)?$")
_PAST_PERFECT = re.compile(r"\b(?:had|was|were)\b", re.I)
#: "had been due to expire", "was scheduled to end": a plan made in the past for a time now past
_PLAN_IN_PAST = re.compile(r"\b(?:had(?:\s+been)?|was|were)\s+(?:\w+\s+){0,2}$", re.I)
#: "were planning to drive": a plan still under way, whatever the tense of its auxiliary
_PROGRESSIVE_PLAN = re.compile(r"planning", re.I)
#: "since January", "since Monday": the start of a state that lasts until now, in the past
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)
#: "the disputed border", "its previously announced plan": a past participle after a
#: determiner is an adjective, no past verb of the clause (a future word stays one there:
#: "a planned campaign in 1976")
_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+(?:\w+ly\s+)?$", re.I)
#: "as soon as trading opened Monday": a clause of time takes its tense from the main clause
_BACKSHIFTED = re.compile(r"\bas\s+soon\s+as\s+(?:\w+\s+){0,2}$", re.I)
#: "will be held", "to be paid": a participle after "be" says nothing of the past
_PASSIVE = re.compile(r"\bbe\s+$", re.I)
#: a sentence ends at . ! ? ; or a line break, but not after an initial or a title ("Daniel P. Davison")
_BOUNDARY = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Dr|Ms|St|Co))(?<!\bInc)(?<!\bCorp)[.!?;\n]\s")


def sentence_window(text: str, start: int, end: int, window: int = TENSE_WINDOW) -> tuple[str, str]:
    """The text before and after the span, cut at sentence boundaries and ``window``. A
    quotation the span is not in is blanked: '"We will not stop," he told reporters on
    Sunday' is about a past Sunday, whatever the quoted words promise."""
    left = text[max(0, start - window) : start]
    cuts = list(_BOUNDARY.finditer(left))
    if cuts:
        left = left[cuts[-1].end() :]
    right = text[end : end + window]
    cut = _BOUNDARY.search(right)
    if cut:
        right = right[: cut.start() + 1]
    if text.endswith(".", 0, end) and _NEXT_SENTENCE.match(right):
        right = ""  # "repairs in July and Aug. Was meant to ...": the abbreviation's stop ends the sentence
    if '"' in left or '"' in right or "\u201c" in left or "\u201d" in right or "``" in left:
        middle = " " * (end - start)
        whole = left + middle + right
        spans = [(m.start(), m.end()) for m in _QUOTATION.finditer(whole)]
        here = len(left)
        if not any(a <= here < b for a, b in spans):
            for a, b in spans:
                whole = whole[:a] + " " * (b - a) + whole[b:]
            left, right = whole[: len(left)], whole[len(left) + len(middle) :]
    return left, right


#: after an expression that ends with a stop ("Aug."), a capitalised word starts a new sentence
_NEXT_SENTENCE = re.compile(r"\s+[A-Z][a-z]")
_QUOTATION = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d|``.*?\'\'', re.S)


#: a deadline right before the expression: "by February", "by Friday"
_DEADLINE = re.compile(r"\b(?:by|until|till)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


#: "officials said": a reporting verb dates the report, not the event, unless it comes just
#: before the expression, this near ("said Friday", "said on Friday")
REPORT_REACH = 12
_REPORTING = re.compile(r"said|says|told|reported|announced", re.I)


def _past_cues(left: str, right: str) -> list[int]:
    """Distances of the past-tense cues around an expression; a reporting verb counts only
    right before it ("said Friday", "said on Friday"), not after ("will meet Friday, officials said")."""
    out = []
    for side, text in ((-1, left), (1, right)):
        for m in _PAST.finditer(text):
            if _PASSIVE.search(text, 0, m.start()) or _not_finite(text, m.start()):
                continue
            d = len(text) - m.end() if side < 0 else m.start()
            if _REPORTING.fullmatch(m.group()) and (side > 0 or d > REPORT_REACH):
                continue
            out.append(d)
    return out


def _not_finite(text: str, at: int) -> bool:
    """Is the past form at ``at`` an adjective or back-shifted ("the disputed border",
    "as soon as trading opened")?"""
    return bool(_ATTRIBUTIVE.search(text, 0, at) or _BACKSHIFTED.search(text, 0, at))


#: right after an expression, the word that joins it to the end of its range ("April 21 until August 6")
_RANGE_END = re.compile(r"\s*,?\s*(?:until|till|to|through)\s+(?:the\s+)?(?:\d|[A-Z])")


def _future_cues(left: str, right: str) -> list[int]:
    """Distances of the future cues around an expression; a plan under a past auxiliary
    ("was scheduled to end") does not count, unless still under way ("were planning to")."""
    out = []
    for side, text in ((-1, left), (1, right)):
        for m in _FUTURE.finditer(text):
            if _PLAN_IN_PAST.search(text, 0, m.start()) and not _PROGRESSIVE_PLAN.match(m.group()):
                continue
            if side > 0 and _RANGE_END.match(text):
                continue  # "ran from April 21 until August 6": the end of a range, no future
            out.append(len(text) - m.end() if side < 0 else m.start())
    return out


def tense(text: str, start: int, end: int, window: int = TENSE_WINDOW, deadlines: bool = True,
          around: tuple[str, str] | None = None) -> int:
    """+1 when the sentence points to the future, -1 when to the past, JUST_PAST when moreover
    a past verb comes right before the expression and no future cue is nearer ("was told
    Wednesday", "said Tuesday that the talks will resume"),
    0 without a cue (news is mostly about the past: callers read 0 as a weaker past).
    With ``deadlines``, "by February" points to the future unless the clause is in the past.
    ``around``: the sentence_window of the expression, when the caller has it already."""
    if text.startswith("'s", end):
        return 0  # "get around Wednesday's ruling": the clause's verb does not date a possessor
    left, right = around or sentence_window(text, start, end, window)
    if _SINCE.search(left):
        return JUST_PAST
    if deadlines and _DEADLINE.search(left) and not _PAST_PERFECT.search(left + " " + right):
        return 1
    fut = _future_cues(left, right)
    if not fut:  # the common case: no need to weigh the past cues
        if _RIGHT_AFTER_PAST.search(left):
            return JUST_PAST
        if any(not _not_finite(t, m.start()) for t in (left, right) for m in _PAST.finditer(t)):
            return -1
        if window == TENSE_WINDOW and len(left) >= window:
            return tense(text, start, end, SENTENCE_WINDOW, deadlines)
        return 0
    past = _past_cues(left, right)
    if not past or min(fut) <= min(past):
        return 1
    return JUST_PAST if _RIGHT_AFTER_PAST.search(left) else -1


#: "to acquire", "to admit": an infinitive in the sentence may own the expression ("agreed to
#: purchase the line in February"), so the past of the main verb does not settle it
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|its|his|her|their|our|this|that|these|those|be|date|about|some|more|less)\b)[a-z]{2,}\b")
#: a limit before the expression ("by February", "through January", "until Nov. 17")
_LIMIT = re.compile(r"\b(?:by|until|till|through|to|from|before|after)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.I)


#: "said it is calling for the redemption on Dec. 7": a present progressive may tell a plan
_PRESENT_PROGRESSIVE = re.compile(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b", re.I)


def certain(text: str, start: int, end: int, window: int = TENSE_WINDOW, around: tuple[str, str] | None = None) -> int:
    """+1 or -1 when every tense cue of the sentence around the expression points one way
    ("will be named commander ... for a mission in December", "changed ... to a calendar
    year in December", "In January, the company brought in a new chief"), else 0: any
    future word, infinitive or limit ("by", "through") unsettles the past; any past verb,
    reporting ones included, the future. A bare month on the other side of the DCT is then
    out of the question (see explicit._distance)."""
    if text.startswith("'s", end):
        return 0
    left, right = around or sentence_window(text, start, end, window)
    if _SINCE.search(left):
        return -1
    if _LIMIT.search(left):
        return 0
    fut = bool(_FUTURE.search(left) or _FUTURE.search(right) or _PRESENT_PROGRESSIVE.search(left))
    past = any(not _PASSIVE.search(t, 0, m.start()) for t in (left, right) for m in _PAST.finditer(t))
    if fut and not past:
        return 1
    if past and not fut and not _INFINITIVE.search(left) and not _INFINITIVE.search(right):
        return -1
    return 0
