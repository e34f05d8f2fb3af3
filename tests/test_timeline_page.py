"""The page around the plot, in headless chromium: the first view, the filters and their count,
the card of an event, the list of the events in view, the map, and the page built from the
shared real articles (skipped when ../shared is absent). Every test also checks that the
page logged no error and asked for nothing outside itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conflict_timeline.timeline import write_timeline
from conflict_timeline.timeline.browser import DRAWN, MAP_DRAWN, READY, file_url
from timeline_fixtures import corpus_tables

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHARED_NEWS = ROOT.parent / "shared" / "data" / "news" / "articles"
#: Wide enough for the map to sit beside the timeline.
WIDE = {"width": 1800, "height": 1000}

#: The marks drawn (finite x and y) per mark index, over every event trace.
SHOWN_MARKS = """() => {
  const gd = document.getElementById('conflict-timeline'), fig = gd._fullData, shown = new Set();
  gd._fullData.forEach((t, i) => {
    if (!t.meta || t.meta.role !== 'events') return;
    const ys = gd.data[i].y;
    t.customdata.forEach((row, k) => { if (isFinite(ys[k])) shown.add(row); });  // one row object per mark
  });
  return shown.size;
}"""


@pytest.fixture(scope="module")
def corpus_page(tmp_path_factory) -> Path:
    t = corpus_tables()
    path = tmp_path_factory.mktemp("page") / "corpus.html"
    write_timeline(t["events"], t["sources"], t["actors"], path, event_sources=t["event_sources"])
    return path


def _open(chromium_page, path: Path, viewport=None):
    page = chromium_page.page
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(file_url(path), wait_until="load")
    page.wait_for_function(DRAWN, timeout=60_000)
    page.wait_for_function(READY, timeout=60_000)
    page.wait_for_function(MAP_DRAWN, timeout=60_000)
    return page


def _clean(chromium_page, path: Path) -> None:
    assert chromium_page.console_errors == [] and chromium_page.page_errors == []
    assert chromium_page.blocked == [] and chromium_page.requests == [file_url(path)]


def _attr(page, name: str) -> int:
    return int(page.evaluate(f"document.getElementById('conflict-timeline').getAttribute('data-{name}')"))


def _choose(page, name: str, label_start: str) -> None:
    sel = page.locator(f"#ct-filter-{name}")
    labels = sel.locator("option").all_text_contents()
    sel.select_option(index=next(i for i, t in enumerate(labels) if t.startswith(label_start)))
    page.wait_for_timeout(300)


def test_the_first_view_holds_the_bulk_and_lists_the_outliers(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    lo, hi = page.evaluate("document.getElementById('conflict-timeline').layout.xaxis.range")
    assert "2007" <= lo[:4] <= "2008" and "2022" <= hi[:4] <= "2023"  # not 1050 .. 2220
    outside = page.locator("#ct-outside")
    assert "2 events outside the first view" in outside.locator("summary").text_content()
    outside.locator("summary").click()
    assert sorted(t[:4] for t in outside.locator("li").all_text_contents()) == ["1050", "2220"]
    assert _attr(page, "shown") == 32
    page.locator(".rangeselector .button", has_text="all").click()  # zoomed out, they are there
    page.wait_for_function("document.getElementById('conflict-timeline').getAttribute('data-shown') === '34'")
    _clean(chromium_page, corpus_page)


def test_marks_in_the_first_view_do_not_overlap_into_a_blob(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    pairs = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
      const pts = [];
      gd._fullData.forEach((t, i) => { if (t.meta && t.meta.role === 'events' && t.meta.kind === 'points')
        gd.calcdata[i].forEach((p) => pts.push([xa.c2p(p.x), ya.c2p(p.y)])); });
      let close = 0, all = 0;
      for (let a = 0; a < pts.length; a++) for (let b = a + 1; b < pts.length; b++) {
        all++; if (Math.hypot(pts[a][0] - pts[b][0], pts[a][1] - pts[b][1]) < 6) close++; }
      return [close, all];
    }""")
    assert pairs[1] > 100 and pairs[0] == 0  # no two markers more than half on top of each other


