"""Story time in narratives: a year named in passing (a digression) does not capture it.

The examples of rules/story.yaml run here; the histories below are written for these tests
(other wars, other centuries) and digress in the ways the story file lists.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conflict_timeline.settings import TIMEX_RULES_DIR
from conflict_timeline.timex import tag
from conflict_timeline.timex.ruleset import load_yaml, rule_files
from conflict_timeline.timex.story import STORY_FILE, load_story_rules

STORY = TIMEX_RULES_DIR / STORY_FILE
DCT = dt.date(2009, 12, 19)


def _values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, DCT, "narrative")}


@pytest.mark.parametrize("example", load_yaml(STORY)["examples"], ids=lambda e: e["text"][:40])
def test_story_file_example_keeps_its_dates(example):
    found = {t.text: t.value for t in tag(example["text"], dt.date.fromisoformat(example["dct"]), "narrative")}
    for expression, value in example["dates"].items():
        assert found.get(expression) == value, (expression, found)


def test_story_file_matches_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(load_yaml(STORY), json.loads((TIMEX_RULES_DIR / "schema.json").read_text()))


def test_story_file_is_no_rule_file():
    assert STORY not in rule_files()
    assert load_story_rules().far_years > 0


HISTORY = """\
The Siege of the Northern Fortress

In the summer of 1741 an army of forty thousand men marched on the fortress. Its walls, which
had been rebuilt in 1688, were thought to be the strongest in the region. On 3 July the
besiegers dug their first trenches. The bombardment was the heaviest since 1709, and letters
published in 1962 show that the governor expected to fall within a week. On 19 July a mine
brought down part of the eastern bastion. A plaque unveiled in memory of the defenders in 2001
marks the breach today. In August the garrison beat off two assaults, and on 2 September the
besiegers lost their commander. Historians writing in 1935 blamed his successor for what
followed. The next month disease broke out in the camp, and in November the siege was lifted.
"""


def test_a_history_that_digresses_keeps_every_bare_date_in_its_year():
    found = _values(HISTORY)
    assert found["3 July"] == "1741-07-03"
    assert found["19 July"] == "1741-07-19"
    assert found["August"] == "1741-08"
    assert found["2 September"] == "1741-09-02"
    assert found["The next month"] == "1741-10"
    assert found["November"] == "1741-11"
    # the digressions keep their own values
    assert {found["1688"], found["1709"], found["1962"], found["2001"], found["1935"]} == {"1688", "1709", "1962", "2001", "1935"}


def test_a_year_the_text_goes_on_in_moves_the_story():
    text = ("The first campaign ended in 1812. Historians agree that in 1854 a new war began. "
            "In 1854 the fleets sailed, and on 20 September the armies met on the river.")
    assert _values(text)["20 September"] == "1854-09-20"


def test_a_far_year_without_a_cue_moves_the_story():
    text = "The rising was crushed in 1831. In 1863 the provinces rose again. On 22 January the first bands attacked."
    assert _values(text)["22 January"] == "1863-01-22"


def test_news_is_not_read_for_digressions():
    text = "Rebels took the town, the largest offensive since 1994, officials said. On Friday they withdrew."
    found = {t.text: t.value for t in tag(text, dt.date(2016, 5, 4), "news")}
    assert found["Friday"] == "2016-04-29"
