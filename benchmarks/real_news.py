"""Benchmark: the rows on real conflict reporting, in one table with the issues' targets.

Runs the shared scorers (`../shared/bench/news_events.py` on the hand-coded news articles,
`../shared/bench/gva_merge.py` on the local shooting reports) with this checkout's
`conflict-timeline`, and the news scorer again on the project's own test articles
(`tests/fixtures/news`: written for the tests, coded by the same guidelines).

    python benchmarks/real_news.py [--shared ../shared] [--cli .venv/bin/conflict-timeline] [--errors]

`--errors` passes through to the scorers and prints what they list, case by case.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (corpus, key, label, target): the targets of the issues on rows and on merging.
TARGETS = [
    ("news", "F1", "event F1", 0.75),
    ("news", "dated_recall", "dated recall", 0.88),
    ("news", "date_precision", "date precision", 0.92),
    ("news", "type_acc", "type accuracy", 0.88),
    ("news", "country", "country", 0.95),
    ("news", "actor1", "actor1", 0.80),
    ("news", "actor2", "actor2", 0.65),
    ("news", "location", "location", 0.75),
    ("news", "fatalities", "fatalities", 0.85),
    ("news", "modality", "modality", 0.85),
    ("gva", "country_usa", "country USA", 0.97),
    ("gva", "place25", "place within 25 km", 0.75),
    ("gva", "fatal_exact", "toll exact", 0.70),
    ("gva", "found", "incidents found", 0.92),
    ("gva", "merge_recall", "pairwise merge recall", 0.80),
    ("gva", "merge_prec", "pairwise merge precision", 0.97),
    ("gva", "bcubed_f", "B-cubed F1", 0.90),
]


def summary(command: list[str], errors: bool) -> dict[str, str]:
    """Run one scorer; its last line is `key=value` pairs."""
    proc = subprocess.run(command + (["--errors"] if errors else []), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    lines = proc.stdout.strip().splitlines()
    if errors:
        print("\n".join(lines[:-1]))
    return dict(pair.split("=", 1) for pair in lines[-1].split() if "=" in pair)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cli", default=str(ROOT / ".venv" / "bin" / "conflict-timeline"))
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    bench, data = args.shared / "bench", args.shared / "data"
    if not bench.is_dir():
        sys.exit(f"{bench}: not found; give --shared the folder that holds bench/ and data/")
    results = {
        "news": summary([sys.executable, str(bench / "news_events.py"), str(data / "news" / "articles"),
                         str(data / "news" / "gold"), args.cli], args.errors),
        "gva": summary([sys.executable, str(bench / "gva_merge.py"), str(data / "gva"), args.cli], args.errors),
    }
    own = ROOT / "tests" / "fixtures" / "news"
    if (own / "articles").is_dir():
        results["own"] = summary([sys.executable, str(bench / "news_events.py"), str(own / "articles"),
                                  str(own / "gold"), args.cli], args.errors)
    print(f"{'corpus':<32} {'measure':<26} {'now':>7} {'target':>7}  ")
    labels = {"news": "shared news (25 articles)", "gva": "shared GVA (205 reports)"}
    for corpus, key, label, target in TARGETS:
        value = results[corpus].get(key, "n/a")
        try:
            verdict = "met" if float(value) >= target else "MISS"
        except ValueError:
            verdict = "n/a"
        print(f"{labels[corpus]:<32} {label:<26} {value:>7} {target:>7.2f}  {verdict}")
    if "own" in results:
        for corpus, key, label, target in TARGETS:
            if corpus == "news":
                print(f"{'own test articles':<32} {label:<26} {results['own'].get(key, 'n/a'):>7} {target:>7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
