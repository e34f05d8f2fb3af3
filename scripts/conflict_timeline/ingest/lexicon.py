"""Load the ingest lexicons (data files next to this module) once."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from ..yamlfile import load_yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load(name: str) -> dict:
    with open(DATA_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return load_yaml(handle)


@functools.cache
def furniture_pattern() -> re.Pattern[str]:
    phrases = sorted(load("furniture")["phrases"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


@functools.cache
def dateline_prefix_pattern() -> re.Pattern[str]:
    prefixes = sorted(load("datelines")["prefixes"], key=len, reverse=True)
    return re.compile(r"^\s*(?:(?:" + "|".join(re.escape(p) for p in prefixes) + r")\b\s*:?\s*)+", re.I)


@functools.cache
def zones() -> frozenset[str]:
    return frozenset(z.upper() for z in load("datelines")["zones"])
