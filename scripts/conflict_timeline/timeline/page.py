"""The timeline page: one self-contained HTML file that works offline and is byte-identical
for identical input.

- plotly.js inline (no CDN), no MathJax, no web fonts;
- fixed element ids (plotly's own writer draws a random uuid4 for the plot's div), and the
  figure as a JSON data block that is parsed once (plotly's writer emits a JS literal);
- the boot script builds each event trace's hover rows from the figure's string table
  (figure.py), renders WebGL at the screen's pixel ratio, and hands the embedded base map
  to plotly.js; page.js wires filters, card, list, map and the lane dropdown;
- a Content-Security-Policy that forbids every network request, as a second wall behind
  the escaping in hover.py (page.js writes text with textContent only);
- a click on a mark opens its card, whose source links are http(s) URLs only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from plotly.offline import get_plotlyjs

from .config import DIV_ID, LIST_MAX_ROWS, MAP_COLOUR, MAP_MARKER_MAX, MAP_BESIDE_MIN_PX, MAP_MARKER_MIN, MAP_WIDTH_PX, MAP_ZOOM

#: Inline scripts and styles only; regl (WebGL traces) compiles its shaders with Function().
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

#: Id of the JSON block that holds the figure, of the map's element and of the base map's block.
DATA_ID = DIV_ID + "-data"
MAP_ID = DIV_ID + "-map"
BASEMAP_ID = DIV_ID + "-basemap"
APP_JS = Path(__file__).resolve().parent / "page.js"

PLOT_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": False,
    "toImageButtonOptions": {"filename": "conflict-timeline", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}

#: Boots the plot. The figure is a JSON data block (JSON.parse is much faster than the
#: JavaScript literal plotly's own writer emits). Typed arrays ({dtype, bdata}) in traces are
#: decoded by plotly.js; the ones kept for the page are decoded here. WebGL is drawn at the
#: screen's pixel ratio (plotly's default, 2, shades four times the pixels on a plain screen).
#: The base map (geo.py), when the page has a map, is handed to plotly.js before it draws.
#: Then page.js wires the filters, card, list and lane dropdown. "Drawn" is marked one frame
#: after the first frame that holds the plot, i.e. once it is on screen (tests, previews and
#: the benchmark wait for it); the map is drawn next ("map drawn", browser.MAP_DRAWN).
BOOT_SCRIPT = """
(function () {
  window.__timelineBootAt = performance.now();
  var gd = document.getElementById(%(div)s);
  var fig = JSON.parse(document.getElementById(%(data)s).textContent);
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array, i2: Int16Array,
               u2: Uint16Array, i1: Int8Array, u1: Uint8Array};
  function decode(spec) {
    if (!spec || typeof spec.bdata !== 'string') return spec;
    var bin = atob(spec.bdata), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TYPES[spec.dtype](bytes.buffer);
  }
  var h = fig.hover || {strings: [], columns: [], sources: []}, S = h.strings, cols = h.columns.map(decode), src = decode(h.src), made = [];
  function row(r) {  // customdata of mark r (hover.HOVERTEMPLATE), made once per mark
    var s = h.sources[src[r]];
    return made[r] || (made[r] = [S[cols[0][r]], S[cols[1][r]], S[cols[2][r]], S[cols[3][r]], S[cols[4][r]], s[0], s[1]]);
  }
  (fig.rows || []).forEach(function (spec, i) {
    if (spec) fig.data[i].customdata = Array.prototype.map.call(decode(spec), row);
  });
  var basemap = document.getElementById(%(basemap)s), mapDiv = document.getElementById(%(map)s);
  if (basemap) {
    window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    window.PlotlyGeoAssets.topojson[%(basemap_name)s] = JSON.parse(basemap.textContent);
  }
  var config = %(config)s;
  config.plotGlPixelRatio = Math.max(1, window.devicePixelRatio || 1);
  Plotly.newPlot(gd, fig.data, fig.layout, config).then(function () {
    return window.ConflictTimelineApp.start(gd, fig.map ? mapDiv : null, fig, decode, %(options)s);
  }).then(function (app) {
    requestAnimationFrame(function () {  // the frame that draws the plot ...
      requestAnimationFrame(function () {  // ... has been rendered
        window.__timelineDrawnAt = performance.now();
        var menu = gd.layout.updatemenus && gd.layout.updatemenus[0], lanes = fig.lanes || [];
        if (menu && lanes[menu.active]) gd.setAttribute('data-lanes', lanes[menu.active].mode);
        gd.setAttribute('data-drawn', 'true');
        app.showMap().then(function () {  // the map beside it, once the timeline is on screen
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
<script type="application/json" id="{data_id}">{figure}</script>
{basemap}
<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script>
<script>{plotlyjs}</script>
<script>{app}</script>
<script>{boot}</script>
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
        "basemap": json.dumps(BASEMAP_ID),
        "basemap_name": json.dumps(geo.BASEMAP_NAME),
        "config": json.dumps(PLOT_CONFIG, sort_keys=True),
        "options": json.dumps({"listMax": LIST_MAX_ROWS, "markerMin": MAP_MARKER_MIN, "markerMax": MAP_MARKER_MAX, "mapZoom": MAP_ZOOM,
                               "colour": MAP_COLOUR}, sort_keys=True),
    }
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    basemap = f'<script type="application/json" id="{BASEMAP_ID}">{geo.basemap_json()}</script>' if has_map else ""
    return TEMPLATE.format(
        csp=CONTENT_SECURITY_POLICY, title=safe_title, div_id=DIV_ID, data_id=DATA_ID,
        style=STYLE % {"div": DIV_ID, "map": MAP_ID, "side": MAP_WIDTH_PX, "beside": MAP_BESIDE_MIN_PX},
        side=SIDE.format(map_id=MAP_ID) if has_map else "", below=BELOW if "page" in fig else "",
        figure=figure_json(fig), basemap=basemap, plotlyjs=_plotlyjs(), app=_app_js(), boot=boot,
    )


def write_page(fig: dict, path: Path) -> Path:
    """Write the page; bytes depend only on the figure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(fig), encoding="utf-8", newline="\n")
    return path
