"""The merge stage: which reports are one happening, and what the merged event says.

Pairs come from merge/data/matching.yaml (written for it); the articles below are written for
these tests too (other wars, outlets and decades than the shared data)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from conflict_timeline.merge import Context, Report, article_context, compatible, report_extra
from conflict_timeline.merge.combine import merged_row
from conflict_timeline.merge.lexicon import load, weight
from conflict_timeline.package.tables import build_tables
from conflict_timeline.extraction import extract_document
from conflict_timeline.ingest import read_text

SHARED_GVA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "gva"


def _report(index: int, spec: dict, source: str) -> Report:
    day = dt.date.fromisoformat(spec["date"])
    until = dt.date.fromisoformat(spec["until"]) if spec.get("until") else day
    row = {"event_type": spec.get("type", "ASSAULT"), "modality": "asserted", "date_start": day, "date_end": until,
           "date_source": spec.get("date_source", "relative"), "ongoing": spec.get("ongoing", False), "actor1": None, "actor2": None, "country": spec.get("country"),
           "location": spec.get("location"), "latitude": spec.get("latitude"), "longitude": spec.get("longitude"),
           "geo_precision": "city" if spec.get("latitude") is not None else None, "source_id": source}
    context = Context.of(article_context([spec["text"]], None))
    return Report.from_row(index, row, report_extra(spec["text"], day), context)


@pytest.mark.parametrize("example", load("matching")["examples"], ids=lambda e: e.get("why", e["a"]["text"]))
def test_matching_examples_merge_as_written(example):
    a, b = _report(0, example["a"], "src-a"), _report(1, example["b"], "src-b")
    assert compatible(a, b) is example["merge"]
    assert compatible(b, a) is example["merge"]


@pytest.mark.parametrize("example", load("rarity")["examples"], ids=lambda e: e["word"])
def test_rarity_examples_sit_in_their_band(example):
    from conflict_timeline.merge.lexicon import zipf_bands

    assert zipf_bands().get(example["word"]) == example["band"]


def test_rare_words_weigh_more_than_common_ones():
    assert weight("the") == 0 and weight("sgt") == 0
    assert weight("ranchester") > weight("tavern") > weight("house")
    assert weight("6301") > weight("16") > weight("2")


def test_within_one_article_only_the_sentences_words_count():
    """Two different happenings of one article share its context, which must not merge them."""
    a = _report(0, {"text": "Gunmen ambushed a convoy near Kismayo on Monday.", "date": "2007-04-02"}, "src-a")
    b = _report(1, {"text": "A roadside bomb struck a bus outside Baidoa on Monday.", "date": "2007-04-02"}, "src-a")
    assert not compatible(a, b)


def _article(title: str, published: str, body: str):
    text = f"---\ntitle: \"{title}\"\npublisher: Test Wire\npublished: {published}\ngenre: news\n---\n{body}\n"
    return extract_document(read_text(text, path=f"{title}.txt", sha256=hashlib.sha256(text.encode()).hexdigest()))


REPORTS = [
    ("Tavern shooting", "1998-03-14",
     "Three men were shot outside the Blue Heron tavern on Delmont Road in Millbrook late Friday, deputies said. "
     "The gunman, Carl Voss, 41, fled on foot."),
    ("Voss charged", "1998-03-16",
     "Carl Voss, 41, was charged on Monday with three counts of attempted murder. "
     "Voss shot three men outside the Blue Heron tavern on Delmont Road on Friday night, deputies said."),
    ("Other shooting", "1998-03-14",
     "A teenager was shot in the arm at a bus stop on Grant Avenue in Eufaula on Friday afternoon."),
]


def test_reports_of_one_happening_become_one_event_with_every_source():
    results = [_article(*r) for r in REPORTS]
    tables = build_tables(results)
    by_source = {r.source["source_id"]: r.source["title"] for r in results}
    evidence = tables["event_sources"]
    events = {e["event_id"]: e for e in tables["events"]}
    tavern = [e for e in events.values() if {by_source[r["source_id"]] for r in evidence if r["event_id"] == e["event_id"]}
              >= {"Tavern shooting", "Voss charged"}]
    assert tavern, "the two reports of the tavern shooting share an event"
    event = tavern[0]
    assert event["source_count"] == 2 and event["date_start"] == dt.date(1998, 3, 13)
    titles = {by_source[r["source_id"]] for r in evidence if r["event_id"] == event["event_id"]}
    assert "Other shooting" not in titles
    assert len({r["report_id"] for r in evidence}) == len(evidence)


def test_an_unrelated_article_changes_no_event_id():
    first = build_tables([_article(*r) for r in REPORTS[:2]])
    more = build_tables([_article(*r) for r in REPORTS])
    ids = {e["event_id"] for e in more["events"]}
    assert {e["event_id"] for e in first["events"]} <= ids


def _row(day: str, low, high, source: str, source_kind: str = "relative", precision: str = "day", end: str | None = None):
    start = dt.date.fromisoformat(day)
    return {"event_id": f"ev-{source}", "source_id": source, "event_type": "ASSAULT", "date_start": start,
            "date_end": dt.date.fromisoformat(end) if end else start, "date_precision": precision, "date_edtf": day,
            "date_text": None, "date_source": source_kind, "ongoing": False, "fatalities_low": low, "fatalities_high": high,
            "geo_precision": None, "country": None, "location": None, "latitude": None, "longitude": None,
            "actor1": None, "actor2": None, "speaker": None, "event_mode": None, "event_context": None, "summary": ""}


def test_the_merged_event_takes_the_agreed_date_and_the_range_of_tolls():
    rows = [_row("2003-07-01", 2, 2, "a", precision="month", end="2003-07-31"), _row("2003-07-12", 3, 3, "b"),
            _row("2003-07-15", 5, None, "c", source_kind="document")]
    event = merged_row(rows, [731400, 731410, 731420])
    assert event["date_start"] == dt.date(2003, 7, 12) and event["date_precision"] == "day"
    assert (event["fatalities_low"], event["fatalities_high"], event["fatalities_best"]) == (2, None, 5)
    assert event["event_id"] == "ev-a" and event["source_count"] == 3


@pytest.mark.skipif(not SHARED_GVA.is_dir(), reason="the shared GVA reports are not here")
def test_the_shared_gva_reports_merge(tmp_path):
    """The two reports of one shooting in the shared data share an event (read from ../shared, never copied)."""
    gold = json.loads((SHARED_GVA / "gold.json").read_text(encoding="utf-8"))["incidents"]
    from conflict_timeline.ingest import read_seed

    seeds = SHARED_GVA / "seeds"
    pairs = linked = 0
    for incident in gold[:30]:
        if len(incident["seeds"]) < 2:
            continue
        results = [extract_document(read_seed(seeds / s, seeds)) for s in incident["seeds"][:2]]
        tables = build_tables(results)
        per_event: dict[str, set] = {}
        for r in tables["event_sources"]:
            per_event.setdefault(r["event_id"], set()).add(r["source_id"])
        pairs += 1
        linked += any(len(s) == 2 for s in per_event.values())
    assert linked / pairs >= 0.5


def test_a_report_of_one_death_is_one_of_the_dead_another_report_counts():
    """"Four people were killed on the bridge" and "Adam Reyes, 31, was killed": four, not one to four."""
    rows = [_row("2015-05-03", 1, 1, "a"), _row("2015-05-03", 4, 4, "b"), _row("2015-05-03", 1, 1, "c")]
    event = merged_row(rows, [735721, 735721, 735722])
    assert (event["fatalities_low"], event["fatalities_high"]) == (4, 4)
    alone = merged_row([_row("2015-05-03", 1, 1, "a"), _row("2015-05-03", None, None, "b")], [735721, 735721])
    assert alone["fatalities_low"] == 1
    grown = merged_row([_row("2015-05-03", 2, 2, "a"), _row("2015-05-04", 3, 3, "b")], [735721, 735722])
    assert (grown["fatalities_low"], grown["fatalities_high"], grown["fatalities_best"]) == (2, 3, 3)


def test_reports_a_night_apart_give_the_happening_the_earlier_day():
    """"Gunfire broke out about 12:30 Saturday morning" and a report of Sunday's (a victim come
    forward "yesterday"), equally supported: Saturday, whichever article came first."""
    rows = [_row("2014-07-27", None, None, "a"), _row("2014-07-26", None, None, "b")]
    assert merged_row(rows, [735442, 735442])["date_start"] == dt.date(2014, 7, 26)
    explicit = [_row("2014-07-27", None, None, "a", source_kind="explicit"), _row("2014-07-26", None, None, "b")]
    assert merged_row(explicit, [735442, 735442])["date_start"] == dt.date(2014, 7, 27)


def _grouped(specs: list[dict]) -> list[list[int]]:
    from conflict_timeline.merge import group

    return group([_report(i, spec, f"src-{i}") for i, spec in enumerate(specs)])


TRENTON = {"location": "Trenton", "latitude": 40.22, "longitude": -74.74}
HIP = {"text": "A man was shot in the hip on Tuesday afternoon outside a bodega on Hanover Street.", "date": "2017-03-07",
       **TRENTON}
CHARGED = {"text": "Darnell Okafor, 25, was arrested in connection with a March 7 shooting that wounded a teenager.",
           "date": "2017-03-07"}
ARREST = {"text": "Okafor was arrested on Thursday in connection with the March 7 shooting outside a bodega on Hanover Street.",
          "date": "2017-03-07", **TRENTON}


def test_a_report_that_agrees_with_two_happenings_makes_them_one():
    """The first two share no word; the third shares the street with one and the name with the other."""
    assert _grouped([HIP, CHARGED, ARREST]) == [[0, 1, 2]]


def test_a_report_that_agrees_with_two_happenings_of_two_towns_joins_one():
    elsewhere = {**CHARGED, "location": "Paterson", "latitude": 40.92, "longitude": -74.17}
    arrest = {**ARREST, "location": None, "latitude": None, "longitude": None}
    assert sorted(map(len, _grouped([HIP, elsewhere, arrest]))) == [1, 2]


def test_an_articles_first_figure_is_its_toll_and_a_later_smaller_one_a_part_of_it():
    """"Three people were killed at a house party" and, later, "the shooter killed two at a fire pit"."""
    lead, part = _row("2016-07-30", 3, 3, "a"), _row("2016-07-30", 2, 2, "a")
    event = merged_row([lead, part], [736175, 736175])
    assert (event["fatalities_low"], event["fatalities_high"]) == (3, 3)


CHUBBUCK = {"location": "Chubbuck", "latitude": 42.92, "longitude": -112.47}
PLAYDATE = {"text": "A 5-year-old girl visiting friends on Canal Street in Chubbuck was shot by another 5-year-old "
                    "with a revolver left in a nightstand on Wednesday.", "date": "2014-07-30", **CHUBBUCK}
PLEA = {"text": "A couple charged over the shooting of a 5-year-old girl by another 5-year-old with a revolver left "
                "in a nightstand in Chubbuck last year pleaded not guilty.", "date": "2014-01-01", "until": "2014-12-31",
        **CHUBBUCK}


def test_a_report_dated_to_a_year_joins_the_happening_of_its_town_and_year_its_article_tells_of():
    assert _grouped([PLAYDATE, PLEA]) == [[0, 1]]


def test_a_report_dated_to_a_year_stays_apart_from_another_towns_and_another_years_happening():
    elsewhere = {**PLEA, "location": "Idaho Falls", "latitude": 43.49, "longitude": -112.03}
    assert len(_grouped([PLAYDATE, elsewhere])) == 2
    before = {**PLEA, "date": "2013-01-01", "until": "2013-12-31"}
    assert len(_grouped([PLAYDATE, before])) == 2

def test_within_one_article_a_days_tally_and_one_of_its_attacks_stay_two():
    """The coder tells a tally ("Nine soldiers were killed on Monday in a spate of attacks") from
    one of the attacks it counts; the merge stage keeps them apart within the article (across
    articles an attack and its toll may be one)."""
    tally = _report(0, {"text": "Nine soldiers were killed on Monday in a crash and a spate of attacks near Tarin Kot.",
                        "date": "2003-05-12", "type": "CASUALTIES"}, "src-a")
    attack = _report(1, {"text": "Four of the soldiers killed on Monday near Tarin Kot died in the crash.",
                         "date": "2003-05-12"}, "src-a")
    elsewhere = _report(1, {"text": "Four of the soldiers killed on Monday near Tarin Kot died in the crash.",
                            "date": "2003-05-12"}, "src-b")
    assert not compatible(tally, attack)
    assert compatible(tally, elsewhere)
