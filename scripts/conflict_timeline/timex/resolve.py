"""The resolvers that rules name (``resolve: NAME``): a registry over explicit.py and relative.py."""

from __future__ import annotations

from . import explicit, relative

RESOLVERS = {
    "date": explicit.date,
    "quarter": explicit.quarter,
    "week_of": explicit.week_of,
    "holiday": explicit.holiday,
    "year_period": explicit.year_period,
    "clock": explicit.clock,
    "noon": explicit.noon,
    "clock_day": explicit.clock_day,
    "clock_duration": explicit.clock_duration,
    "duration": explicit.duration,
    "set": explicit.set_value,
    "relative": relative.relative,
    "weekday": explicit.weekday_date,
    "part_of_day": relative.part_of_day,
    "season_rel": relative.season_rel,
    "month_rel": relative.month_rel,
    "year_quarter_rel": relative.year_quarter_rel,
    "ref_word": relative.ref_word,
    "story_time": relative.story_time,
    "weekend": relative.weekend,
    "year_end": relative.year_end,
    "period_ref": relative.period_ref,
    "some_day_in": relative.some_day_in,
}
