"""Named groups of a rule match -> values: "March" -> 3, "twenty-four" -> 24, "'98" -> 1998."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_TRAILING = re.compile(r"\d+$")


def _number(raw: str, lexicon: dict) -> float | str | None:
    raw = raw.strip().lower()
    if _DIGITS.fullmatch(raw.replace(",", "")):
        return float(raw.replace(",", ""))
    key = re.sub(r"\s+", " ", raw)
    if key in lexicon:
        return lexicon[key]
    parts = re.split(r"[\s-]+", key)  # "twenty-four", "twenty four"
    if len(parts) == 2 and parts[0] in lexicon and parts[1] in lexicon:
        return lexicon[parts[0]] + lexicon[parts[1]]
    return None


#: groups normalised by a lexicon of another name
GROUP_LEXICON = {"century": "ordinal"}
#: groups whose value stands for another group ("sun" in "this sun" is the weekday)
GROUP_AS = {"weekday_short": "weekday"}


def normalise(groups: dict[str, str | None], lexicons: dict) -> dict:
    """Named groups -> values: a group named after a lexicon (maybe with a digit suffix) is
    looked up in it; numbers and years become numbers; other groups keep their text."""
    out: dict = {}
    for name, raw in groups.items():
        if raw is None:
            continue
        base = _TRAILING.sub("", name)
        if base in out:
            continue
        if base == "number":
            val = _number(raw, lexicons["number"])
        elif base == "year":
            digits = re.sub(r"\D", "", raw)
            val = int(digits) if digits else None
        elif base in ("day", "hour", "minute") or (base == "month" and raw.isdigit()):
            digits = re.sub(r"\D", "", raw)
            val = int(digits) if digits else None
        elif base in lexicons or base in GROUP_LEXICON:
            lex = lexicons[GROUP_LEXICON.get(base, base)]
            key = re.sub(r"\s+", " ", raw.strip().lower())
            val = lex.get(key, lex.get(key.rstrip(".")))
        else:
            val = raw
        if val is not None:
            out.setdefault(GROUP_AS.get(base, base), val)
    return out
