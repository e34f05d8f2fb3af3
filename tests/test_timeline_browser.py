"""The timeline page as a person sees it, in headless chromium: loaded from disk, offline,
one mark per event, readable hover, working lane dropdown, and article text that runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conflict_timeline.timeline import render_package, write_timeline
from conflict_timeline.timeline.browser import READY, file_url
from conflict_timeline.timeline.config import WEBGL_THRESHOLD
from conflict_timeline.timeline.synthetic import synthetic_tables
from timeline_fixtures import founding_article_tables

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
XSS_PACKAGE = ROOT / "tests" / "fixtures" / "xss" / "datapackage.json"
ARTIFACTS = ROOT / "test-artifacts"

#: Marks drawn in the main plot (not the range slider) by traces with meta.role == 'events':
#: SVG markers and bars counted in the DOM; WebGL markers from the positions handed to the GPU
#: (calc stash); filled spans (one path per trace) as the spans with drawn vertices, when the
#: trace's path is in the DOM.
COUNT_MARKS = """() => {
  const gd = document.getElementById('conflict-timeline');
  let svg = 0, webgl = 0, filled = 0;
  const drawnTraces = new Map();
  gd.querySelectorAll('.cartesianlayer .subplot.xy .trace').forEach((tr) => {
    const t = tr.__data__ && tr.__data__[0] && tr.__data__[0].trace;
    if (!t || !t.meta || t.meta.role !== 'events') return;
    svg += tr.querySelectorAll('.points path').length;
    const fill = tr.querySelector('.js-fill');
    if (fill && (fill.getAttribute('d') || '').length > 1) drawnTraces.set(t.index, true);
  });
  gd._fullData.forEach((t, i) => {
    if (!t.meta || t.meta.role !== 'events' || t.visible !== true) return;
    if (t.type === 'scattergl') {
      const s = gd.calcdata[i][0].t;
      for (let k = 0; k < s.x.length; k++) if (isFinite(s.x[k]) && isFinite(s.y[k])) webgl++;
    } else if (t.fill === 'toself' && drawnTraces.get(t.index)) {
      const spans = new Set();
      gd.calcdata[i].forEach((p, k) => { if (isFinite(p.x) && isFinite(p.y)) spans.add(t.customdata[k]); });
      filled += spans.size;
    }
  });
  return {svg, webgl, filled};
}"""

#: Page position of every event mark's point (bars: their middle), for hovering.
MARK_POSITIONS = """() => {
  const gd = document.getElementById('conflict-timeline');
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
  const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
  const out = [];
  gd._fullData.forEach((t, i) => {
    if (!t.meta || t.meta.role !== 'events') return;
    gd.calcdata[i].forEach((p) => {
      const x = t.type === 'bar' ? (p.s0 + p.s1) / 2 : p.x;
      const y = t.type === 'bar' ? p.p : p.y;
      if (isNaN(x) || isNaN(y)) return;
      out.push({x: box.left + (t.type === 'bar' ? xa.l2p(x) : xa.c2p(x)), y: box.top + ya.c2p(y), trace: i});
    });
  });
  return out;
}"""


def _open(chromium_page, path: Path):
    page = chromium_page.page
    page.goto(file_url(path), wait_until="load")
    page.wait_for_function(READY, timeout=60_000)
    return page


def _hover_text(page) -> str:
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    return page.locator(".hoverlayer .hovertext").first.text_content() or ""


def _hover_at(page, x: float, y: float) -> str:
    """Hover text at (x, y), after leaving the plot so that no earlier label is read."""
    page.mouse.move(1, 1)
    page.evaluate("Plotly.Fx.unhover(document.getElementById('conflict-timeline'))")
    page.wait_for_function("document.querySelectorAll('.hoverlayer .hovertext').length === 0", timeout=5_000)
    page.mouse.move(x, y)
    return _hover_text(page)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The pages under test: the founding article, a mixed SVG page, a WebGL page, payloads."""
    out = tmp_path_factory.mktemp("timeline")
    paths = {}
    for name, tables in {
        "founding": founding_article_tables(),
        "mixed": synthetic_tables(80, n_sources=6, seed=3),
        "webgl": synthetic_tables(WEBGL_THRESHOLD + 300, seed=4),
    }.items():
        paths[name] = out / f"{name}.html"
        write_timeline(tables["events"], tables["sources"], tables["actors"], paths[name])
        paths[f"{name}_events"] = len(tables["events"])
    paths["xss"] = render_package(XSS_PACKAGE, out=out / "xss.html")
    return paths


