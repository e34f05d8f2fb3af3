"""TimeML values: validity and the day ranges calendar values stand for."""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_timeline.timex.values import is_valid_value, value_range

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2015-09-30", (D(2015, 9, 30), D(2015, 9, 30), "day")),
        ("2011-03", (D(2011, 3, 1), D(2011, 3, 31), "month")),
        ("2016", (D(2016, 1, 1), D(2016, 12, 31), "year")),
        ("2015-W43", (D(2015, 10, 19), D(2015, 10, 25), "week")),
        ("1999-SU", (D(1999, 6, 1), D(1999, 8, 31), "season")),
        ("2001-Q3", (D(2001, 7, 1), D(2001, 9, 30), "quarter")),
        ("198", (D(1980, 1, 1), D(1989, 12, 31), "decade")),
        ("19", (D(1900, 1, 1), D(1999, 12, 31), "century")),
        ("2015-10-24T14:56", (D(2015, 10, 24), D(2015, 10, 24), "day")),
    ],
)
def test_value_range_gives_first_and_last_day_and_precision(value, expected):
    assert value_range(value) == expected


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "FUTURE_REF", "P3D", "PXY", "XXXX-WXX-1", "XXXX-XX-XX", "BC0241"])
def test_value_range_is_none_for_non_calendar_values(value):
    assert value_range(value) is None


@pytest.mark.parametrize(
    "value",
    ["2015-09-30", "2011-03", "2016", "2015-W43", "PXY", "P3D", "PT24H", "PRESENT_REF", "1999-SU", "2001-Q3", "198",
     "19", "BC0241", "2015-10-24T14:56", "1998-02-06TMO", "XXXX-WXX-1", "P1.5M", "2000-W16-WE"],
)
def test_timeml_values_are_valid(value):
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "yesterday", "2015-13", "P", "2015-9-30", "null", "PRESENT"])
def test_non_values_are_invalid(value):
    assert not is_valid_value(value)


def test_value_range_never_raises_at_the_ends_of_the_calendar():
    for value in ("9999-W52", "9999-12-31", "0001-W01", "9999-WI", "0000"):
        value_range(value)
