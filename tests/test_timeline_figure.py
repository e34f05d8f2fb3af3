"""What the timeline figure encodes, trace by trace (the page itself: test_timeline_browser.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conflict_timeline.timeline import build_figure, figure as figure_module, render_package, write_timeline
from conflict_timeline.timeline import encodings as enc
from conflict_timeline.timeline import encode, hover, spans
from conflict_timeline.timeline.config import CHROME_PX, DIV_ID, MARKER_SIZE, MARKER_SIZE_MAX, ROW_MIN_PX
from conflict_timeline.timeline.encode import untyped
from conflict_timeline.timeline.page import figure_json
from conflict_timeline.timeline.synthetic import synthetic_tables
from timeline_fixtures import founding_article_tables

ROOT = Path(__file__).resolve().parents[1]
XSS_DIR = ROOT / "tests" / "fixtures" / "xss"
MS_PER_DAY = 86_400_000


def _figure(tables=None, **kw):
    t = tables or founding_article_tables()
    return build_figure(t["events"], t["sources"], t["actors"], **kw)


def _ms(day: str) -> float:
    return float(pd.Timestamp(day).value // 1_000_000)


def _traces(fig, role="events", kind=None, group=None):
    """Indices of the traces with this role (and kind, group)."""
    return [
        i for i, t in enumerate(fig["data"])
        if t["meta"]["role"] == role and (kind is None or t["meta"]["kind"] == kind)
        and (group is None or t["meta"]["group"] == group)
    ]


def _rows(fig, i):
    return list(untyped(fig["rows"][i]))


def _find(fig, summary):
    """(trace index, point index) of the event whose hover summary is `summary`."""
    for i in _traces(fig):
        for k, row in enumerate(figure_module.hover_rows(fig, i)):
            if row[0] == hover.escape(summary):
                return i, k
    raise AssertionError(f"no mark for {summary!r}")


def _arr(fig, i, *path):
    node = fig["data"][i]
    for key in path:
        node = node[key]
    return untyped(node)


def test_every_event_is_drawn_by_exactly_one_event_mark():
    t = synthetic_tables(120, seed=1)
    fig = _figure(t)
    assert sum(fig["data"][i]["meta"]["events"] for i in _traces(fig)) == len(t["events"])
    rows = [r for i in _traces(fig) for r in _rows(fig, i)]
    assert sorted(rows) == list(range(len(t["events"])))


def test_there_is_one_trace_per_group_and_kind_not_one_per_event():
    medium, large = _figure(synthetic_tables(700, seed=2)), _figure(synthetic_tables(1400, seed=3))
    fixed = len(_traces(large, role="key")) + len(_traces(large, role="legend")) + len(_traces(large, role="highlight"))
    bound = 3 * len(enc.group_order()) + fixed  # spans, points and arrows per group
    assert len(medium["data"]) <= bound and len(large["data"]) <= bound


def test_day_precision_events_are_markers_and_month_year_and_interval_events_are_spans():
    fig = _figure()
    points, bars = _traces(fig, kind="points"), _traces(fig, kind="spans")
    assert all(fig["data"][i]["type"] == "scatter" and fig["data"][i]["mode"] == "markers" for i in points)
    assert all(fig["data"][i]["type"] == "bar" and fig["data"][i]["orientation"] == "h" for i in bars)
    i, k = _find(fig, "The FSA rejects Russia's offer of help")
    assert fig["data"][i]["meta"]["kind"] == "points" and _arr(fig, i, "x")[k] == _ms("2015-10-24")
    i, k = _find(fig, "A foreign-backed crisis erupts in Syria")  # March 2011: the whole month
    assert fig["data"][i]["type"] == "bar" and _arr(fig, i, "base")[k] == _ms("2011-03-01")
    assert _arr(fig, i, "x")[k] == 31 * MS_PER_DAY
    i, k = _find(fig, "Parliamentary elections planned in Syria")  # 2016: the whole year
    assert _arr(fig, i, "base")[k] == _ms("2016-01-01") and _arr(fig, i, "x")[k] == 366 * MS_PER_DAY


def test_an_ongoing_happening_runs_to_its_sources_publication_date_and_ends_in_an_arrow():
    fig = _figure()
    i, k = _find(fig, "Russia bombs positions of Daesh and other groups")
    assert _arr(fig, i, "base")[k] == _ms("2015-09-30") and _arr(fig, i, "x")[k] == 25 * MS_PER_DAY
    arrows = _traces(fig, role="ongoing", group="Conflict")
    assert len(arrows) == 1 and list(_arr(fig, arrows[0], "x")) == [_ms("2015-10-24")]
    assert fig["data"][arrows[0]]["marker"]["symbol"] == "triangle-right"
    assert _arr(fig, arrows[0], "y")[0] == _arr(fig, i, "y")[k]


def test_modality_is_encoded_by_marker_shape_and_fill_and_by_span_fill():
    t = synthetic_tables(400, seed=5)
    fig = _figure(t)
    modality = t["events"].set_index("summary")["modality"]
    for i in _traces(fig, kind="points"):
        marker = fig["data"][i]["marker"]
        for symbol, fill, row in zip(marker["symbol"], marker["color"], figure_module.hover_rows(fig, i)):
            mod = row[1].split(" · ")[1]
            assert symbol == enc.MODALITY_SYMBOLS[mod]
            assert (fill == enc.TRANSPARENT) == (mod in enc.HOLLOW_MARKERS)  # planned, hypothetical: hollow
    looks = {(enc.MODALITY_SYMBOLS[m], m in enc.HOLLOW_MARKERS) for m in enc.MODALITY_SYMBOLS}
    assert len(looks) == len(enc.MODALITY_SYMBOLS)  # every modality looks different
    for i in _traces(fig, kind="spans"):
        marker = fig["data"][i]["marker"]
        for shape, fill, row in zip(marker["pattern"]["shape"], marker["color"], figure_module.hover_rows(fig, i)):
            mod = row[1].split(" · ")[1]
            assert shape == enc.MODALITY_PATTERNS[mod]
            assert fill.startswith("rgba(") == (mod == "planned")  # planned spans are hollow
    assert set(modality) >= {"asserted", "reported", "planned", "negated"}


def test_webgl_markers_are_circles_whose_fill_shows_the_modality(monkeypatch):
    monkeypatch.setattr(figure_module, "WEBGL_THRESHOLD", 50)
    fig = _figure(synthetic_tables(400, seed=5))
    for i in _traces(fig, kind="points"):  # other shapes cost WebGL a distance field and a shader
        marker = fig["data"][i]["marker"]
        assert fig["data"][i]["type"] == "scattergl" and marker["symbol"] == "circle"
        colour = enc.GROUP_COLOURS[fig["data"][i]["meta"]["group"]]
        modality = fig["data"][i]["meta"]["modality"]  # one trace per group and modality: one fill each
        assert (marker["color"], marker["line"]["color"]) == enc.marker_fill(modality, colour, gl=True)
        assert {row[1].split(" · ")[1] for row in figure_module.hover_rows(fig, i)} == {modality}
    for colour in enc.GROUP_COLOURS.values():  # every modality looks different in every lane colour
        assert len({enc.marker_fill(m, colour, gl=True) for m in enc.MODALITY_SYMBOLS}) == len(enc.MODALITY_SYMBOLS)
    assert enc.marker_fill("planned", "#D55E00", gl=True)[0] == enc.TRANSPARENT  # planned: hollow
    key = [fig["data"][i]["marker"] for i in _traces(fig, role="key")][:len(enc.MODALITY_LABELS)]
    assert {m["symbol"] for m in key} == {"circle"}  # the key shows the markers of this page
    assert {fig["data"][i]["type"] for i in _traces(fig, role="ongoing")} == {"scatter"}


def test_casualty_events_grow_with_the_square_root_of_fatalities_within_bounds():
    t = synthetic_tables(600, seed=6)
    fig = _figure(t)
    sizes = {}
    for i in _traces(fig, kind="points"):
        for size, row in zip(_arr(fig, i, "marker", "size"), figure_module.hover_rows(fig, i)):
            match = re.search(r"at least ([\d,]+) killed", row[1])
            sizes.setdefault(int(match.group(1).replace(",", "")) if match else 0, set()).add(round(float(size), 4))
    assert sizes[0] == {MARKER_SIZE}
    tolls = sorted(k for k in sizes if k)
    assert len(tolls) >= 3
    grown = [max(sizes[k]) for k in tolls]
    assert grown == sorted(grown) and MARKER_SIZE < grown[0] and grown[-1] <= MARKER_SIZE_MAX
    # square root: 4x the deaths, 2x the growth (below the bound)
    if 12 in sizes and 3 in sizes:
        assert (max(sizes[12]) - MARKER_SIZE) == pytest.approx(2 * (max(sizes[3]) - MARKER_SIZE), rel=1e-4)


def test_colours_come_from_the_okabe_ito_palette_by_lane_group():
    fig = _figure(synthetic_tables(300, seed=7))
    okabe_ito = set(enc.OKABE_ITO.values())
    for i in _traces(fig):
        t = fig["data"][i]
        colour = t["marker"]["line"]["color"]
        assert colour == enc.GROUP_COLOURS[t["meta"]["group"]]
        assert colour in okabe_ito
        if t["type"] != "bar":
            assert set(t["marker"]["color"]) <= {colour, enc.TRANSPARENT}


def test_the_legend_explains_colour_shape_fill_spans_arrows_and_size():
    fig = _figure()
    key = [fig["data"][i]["name"] for i in _traces(fig, role="key")]
    for words in ("asserted", "reported", "planned", "negated", "hypothetical", "month, year or interval",
                  "hatched", "going on at publication", "fatalities"):
        assert any(words in name for name in key), words
    swatches = [fig["data"][i] for i in _traces(fig, role="legend")]
    assert [t["name"] for t in swatches] == ["Cooperation", "Statements", "Conflict", "Politics", "Toll"]
    assert [t["marker"]["color"] for t in swatches] == [enc.GROUP_COLOURS[t["name"]] for t in swatches]
    drawn = [fig["data"][i] for i in _traces(fig) + _traces(fig, role="ongoing")]
    assert all(t["showlegend"] is False for t in drawn)
    assert {t["legendgroup"] for t in drawn} == {t["legendgroup"] for t in swatches}  # a click toggles the group


def test_events_on_the_same_day_in_the_same_lane_are_stacked_not_hidden():
    rows = []
    base = founding_article_tables()
    for i in range(9):
        e = base["events"].iloc[4].copy()
        e["event_id"], e["summary"] = f"ev-{i:016x}", f"Statement {i}"
        rows.append(e)
    t = dict(base, events=pd.DataFrame(rows))
    fig = _figure(t)
    ys = [y for i in _traces(fig) for y in _arr(fig, i, "y")]
    assert len(set(ys)) == 9
    top = fig["layout"]["yaxis"]["range"][0]  # the one lane grew to hold its rows: -0.5 .. top
    assert -0.5 < min(ys) and max(ys) < top and max(ys) - min(ys) <= 0.8 * (top + 0.5)
    px_per_unit = (fig["layout"]["height"] - CHROME_PX) / (top + 0.5)
    assert np.diff(sorted(ys)).min() * px_per_unit >= ROW_MIN_PX - 0.5  # rows far enough apart to read
    assert figure_json(_figure(t)) == figure_json(fig)  # deterministic


def test_the_lane_dropdown_holds_group_country_actor_and_source_lanes_for_every_trace():
    fig = _figure()
    lanes = fig["lanes"]
    assert [m["mode"] for m in lanes] == ["group", "country", "actor", "source"]
    assert [b["label"] for b in fig["layout"]["updatemenus"][0]["buttons"]] == [
        "Lanes: event type", "Lanes: country", "Lanes: actor", "Lanes: source"]
    n_traces = len(_traces(fig)) + len(_traces(fig, role="ongoing"))
    for m in lanes:
        assert len(m["y"]) == len(m["y_traces"]) == n_traces
        assert [len(untyped(y)) for y in m["y"]] == [len(_arr(fig, i, "y")) for i in m["y_traces"]]
    ticks = {m["mode"]: m["relayout"]["yaxis.ticktext"] for m in lanes}
    assert "Free Syrian Army" in ticks["actor"] and "Russia" in ticks["actor"]
    assert ticks["country"] == ["Syria"]
    assert len(ticks["source"]) == 1
    assert ticks["source"][0].startswith("Iran Press TV: &#39;FSA&#39; militants") and ticks["source"][0].endswith("…")
    assert fig["layout"]["yaxis"]["ticktext"] == ticks["group"]
    assert _figure(lanes="actor")["layout"]["yaxis"]["ticktext"] == ticks["actor"]


def test_margins_are_set_so_that_plotly_draws_the_plot_only_once():
    fig = _figure()
    margin = fig["layout"]["margin"]
    assert margin["autoexpand"] is False  # plotly would grow them after a first draw, and draw again
    widest_label = max(len(t) for m in fig["lanes"] for t in m["relayout"]["yaxis.ticktext"])
    assert max(m["relayout"]["margin.l"] for m in fig["lanes"]) >= 6 * widest_label
    assert margin["r"] >= 6 * len("hatched / hollow bar = reported / planned")


def test_hover_shows_written_and_normalised_date_summary_actors_evidence_and_source():
    fig = _figure()
    i, k = _find(fig, "Lavrov offers Russian air support to the FSA")
    row = figure_module.hover_rows(fig, i)[k]
    assert row[2] == "“earlier Saturday” → 2015-10-24 (day, explicit)"
    assert row[3] == "Russia → Free Syrian Army · said by Sergei Lavrov"
    assert "Earlier Saturday, Russian Foreign Minister Sergei Lavrov said" in row[4].replace("<br>", " ")
    assert "<br>" in row[4]  # wrapped
    assert row[5].startswith("&#39;FSA&#39; militants in Syria turn down") and "Iran Press TV, 2015-10-24" in row[5]
    assert '<a href="https://www.globalsecurity.org/' in row[5]
    assert row[6].startswith("https://")
    assert all(fig["data"][i]["hovertemplate"] == hover.HOVERTEMPLATE for i in _traces(fig))


def test_hover_says_where_an_event_happened():
    fig = _figure()
    i, k = _find(fig, "Lavrov offers Russian air support to the FSA")
    assert " · in SYR" in figure_module.hover_rows(fig, i)[k][1]
    assert hover.what_line("Assault", "Conflict", "asserted", "9 killed", 1, False, "Kyiv, UKR") == \
        "Assault (Conflict) · asserted · in Kyiv, UKR · 9 killed"


def test_every_hover_text_is_stored_once():
    t = synthetic_tables(400, n_sources=5, seed=12)
    fig = _figure(t)
    strings = fig["page"]["strings"]  # one table for the hover, the filters, the cards and the list
    assert len(strings) == len(set(strings))
    assert len(fig["hover"]["sources"]) == 5  # one [hover line, URL] per source, not per event
    assert len(strings) < 5 * len(t["events"])  # summaries, dates and evidence are per event; the rest repeats
    evidence = set(untyped(fig["page"]["columns"]["evidence"]))
    assert evidence <= set(untyped(fig["page"]["reports"]["evidence"]))  # the hover's sentence is the card's
    assert not any("<br>" in strings[i] for i in evidence)  # plain: the page wraps it


def test_article_text_is_escaped_everywhere_and_only_http_links_are_made():
    tables = {n: pd.read_csv(XSS_DIR / "datapackage" / f"{n}.csv", dtype=str, keep_default_na=False)
              for n in ("events", "sources", "actors")}
    fig = _figure(tables)
    text = json.dumps([list(map(str, row)) for i in _traces(fig) for row in figure_module.hover_rows(fig, i)])
    text += json.dumps([m["relayout"]["yaxis.ticktext"] for m in fig["lanes"]])
    text += fig["layout"]["title"]["subtitle"]["text"] + " ".join(str(t["name"]) for t in fig["data"])
    assert set(re.findall(r"<(/?[a-zA-Z]+)", text)) <= {"b", "/b", "i", "/i", "br", "a", "/a"}
    assert re.findall(r'<a href="([^"]*)"', text) == []  # neither source URL is a safe http(s) URL
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in text
    assert "&lt;a href=&#34;javascript:window.__pwned=1&#34;&gt;" in text  # shown as text
    assert "<" not in figure_json(fig)  # no text can close the page's data block


@pytest.mark.parametrize("url, linked", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("HTTPS://EXAMPLE.ORG", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False), ("data:text/html,<script>", False),
    ("https://example.org/\"onmouseover=\"x", False), ("//example.org", False), ("", False), (None, False),
])
def test_only_http_and_https_urls_become_links(url, linked):
    assert bool(hover.link(url, "x")) is linked


def test_the_first_view_fits_the_data_with_padding():
    fig = _figure()
    lo, hi = (pd.Timestamp(x) for x in fig["layout"]["xaxis"]["range"])
    assert pd.Timestamp("2011-03-01") - pd.Timedelta(days=400) < lo < pd.Timestamp("2011-03-01")
    assert pd.Timestamp("2017-01-01") < hi < pd.Timestamp("2017-01-01") + pd.Timedelta(days=400)
    n = len(fig["layout"]["yaxis"]["tickvals"])
    assert fig["layout"]["yaxis"]["range"] == [n - 0.5, -0.5]
    assert [b["label"] for b in fig["layout"]["xaxis"]["rangeselector"]["buttons"]] == ["1m", "6m", "1y", "all"]
    assert fig["layout"]["xaxis"]["rangeslider"]["visible"] is True


def test_the_title_says_how_many_events_from_how_many_sources_and_the_date_span():
    fig = _figure()
    assert fig["layout"]["title"]["subtitle"]["text"] == "8 events from 1 source · 2011-03-01 to 2016-12-31"
    t = synthetic_tables(50, n_sources=4, seed=8)
    assert _figure(t)["layout"]["title"]["subtitle"]["text"].startswith("50 events from 4 sources · ")


def test_above_the_threshold_markers_are_webgl_and_spans_are_filled_paths(monkeypatch):
    t = synthetic_tables(60, seed=9)
    assert {_figure(t)["data"][i]["type"] for i in _traces(_figure(t))} <= {"scatter", "bar"}
    monkeypatch.setattr(figure_module, "WEBGL_THRESHOLD", 50)
    fig = _figure(t)
    assert {fig["data"][i]["type"] for i in _traces(fig, kind="points")} == {"scattergl"}
    filled = _traces(fig, kind="spans")
    assert filled and all(fig["data"][i]["type"] == "scatter" and fig["data"][i]["fill"] == "toself" for i in filled)
    assert sum(fig["data"][i]["meta"]["events"] for i in _traces(fig)) == 60
    marks = []
    for i in filled:  # every vertex belongs to a span, and every span of the trace has vertices
        rows = _rows(fig, i)
        assert len(rows) == len(_arr(fig, i, "x")) == len(_arr(fig, i, "y"))
        assert len(set(rows)) == fig["data"][i]["meta"]["events"]
        assert fig["data"][i].get("fillpattern", {}).get("shape", "") == enc.MODALITY_PATTERNS[fig["data"][i]["meta"]["modality"]]
        marks += sorted(set(rows))
    marks += [r for i in _traces(fig, kind="points") for r in _rows(fig, i)]
    assert sorted(marks) == list(range(60))


def test_with_webgl_an_ongoing_happening_ends_in_a_fade_over_its_last_part(monkeypatch):
    monkeypatch.setattr(figure_module, "WEBGL_THRESHOLD", 4)
    fig = _figure()
    fades = _traces(fig, role="ongoing")
    assert [fig["data"][i]["meta"]["kind"] for i in fades] == ["fades"]
    x = _arr(fig, fades[0], "x")
    # the bombing campaign (since 2015-09-30) and the death toll (since 2011) fade out over their
    # last part: at most 30% of the campaign, at most 3% of the first view for the toll
    assert x.max() == _ms("2015-10-25")
    shown = [_ms(d) for d in fig["layout"]["xaxis"]["range"]]
    assert sorted(set(x))[:2] == pytest.approx([_ms("2015-10-25") - 0.03 * (shown[1] - shown[0]),
                                  _ms("2015-10-25") - 0.3 * 25 * MS_PER_DAY])
    assert any("faded end" in fig["data"][i]["name"] for i in _traces(fig, role="key"))


def test_filled_spans_cover_exactly_their_rectangles():
    start = np.array([0.0, 10, 10, 40]) * MS_PER_DAY
    end = np.array([5.0, 30, 12, 41]) * MS_PER_DAY
    y, half = np.array([0.0, 0.3, -0.3, 0.0]), np.array([0.1, 0.1, 0.05, 0.1])
    x, side, span = spans.chain(start, end, extent_ms=41 * MS_PER_DAY)
    yv = spans.vertex_y(y, half, side, span)
    area = 0.5 * np.sum(x * np.roll(yv, -1) - np.roll(x, -1) * yv)  # shoelace: the connecting edges cancel
    assert area == pytest.approx(np.sum((end - start) * 2 * half))
    assert set(span) == {0, 1, 2, 3} and x.min() == start.min() and x.max() == end.max()
    long = span == 1  # a long span has vertices along its length (hover works at vertices)
    assert np.sum(long & (side == -1)) > 5


def test_column_text_functions_agree_with_the_one_value_rules():
    values = [None, np.nan, pd.NA, "  two  words\n", 3, 2.5, "<b>&'\"", "None", "a\u00a0b", "x" * 90 + " y"]
    assert list(encode.plain_many(values)) == [hover.plain(v) for v in values]
    texts = [hover.plain(v) for v in values]
    assert encode.escape_many(texts) == [hover.escape(t) for t in texts]
    sentence = "word " * 40
    assert encode.wrap_many([sentence.strip()], 80)[0].split("<br>") == textwrap.wrap(sentence, 80)


def test_dates_may_be_iso_strings_or_dates_and_missing_values_none_na_nan_or_empty():
    t = founding_article_tables()
    as_dates = t["events"].copy()
    as_dates["date_start"] = pd.to_datetime(as_dates["date_start"]).dt.date
    as_dates["date_end"] = [dt.date.fromisoformat(d) for d in t["events"]["date_end"]]
    as_text = t["events"].astype(str).replace({"None": "", "nan": ""})
    with_na = t["events"].copy().astype(object)
    with_na.loc[0, "actor1"], with_na.loc[1, "date_text"], with_na.loc[2, "fatalities_low"] = pd.NA, np.nan, None
    figs = [build_figure(e, t["sources"], t["actors"]) for e in (t["events"], as_dates, as_text, with_na)]
    assert figure_json(figs[0]) == figure_json(figs[1]) == figure_json(figs[2])
    assert sum(figs[3]["data"][i]["meta"]["events"] for i in _traces(figs[3])) == 8


def test_the_page_is_offline_and_byte_identical_for_identical_input(tmp_path):
    t = founding_article_tables()
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    write_timeline(t["events"], t["sources"], t["actors"], a)
    write_timeline(t["events"].copy(), t["sources"].copy(), t["actors"].copy(), b)
    from plotly.offline import get_plotlyjs

    html = a.read_text(encoding="utf-8")
    assert a.read_bytes() == b.read_bytes()
    assert get_plotlyjs() in html  # plotly.js inline
    html = html.replace(get_plotlyjs(), "")
    assert f'<div id="{DIV_ID}"' in html
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|mathjax\S*\.js|cdn\.plot\.ly|fonts\.googleapis", html, re.I)
    assert "Content-Security-Policy" in html and "connect-src 'none'" in html


def test_render_package_reads_a_built_package_and_writes_its_timeline(tmp_path):
    out = render_package(XSS_DIR / "datapackage.json", out=tmp_path / "t.html", lanes="source")
    assert out == tmp_path / "t.html" and out.stat().st_size > 1_000_000
    pkg = tmp_path / "pkg"
    (pkg / "datapackage").mkdir(parents=True)
    t = founding_article_tables()
    for name, frame in t.items():
        frame.to_csv(pkg / "datapackage" / f"{name}.csv", index=False)
    (pkg / "datapackage.json").write_text(json.dumps({"resources": [
        {"name": n, "path": f"datapackage/{n}.csv"} for n in t]}), encoding="utf-8")
    assert render_package(pkg / "datapackage.json") == pkg / "datapackage" / "timeline.html"
    assert (pkg / "datapackage" / "timeline.html").exists()


def test_render_package_names_the_file_and_the_fix_when_the_package_is_missing(tmp_path):
    from conflict_timeline.errors import ConflictTimelineError

    with pytest.raises(ConflictTimelineError, match=r"datapackage.json.*Fix"):
        render_package(tmp_path / "datapackage.json")
    with pytest.raises(ConflictTimelineError, match="--lanes"):
        render_package(XSS_DIR / "datapackage.json", out=tmp_path / "x.html", lanes="colour")


def test_a_small_page_labels_every_event_with_its_type_and_first_actor():
    t = founding_article_tables()
    fig = _figure(t)
    labels = fig["layout"]["annotations"]
    assert len(labels) == len(t["events"])
    assert {"Support: Russia", "Onset", "Casualties"} <= {a["text"] for a in labels}
    assert all(a["xref"] == "x" and a["yref"] == "y" and not a["showarrow"] for a in labels)
    for mode in fig["lanes"]:  # the dropdown moves every label with its lane
        assert sorted(k for k in mode["relayout"] if k.startswith("annotations[")) == \
            sorted(f"annotations[{k}].y" for k in range(len(labels)))


def test_label_text_from_articles_is_escaped():
    t = founding_article_tables()
    t["actors"].loc[t["actors"]["actor_id"] == "ru", "name"] = "<img src=x onerror=alert(1)>"
    texts = " ".join(a["text"] for a in _figure(t)["layout"]["annotations"])
    assert "<img" not in texts and "&lt;img" in texts


def test_a_large_page_has_no_labels():
    t = synthetic_tables(200, n_sources=3, seed=5)
    assert _figure(t)["layout"]["annotations"] == []


def test_a_timeline_of_centuries_is_drawn():
    t = founding_article_tables()
    events = t["events"].copy()
    events.loc[0, ["date_start", "date_end", "date_edtf", "date_precision"]] = ["1700-01-01", "1700-12-31", "1700", "year"]
    fig = build_figure(events, t["sources"], t["actors"])  # 300+ years overflow nanosecond arithmetic
    lo, hi = fig["layout"]["xaxis"]["range"]
    assert lo < "1700-01-01" and hi > "2016-12-31"

