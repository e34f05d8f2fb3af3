"""Load and compile the event lexicons (data files in lexicons/) once per process."""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import LexiconError
from ..settings import LEXICON_DIR
from ..yamlfile import load_yaml


@functools.cache
def load(name: str) -> dict:
    path = Path(LEXICON_DIR) / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as handle:
            data = load_yaml(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot be loaded ({exc}). Fix the file's YAML.") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: must hold a mapping at the top level")
    return data


def words(pattern: str) -> re.Pattern[str]:
    """Compile an alternation so that it matches whole words only, case-insensitively."""
    return re.compile(r"(?<![\w-])(?:" + pattern + r")(?![\w-])", re.I)


@dataclass(frozen=True)
class Trigger:
    pattern: re.Pattern[str]
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


@functools.cache
def event_types() -> dict[str, dict]:
    return {t["code"]: t for t in load("event_types")["types"]}


@functools.cache
def modality_cues() -> dict[str, re.Pattern[str]]:
    return {name: words(pattern) for name, pattern in load("cues")["modality"].items()}


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
