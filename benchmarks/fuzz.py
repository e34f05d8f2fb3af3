"""Fuzz ingest, the temporal tagger and the event coder together, and print a table.

    .venv/bin/pip install atheris          # a fuzzing tool, not a dependency of the package
    .venv/bin/python benchmarks/fuzz.py --runs 100000 --workers 2

Each input is bytes: a few select the document date, the genre and the kind of seed (text,
a saved web page or a line of a news export), the rest is a seed file. It goes through what
a build does with a seed (decode, front matter, page or record reading, layout, tag, code)
and the same properties as tests/test_fuzz_pipeline.py are checked: only SeedError may be
raised; time expressions lie inside the body, do not overlap and have valid values; every
event's evidence is the body at its offsets, its dates parse and are ordered, its enums are
the schema's. Anything else is a crash: its input and traceback are saved under --crashes.
An input taking longer than --slow seconds is reported too (a regex backtracking).

With atheris the run is coverage-guided (libFuzzer), seeded with the articles in seeds/ and
tests/fixtures/; without it (or with --engine random) a seeded random mutation fuzzer over
the same articles runs instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXTS = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt"))
SEED_PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html"))
SEED_EXPORTS = sorted((ROOT / "tests" / "fixtures" / "exports").glob("*.jsonl"))
HEADER_BYTES = 5  # date, genre and the reader: text, page or export line
READERS = ("text", "html", "jsonl")


class Stats:
    def __init__(self, runs: int, crashes_dir: Path, slow: float):
        self.runs, self.crashes_dir, self.slow_limit = runs, crashes_dir, slow
        self.inputs = self.crashes = self.slow = self.seed_errors = self.events = 0
        self.started = time.monotonic()
        self.slowest = 0.0

    def as_dict(self) -> dict:
        return {"inputs": self.inputs, "crashes": self.crashes, "slow": self.slow, "slowest": self.slowest,
                "seed_errors": self.seed_errors, "events": self.events}

    def add(self, other: dict) -> None:
        for key in ("inputs", "crashes", "slow", "seed_errors", "events"):
            setattr(self, key, getattr(self, key) + other[key])
        self.slowest = max(self.slowest, other["slowest"])

    def finish(self, engine: str, stats_file: Path | None) -> None:
        if stats_file is not None:
            stats_file.write_text(json.dumps(self.as_dict()), encoding="utf-8")
        else:
            print(self.report(engine), flush=True)

    def report(self, engine: str) -> str:
        seconds = time.monotonic() - self.started
        rows = [("engine", engine), ("inputs", f"{self.inputs:,}"), ("crashes", str(self.crashes)),
                ("slow inputs (> %gs CPU)" % self.slow_limit, str(self.slow)), ("slowest input (s CPU)", f"{self.slowest:.3f}"),
                ("seed errors (expected)", f"{self.seed_errors:,}"), ("events coded", f"{self.events:,}"),
                ("seconds (wall)", f"{seconds:.1f}"), ("inputs per second", f"{self.inputs / max(seconds, 1e-9):.0f}")]
        width = max(len(k) for k, _ in rows)
        return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def _check(data: bytes) -> tuple[int, int]:
    """Run one input through the pipeline; raise on any property violation. Returns (seed_errors, events)."""
    from conflict_timeline.errors import SeedError
    from conflict_timeline.ingest import read_text
    from conflict_timeline.ingest.decode import decode_seed
    from conflict_timeline.settings import GENRES

    head, body_bytes = data[:HEADER_BYTES].ljust(HEADER_BYTES, b"\0"), data[HEADER_BYTES:]
    when = dt.date(1900, 1, 1) + dt.timedelta(days=int.from_bytes(head[:3], "little") % (365 * 200))
    genre = GENRES[head[3] % len(GENRES)]
    reader = READERS[head[4] % len(READERS)]
    if reader != "text":
        doc = _read_other(reader, body_bytes, when)
        if doc is None:
            return 1, 0
        return 0, _check_document(doc)
    seed_errors = 0
    try:
        text, _ = decode_seed(Path("fuzz.txt"), body_bytes)
    except SeedError:  # a bad file; the later stages still get its text, as lenient UTF-8
        seed_errors, text = 1, body_bytes.decode("utf-8", "replace")
    forced = {"published": when.isoformat(), "genre": genre}
    try:
        doc = read_text(text, path="fuzz.txt", overrides=forced if head[3] % 4 else None)
    except SeedError:
        try:  # no date found: go on with the date from the header, as `extract(text, dct=...)` does
            doc = read_text(text, path="fuzz.txt", overrides=forced)
        except SeedError:
            return 1, 0
    assert doc.body == text[doc.body_offset:]
    return seed_errors, _check_document(doc)


def _read_other(reader: str, data: bytes, when: dt.date):
    """A saved page (with a sidecar giving the date when it has none) or a line of an export; None for a SeedError."""
    from conflict_timeline.errors import SeedError
    from conflict_timeline.ingest import read_page, read_record_line

    try:
        if reader == "html":
            try:
                return read_page(data, path="fuzz.html")
            except SeedError as exc:
                if "no publication date" not in exc.problem:
                    raise
                return read_page(data, path="fuzz.html", sidecar=f"published: {when.isoformat()}\n".encode())
        return read_record_line(data, path="fuzz.jsonl:1", label=Path("fuzz.jsonl"), line=1)
    except SeedError as exc:
        assert "fuzz." in str(exc) and "Fix:" in str(exc), ("seed error without the file or the fix", str(exc))
        return None


def _check_document(doc) -> int:
    """Check a document's spans, its time expressions and its events; the number of events."""
    from conflict_timeline.events import Article, code_article
    from conflict_timeline.timex import tag
    from conflict_timeline.timex.values import is_valid_value

    body = doc.body
    for start, end in doc.prose:
        assert 0 <= start < end <= len(body), ("prose span outside the body", start, end)
    timexes = tag(body, doc.dct, doc.genre)
    last = 0
    for t in sorted(timexes, key=lambda t: t.start):
        assert last <= t.start < t.end <= len(body) and body[t.start:t.end] == t.text, ("timex span", t)
        assert is_valid_value(t.value), ("timex value", t)
        last = t.end
    events, _ = code_article(Article(doc.source_id, body, doc.dct, doc.genre, doc.prose), timexes)
    enums = _enums()
    for event in events:
        row = event.row()
        assert body[row["char_start"]:row["char_end"]] == row["evidence"], ("evidence", row)
        assert isinstance(row["date_start"], dt.date) and row["date_start"] <= row["date_end"], ("dates", row)
        for name, allowed in enums.items():
            assert row.get(name) is None or row[name] in allowed, ("enum", name, row.get(name))
    return len(events)