def test_page_loads_from_disk_with_no_console_errors_and_no_network_requests(chromium_page, pages):
    page = _open(chromium_page, pages["founding"])
    page.mouse.move(700, 400)
    assert chromium_page.console_errors == []
    assert chromium_page.page_errors == []
    assert chromium_page.blocked == []
    assert chromium_page.requests == [file_url(pages["founding"])]
    assert page.locator(".gtitle").first.text_content() == "Conflict timeline"
    assert "8 events from 1 source" in page.locator(".gtitle-subtitle").first.text_content()


def test_every_event_is_drawn_as_exactly_one_mark(chromium_page, pages):
    _open(chromium_page, pages["mixed"])
    counts = chromium_page.page.evaluate(COUNT_MARKS)
    assert counts == {"svg": pages["mixed_events"], "webgl": 0, "filled": 0}


@pytest.mark.parametrize("name", ["founding", "mixed", "webgl"])
def test_the_plot_is_drawn_once_without_plotly_growing_the_margins(chromium_page, pages, name):
    page = _open(chromium_page, pages[name])
    # plotly counts the redraws it does after growing the margins of a first draw
    assert page.evaluate("'_redrawFromAutoMarginCount' in document.getElementById('conflict-timeline')._fullLayout") is False
    # the lane labels and legends fit in the margins set for them
    fits = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline'), box = gd.getBoundingClientRect();
      const inside = (el) => { const b = el.getBoundingClientRect(); return b.left >= box.left - 1 && b.right <= box.right + 1; };
      return Array.from(gd.querySelectorAll('.ytick text, .legend text')).every(inside);
    }""")
    assert fits


def test_webgl_page_draws_every_event_and_logs_no_errors(chromium_page, pages):
    page = _open(chromium_page, pages["webgl"])
    counts = page.evaluate(COUNT_MARKS)
    assert counts["svg"] == 0 and counts["webgl"] > 0 and counts["filled"] > 0
    assert counts["webgl"] + counts["filled"] == pages["webgl_events"]
    # every WebGL point and every vertex of a filled span has its hover row, with the source line
    rows_ok = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline');
      return gd._fullData.filter((t) => t.meta && t.meta.role === 'events').every((t) =>
        t.customdata.length === t._length &&
        t.customdata.every((row) => typeof row[5] === 'string' && row[5].length > 0));
    }""")
    assert rows_ok
    # switching lanes moves every mark, and still draws every event
    page.locator(".updatemenu-header-group").click()
    page.locator(".updatemenu-dropdown-button", has_text="Lanes: actor").click()
    page.wait_for_function("document.getElementById('conflict-timeline').dataset.lanes === 'actor'")
    counts = page.evaluate(COUNT_MARKS)
    assert counts["webgl"] + counts["filled"] == pages["webgl_events"]
    assert chromium_page.console_errors == [] and chromium_page.page_errors == []


