"""The rows on real conflict reporting: the shared scorers run on the shared real articles and
on the project's own test articles, and no measure may fall below where it stands.

The floors are the figures measured when they were last raised (README "Quality"), rounded
down; a change that lowers one fails here. The shared data lies beside the checkout
(`../shared`, as in CI); outside CI the tests skip when it is absent."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CLI = Path(sys.executable).parent / "conflict-timeline"
OWN = ROOT / "tests" / "fixtures" / "news"

#: measure -> floor, per corpus (figures of the last benchmarks/real_news.py run, rounded down)
NEWS_FLOORS = {"F1": 0.69, "dated_recall": 0.79, "date_precision": 0.88, "type_acc": 0.88, "country": 0.97,
               "actor1": 0.79, "actor2": 0.69, "location": 0.82, "fatalities": 0.91, "modality": 0.88}
GVA_FLOORS = {"found": 0.92, "country_usa": 0.97, "place25": 0.81, "fatal_exact": 0.73,
              "merge_recall": 0.81, "merge_prec": 0.99, "bcubed_f": 0.91}
#: the own test articles (13: 5 short ones, 8 longer ones of other wars and outlets, coded by the same
#: guidelines to show where the coder fails on text it was not tuned on)
OWN_FLOORS = {"F1": 0.76, "dated_recall": 0.86, "date_precision": 0.89, "type_acc": 0.87, "country": 0.91,
              "actor1": 0.72, "actor2": 0.48, "location": 0.73, "fatalities": 0.69, "modality": 0.86}


def _bench(name: str) -> Path:
    script = SHARED / "bench" / name
    if not script.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{script} is missing: CI lays shared/ beside the checkout")
        pytest.skip("shared/ is not beside the checkout")
    return script


def _summary(*args: str) -> dict[str, float]:
    proc = subprocess.run([sys.executable, *args, str(CLI)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    last = proc.stdout.strip().splitlines()[-1]
    out = {}
    for pair in last.split():
        key, _, value = pair.partition("=")
        try:
            out[key] = float(value)
        except ValueError:
            pass
    return out


def _below(figures: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    return {k: (figures.get(k, 0.0), floor) for k, floor in floors.items() if figures.get(k, 0.0) < floor}


@pytest.mark.slow
def test_rows_on_shared_news_articles_stay_above_their_floors():
    data = SHARED / "data" / "news"
    figures = _summary(str(_bench("news_events.py")), str(data / "articles"), str(data / "gold"))
    assert figures["gold_problems"] == 0
    assert not _below(figures, NEWS_FLOORS)


@pytest.mark.slow
def test_rows_and_merging_on_shared_shooting_reports_stay_above_their_floors():
    figures = _summary(str(_bench("gva_merge.py")), str(SHARED / "data" / "gva"))
    assert figures["built"] == figures["articles"]
    assert not _below(figures, GVA_FLOORS)


@pytest.mark.slow
def test_rows_on_our_own_test_articles_stay_above_their_floors():
    if not (OWN / "articles").is_dir():
        pytest.skip("no test articles of our own yet")
    figures = _summary(str(_bench("news_events.py")), str(OWN / "articles"), str(OWN / "gold"))
    assert figures["gold_problems"] == 0
    assert not _below(figures, OWN_FLOORS)