_ENUMS: dict | None = None


def _enums() -> dict:
    global _ENUMS
    if _ENUMS is None:
        from conflict_timeline.settings import SCHEMA_DIR

        schema = json.loads((SCHEMA_DIR / "events.json").read_text(encoding="utf-8"))
        _ENUMS = {f["name"]: set(f["constraints"]["enum"]) for f in schema["fields"] if "enum" in f.get("constraints", {})}
    return _ENUMS


def run_one(stats: Stats, data: bytes) -> None:
    started = time.process_time()  # CPU time: a busy machine does not make an input "slow"
    try:
        seed_errors, events = _check(data)
        stats.seed_errors += seed_errors
        stats.events += events
    except Exception:  # a crash: keep the input and the traceback, go on
        stats.crashes += 1
        name = hashlib.sha1(data).hexdigest()[:16]
        stats.crashes_dir.mkdir(parents=True, exist_ok=True)
        (stats.crashes_dir / f"crash-{name}.bin").write_bytes(data)
        (stats.crashes_dir / f"crash-{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
    took = time.process_time() - started
    stats.slowest = max(stats.slowest, took)
    if took > stats.slow_limit:
        stats.slow += 1
        stats.crashes_dir.mkdir(parents=True, exist_ok=True)
        (stats.crashes_dir / f"slow-{hashlib.sha1(data).hexdigest()[:16]}.bin").write_bytes(data)
    stats.inputs += 1


def _seed_inputs() -> list[bytes]:
    texts = [bytes([i * 37 % 256, i, 1, i % 4, 0]) + p.read_bytes() for i, p in enumerate(SEED_TEXTS)]
    pages = [bytes([i * 41 % 256, i, 1, i % 4, 1]) + p.read_bytes() for i, p in enumerate(SEED_PAGES)]
    lines = [line for p in SEED_EXPORTS for line in p.read_bytes().split(b"\n") if line.strip()]
    return texts + pages + [bytes([i * 43 % 256, i, 1, i % 4, 2]) + line for i, line in enumerate(lines)]


def run_atheris(stats: Stats, max_len: int, seed: int, stats_file: Path | None, instrument: list[str]) -> None:
    import atheris

    import importlib

    # Coverage feedback from the stages named in --instrument (instrumented code runs ~10x
    # slower); the others still run on every input. Imported here first, or there is no coverage.
    with atheris.instrument_imports():
        for stage in instrument:
            importlib.import_module(f"conflict_timeline.{stage}")
    _warm_up()
    stats.started = time.monotonic()

    def target(data: bytes) -> None:
        run_one(stats, data)
        if stats.inputs >= stats.runs:
            stats.finish(f"atheris (libFuzzer, coverage of {','.join(instrument)})", stats_file)
            os._exit(1 if stats.crashes else 0)

    corpus = Path(tempfile.mkdtemp(prefix="fuzz-corpus-"))
    for number, data in enumerate(_seed_inputs()):
        (corpus / f"seed-{number}").write_bytes(data[:max_len])
    atheris.Setup([sys.argv[0], str(corpus), f"-max_len={max_len}", f"-runs={stats.runs * 2}",
                   f"-seed={seed}", "-len_control=0", "-print_final_stats=0", "-close_fd_mask=0"], target)
    atheris.Fuzz()


def _mutate(rng: random.Random, data: bytearray, pool: list[bytes]) -> bytearray:
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        at = rng.randrange(len(data) + 1)
        if op == 0 and data:  # delete a run
            del data[at:at + rng.randint(1, 64)]
        elif op == 1:  # insert random bytes
            data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op == 2:  # splice in a piece of another article
            other = rng.choice(pool)
            start = rng.randrange(len(other))
            data[at:at] = other[start:start + rng.randint(1, 200)]
        elif op == 3 and data:  # repeat a run many times (long runs stress the regexes)
            piece = data[at:at + rng.randint(1, 8)] or b"a"
            data[at:at] = piece * rng.randint(2, 300)
        elif op == 4 and data:  # flip a byte
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif op == 5:  # insert a token that means something to a stage
            data[at:at] = rng.choice([b"---\n", b"\n", b".", b",", b"\"", b" said ", b"March 2011", b"on Saturday",
                                      b"published: ", b"2015-10-24", b"\xe2\x80\x9c", b"\xff", b"killed", b"more than ",
                                      b"<p>", b"</div>", b"<script>", b'<meta charset="cp1251">', b'"text": "', b'{"date": ',
                                      b"\\u0000", b"\\ud800"])
        else:  # truncate
            del data[at:]
    return data


def run_random(stats: Stats, max_len: int, seed: int, stats_file: Path | None) -> None:
    rng = random.Random(seed)
    pool = _seed_inputs()
    corpus = list(pool)
    while stats.inputs < stats.runs:
        data = bytes(_mutate(rng, bytearray(rng.choice(corpus)), pool))[:max_len]
        run_one(stats, data)
        if rng.random() < 0.01 and len(corpus) < 500:
            corpus.append(data)
    stats.finish(f"random mutation (seed {seed})", stats_file)


def _warm_up() -> None:
    """Load every lexicon and rule file before the clock starts (first use is not a slow input)."""
    for data in _seed_inputs():
        _check(data)


def _parallel(args: argparse.Namespace, engine: str) -> None:
    """Run `--workers` fuzzing processes (different seeds, runs split between them) and sum them."""
    import subprocess

    stats = Stats(args.runs, args.crashes, args.slow)
    workdir = Path(tempfile.mkdtemp(prefix="fuzz-stats-"))
    share = -(-args.runs // args.workers)
    procs = []
    for worker in range(args.workers):
        stats_file = workdir / f"worker-{worker}.json"
        command = [sys.executable, __file__, "--engine", engine, "--runs", str(share), "--max-len", str(args.max_len),
                   "--seed", str(args.seed + worker), "--slow", str(args.slow), "--crashes", str(args.crashes),
                   "--instrument", args.instrument, "--workers", "1", "--stats-file", str(stats_file)]
        procs.append((subprocess.Popen(command, stderr=subprocess.DEVNULL), stats_file))
    for proc, stats_file in procs:
        proc.wait()
        stats.add(json.loads(stats_file.read_text(encoding="utf-8")))
    label = (f"atheris (libFuzzer, coverage of {args.instrument})" if engine == "atheris"
             else f"random mutation (seed {args.seed}+)")
    print(stats.report(f"{label} x {args.workers} processes"), flush=True)
    sys.exit(1 if stats.crashes else 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100_000, help="inputs to run (in all)")
    parser.add_argument("--engine", choices=("auto", "atheris", "random"), default="auto")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="fuzzing processes")
    parser.add_argument("--max-len", type=int, default=1024, help="largest input, bytes")
    parser.add_argument("--seed", type=int, default=20151024, help="seed of the fuzzer")
    parser.add_argument("--slow", type=float, default=1.0, help="seconds above which an input is reported as slow")
    parser.add_argument("--crashes", type=Path, default=Path("fuzz-crashes"), help="where crashing and slow inputs are saved")
    parser.add_argument("--instrument", default="ingest", help="stages atheris collects coverage from: ingest,timex,events")
    parser.add_argument("--stats-file", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "random"
    if args.workers > 1:
        _parallel(args, engine)
    stats = Stats(args.runs, args.crashes, args.slow)
    if engine == "atheris":
        run_atheris(stats, args.max_len, args.seed, args.stats_file, args.instrument.split(","))
    else:
        _warm_up()
        stats.started = time.monotonic()
        run_random(stats, args.max_len, args.seed, args.stats_file)
        sys.exit(1 if stats.crashes else 0)


if __name__ == "__main__":
    main()
