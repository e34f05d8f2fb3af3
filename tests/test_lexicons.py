"""Every lexicon data file matches its JSON Schema, and every example a file carries runs."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conflict_timeline import extract
from conflict_timeline.events.actors import ActorRegistry
from conflict_timeline.events.places import find_places
from conflict_timeline.events.sentences import dateline_end, split_sentences
from conflict_timeline.settings import PACKAGE_ROOT, SCHEMA_DIR

LEXICON_DIRS = [PACKAGE_ROOT / "events" / "lexicons", PACKAGE_ROOT / "ingest" / "data", PACKAGE_ROOT / "merge" / "data"]
FILES = sorted(p for d in LEXICON_DIRS for p in d.glob("*.yaml"))
DCT = "2016-05-04"


def _examples(name: str) -> list[dict]:
    return yaml.safe_load((PACKAGE_ROOT / "events" / "lexicons" / f"{name}.yaml").read_text())["examples"]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_lexicon_file_matches_its_json_schema(path):
    schema = json.loads((path.parent / "schemas" / f"{path.stem}.schema.json").read_text())
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert path.read_text(encoding="utf-8").startswith("# format: "), "a data file starts with a header stating its format"


@pytest.mark.parametrize("example", _examples("triggers"), ids=lambda e: e["text"])
def test_trigger_examples_code_their_type(example):
    assert example["type"] in {r["event_type"] for r in extract(example["text"], dct=DCT)}


@pytest.mark.parametrize("example", _examples("cues"), ids=lambda e: e["text"])
def test_modality_examples_get_their_modality(example):
    assert example["modality"] in {r["modality"] for r in extract(example["text"], dct=DCT)}


@pytest.mark.parametrize("example", [e for e in _examples("sentences") if "sentences" in e], ids=lambda e: e["text"])
def test_sentence_examples_split_as_written(example):
    assert len(split_sentences(example["text"])) == example["sentences"]


@pytest.mark.parametrize("example", [e for e in _examples("sentences") if "triggers" in e], ids=lambda e: e["text"])
def test_reference_noun_examples_keep_only_their_triggers(example):
    from conflict_timeline.events.clauses import find_hits

    assert [h.type for h in find_hits(example["text"]) if not h.trigger.speech] == example["triggers"]


@pytest.mark.parametrize("example", [e for e in _examples("sentences") if "dateline" in e], ids=lambda e: e["text"])
def test_wire_dateline_examples_end_where_written(example):
    assert example["text"][:dateline_end(example["text"])] == example["dateline"]


@pytest.mark.parametrize("example", [e for e in _examples("sentences") if "undated" in e or "dated" in e],
                         ids=lambda e: e["text"])
def test_definite_reference_examples_are_dated_as_written(example):
    coded = {r["event_type"] for r in extract(example["text"], dct=DCT, genre="news")}
    assert not coded & set(example.get("undated", []))
    assert set(example.get("dated", [])) <= coded


@pytest.mark.parametrize("example", _examples("actors"), ids=lambda e: e["text"])
def test_actor_examples_resolve_to_their_ids(example):
    assert [m.actor_id for m in ActorRegistry().find(example["text"])] == example["ids"]


@pytest.mark.parametrize("example", _examples("places"), ids=lambda e: e["text"])
def test_place_examples_resolve_to_their_country(example):
    assert find_places(example["text"])[0].country == example["country"]


def test_event_types_and_vocabularies_agree_with_the_events_schema():
    schema = {f["name"]: f for f in json.loads((SCHEMA_DIR / "events.json").read_text())["fields"]}
    lex = PACKAGE_ROOT / "events" / "lexicons"
    types = [t["code"] for t in yaml.safe_load((lex / "event_types.yaml").read_text())["types"]]
    assert schema["event_type"]["constraints"]["enum"] == types
    vocab = yaml.safe_load((lex / "vocabularies.yaml").read_text())
    for field, values in vocab.items():
        assert schema[field]["constraints"]["enum"] == list(values), field
