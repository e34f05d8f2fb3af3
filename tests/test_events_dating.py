"""How a happening gets its date from the sentences around it: the scene set right after the
lead, a weekend, a saying's own date (example sentences written for the tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_timeline import extract
from conflict_timeline.timex.values import value_range

TUESDAY = "2021-11-09"


def _assaults(text: str, dct: str = TUESDAY) -> list[dict]:
    return [r for r in extract(text, dct=dct, genre="news") if r["event_type"] == "ASSAULT"]


LEAD = "A hunter was shot and wounded in a field near Larkmoor, wardens say. "


@pytest.mark.parametrize("scene, edtf", [
    ("Wardens said the man was walking along the tree line on Sunday morning.", "2021-11-07"),
    ("A farmer said a bang came from the field at 6:40 a.m. Friday.", "2021-11-05"),  # a clock time with its day
])
def test_the_sentence_after_the_lead_with_a_day_and_its_hour_dates_the_lead_happening(scene, edtf):
    assert [r["date_edtf"] for r in _assaults(LEAD + scene)] == [edtf]


@pytest.mark.parametrize("rest", [
    "Wardens said the man was at the lodge on Sunday.",  # a day without its hour
    "The season opened last month. Wardens issue licences in the town hall. The lodge sells maps of the "
    "fields. Wardens said the man was walking along the tree line on Sunday morning.",  # far from the lead
    '"We walked the tree line on Sunday morning," a warden said.',  # in a quotation
])
def test_no_scene_is_set_without_the_hour_far_from_the_lead_or_in_a_quotation(rest):
    assert [r["date_source"] for r in _assaults(LEAD + rest)] == ["document"]


def test_a_holiday_weekend_is_its_saturday_and_sunday():
    rows = _assaults("A teenager was wounded in an accidental shooting at a cabin over the holiday weekend.",
                     dct="2016-09-06")
    assert [(r["date_start"], r["date_end"], r["date_edtf"]) for r in rows] == \
        [(dt.date(2016, 9, 3), dt.date(2016, 9, 4), "2016-09-03/2016-09-04")]


def test_a_day_beats_the_weekend_it_falls_in():
    rows = _assaults("A boy was killed over the weekend, on Saturday, at a rifle range near Fallowmere.",
                     dct="2016-09-06")
    assert [r["date_edtf"] for r in rows] == ["2016-09-03"]


def test_a_weekend_and_a_day_in_it_tell_one_happening():
    rows = _assaults("Neighbours in Dunmere talked about a shooting at a party over the weekend. "
                     "The student was shot Saturday night at the party, police said.",
                     dct="2016-09-06")
    assert len(rows) == 1


def test_a_weekend_value_is_two_days():
    assert value_range("2016-W35-WE") == (dt.date(2016, 9, 3), dt.date(2016, 9, 4), "day")


def test_a_happening_named_as_the_topic_of_another_act_does_not_take_that_acts_day():
    from conflict_timeline.extraction import extract_document
    from conflict_timeline.ingest import read_text

    def dates(text):
        doc = read_text(text, overrides={"published": "2013-01-30", "genre": "news"})
        return [(e.event_type, e.date.edtf) for e in extract_document(doc).events]

    topic = "Police released photos Tuesday of two men they want to question about a shooting at a bar in Dayton."
    assert ("ASSAULT", "2013-01-29") not in dates(topic)
    assert dates("Police arrested two men on Tuesday in connection with the killing of a shopkeeper.") == [("COERCE", "2013-01-29")]
    assert dates("Gunmen shot dead two guards at a bank in Dayton on Tuesday.")[0] == ("ASSAULT", "2013-01-29")
