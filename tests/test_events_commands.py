"""The `extract` and `eval-events` commands, places with coordinates, and merging across articles."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from conflict_timeline import extract
from conflict_timeline.events.commands import run_eval_events
from conflict_timeline.events.evaluate import score_document
from conflict_timeline.extraction import extract_document
from conflict_timeline.ingest import read_text
from conflict_timeline.package.tables import build_tables

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "conflict-timeline"
TINY = ROOT / "tests" / "fixtures" / "timeml_events" / "tiny_news.tml"


def test_extract_json_prints_one_event_per_line_with_offsets_into_the_body():
    seed = ROOT / "tests" / "fixtures" / "articles" / "ukraine_2022_front_matter.txt"
    proc = subprocess.run([str(CLI), "extract", str(seed), "--json"], capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    body = read_text(seed.read_text(encoding="utf-8")).body
    assert rows and all(body[r["char_start"]:r["char_end"]] == r["evidence"] for r in rows)
    assert {"event_id", "date_edtf", "event_type", "actor1", "modality", "country"} <= set(rows[0])


def test_extract_table_is_readable():
    seed = ROOT / "tests" / "fixtures" / "articles" / "yemen_2016_aden.txt"
    proc = subprocess.run([str(CLI), "extract", str(seed)], capture_output=True, text=True, check=True)
    assert "Saudi-led coalition" in proc.stdout and "2016-04-11" in proc.stdout


def test_eval_events_counts_gold_dates_found_at_their_value():
    score, misses = score_document(TINY, "news")
    assert score.gold == 3
    assert score.found == 3, misses
    assert score.precision == 1.0


def test_eval_events_prints_a_table_per_directory():
    out = io.StringIO()
    run_eval_events([TINY.parent], genre="news", out=out)
    assert "recall" in out.getvalue() and "timeml_events" in out.getvalue()


def test_places_in_a_locative_frame_get_coordinates():
    rows = extract("Jets struck the town of Bakhmut on Sunday. Fighting resumed in March 2015.", dct="2022-08-14")
    struck = next(r for r in rows if "Bakhmut" in r["evidence"])
    assert struck["location"] == "Bakhmut" and struck["country"] == "UKR" and struck["geo_precision"] == "city"
    assert 48 < struck["latitude"] < 49 and 37 < struck["longitude"] < 39
    resumed = next(r for r in rows if "March 2015" in r["evidence"])
    # "in March" is a month, not the English town; the sentence names no place, so the event
    # takes the place of this one-place article
    assert resumed["location"] == "Bakhmut" and resumed["country"] == "UKR"


def test_the_same_happening_in_two_articles_is_one_event_with_two_evidence_rows():
    a = read_text("---\npublished: 2016-04-12\n---\nSaudi-led coalition jets bombed Houthi positions near Sanaa on Monday.\n", path="a.txt")
    b = read_text("---\npublished: 2016-04-13\n---\nOn Monday the Saudi-led coalition bombed Houthi positions.\n", path="b.txt")
    tables = build_tables([extract_document(a), extract_document(b)])
    assault = [r for r in tables["events"] if r["event_type"] == "ASSAULT"]
    assert len(assault) == 1 and assault[0]["source_count"] == 2
    evidence = [r for r in tables["event_sources"] if r["event_id"] == assault[0]["event_id"]]
    assert {r["source_id"] for r in evidence} == {a.source_id, b.source_id}


def test_a_happening_asserted_in_one_article_and_reported_in_another_is_one_event():
    a = read_text("---\npublished: 2016-04-12\n---\nSaudi-led coalition jets bombed Houthi positions near Sanaa on Monday.\n", path="a.txt")
    b = read_text("---\npublished: 2016-04-12\n---\nSaudi-led coalition jets bombed Houthi positions on Monday, "
                  "the Houthis said.\n", path="b.txt")
    c = read_text("---\npublished: 2016-04-12\n---\nSaudi-led coalition jets did not bomb Houthi positions on Monday.\n",
                  path="c.txt")
    tables = build_tables([extract_document(a), extract_document(b), extract_document(c)])
    assault = [r for r in tables["events"] if r["event_type"] == "ASSAULT"]
    counts = {r["modality"]: r["source_count"] for r in assault}
    assert len(assault) == 2 and counts.pop("negated") == 1 and list(counts.values()) == [2]
