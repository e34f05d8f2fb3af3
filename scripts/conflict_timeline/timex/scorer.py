"""TempEval-3 style scoring of TIMEX3 tagging: strict and relaxed span F1, value and type F1.

Relaxed: a system and a gold expression match when their spans overlap (one-to-one, greedy in
text order). Value (type) F1 counts relaxed matches with the gold value (type) as true positives,
as F1 over the system and gold counts (= TE3's value accuracy x relaxed F1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .tml import TmlDocument, read_dir


@dataclass
class Counts:
    name: str = ""
    docs: int = 0
    system: int = 0
    gold: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: list = field(default_factory=list, repr=False)

    def add(self, other: "Counts") -> None:
        for k in ("docs", "system", "gold", "strict", "relaxed", "value", "type"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors.extend(other.errors)

    def f1(self, hits: int) -> float:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def scores(self) -> dict[str, float]:
        return {k: self.f1(getattr(self, k)) for k in ("strict", "relaxed", "value", "type")}


def score_spans(system: list, gold: list) -> Counts:
    """Compare two lists of objects with start, end, type, value."""
    c = Counts(system=len(system), gold=len(gold))
    gold_keys = {(g.start, g.end) for g in gold}
    c.strict = sum((s.start, s.end) in gold_keys for s in system)
    used: set[int] = set()
    matched_sys: set[int] = set()
    for gi, g in enumerate(gold):
        best = None
        for si, s in enumerate(system):
            if si in matched_sys or s.end <= g.start or s.start >= g.end:
                continue
            if best is None or (s.start, s.end) == (g.start, g.end):
                best = si
        if best is None:
            c.errors.append(("FN", g, None))
            continue
        matched_sys.add(best)
        used.add(gi)
        s = system[best]
        c.relaxed += 1
        c.value += s.value == g.value
        c.type += s.type == g.type
        if s.value != g.value or (s.start, s.end) != (g.start, g.end):
            c.errors.append(("MIS", g, s))
    for si, s in enumerate(system):
        if si not in matched_sys:
            c.errors.append(("FP", None, s))
    return c


def evaluate_docs(docs: list[TmlDocument], genre: str, name: str = "") -> Counts:
    from . import tag

    total = Counts(name=name)
    for doc in docs:
        c = score_spans(tag(doc.text, doc.dct, genre), doc.timexes)
        c.docs = 1
        c.errors = [(kind, g, s, doc) for kind, g, s in c.errors]
        total.add(c)
    return total


def evaluate_dirs(dirs: list[Path], genre: str) -> list[Counts]:
    rows = [evaluate_docs(read_dir(d), genre, name=Path(d).name) for d in dirs]
    if len(rows) > 1:
        combined = Counts(name="combined")
        for r in rows:
            combined.add(r)
        rows.append(combined)
    return rows


def format_table(rows: list[Counts]) -> str:
    head = f"{'corpus':<20} {'docs':>5} {'gold':>6} {'system':>6} {'strict':>7} {'relaxed':>7} {'value':>7} {'type':>7}"
    lines = [head, "-" * len(head)]
    for r in rows:
        s = r.scores()
        lines.append(
            f"{r.name:<20} {r.docs:>5} {r.gold:>6} {r.system:>6} {s['strict']:>7.3f} {s['relaxed']:>7.3f} {s['value']:>7.3f} {s['type']:>7.3f}"
        )
    return "\n".join(lines)
