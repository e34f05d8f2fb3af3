"""The temporal tagger's data files: every example of every rule file runs; every file fits the schema."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conflict_timeline.settings import TIMEX_RULES_DIR
from conflict_timeline.timex import tag
from conflict_timeline.timex.ruleset import LEXICON_FILE, load_ruleset, load_yaml, rule_files

SCHEMA = TIMEX_RULES_DIR / "schema.json"


def _examples():
    for path in rule_files():
        for i, ex in enumerate(load_yaml(path)["examples"]):
            yield pytest.param(ex, id=f"{path.stem}-{i}-{ex['text'][:30]}")


@pytest.mark.parametrize("example", list(_examples()))
def test_rule_file_example_is_tagged_with_its_value(example):
    genre = example.get("genre", "news")
    found = tag(example["text"], dt.date.fromisoformat(example["dct"]), genre)
    assert example["value"] in [t.value for t in found]
    if "untagged" in example:  # a number that is no date (rules/not_dates.yaml)
        at = example["text"].index(example["untagged"])
        assert not any(t.start < at + len(example["untagged"]) and at < t.end for t in found)


@pytest.mark.parametrize("path", rule_files() + [TIMEX_RULES_DIR / LEXICON_FILE], ids=lambda p: p.name)
def test_timex_data_file_matches_the_json_schema(path):
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(load_yaml(path), json.loads(SCHEMA.read_text()))


def test_rule_names_are_unique_across_rule_files():
    names = [r["name"] for p in rule_files() for r in load_yaml(p)["rules"]]
    assert len(names) == len(set(names))


def test_every_rule_pattern_compiles():
    for rule in load_ruleset().rules:
        assert rule.regex.pattern, rule.name


def test_a_trimmed_group_is_a_group_of_its_pattern():
    for rule in load_ruleset().rules:
        if rule.args.get("trim"):
            assert rule.args["trim"] in rule.regex.groupindex, rule.name
