"""The figure's first view and the page data behind the filters, cards and map (facets.py,
view.py); the page itself: test_timeline_page.py."""

from __future__ import annotations

import numpy as np
import pandas as pd

from conflict_timeline.timeline import build_figure
from conflict_timeline.timeline.encode import untyped
from conflict_timeline.timeline.page import figure_json
from timeline_fixtures import founding_article_tables


def _figure(tables=None, **kw):
    t = tables or founding_article_tables()
    return build_figure(t["events"], t["sources"], t["actors"], **kw)


def test_the_first_view_holds_the_bulk_and_misdated_rows_stay_where_they_are_dated():
    from timeline_fixtures import corpus_tables

    t = corpus_tables()
    fig = build_figure(t["events"], t["sources"], t["actors"], event_sources=t["event_sources"])
    lo, hi = fig["layout"]["xaxis"]["range"]
    assert "2007" <= lo[:4] <= "2008" and "2022" <= hi[:4] <= "2023"  # not 1050 .. 2220
    page = fig["page"]
    assert list(untyped(page["outside"])).count(1) == 2
    starts = sorted(untyped(page["start"]))
    assert pd.Timestamp(starts[0], unit="ms").year == 1050  # no wrap-around through nanoseconds
    assert pd.Timestamp(starts[-1], unit="ms").year == 2220


def test_a_small_page_shows_all_its_events_in_the_first_view():
    fig = _figure()
    assert not any(untyped(fig["page"]["outside"]))
    assert fig["layout"]["xaxis"]["range"][0] < "2011-03-01" and fig["layout"]["xaxis"]["range"][1] > "2016-12-31"


def test_every_report_of_an_event_is_on_its_card_and_columns_added_later_are_read():
    from timeline_fixtures import corpus_tables

    t = corpus_tables()
    t["events"]["fatalities_best"] = t["events"]["fatalities_low"]
    fig = build_figure(t["events"], t["sources"], t["actors"], event_sources=t["event_sources"])
    page, s = fig["page"], fig["page"]["strings"]
    offsets = untyped(page["reports"]["offsets"])
    counts = np.diff(offsets)
    assert counts.max() == 2 and (counts == 2).sum() == 4  # the first event of each conflict, in both reports
    tolls = {s[i] for i in untyped(page["columns"]["toll"])}
    assert "low 12 · high 15 · best 12" in tolls
    assert figure_json(fig) == figure_json(build_figure(t["events"], t["sources"], t["actors"],
                                                        event_sources=t["event_sources"]))  # deterministic