def test_webgl_spans_show_their_hover_along_their_whole_length(chromium_page, pages):
    page = _open(chromium_page, pages["webgl"])
    # the middle vertex of the longest filled span
    spot = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
      const b = gd.querySelector('.nsewdrag').getBoundingClientRect();
      let best = null;
      gd._fullData.forEach((t, i) => {
        if (t.fill !== 'toself' || !t.meta || t.meta.kind !== 'spans') return;
        const count = new Map();
        t.customdata.forEach((row) => count.set(row, (count.get(row) || 0) + 1));
        count.forEach((n, row) => {
          if (best && n <= best.n) return;
          const ks = [];
          t.customdata.forEach((r, k) => { if (r === row) ks.push(k); });
          const p = gd.calcdata[i][ks[Math.floor(ks.length / 2)]];
          best = {n: n, x: b.left + xa.c2p(p.x), y: b.top + ya.c2p(p.y), summary: row[0]};
        });
      });
      return best;
    }""")
    assert spot["n"] >= 8  # a long span has vertices all along it
    text = _hover_at(page, spot["x"], spot["y"])
    assert "Source" in text and "Fighting and talks in Syria" in text


def test_hovering_an_event_shows_its_evidence_sentence_dates_and_source(chromium_page, pages):
    page = _open(chromium_page, pages["founding"])
    tables = founding_article_tables()
    wanted = tables["events"].set_index("summary").loc["The FSA rejects Russia's offer of help"]
    positions = page.evaluate(MARK_POSITIONS)
    for pos in positions:
        text = _hover_at(page, pos["x"], pos["y"])
        if "The FSA rejects Russia" in text:
            break
    else:
        pytest.fail("no mark showed the FSA rejection on hover")
    assert _squash(wanted["evidence"]) in _squash(text)
    assert "“on Saturday” → 2015-10-24" in text
    assert "Iran Press TV" in text
    assert page.locator(".hoverlayer a").count() == 1


def test_hovering_a_span_away_from_its_ends_shows_it(chromium_page, pages):
    page = _open(chromium_page, pages["founding"])
    box = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
      const b = gd.querySelector('.nsewdrag').getBoundingClientRect();
      const i = gd._fullData.findIndex((t) => t.meta && t.meta.group === 'Toll' && t.type === 'bar');
      const p = gd.calcdata[i][0];
      return {x: b.left + xa.l2p(p.s0 + (p.s1 - p.s0) * 0.4), y: b.top + ya.c2p(p.p)};
    }""")
    assert "More than 250,000 people killed" in _hover_at(page, box["x"], box["y"])


def test_lane_dropdown_switches_the_lanes_to_actors_and_to_sources(chromium_page, pages):
    page = _open(chromium_page, pages["mixed"])

    def ticks():
        return [t.text_content() for t in page.locator(".yaxislayer-above .ytick text").all()]

    groups = ticks()
    assert "Statements" in groups
    for label, mode in (("Lanes: actor", "actor"), ("Lanes: source", "source"), ("Lanes: event type", "group")):
        page.locator(".updatemenu-header-group").click()
        page.locator(".updatemenu-dropdown-button", has_text=label).click()
        page.wait_for_function(f"document.getElementById('conflict-timeline').dataset.lanes === '{mode}'")
        if mode == "actor":
            assert set(ticks()) & {"Russia", "Free Syrian Army", "Syrian government", "Daesh"}
        elif mode == "source":
            assert any(t.startswith(("Reuters", "Iran Press TV", "Al Jazeera")) for t in ticks())
        else:
            assert ticks() == groups
    assert chromium_page.page.evaluate(COUNT_MARKS)["svg"] == pages["mixed_events"]
    assert chromium_page.console_errors == []


def test_the_founding_page_labels_every_event_and_its_labels_follow_the_lanes(chromium_page, pages):
    page = _open(chromium_page, pages["founding"])
    n = len(founding_article_tables()["events"])

    def label_centres():
        return page.evaluate("""() => [...document.querySelectorAll('.annotation')].map((a) => {
          const r = a.getBoundingClientRect(); return Math.round(r.top + r.height / 2); })""")

    before = label_centres()
    assert len(before) == n and "Support: Russia" in (page.locator(".annotation-text").all_text_contents())
    page.locator(".updatemenu-header-group").click()
    page.locator(".updatemenu-dropdown-button", has_text="Lanes: actor").click()
    page.wait_for_function("document.getElementById('conflict-timeline').dataset.lanes === 'actor'")
    after = label_centres()
    assert len(after) == n and after != before
    assert chromium_page.console_errors == []


