"""The events of hand-checked articles: the founding seed and articles written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conflict_timeline.extraction import extract_document
from conflict_timeline.ingest import read_seed

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "tests" / "gold").glob("*.yaml"))


def _load(gold_path: Path):
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    path = ROOT / gold["source"]
    doc = read_seed(path, path.parent)
    result = extract_document(doc)
    return gold, doc, result


def _matches(event, want: dict, actors) -> bool:
    row = event.row()
    for key, value in want.items():
        if key == "evidence_contains":
            if value not in row["evidence"]:
                return False
        elif key == "cites":  # one of the sentences the event cites (its evidence or a further mention)
            if not any(value in cited["evidence"] for cited in event.evidence_rows()):
                return False
        elif key.endswith("_name") or key.endswith("_affiliation"):
            field, attr = key.rsplit("_", 1)
            actor = actors.get(row[field])
            if actor is None or getattr(actor, "name" if attr == "name" else "affiliation") != value:
                return False
        elif key in ("date_start", "date_end"):
            if row[key].isoformat() != value:
                return False
        elif row.get(key) != value:
            return False
    return True


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_gold_article_yields_every_gold_event(gold_path):
    gold, doc, result = _load(gold_path)
    missing = [want for want in gold["events"] if not any(_matches(e, want, result.actors) for e in result.events)]
    found = "\n".join(f"  {e.row()['date_edtf']} {e.event_type} {e.modality} {e.actor1} {e.actor2} {e.speaker}: "
                      f"{e.evidence[:60]}" for e in result.events)
    assert not missing, f"gold events not found: {missing}\nextracted:\n{found}"


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_gold_article_metadata_is_detected(gold_path):
    gold, doc, _ = _load(gold_path)
    assert doc.published == str(gold["published"])
    assert doc.title == gold["title"]
    assert doc.publisher == gold["publisher"]


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_every_event_cites_its_sentence_at_its_offsets(gold_path):
    _, doc, result = _load(gold_path)
    assert result.events
    for event in result.events:
        assert doc.body[event.char_start:event.char_end] == event.evidence
        assert event.date.start <= event.date.end


def test_site_furniture_yields_no_events():
    _, doc, result = _load(ROOT / "tests" / "gold" / "yemen_2016_aden.yaml")
    for event in result.events:
        assert "newsletter" not in event.evidence and "Share this" not in event.evidence
    assert all("Join the mailing list" not in e.evidence for e in _load(GOLD[0])[2].events)
