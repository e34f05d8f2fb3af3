"""Load and compile the event lexicons (data files in lexicons/) once per process."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from pathlib import Path


from ..errors import LexiconError
from ..settings import LEXICON_DIR
from ..yamlfile import load_mapping


def tsv_rows(path: Path, text: str, columns: tuple[str, ...]) -> list[dict]:
    """The rows of a tab-separated lexicon file (`text`, read from `path`) as dicts: comment
    lines (`#`) first, then a row naming `columns`, then one row per entry."""
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise LexiconError(f"{path}: the first row after the header comments must be the columns {' '.join(columns)} (tab-separated)")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(columns):
            raise LexiconError(f"{path}: data row {number} has {len(cells)} cells, not {len(columns)}")
        rows.append(dict(zip(columns, cells)))
    return rows


@functools.cache
def load(name: str) -> dict:
    return load_mapping(Path(LEXICON_DIR) / f"{name}.yaml")


def words(pattern: str) -> re.Pattern[str]:
    """Compile an alternation so that it matches whole words only, case-insensitively."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern[str] | None  # None: a CAMEO verb, found through cameo_index()
    type: str
    mode: str | None
    context: str | None
    ongoing: bool
    speech: bool
    priority: int


@functools.cache
def triggers() -> tuple[Trigger, ...]:
    out = []
    for entry in load("triggers")["triggers"]:
        out.append(Trigger(words(entry["pattern"]), entry["type"], entry.get("mode"), entry.get("context"),
                           bool(entry.get("ongoing", False)), bool(entry.get("speech", False)),
                           int(entry.get("priority", 1))))
    return tuple(out)


@dataclass(frozen=True)
class Sense:
    """A sense rule: a trigger word (or any word of `of_type`) next to `near` (within `before` characters before it or `after`
    characters after it) codes `type` instead (None: no event: "the debt crisis exploded")."""
    pattern: re.Pattern[str] | None  # None: every word of `of_type`
    of_type: str | None
    near: re.Pattern[str]
    before: int
    after: int
    type: str | None


@functools.cache
def senses() -> tuple[Sense, ...]:
    return tuple(Sense(re.compile(r"(?:" + e["pattern"] + r")", re.I) if "pattern" in e else None, e.get("of_type"),
                       words(e["near"]), int(e.get("before", 0)), int(e.get("after", 0)),
                       e["type"] if e["type"] != "NONE" else None)
                 for e in load("triggers").get("senses", ()))


@functools.cache
def absence() -> re.Pattern[str]:
    """ "no arrests", "without a fight": the words before a trigger noun that say it did not happen."""
    return re.compile(r"(?<![\w-])(?:" + load("triggers")["absence"] + r")\s+(?:[a-z-]+\s+)?$", re.I)


#: Words that may stand between a verb of the CAMEO lexicon and its object ("planted a bomb").
CAMEO_DETERMINERS = frozenset({"a", "an", "the", "their", "its", "his", "her", "our", "new", "fresh", "two", "several"})


@functools.cache
def cameo_index() -> dict[str, tuple[tuple[tuple[str, ...], Trigger], ...]]:
    """The CAMEO verb lexicon as a token index: first word -> ((words, trigger), ...), longest first."""
    data = load("cameo_verbs")
    priority = int(data["priority"])
    by_code = {code: Trigger(None, kind, mode or None, context or None, False, False, priority)
               for code, (kind, mode, context) in data["codes"].items()}
    index: dict[str, list] = {}
    for form, code in data["forms"].items():
        tokens = tuple(form.split())
        index.setdefault(tokens[0], []).append((tokens, by_code[code]))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()}


@functools.cache
def event_types() -> dict[str, dict]:
    return {t["code"]: t for t in load("event_types")["types"]}


@functools.cache
def modality_cues() -> dict[str, re.Pattern[str]]:
    return {name: words(pattern) for name, pattern in load("cues")["modality"].items()}


@functools.cache
def presupposing() -> str:
    return load("cues")["presupposing"]


@functools.cache
def titles() -> str:
    return load("cues")["titles"]


@functools.cache
def sentence_lexicon() -> dict:
    return load("sentences")


@functools.cache
def calendar_words(abbreviated: bool = False) -> frozenset[str]:
    """Month and weekday names ("March", "Friday"; with `abbreviated`, "Mar", "Fri" too): capitalised
    words that name no place and no one."""
    words = set(calendar.month_name[1:]) | set(calendar.day_name)
    if abbreviated:
        words |= set(calendar.month_abbr[1:]) | set(calendar.day_abbr)
    return frozenset(words)
