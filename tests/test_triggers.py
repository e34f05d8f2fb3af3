"""Trigger matching on sentences written for the tests: the CAMEO token index, sense rules, names,
absence and the types of tolls (a killing's ASSAULT, a period's CASUALTIES)."""

from __future__ import annotations

import pytest

from conflict_timeline import extract
from conflict_timeline.events.clauses import find_hits
from conflict_timeline.events.lexicon import cameo_index
from conflict_timeline.events.toll import find_toll, is_aggregate


def _types(text: str) -> list[str]:
    return [h.type for h in find_hits(text) if not h.trigger.speech]


def _coded(text: str, dct: str = "1994-05-02") -> set[str]:
    return {r["event_type"] for r in extract(text, dct=dct, genre="news")}


def test_the_cameo_lexicon_holds_thousands_of_forms_with_their_inflections():
    forms = {" ".join(words) for entries in cameo_index().values() for words, _ in entries}
    assert len(forms) > 3000
    assert {"bludgeon", "bludgeons", "bludgeoned", "bludgeoning"} <= forms


def test_a_cameo_verb_types_a_sentence_the_own_lexicon_has_no_word_for():
    assert _types("Militiamen bludgeoned a shepherd near Gulu.") == ["ASSAULT"]


def test_a_cameo_word_after_a_determiner_is_a_noun_and_a_capitalised_one_a_name():
    assert "ASSAULT" not in _types("He spoke of the bludgeon in the museum.")
    assert _types("In March the families returned.") == []  # "March" the month, not a march


def test_an_own_trigger_wins_over_the_cameo_phrase_on_its_words():
    hits = find_hits("The militia attacked the base at dawn.")
    assert [(h.type, h.priority) for h in hits] == [("ASSAULT", 4)]


def test_a_verb_object_phrase_whose_object_is_an_own_trigger_is_that_happening():
    assert _types("Dockers staged a walkout and a strike in Gdansk.")[-1:] == ["PROTEST"]
    hits = find_hits("The dockers staged a strike in Gdansk.")
    assert [(h.type, h.priority) for h in hits] == [("PROTEST", 4)]  # one hit, ranked as its object


def test_a_protest_and_its_dispersal_are_two_happenings():
    assert _types("Police dispersed the protest in Lusaka.") == ["COERCE", "PROTEST"]


@pytest.mark.parametrize("text, kind", [
    ("Miners went on strike in Asturias on Monday.", "PROTEST"),
    ("Teachers staged a one-day strike in Nairobi on Monday.", "PROTEST"),
    ("A missile strike hit the depot near Homs on Monday.", "ASSAULT"),
    ("An air strike hit the depot near Homs on Monday.", "ASSAULT"),
])
def test_a_strike_is_a_protest_among_workers_and_an_assault_among_weapons(text, kind):
    assert kind in _coded(text)
    assert ({"PROTEST", "ASSAULT"} - {kind}).isdisjoint(_coded(text))


def test_a_crisis_that_explodes_is_no_bombing():
    assert "ASSAULT" not in _types("The currency crisis exploded in the autumn.")
    assert set(_types("A car bomb exploded outside the ministry.")) == {"ASSAULT"}


def test_riot_police_are_no_riot():
    assert "PROTEST" not in _types("Riot police stood by the gates.")


def test_a_trigger_word_inside_an_organisations_name_codes_nothing():
    assert "AGREE" not in _types("The Government of National Accord controls the capital.")
    assert "COOPERATE" not in _types("Fighters of the Alliance for the Liberation of Kivu were seen.")
    assert _types("The Battle of Kursk began in July 1943.")[:1] == ["ASSAULT"]  # a happening's name


def test_a_trigger_noun_after_no_or_without_names_nothing_that_happened():
    assert "COERCE" not in _types("There have been no arrests in the case.")
    assert "ASSAULT" not in _types("The garrison withdrew without a fight.")


@pytest.mark.parametrize("text", [
    "The rebels would retaliate against any convoy, the commander said on Monday.",
    "The group vowed to attack the pipeline again, a spokesman said on Monday.",
])
def test_a_partys_attack_to_come_is_a_threat(text):
    assert "THREATEN" in _coded(text)


def test_a_coup_is_coerce_and_a_toppled_building_no_coup():
    assert "COERCE" in _coded("The army seized power in Bamako on Tuesday.")
    assert "COERCE" not in _coded("The quake hit at dawn on Tuesday, toppling a tower.")


def test_a_killings_toll_is_its_assault_and_a_periods_toll_a_casualties_event():
    rows = extract("Gunmen killed seven miners near Jos on Sunday.", dct="2001-09-10", genre="news")
    assert [(r["event_type"], r["fatalities_low"]) for r in rows] == [("ASSAULT", 7)]
    rows = extract("At least 300 people have been killed in the region since March 1999.", dct="2001-09-10",
                   genre="news")
    assert [(r["event_type"], r["fatalities_low"]) for r in rows] == [("CASUALTIES", 300)]


def test_an_aggregate_cue_counts_only_in_the_tolls_own_clause():
    text = "It was the worst attack since the war began, when 40 people were killed in the market."
    toll = find_toll(text)
    assert (toll.low, toll.high) == (40, 40) and not is_aggregate(text, toll)
    text = "Forty people were killed in separate incidents across the province."
    assert is_aggregate(text, find_toll(text))
