"""Named actors at the scale of the field: the groups, militaries, international bodies and
people of the Phoenix dictionaries (lexicons/phoenix_actors.tsv.gz), matched as whole words
through a token index (a dict from a name's first word to its names), loaded once, on first use."""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import dataclass

from ..errors import LexiconError
from ..settings import LEXICON_DIR, NAME_MAX_TOKENS
from .lexicon import tsv_rows

_FILE = LEXICON_DIR / "phoenix_actors.tsv.gz"
COLUMNS = ("id", "name", "kind", "country", "code", "aliases")
#: A word of text: letters and digits, joined by hyphens, apostrophes or dots ("al-Qa'ida", "U.N").
TOKEN = re.compile(r"(?P<word>[^\W_]+(?:[-'’.][^\W_]+)*)")
_ACRONYM = re.compile(r"[A-Z0-9]{2,6}")


@dataclass(frozen=True)
class NamedRow:
    actor_id: str
    name: str
    kind: str
    country: str | None
    code: str
    aliases: tuple[str, ...]


def norm(word: str) -> str:
    """A word as the index keeps it: lower case, no apostrophes ("People's" -> "peoples")."""
    return word.lower().replace("'", "").replace("’", "").rstrip(".")


def same_words(a: str, b: str) -> bool:
    """Do two spellings of a name hold the same words ("Tigray Peoples" and "Tigray People's")?"""
    return [norm(m["word"]) for m in TOKEN.finditer(a)] == [norm(m["word"]) for m in TOKEN.finditer(b)]


def read_rows(path=_FILE) -> list[dict]:
    """The data file's rows as dicts (the schema test validates them)."""
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc}). Re-derive it with events/tools/derive_phoenix.py.") from None
    return tsv_rows(path, text, COLUMNS)


@functools.cache
def named_rows() -> dict[str, NamedRow]:
    out = {}
    for r in read_rows():
        aliases = tuple(a for a in r["aliases"].split(" | ") if a)
        out[r["id"]] = NamedRow(r["id"], r["name"], r["kind"], r["country"] or None, r["code"], aliases)
    return out


@functools.cache
def _index() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """First word -> (words, actor id, exact case) of each name, longest first. An acronym
    ("HSM") is matched in capitals only."""
    index: dict[str, list] = {}
    for row in named_rows().values():
        for name in (row.name, *row.aliases):
            words = tuple(norm(m["word"]) for m in TOKEN.finditer(name))
            if not words or len(words) > NAME_MAX_TOKENS:
                continue
            index.setdefault(words[0], []).append((words, row.actor_id, bool(_ACRONYM.fullmatch(name))))
    for names in index.values():
        names.sort(key=lambda n: -len(n[0]))
    return index


def find_named(text: str) -> list[tuple[int, int, str]]:
    """(start, end, actor id) of each lexicon name in `text`, left to right, longest first. The
    first word must hold a capital ("al-Shabaab", "Tigray People's Liberation Front")."""
    tokens = list(TOKEN.finditer(text))
    words = [norm(t["word"]) for t in tokens]
    index = _index()
    out = []
    i = 0
    while i < len(tokens):
        first = tokens[i]["word"]
        found = None
        if words[i] in index and first.lower() != first:
            for name, actor_id, exact in index[words[i]]:
                n = len(name)
                if tuple(words[i:i + n]) == name and (not exact or first == first.upper()):
                    found = (tokens[i].start(), tokens[i + n - 1].end(), actor_id, n)
                    break
        if found:
            out.append(found[:3])
            i += found[3]
        else:
            i += 1
    return out