@pytest.mark.parametrize("name, label, matching, in_view", [
    ("country", "Somalia", 8, 8), ("type", "Consult", 8, 8),
    ("actor", "FARC", 10, 8),  # and the two misdated copies of Colombian events, outside the view
    ("source", "Horn Daily: Horn Daily report 2", 4, 4),
])
def test_each_filter_keeps_its_events_and_shows_the_count(chromium_page, corpus_page, name, label, matching, in_view):
    page = _open(chromium_page, corpus_page)
    _choose(page, name, label)
    assert _attr(page, "matching") == matching and _attr(page, "shown") == in_view
    assert page.evaluate(SHOWN_MARKS) == matching  # every other mark is hidden
    count = page.locator("#ct-count").text_content()
    assert count.startswith(f"{in_view} of 34 events in view") and f"({matching} match the filters)" in count
    assert page.locator("#ct-list-body tr").count() == in_view
    _clean(chromium_page, corpus_page)


def test_filters_and_the_text_search_apply_together_and_reset(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    page.locator("#ct-search").fill("ambush")
    page.wait_for_timeout(400)
    assert _attr(page, "matching") == 3  # one per report of the Colombian conflict, and a misdated copy
    _choose(page, "source", "El Tiempo Wire: El Tiempo Wire report 1")
    assert _attr(page, "matching") == 2 and page.evaluate(SHOWN_MARKS) == 2 and _attr(page, "shown") == 1
    page.locator("#ct-search").fill("as reported earlier")  # only in the second report's sentence
    page.wait_for_timeout(400)
    assert _attr(page, "matching") == 1
    page.locator("#ct-reset").click()
    page.wait_for_timeout(300)
    assert _attr(page, "matching") == 34 and page.evaluate(SHOWN_MARKS) == 34 and _attr(page, "shown") == 32
    _clean(chromium_page, corpus_page)


def test_lanes_by_country(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    page.locator(".updatemenu-header-group").click()
    page.locator(".updatemenu-dropdown-button", has_text="Lanes: country").click()
    page.wait_for_function("document.getElementById('conflict-timeline').dataset.lanes === 'country'")
    ticks = set(page.locator(".yaxislayer-above .ytick text").all_text_contents())
    assert {"Colombia", "Somalia", "Myanmar", "Ukraine"} <= ticks
    _clean(chromium_page, corpus_page)


def test_clicking_a_mark_opens_its_card_with_every_source_and_sentence(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    _choose(page, "country", "Colombia")
    page.locator("#ct-search").fill("army troops clash")
    page.wait_for_timeout(400)
    spot = page.evaluate("""() => {
      const gd = document.getElementById('conflict-timeline'), xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
      const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
      for (let i = 0; i < gd._fullData.length; i++) {
        const t = gd._fullData[i];
        if (!t.meta || t.meta.role !== 'events') continue;
        for (const p of gd.calcdata[i]) if (isFinite(p.y) && t.customdata[p.i][0].startsWith('Army troops clash'))
          return {x: box.left + xa.c2p(p.x), y: box.top + ya.c2p(p.y)};
      }
    }""")
    page.mouse.click(spot["x"], spot["y"])
    card = page.locator("#ct-card")
    card.wait_for(state="visible")
    text = card.text_content()
    for part in ("Army troops clash with guerrillas near Medellín", "Date as written", "“on March 10”", "2008-03-10 (day)",
                 "Assault (Conflict)", "Colombian Army → FARC", "Medellín, Colombia", "low 12 · high 15", "asserted",
                 "Reported by 2 sources", "El Tiempo Wire report 1 on the fighting", "El Tiempo Wire report 2 on the fighting",
                 "the El Tiempo Wire correspondent wrote in report 1", "As reported earlier, army troops clash"):
        assert part in text, part
    hrefs = card.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert len(hrefs) == 2 and all(h.startswith("https://eltiempowire.example.net/2008/") for h in hrefs)
    ring = page.evaluate("""() => { const gd = document.getElementById('conflict-timeline');
      const t = gd.data.find((d) => d.meta && d.meta.role === 'highlight'); return [t.x[0], t.y[0]]; }""")
    assert ring[0] is not None and ring[1] is not None  # the mark is ringed
    assert len(page.context.pages) == 1  # the click opened nothing
    _clean(chromium_page, corpus_page)


def test_the_list_shows_the_events_in_view_sorted_by_date_and_opens_their_cards(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page)
    rows = page.locator("#ct-list-body tr")
    assert rows.count() == 32
    dates = [t[:10] for t in page.locator("#ct-list-body tr td:first-child").all_text_contents()]
    assert dates == sorted(dates)
    page.locator("#ct-sort").click()
    dates_desc = [t[:10] for t in page.locator("#ct-list-body tr td:first-child").all_text_contents()]
    assert dates_desc == sorted(dates, reverse=True)
    # zooming the timeline to 2012 keeps only that year's events in the list
    page.evaluate("Plotly.relayout(document.getElementById('conflict-timeline'), {'xaxis.range': ['2012-01-01', '2012-12-31']})")
    page.wait_for_function("document.getElementById('conflict-timeline').getAttribute('data-shown') === '8'")
    assert rows.count() == 8
    rows.nth(0).click()
    assert page.locator("#ct-card").get_attribute("data-mark") == rows.nth(0).get_attribute("data-mark")
    assert "Somalia" in page.locator("#ct-card").text_content()
    _clean(chromium_page, corpus_page)


def test_the_map_shows_the_places_in_view_and_a_click_on_a_place_filters_the_timeline(chromium_page, corpus_page):
    page = _open(chromium_page, corpus_page, WIDE)
    side = page.locator("#ct-side").bounding_box()
    plot = page.locator("#conflict-timeline").bounding_box()
    assert side["x"] >= plot["x"] + plot["width"] - 1 and side["y"] < plot["y"] + 50  # beside the timeline
    places = page.evaluate("""() => { const m = document.getElementById('conflict-timeline-map');
      return m._fullData.map((t) => [t.meta.role, t._length]); }""")
    assert dict(places) == {"countries": 1, "places": 3}  # Myanmar at its centroid; three cities
    borders = page.evaluate("[...document.querySelectorAll('#conflict-timeline-map .geo .countries path')].map((p) => (p.getAttribute('d') || '').length)")
    assert sum(borders) > 5_000  # the embedded base map is drawn
    page.evaluate("Plotly.relayout(document.getElementById('conflict-timeline'), {'xaxis.range': ['2022-01-01', '2022-12-31']})")
    page.wait_for_function("document.getElementById('conflict-timeline-map').getAttribute('data-places') === '1'")
    page.locator(".rangeselector .button", has_text="all").click()
    page.wait_for_function("document.getElementById('conflict-timeline-map').getAttribute('data-places') === '4'")
    # the reverse: a click on Kharkiv keeps only its events in the timeline
    spot = page.evaluate("""() => { const m = document.getElementById('conflict-timeline-map');
      const t = m._fullData.findIndex((d) => d.meta.role === 'places');
      const k = m._fullData[t].text.findIndex((s) => s.startsWith('Kharkiv'));
      const pt = m.querySelectorAll('.scattergeo')[1].querySelectorAll('.point')[k].getBoundingClientRect();
      return {x: pt.left + pt.width / 2, y: pt.top + pt.height / 2}; }""")
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_function("document.getElementById('conflict-timeline').getAttribute('data-matching') === '8'")
    assert "Place: Kharkiv" in page.locator("#ct-place").text_content()
    assert page.evaluate(SHOWN_MARKS) == 8
    _clean(chromium_page, corpus_page)


def test_the_page_is_one_file_with_the_base_map_inside_and_a_strict_csp(corpus_page):
    html = corpus_page.read_text(encoding="utf-8")
    assert "connect-src 'none'" in html and "default-src 'none'" in html
    # the base map is in the page and handed to plotly.js before the map is drawn (else it fetches it from its CDN)
    assert 'id="conflict-timeline-basemap"' in html
    show_map = html[html.index("function showMap()"):]
    assert show_map.index("PlotlyGeoAssets.topojson[") < show_map.index("drawMap()")
    assert '<script src=' not in html and '<link ' not in html


@pytest.mark.skipif(not SHARED_NEWS.is_dir(), reason="../shared/data/news is absent")
def test_the_page_of_the_shared_real_articles_opens_on_their_years(chromium_page, tmp_path):
    from conflict_timeline.build import build_package
    from conflict_timeline.timeline.package_io import read_package

    build_package(SHARED_NEWS, tmp_path / "news")
    path = tmp_path / "news" / "datapackage" / "timeline.html"
    page = _open(chromium_page, path)
    lo, hi = page.evaluate("document.getElementById('conflict-timeline').layout.xaxis.range")
    events = read_package(tmp_path / "news" / "datapackage.json")["events"]
    years = sorted(events["date_start"].str[:4])
    assert lo[:4] >= "2000" and hi[:4] <= str(int(years[-1]) + 1)
    inside = sum(lo[:10] <= d <= hi[:10] for d in events["date_start"])
    assert inside >= 0.9 * len(events)
    assert json.loads(page.evaluate("JSON.stringify(document.getElementById('conflict-timeline-map')._fullData.length)")) == 2
    _clean(chromium_page, path)
