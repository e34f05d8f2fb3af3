"""Digressions in a narrative: a date named in passing that does not move the story time.

"Documents found in 2004 proved ...", "the largest cavalry battle since 1813", "the city, which
had been founded in 1529": a year far from the year the story has reached, named after a
digression cue (rules/story.yaml), is an aside unless the text goes on in that year (the next
explicit year named lies near it). Bare dates after the aside keep the story's year.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import LexiconError
from ..settings import TIMEX_RULES_DIR
from .anchor import Context
from .ruleset import load_yaml

STORY_FILE = "story.yaml"
_VALUE_YEAR = re.compile(r"(?P<bc>BC)?(?P<year>\d{4})")
#: a sentence ends at . ! ? or a line break (not after an initial: "J. Smith")
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?\n]\s")


@dataclass(frozen=True)
class StoryRules:
    far_years: int
    cue_reach: int
    cues: tuple[tuple[str, re.Pattern], ...]


@functools.lru_cache(maxsize=2)
def load_story_rules(directory: Path = TIMEX_RULES_DIR) -> StoryRules:
    path = directory / STORY_FILE
    data = load_yaml(path)
    cues = []
    for i, cue in enumerate(data.get("cues", [])):
        try:
            cues.append((cue["name"], re.compile(cue["pattern"], re.IGNORECASE)))
        except (KeyError, re.error) as exc:
            raise LexiconError(f"{path}: cue {cue.get('name', i)}: bad or missing pattern ({exc}). Fix: give each cue a name and a valid regular expression") from exc
    return StoryRules(int(data["far_years"]), int(data["cue_reach"]), tuple(cues))


def _year(value: str) -> int | None:
    m = _VALUE_YEAR.match(value)
    if not m:
        return None
    y = int(m.group("year"))
    return -y if m.group("bc") else y


def digression_cue(text: str, start: int, rules: StoryRules) -> str | None:
    """The name of the digression cue in the sentence before ``start``, if any."""
    left = text[max(0, start - rules.cue_reach) : start]
    ends = list(_SENTENCE_END.finditer(left))
    if ends:
        left = left[ends[-1].end() :]
    for name, pattern in rules.cues:
        if pattern.search(left):
            return name
    return None


def is_digression(text: str, start: int, end: int, value: str, ctx: Context, rules: StoryRules | None = None) -> bool:
    """Does the explicit date ``value`` at ``start:end`` leave the story time where it is?"""
    if ctx.last is None:
        return False
    year = _year(value)
    rules = rules or load_story_rules()
    if year is None or abs(year - ctx.last.year) <= rules.far_years:
        return False
    if digression_cue(text, start, rules) is None:
        return False
    i = bisect.bisect_left(ctx.years_ahead, (end, -1))
    if i < len(ctx.years_ahead) and abs(ctx.years_ahead[i][1] - year) <= rules.far_years:
        return False  # the text goes on in that year
    return True
