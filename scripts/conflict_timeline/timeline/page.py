"""The timeline page: one self-contained HTML file that works offline and is byte-identical
for identical input.

- plotly.js inline (no CDN), no MathJax, no web fonts;
- fixed element ids (plotly's own writer draws a random uuid4 for the plot's div), and the
  figure as two JSON data blocks, each parsed once (plotly's writer emits a JS literal): what
  the first frame needs, and the rest;
- the boot script draws the plot (WebGL at the screen's pixel ratio) and nothing else; once
  it is on screen, page.js builds each event trace's hover rows from the figure's string
  table (facets.py), wires filters, card, list and the lane dropdown, and hands the
  embedded base map to plotly.js for the map;
- a Content-Security-Policy that forbids every network request, as a second wall behind
  the escaping in hover.py (page.js writes text with textContent only);
- a click on a mark opens its card, whose source links are http(s) URLs only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from plotly.offline import get_plotlyjs

from .config import (DIV_ID, LIST_MAX_ROWS, MAP_BESIDE_MIN_PX, MAP_COLOUR, MAP_MARKER_MAX, MAP_MARKER_MIN, MAP_WIDTH_PX,
                     MAP_ZOOM, WRAP_CHARS)

#: Inline scripts and styles only; regl (WebGL traces) compiles its shaders with Function().
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

#: Ids of the JSON blocks that hold the figure (what the first frame needs; the rest), of the
#: map's element and of the base map's block.
DATA_ID = DIV_ID + "-data"
REST_ID = DIV_ID + "-rest"
MAP_ID = DIV_ID + "-map"
BASEMAP_ID = DIV_ID + "-basemap"
APP_JS = Path(__file__).resolve().parent / "page.js"
#: The members of the figure that the first frame needs (the boot script); page.js reads the
#: others (the text of every mark, the sources' hover lines, the lanes) once it is drawn.
FIRST_FRAME = ("data", "layout", "rows", "members", "labelled", "map")

PLOT_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "toImageButtonOptions": {"filename": "conflict-timeline", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}

#: Boots the plot, and only the plot, before its first frame: the figure's first-frame part
#: is a JSON data block (JSON.parse is much faster than the JavaScript literal plotly's own
#: writer emits; typed arrays ({dtype, bdata}) in traces are decoded by plotly.js). Every
#: event trace gets one (still empty) customdata row per mark; WebGL is drawn at the screen's
#: pixel ratio (plotly's default, 2, shades four times the pixels on a plain screen); the
#: filter bar is laid out empty, so that filling it later moves nothing. "Drawn" is marked one
#: frame after the first frame that holds the plot, i.e. once it is on screen (the benchmark
#: waits for it). Then page.js reads the rest of the figure (its own data block: the text of
#: every mark, the lanes), fills the hover rows, the filters, the list and the card, and
#: marks "ready" (tests wait for it, browser.READY); the map is drawn next ("map drawn").
BOOT_SCRIPT = """
(function () {
  window.__timelineBootAt = performance.now();
  var app = window.ConflictTimelineApp, options = %(options)s;
  var gd = document.getElementById(%(div)s);
  var fig = JSON.parse(document.getElementById(%(data)s).textContent);
  var made = app.emptyRows(fig);
  app.controls();
  var config = %(config)s;
  config.plotGlPixelRatio = Math.max(1, window.devicePixelRatio || 1);
  Plotly.newPlot(gd, fig.data, fig.layout, config).then(function () {
    requestAnimationFrame(function () {  // the frame that draws the plot ...
      requestAnimationFrame(function () {  // ... has been rendered
        window.__timelineDrawnAt = performance.now();
        gd.setAttribute('data-drawn', 'true');
        app.start(gd, fig.map ? document.getElementById(%(map)s) : null, fig, made, options).then(function (ready) {
          window.__timelineReadyAt = performance.now();
          gd.setAttribute('data-ready', 'true');
          return ready.showMap();  // the map beside it, once the timeline is on screen and wired
        }).then(function () {
          requestAnimationFrame(function () { window.__timelineMapDrawnAt = performance.now(); });
        });
      });
    });
  });
})();
"""

#: The page's style: controls above, the timeline with the map and the event card beside it
#: on a screen at least MAP_BESIDE_MIN_PX wide (below it on a narrower one, so that the plot
#: keeps room for its hover labels), the list of the events in view below.
STYLE = """
body { margin: 0; padding: 8px; font-family: system-ui, sans-serif; color: #222; }
#ct-filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 0 0 6px; font-size: 13px; }
#ct-filters select, #ct-filters input, #ct-filters button { font: inherit; padding: 3px 6px; max-width: 220px; }
#ct-filters input { width: 220px; }
#ct-count { margin-left: 6px; color: #444; }
#ct-main { display: flex; flex-direction: column; gap: 10px; }
#%(div)s { width: 100%%; min-width: 0; }
#ct-side { display: flex; gap: 10px; align-items: flex-start; font-size: 13px; }
#ct-side-map { flex: 0 0 %(side)dpx; width: %(side)dpx; }
#ct-side #ct-card { flex: 1 1 auto; margin-top: 0; }
@media (min-width: %(beside)dpx) {
  #ct-main { flex-direction: row; align-items: flex-start; }
  #%(div)s { flex: 1 1 auto; width: auto; }
  #ct-side { flex: 0 0 %(side)dpx; width: %(side)dpx; display: block; }
  #ct-side #ct-card { margin-top: 8px; }
}
#%(map)s { width: 100%%; border: 1px solid #E3E3E3; }
#ct-card { position: relative; border: 1px solid #BBB; border-radius: 4px; padding: 6px 10px; margin-top: 8px;
  max-height: 520px; overflow-y: auto; background: #FCFCFC; }
#ct-card h3 { font-size: 15px; margin: 4px 24px 6px 0; }
#ct-card h4 { font-size: 13px; margin: 8px 0 4px; }
#ct-card p { margin: 2px 0; }
#ct-card blockquote { margin: 2px 0 6px 10px; font-style: italic; color: #333; }
#ct-card ul { padding-left: 16px; margin: 0; }
.ct-close { position: absolute; top: 4px; right: 4px; border: 0; background: none; cursor: pointer; font-size: 15px; }
.ct-hint { color: #666; margin: 6px 0; }
#ct-outside { font-size: 13px; margin: 6px 0; }
#ct-outside li, #ct-list-body tr { cursor: pointer; }
#ct-list { border-collapse: collapse; width: 100%%; font-size: 13px; margin-top: 4px; }
#ct-list th, #ct-list td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #EEE; vertical-align: top; }
#ct-list th button { font: inherit; font-weight: bold; border: 0; background: none; cursor: pointer; padding: 0; }
#ct-list tr.ct-open td { background: #FFF4CC; }
#ct-list-body tr:hover td { background: #F3F7FF; }
"""

#: The page. What only page.js needs (the rest of the figure, the base map) comes after the
#: boot script, so that the browser reads it while plotly.js runs and draws, not before.
TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<noscript>This timeline needs JavaScript; the data is in the package's CSV and Parquet files.</noscript>
<div id="ct-filters" role="search"></div>
<div id="ct-main">
<div id="{div_id}" class="plotly-graph-div"></div>
{side}
</div>
{below}
<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script>
<script>{plotlyjs}</script>
<script>{app}</script>
<script type="application/json" id="{data_id}">{figure}</script>
<script>{boot}</script>
<script type="application/json" id="{rest_id}">{rest}</script>
{basemap}
</body>
</html>
"""

#: Beside the timeline: the map and the card of the event last clicked.
SIDE = """<div id="ct-side">
<div id="ct-side-map"><div id="{map_id}"></div>
<p class="ct-hint">Click a mark or a row for its card; click a place on the map to keep only its events.</p></div>
<div id="ct-card" hidden></div>
</div>"""

#: Below the timeline: the events outside the first view and the list of the events in view.
BELOW = """<details id="ct-outside" hidden><summary></summary></details>
<table id="ct-list"><thead><tr><th><button id="ct-sort" type="button">Date ▲</button></th><th>Type</th>
<th>Summary</th><th>Place</th><th>Source</th></tr></thead><tbody id="ct-list-body"></tbody></table>
<p id="ct-list-note" class="ct-hint"></p>"""


@lru_cache(maxsize=1)
def _plotlyjs() -> str:
    return get_plotlyjs()


@lru_cache(maxsize=1)
def _app_js() -> str:
    """page.js: filters, card, list, map and lane dropdown (no '</' inside, checked)."""
    text = APP_JS.read_text(encoding="utf-8")
    if "</" in text:
        raise ValueError(f"{APP_JS}: '</' would end the page's script block; write '<\\/' instead")
    return text


def figure_json(fig: dict) -> str:
    """The figure as compact JSON that no text can end early inside a <script> block (with
    every < escaped, neither </script> nor <!-- can occur)."""
    return json.dumps(fig, ensure_ascii=False, allow_nan=False, separators=(",", ":")).replace("<", "\\u003c")


def page_html(fig: dict, title: str = "Conflict timeline") -> str:
    """The whole page as a string."""
    from . import geo

    has_map = "map" in fig
    boot = BOOT_SCRIPT % {
        "div": json.dumps(DIV_ID),
        "data": json.dumps(DATA_ID),
        "map": json.dumps(MAP_ID),
        "config": json.dumps(PLOT_CONFIG, sort_keys=True),
        "options": json.dumps({"listMax": LIST_MAX_ROWS, "markerMin": MAP_MARKER_MIN, "markerMax": MAP_MARKER_MAX, "mapZoom": MAP_ZOOM,
                               "colour": MAP_COLOUR, "wrap": WRAP_CHARS, "rest": REST_ID, "basemap": BASEMAP_ID,
                               "basemapName": geo.BASEMAP_NAME}, sort_keys=True),
    }
    first = {k: v for k, v in fig.items() if k in FIRST_FRAME}
    rest = {k: v for k, v in fig.items() if k not in FIRST_FRAME}
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    basemap = f'<script type="application/json" id="{BASEMAP_ID}">{geo.basemap_json()}</script>' if has_map else ""
    return TEMPLATE.format(
        csp=CONTENT_SECURITY_POLICY, title=safe_title, div_id=DIV_ID, data_id=DATA_ID, rest_id=REST_ID,
        style=STYLE % {"div": DIV_ID, "map": MAP_ID, "side": MAP_WIDTH_PX, "beside": MAP_BESIDE_MIN_PX},
        side=SIDE.format(map_id=MAP_ID) if has_map else "", below=BELOW if "page" in fig else "",
        figure=figure_json(first), rest=figure_json(rest), basemap=basemap, plotlyjs=_plotlyjs(), app=_app_js(), boot=boot,
    )


def write_page(fig: dict, path: Path) -> Path:
    """Write the page; bytes depend only on the figure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(fig), encoding="utf-8", newline="\n")
    return path
