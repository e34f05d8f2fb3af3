"""Shouted words: "TODAY", "6 DAYS", "LAST THURSDAY" inside running text (posts) are read as
Title Case, so the rules (which match words as written or Capitalised) find them. A line in
capitals with no lower-case letter is headline furniture and is left alone, and so are the
abbreviations that are written in capitals anyway (lexicon ``capitals_kept``: "GMT", "BC",
"PM"). A line in capitals longer than a headline (settings.FURNITURE_MAX_WORDS words) is
shouting too. The view has the text's length: offsets found in it are offsets in the text."""

from __future__ import annotations

import re

from ..settings import FURNITURE_MAX_WORDS

_SHOUTED = re.compile(r"\b[A-Z]{2,}\b")
_LOWER = re.compile(r"[a-z]")


def reading_view(text: str, kept: dict) -> str:
    """``text`` with every shouted word of a line that also has lower-case letters, or is
    longer than a headline, in Title Case ("NOW" -> "Now"), except the words of ``kept``."""
    if not _SHOUTED.search(text):
        return text
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _SHOUTED.search(line) and (_LOWER.search(line) or len(line.split()) > FURNITURE_MAX_WORDS):
            lines[i] = _SHOUTED.sub(lambda m: m.group() if m.group().lower() in kept else m.group().capitalize(), line)
    return "\n".join(lines)
