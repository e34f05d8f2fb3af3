"""Make N synthetic-but-realistic seed articles from the real texts of TimeML corpora.

    .venv/bin/python benchmarks/make_corpus.py --n 2000 --out /tmp/corpus/seeds

Every seed is the text of a real document (TimeBank and AQUAINT news, WikiWars histories:
the ``<TEXT>`` of the .tml file with its tags stripped) under a front matter that gives its
document date (``published:``, from the DCT) and its genre (``news`` for TimeBank/AQUAINT,
``narrative`` for WikiWars). Long histories are split into parts at paragraph boundaries.
To reach N from the ~270 documents, document k of the pool is used again as variants: the
same paragraphs in another order (the first kept as the lead), so that every seed's content
is unique while its words and dates stay real. The output is the same for the same N.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from conflict_timeline.timex.tml import read_tml

DATA = Path("/work/shared/data/timeml")
CORPORA = (("timebank", "news", "TimeBank 1.2"), ("aquaint", "news", "AQUAINT TimeML"),
           ("wikiwars-train", "narrative", "WikiWars"))
#: A history longer than this (words) is split into parts of about this size.
PART_WORDS = 6000
#: Paragraphs of a text with fewer blank-line breaks than this are rebuilt from sentence groups.
MIN_PARAGRAPHS = 3
SENTENCES_PER_PARAGRAPH = 3

_BLANK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'`])")


@dataclass(frozen=True)
class Unit:
    """One base text: a whole news document or a part of a history."""

    name: str
    title: str
    publisher: str
    published: str
    genre: str
    paragraphs: tuple[str, ...]

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)


def paragraphs_of(text: str) -> list[str]:
    paras = [" ".join(p.split()) for p in _BLANK.split(text) if p.strip()]
    if len(paras) >= MIN_PARAGRAPHS:
        return paras
    sentences = [s for p in paras for s in _SENTENCE_END.split(p) if s.strip()]
    return [" ".join(sentences[i:i + SENTENCES_PER_PARAGRAPH])
            for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)]


def split_parts(paras: list[str]) -> list[list[str]]:
    parts, current, words = [], [], 0
    for p in paras:
        current.append(p)
        words += len(p.split())
        if words >= PART_WORDS:
            parts.append(current)
            current, words = [], 0
    if current:
        if parts and words < PART_WORDS // 3:
            parts[-1].extend(current)
        else:
            parts.append(current)
    return parts


def load_units(data: Path) -> list[Unit]:
    units = []
    for folder, genre, publisher in CORPORA:
        for path in sorted((data / folder).glob("*.tml")):
            doc = read_tml(path)
            if doc.dct is None:
                continue
            paras = paragraphs_of(doc.text)
            if not paras:
                continue
            heading = paras[0] if len(paras[0].split()) <= 12 else path.stem
            parts = split_parts(paras) if genre == "narrative" else [paras]
            for i, part in enumerate(parts):
                suffix = f", part {i + 1}" if len(parts) > 1 else ""
                units.append(Unit(f"{folder}-{path.stem}-{i + 1}", f"{heading}{suffix}", publisher,
                                  doc.dct.isoformat(), genre, tuple(part)))
    return units


def variant(unit: Unit, k: int) -> list[str]:
    """Variant k of a unit: k = 0 is the text as it is; later ones reorder its paragraphs."""
    paras = list(unit.paragraphs)
    if k == 0 or len(paras) < 3:
        return paras
    rng = random.Random(int(hashlib.sha256(f"{unit.name}/{k}".encode()).hexdigest()[:16], 16))
    rest = paras[1:]
    rng.shuffle(rest)
    return [paras[0], *rest]


def seed_text(unit: Unit, k: int) -> str:
    title = unit.title.replace('"', "'")
    if k:
        title = f"{title} (variant {k})"
    lines = ["---", f'title: "{title}"', f"publisher: {unit.publisher}", f"published: {unit.published}",
             f"genre: {unit.genre}", "language: en", "---", ""]
    return "\n".join(lines) + "\n\n".join(variant(unit, k)) + "\n"


def make_corpus(n: int, out: Path, data: Path = DATA) -> tuple[int, int]:
    """Write N seeds into OUT; return (seeds written, words)."""
    units = load_units(data)
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        unit, k = units[i % len(units)], i // len(units)
        (out / f"{i:05d}_{unit.name}.txt").write_text(seed_text(unit, k), encoding="utf-8")
        words += unit.words
    return n, words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="number of seeds (default 2000)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the seeds into")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with timebank/, aquaint/, wikiwars-train/")
    args = ap.parse_args()
    n, words = make_corpus(args.n, args.out, args.data)
    print(f"wrote {n} seeds ({words:,} words) to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
