"""Split the prose of a body into sentences, as (start, end) offsets into the body."""

from __future__ import annotations

import functools
import re

from .clauses import quote_spans
from .lexicon import sentence_lexicon

_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_OPENERS = "\"'“‘(["
#: The word a punctuation run follows, and the characters such a word and run are made of.
_LAST_WORD = re.compile(r"([\w.'’-]+)[.!?]*[\"'”’)\]]*$")
_RUN_CHAR = re.compile(r"[\w.'’!?\"”)\]-]")


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(sentence_lexicon()["abbreviations"])


def _ends_sentence(text: str, stop: int, after: int) -> bool:
    """Is the punctuation run ending at `stop` a sentence end, given the next sentence starts at `after`?"""
    if after >= len(text):
        return True
    nxt = text[after]
    if nxt in _OPENERS and after + 1 < len(text):
        nxt = text[after + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    # the word before the punctuation lies in the run of word and punctuation characters ending
    # at `stop`: the search reads that run, not the whole text before it (quadratic on long paragraphs)
    run = stop
    while run > 0 and _RUN_CHAR.match(text, run - 1):
        run -= 1
    word = _LAST_WORD.search(text[run:stop])
    if word and text[run:stop].rstrip("\"'”’)]").endswith("."):
        token = word.group(1).rstrip(".")
        if token in _abbreviations() or re.fullmatch(r"[A-Z]", token):
            return False
    return True


def split_sentences(body: str, spans: tuple[tuple[int, int], ...] | None = None) -> list[tuple[int, int]]:
    """Sentences of the given prose spans (the whole body when none are given)."""
    if spans is None:
        spans = tuple((m.start(), m.end()) for m in re.finditer(r"[^\r\n]+(?:\r?\n(?![ \t]*\r?\n)[^\r\n]+)*", body))
    out: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        text = body[span_start:span_end]
        quotes = quote_spans(text)
        start = 0
        for m in _BOUNDARY.finditer(text):
            if any(qs < m.end() < qe - 1 for qs, qe in quotes):
                continue  # a quotation runs on: '... Assad? We don't ...' said X
            after = m.end()
            while after < len(text) and text[after].isspace():
                after += 1
            if _ends_sentence(text, m.end(), after):
                out.append((span_start + start, span_start + m.end()))
                start = after
        if text[start:].strip():
            tail = text[start:].rstrip()
            out.append((span_start + start, span_start + start + len(tail)))
    return [(s, e) for s, e in out if body[s:e].strip()]


@functools.cache
def _wire_dateline() -> re.Pattern[str]:
    return re.compile(sentence_lexicon()["wire_dateline"])


def dateline_end(sentence: str) -> int:
    """Where the wire dateline opening a sentence ends ("KHARTOUM, April 16 (Reuters) - "), or 0."""
    m = _wire_dateline().match(sentence)
    return m.end() if m else 0
