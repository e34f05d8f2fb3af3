"""The temporal tagger on the founding article, on sentences of our own, and on any text at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_timeline.timex import Timex, tag
from conflict_timeline.timex.anchor import choose_genre
from conflict_timeline.timex.values import is_valid_value, value_range

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "seeds" / "2015-10-24_presstv_fsa-rejects-russian-offer.txt"
DCT = dt.date(2015, 10, 24)  # a Saturday


def found(text: str, dct: dt.date, genre: str = "news") -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in tag(text, dct, genre)}


@pytest.fixture(scope="module")
def founding() -> dict[str, tuple[str, str]]:
    if not FOUNDING.exists():
        pytest.skip("founding article not in seeds/")
    return found(FOUNDING.read_text(encoding="utf-8"), DCT)


@pytest.mark.parametrize(
    "text, value",
    [
        ("March 2011", "2011-03"),
        ("June 2014", "2014-06"),
        ("September 30", "2015-09-30"),
        ("Saturday", "2015-10-24"),
        ("next year", "2016"),
    ],
)
def test_timex_dates_the_founding_articles_expressions(founding, text, value):
    assert founding[text] == ("DATE", value)


def test_timex_marks_earlier_saturday_as_timebank_does_the_weekday_alone():
    text = FOUNDING.read_text(encoding="utf-8") if FOUNDING.exists() else "remarks earlier Saturday, when"
    saturdays = [t for t in tag(text, DCT) if "Saturday" in t.text]
    assert saturdays and all((t.text, t.value) == ("Saturday", "2015-10-24") for t in saturdays)


def test_timex_reads_the_founding_articles_dateline_as_a_time(founding):
    assert founding["Sat Oct 24, 2015 2:56PM"] == ("TIME", "2015-10-24T14:56")


@pytest.mark.parametrize(
    "sentence, dct, expected",
    [
        ("Rebels shelled the town on Tuesday.", "2015-10-24", {"Tuesday": ("DATE", "2015-10-20")}),
        ("The envoy will fly to Geneva on Tuesday.", "2015-10-24", {"Tuesday": ("DATE", "2015-10-27")}),
        ("The envoy will fly to Geneva on Tuesday, officials said.", "2015-10-24", {"Tuesday": ("DATE", "2015-10-27")}),
        ("The ministry said on Tuesday that the envoy will fly to Geneva.", "2015-10-24", {"Tuesday": ("DATE", "2015-10-20")}),
        ("Sununu was told Wednesday that he had alienated the Cabinet.", "1991-12-03", {"Wednesday": ("DATE", "1991-11-27")}),
        ("The offer had been due to expire Friday.", "1989-10-30", {"Friday": ("DATE", "1989-10-27")}),
        ("Two soldiers died yesterday.", "2015-10-24", {"yesterday": ("DATE", "2015-10-23")}),
        ("The siege has lasted three months.", "2015-10-24", {"three months": ("DURATION", "P3M")}),
        ("Fighting flared last week.", "2015-10-24", {"last week": ("DATE", "2015-W42")}),
        ("The ceasefire collapsed two years ago.", "2015-10-24", {"two years ago": ("DATE", "2013")}),
        ("Talks are now stalled.", "2015-10-24", {"now": ("DATE", "PRESENT_REF")}),
        ("Convoys arrive daily.", "2015-10-24", {"daily": ("SET", "P1D")}),
        ("Over the past two weeks the army advanced.", "2015-10-24", {"the past two weeks": ("DURATION", "P2W")}),
        ("Aid reached the city in early December.", "2015-12-20", {"early December": ("DATE", "2015-12")}),
        ("The rally began at 10 p.m. on Friday.", "2015-10-24", {"10 p.m. on Friday": ("TIME", "2015-10-23T22:00")}),
        ("Police arrived at 7:15 p.m. on the scene.", "2015-10-24", {"7:15 p.m.": ("TIME", "2015-10-24T19:15")}),
        ("Police arrived at 7:15 p.m.", "2015-10-24", {"7:15 p.m": ("TIME", "2015-10-24T19:15")}),  # TimeBank
        ("The talks ended Friday, Oct. 13.", "1989-10-27", {"Friday, Oct. 13": ("DATE", "1989-10-13")}),
        ("Families gathered on Thanksgiving Day.", "2000-01-07", {"Thanksgiving Day": ("DATE", "1999-11-25")}),
        ("Voters go to the polls on Election Day.", "1998-10-26", {"Election Day": ("DATE", "1998-11-03")}),
    ],
)
def test_timex_tags_news_sentences_against_the_document_date(sentence, dct, expected):
    got = found(sentence, dt.date.fromisoformat(dct))
    for text, type_value in expected.items():
        assert got.get(text) == type_value, got


def test_timex_resolves_narrative_expressions_against_the_story_time():
    text = "The army crossed the river on June 5, 1944. Two days later it took the town. In August it reached Paris."
    got = found(text, dt.date(2009, 12, 19), "narrative")
    assert got["June 5, 1944"] == ("DATE", "1944-06-05")
    assert got["Two days later"] == ("DATE", "1944-06-07")
    assert got["August"] == ("DATE", "1944-08")


def test_timex_auto_genre_reads_war_history_as_narrative_and_reports_as_news():
    history = (
        "In 1914 war broke out. By 1916 the armies were stuck. In 1917 America joined; in 1918 it ended. "
        "The peace of 1919 did not last."
    )
    assert choose_genre(history, dt.date(2009, 12, 19)) == "narrative"
    assert choose_genre("Shelling resumed on Saturday, officials said today.", DCT) == "news"
    assert choose_genre("Carthage fell in 146 BC after sieges in 149 BC, 148 BC, 147 BC and 146 BC.", DCT) == "narrative"


def test_timex_returns_frozen_timexes_sorted_by_start():
    result = tag("On Monday, and again on Friday, the talks failed; next week they resume.", DCT)
    assert all(isinstance(t, Timex) for t in result)
    assert [t.start for t in result] == sorted(t.start for t in result)


@pytest.mark.parametrize(
    "text, dct, expected",
    [
        (  # a quarter after the DCT's is a forecast
            "Steelmakers will report losses through the third quarter of 1990. "
            "Third-quarter profit fell to $5 million from $9 million a year ago.",
            "1989-10-26",
            {"the third quarter of 1990": "1990-Q3", "Third-quarter": "1989-Q3", "a year ago": "1988-Q3"},
        ),
        (  # so is the DCT's own quarter, unless told in the past; nine months are part of a year
            "Third-quarter net rose 11% from a year ago. The earthquake will result in a fourth-quarter "
            "charge. Sales fell 5% in the latest quarter. In the first nine months, net was $306 million, "
            "up from the 1988 period. The year-ago results included a charge.",
            "1989-11-02",
            {"the latest quarter": "1989-Q3", "the 1988 period": "1988", "year-ago": "1988"},
        ),
        (  # a fiscal quarter reported in the past
            "Ralston reported a decline in fourth-quarter earnings. Sales in the latest period rose.",
            "1989-11-02",
            {"the latest period": "1989-Q4"},
        ),
    ],
)
def test_timex_does_not_take_a_forecast_quarter_for_the_quarter_reported(text, dct, expected):
    got = found(text, dt.date.fromisoformat(dct))
    assert {k: got[k] for k in expected} == {k: ("DATE", v) for k, v in expected.items()}


@pytest.mark.parametrize(
    "sentence",
    [
        'Baker said on ABC\'s "This Week," that the request was legal.',
        "Gonzalez said on CBS's ``60 Minutes.''",
        "It reminded him of the film ``High Noon.''",
        "This is VOA Today.",
        "For the people of Poland, high noon comes today.",
    ],
)
def test_timex_leaves_titles_and_names_that_look_like_dates_alone(sentence):
    assert [t.text for t in tag(sentence, DCT)] in ([], ["today"])


def test_timex_reads_a_sentence_opening_now_with_a_comma_as_a_discourse_marker():
    assert tag("Now, he says, the plan looks doomed.", DCT) == []
    assert found("The plan is now doomed.", DCT) == {"now": ("DATE", "PRESENT_REF")}


def test_timex_still_tags_capitalised_expressions_at_a_sentence_start():
    got = found("The Associated Press reported it. Yesterday, rebels attacked. Now the town is quiet.", DCT)
    assert set(got) == {"Yesterday", "Now"}


def test_timex_without_document_date_still_tags_explicit_dates():
    assert found("It began on 20 July 1944.", None)["20 July 1944"] == ("DATE", "1944-07-20")


_DCTS = st.sampled_from([DCT, None, dt.date(1, 1, 1), dt.date(9999, 12, 31)])


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300), genre=st.sampled_from(["news", "narrative", "auto"]), dct=_DCTS)
def test_timex_never_raises_and_gives_valid_non_overlapping_spans_on_any_text(text, genre, dct):
    spans = tag(text, dct, genre)
    last_end = 0
    for t in spans:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= last_end
        assert t.text == text[t.start : t.end]
        assert is_valid_value(t.value)
        last_end = t.end


_WORDS = st.sampled_from(
    ["on", "Monday", "last", "next", "week", "year", "March", "30", "2011", "ago", "two", "days", "later", "the",
     "early", "1944", "BC", "quarter", "third", "now", "10", "p.m.", "-", ",", "of", "since", "summer", "daily",
     "weekend", "tonight", "9999", "February", "29", "1/2", "century", "19th", "(", ")", "that", "same", "day"]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=25), genre=st.sampled_from(["news", "narrative"]), dct=_DCTS)
def test_timex_values_are_valid_on_text_dense_with_temporal_words(words, genre, dct):
    text = " ".join(words)
    for t in tag(text, dct, genre):
        assert is_valid_value(t.value), t
        value_range(t.value)
        assert t.text == text[t.start : t.end]


def test_timex_reads_tense_outside_the_quotation_it_is_not_in():
    dct = dt.date(2023, 11, 28)  # a Tuesday
    said = '"We will not stop until we achieve all our goals," he told reporters on Sunday.'
    assert [t.value for t in tag(said, dct, "news")] == ["2023-11-26"]
    promised = '"We will meet again on Sunday," he said.'
    assert [t.value for t in tag(promised, dct, "news")] == ["2023-12-03"]


def test_timex_never_spans_a_paragraph_break():
    text = "The last troops were withdrawn in August.\n\n1972 election and peace accords"
    assert [t.text for t in tag(text, dt.date(2009, 12, 19), "narrative")] == ["August", "1972"]


def test_timex_does_not_read_a_numbered_resolution_or_flight_as_a_year():
    text = "Citing Resolution 1483 (May 22, 2003), officials said Flight 1549 and Route 2001 stayed open."
    assert [t.value for t in tag(text, dt.date(2009, 12, 19), "news")] == ["2003-05-22"]


def test_timex_tense_is_settled_only_when_every_cue_of_the_sentence_agrees():
    from conflict_timeline.timex.tense import certain

    def settled(sentence: str, expression: str) -> int:
        i = sentence.index(expression)
        return certain(sentence, i, i + len(expression))

    assert settled("Collins will be named commander for a mission in December.", "December") == 1
    assert settled("The operator changed to a calendar year in December.", "December") == -1
    assert settled("It agreed to purchase the line in February.", "February") == 0  # the infinitive may own it
    assert settled("The loan was repaid by February.", "February") == 0  # a limit
    assert settled("It said it will redeem the notes in March.", "March") == 0  # past and future
    assert settled("Prices have risen since January and will keep rising.", "January") == -1


def test_the_end_of_a_range_is_no_future_cue_for_its_start():
    told = tag("The talks in Geneva ran from April 21 until August 6 and ended without a deal.", dt.date(2016, 8, 23))
    assert [t.value for t in told] == ["2016-04-21", "2016-08-06"]
    planned = tag("The truce will hold from October 2 until December 6.", dt.date(2016, 8, 23))
    assert [t.value for t in planned] == ["2016-10-02", "2016-12-06"]


def test_a_day_without_its_year_in_a_sentence_told_wholly_in_the_past_is_before_the_report():
    assert found("Rebels overran the garrison after a mutiny in the capital on 22 March.", dt.date(2013, 1, 13)) \
        == {"22 March": ("DATE", "2012-03-22")}
    # a present progressive may tell a plan: the nearer day stays possible
    assert found("The board said it is calling a vote of the members on Dec. 7.", dt.date(1989, 10, 30)) \
        == {"Dec. 7": ("DATE", "1989-12-07")}
