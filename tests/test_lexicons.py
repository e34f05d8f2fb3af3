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
    types = {r["event_type"] for r in extract(example["text"], dct=DCT)}
    if example["type"] == "none":  # the words code nothing: no typed event is published
        assert not types
    else:
        assert example["type"] in types


@pytest.mark.parametrize("example", _examples("tolls"), ids=lambda e: e["text"])
def test_toll_examples_read_their_low_and_high(example):
    from conflict_timeline.events.toll import find_toll

    toll = find_toll(example["text"])
    if example.get("toll") == "none":
        assert toll is None
    else:
        assert toll is not None and (toll.low, toll.high) == (example["low"], example["high"])


@pytest.mark.parametrize("example", _examples("cameo_verbs"), ids=lambda e: e["text"])
def test_cameo_verb_examples_code_their_type(example):
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


@pytest.mark.parametrize("example", _examples("sayings"), ids=lambda e: e["text"])
def test_saying_examples_code_a_verbal_act_only_for_a_political_act(example):
    coded = {r["event_type"] for r in extract(example["text"], dct=DCT, genre="news")}
    assert bool(coded & {"STATEMENT", "THREATEN", "REJECT"}) == example["act"], coded


@pytest.mark.parametrize("example", _examples("mentions"), ids=lambda e: e["text"])
def test_mention_examples_code_one_event_per_happening(example):
    rows = extract(example["text"], dct=DCT, genre="news")
    assert len(rows) == example["events"], [(r["event_type"], r["date_edtf"], r["evidence"]) for r in rows]


@pytest.mark.parametrize("example", _examples("actors"), ids=lambda e: e["text"])
def test_actor_examples_resolve_to_their_ids(example):
    assert [m.actor_id for m in ActorRegistry().find(example["text"])] == example["ids"]


@pytest.mark.parametrize("example", [e for e in _examples("places") if "location" not in e], ids=lambda e: e["text"])
def test_place_examples_resolve_to_their_country(example):
    assert find_places(example["text"])[0].country == example["country"]


@pytest.mark.parametrize("example", [e for e in _examples("places") if "location" in e], ids=lambda e: e["text"])
def test_place_examples_code_their_location(example):
    from conflict_timeline.events.gazetteer import region

    rows = extract(example["text"], dct=DCT, genre="news")
    assert rows, "the example codes an event"
    row = rows[0]
    assert (row["location"], row["geo_precision"]) == (example["location"], example["precision"])
    if "region" not in example:  # a place the gazetteer does not hold: named, without coordinates
        assert row["country"] == example["country"] and row["latitude"] is None
        return
    place = region(example["region"])
    assert row["country"] == place.country
    assert row["latitude"] is not None and row["longitude"] is not None


GAZETTEER_FILES = sorted((PACKAGE_ROOT / "events" / "lexicons" / "gazetteer").glob("*.tsv.gz"))


def _gazetteer_rows(path):
    import gzip

    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    header = [line for line in lines if line.startswith("# ")]
    body = [line for line in lines if not line.startswith("#")]
    columns = body[0].split("\t")
    return header, columns, [dict(zip(columns, line.split("\t"))) for line in body[1:]]


@pytest.mark.parametrize("path", GAZETTEER_FILES, ids=lambda p: p.name)
def test_gazetteer_file_matches_its_json_schema(path):
    """Header (format, source, licence, example) and every row match the file's JSON Schema;
    the header's example row is a row of the file."""
    schema = json.loads((path.parent.parent / "schemas" / f"gazetteer-{path.name.split('.')[0]}.schema.json").read_text())
    header, columns, rows = _gazetteer_rows(path)
    assert header[0].startswith("# format: "), "a data file starts with a header stating its format"
    assert any(h.startswith("# licence: CC BY 4.0") for h in header) and any(h.startswith("# source: ") for h in header)
    validator = jsonschema.Draft202012Validator(schema)
    step = max(1, len(rows) // 20000)  # a deterministic sample of the large file, every row of the small one
    for row in rows[::step]:
        validator.validate(row)
    example = next(h for h in header if h.startswith("# example: "))[len("# example: "):]
    assert dict(zip(columns, example.split("\t"))) in rows


def test_event_types_and_vocabularies_agree_with_the_events_schema():
    schema = {f["name"]: f for f in json.loads((SCHEMA_DIR / "events.json").read_text())["fields"]}
    lex = PACKAGE_ROOT / "events" / "lexicons"
    types = [t["code"] for t in yaml.safe_load((lex / "event_types.yaml").read_text())["types"]]
    assert schema["event_type"]["constraints"]["enum"] == types
    vocab = yaml.safe_load((lex / "vocabularies.yaml").read_text())
    for field, values in vocab.items():
        assert schema[field]["constraints"]["enum"] == list(values), field