def test_range_buttons_and_range_slider_are_on_the_page(chromium_page, pages):
    page = _open(chromium_page, pages["founding"])
    assert [b.text_content() for b in page.locator(".rangeselector .button").all()] == ["1m", "6m", "1y", "all"]
    assert page.locator(".rangeslider-container").count() == 1


def test_article_text_full_of_html_and_javascript_runs_nothing(chromium_page, pages):
    page = _open(chromium_page, pages["xss"])
    positions = page.evaluate(MARK_POSITIONS)
    assert len(positions) == 6
    seen = []
    for pos in positions:
        seen.append(_hover_at(page, pos["x"], pos["y"]))
        page.mouse.click(pos["x"], pos["y"])  # a click opens http(s) sources only
    for label in ("Lanes: actor", "Lanes: source"):
        page.locator(".updatemenu-header-group").click()
        page.locator(".updatemenu-dropdown-button", has_text=label).click()
        page.mouse.move(5, 5)
    shown = " ".join(seen)
    assert len({text.split("Statement")[0][:40] for text in seen}) >= 5  # (nearly) every mark was hovered
    assert '<img src=x onerror="window.__pwned=1">' in shown  # shown as text, not run
    assert "<script>window.__pwned=1</script>" in shown
    assert "Tom &amp; Jerry &lt;b&gt;not bold&lt;/b&gt;" in shown
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("#conflict-timeline img, #conflict-timeline iframe, #conflict-timeline script").count() == 0
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href') || a.getAttribute('xlink:href'))")
    assert not any(h and h.lower().startswith("javascript") for h in hrefs)
    assert chromium_page.dialogs == []
    assert chromium_page.requests == [file_url(pages["xss"])]
    assert chromium_page.console_errors == [] and chromium_page.page_errors == []
    assert len(page.context.pages) == 1  # no click opened anything


def test_preview_png_is_saved_as_a_test_artifact(chromium_browser, pages):
    from conflict_timeline.timeline.preview import write_png

    ARTIFACTS.mkdir(exist_ok=True)
    png = write_png(pages["founding"], ARTIFACTS / "timeline.png", browser=chromium_browser)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000


def test_the_page_builds_the_hover_rows_that_figure_hover_rows_describes(chromium_page, tmp_path):
    """The page wraps and escapes each evidence sentence itself (page.js), by encode.wrap_many's
    rule: long words, characters outside the BMP, markup and quotes come out as in Python."""
    from conflict_timeline.timeline.figure import build_figure, hover_rows

    tables = synthetic_tables(40, n_sources=4, seed=5)
    ev = tables["events"]
    ev.loc[0, "evidence"] = "x" * 190 + " short " + "\U0001F600" * 85 + " Tom & Jerry <b>not bold</b> 'single' \"double\""
    ev.loc[1, "evidence"] = ""
    ev.loc[2, "evidence"] = ("word " * 16).strip() + " " + "y" * 80 + " end"
    ev.loc[3, "evidence"] = "Ünïcödé «quotes» — dashes\u00a0and a tab\there " * 4
    fig = build_figure(tables["events"], tables["sources"], tables["actors"])
    path = tmp_path / "rows.html"
    write_timeline(tables["events"], tables["sources"], tables["actors"], path)
    page = _open(chromium_page, path)
    shown = page.evaluate("document.getElementById('conflict-timeline').data.map((t) => t.customdata || null)")
    expected = [hover_rows(fig, i) or None for i in range(len(fig["data"]))]
    assert shown == expected
    assert any("<br>" in row[4] and "&lt;b&gt;" in row[4] for rows in expected if rows for row in rows)
    assert chromium_page.console_errors == [] and chromium_page.page_errors == []
