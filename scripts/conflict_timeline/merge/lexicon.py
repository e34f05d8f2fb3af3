"""The merge stage's data files (merge/data/), loaded once per process."""

from __future__ import annotations

import functools
import re
from pathlib import Path


from ..settings import (MERGE_DATA_DIR, MERGE_NAME_MIN_BASE_WEIGHT, MERGE_NAME_WEIGHT, MERGE_NUMBER_DIGIT_WEIGHT, MERGE_NUMBER_MAX_WEIGHT, MERGE_RARITY_CEILING,
                        MERGE_UNLISTED_ZIPF, MERGE_YEAR_WEIGHT)
from ..yamlfile import load_mapping

_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")


@functools.cache
def load(name: str) -> dict:
    return load_mapping(Path(MERGE_DATA_DIR) / f"{name}.yaml")


@functools.cache
def zipf_bands() -> dict[str, float]:
    """Word -> Zipf band (rarity.yaml)."""
    out: dict[str, float] = {}
    for band, words in load("rarity")["bands"].items():
        for word in words.split():
            out.setdefault(word, float(band))
    return out


@functools.cache
def unweighted() -> frozenset[str]:
    return frozenset(load("matching")["unweighted"].split())


@functools.cache
def type_class() -> dict[str, str]:
    """Event type -> the first type of its group (a type in no group is its own class)."""
    return {t: group[0] for group in load("matching")["type_groups"] for t in group}


@functools.cache
def type_rank() -> dict[str, int]:
    """Event type -> its precedence inside its group (0 first)."""
    return {t: i for group in load("matching")["type_groups"] for i, t in enumerate(group)}


@functools.cache
def stances() -> dict[str, str]:
    return dict(load("matching")["stances"])


@functools.cache
def night_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + load("matching")["night_words"] + r")(?![\w-])", re.I)


@functools.cache
def weight(token: str) -> float:
    """How much sharing this token says that two reports tell of one happening: rare words and
    long numbers much, common words and the `unweighted` ones nothing."""
    if token.isdigit():
        if len(token) == 4 and _YEAR.fullmatch(token):
            return MERGE_YEAR_WEIGHT
        return min(MERGE_NUMBER_MAX_WEIGHT, MERGE_NUMBER_DIGIT_WEIGHT * len(token))
    if token in unweighted():
        return 0.0
    zipf = zipf_bands().get(token, MERGE_UNLISTED_ZIPF)
    return max(0.0, MERGE_RARITY_CEILING - zipf)


def word_weight(token: str, names: frozenset) -> float:
    """A token's weight where `names` are the words used as names: a name that is not a common
    word ("Howard", not "Four" or "Street") weighs at least MERGE_NAME_WEIGHT."""
    base = weight(token)
    return max(base, MERGE_NAME_WEIGHT) if token in names and base >= MERGE_NAME_MIN_BASE_WEIGHT else base
