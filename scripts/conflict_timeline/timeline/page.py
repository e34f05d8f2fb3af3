"""The timeline page: one self-contained HTML file that works offline and is byte-identical
for identical input.

- plotly.js inline (no CDN), no MathJax, no web fonts;
- fixed element ids (plotly's own writer draws a random uuid4 for the plot's div), and the
  figure as a JSON data block that is parsed once (plotly's writer emits a JS literal);
- the boot script builds each event trace's hover rows from the figure's string table
  (figure.py), renders WebGL at the screen's pixel ratio, and wires the lane dropdown;
- a Content-Security-Policy that forbids every network request, as a second wall behind
  the escaping in hover.py;
- a click on a mark opens its source in a new tab, for http(s) URLs only.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from plotly.offline import get_plotlyjs

from .config import DIV_ID
from .hover import CUSTOMDATA_URL

#: Inline scripts and styles only; regl (WebGL traces) compiles its shaders with Function().
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

#: Id of the JSON block that holds the figure.
DATA_ID = DIV_ID + "-data"

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
#: "Drawn" is marked one frame after the first frame that holds the plot, i.e. once it is on
#: screen (tests, previews and the benchmark wait for it).
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
  var h = fig.hover || {strings: [], columns: [], sources: []}, lanes = fig.lanes || [], S = h.strings, cols = h.columns.map(decode), src = decode(h.src), made = [];
  function row(r) {  // customdata of mark r (hover.HOVERTEMPLATE), made once per mark
    var s = h.sources[src[r]];
    return made[r] || (made[r] = [S[cols[0][r]], S[cols[1][r]], S[cols[2][r]], S[cols[3][r]], S[cols[4][r]], s[0], s[1]]);
  }
  (fig.rows || []).forEach(function (spec, i) {
    if (spec) fig.data[i].customdata = Array.prototype.map.call(decode(spec), row);
  });
  var config = %(config)s;
  config.plotGlPixelRatio = Math.max(1, window.devicePixelRatio || 1);
  Plotly.newPlot(gd, fig.data, fig.layout, config).then(function () {
    gd.on('plotly_click', function (ev) {
      var p = ev && ev.points && ev.points[0];
      var url = p && p.customdata ? p.customdata[%(url)d] : '';
      if (typeof url === 'string' && /^https?:\\/\\/[^\\s"'<>`]+$/i.test(url)) {
        window.open(url, '_blank', 'noopener,noreferrer');
      }
    });
    gd.on('plotly_buttonclicked', function (ev) {  // lane dropdown (figure.py: fig.lanes)
      var m = lanes[ev.active];
      if (!m) return;
      // restyling y makes plotly forget the axis types: keep the date axis and the current view
      var keep = {'xaxis.type': 'date', 'xaxis.range': gd.layout.xaxis.range.slice()};
      Plotly.update(gd, {y: m.y.map(decode)}, Object.assign(keep, m.relayout), m.y_traces).then(function () {
        return m.width_traces.length ? Plotly.restyle(gd, {width: m.width.map(decode)}, m.width_traces) : null;
      }).then(function () {
        gd.setAttribute('data-lanes', m.mode);
      });
    });
    requestAnimationFrame(function () {  // the frame that draws the plot ...
      requestAnimationFrame(function () {  // ... has been rendered
        window.__timelineDrawnAt = performance.now();
        var menu = gd.layout.updatemenus && gd.layout.updatemenus[0];
        if (menu && lanes[menu.active]) gd.setAttribute('data-lanes', lanes[menu.active].mode);
        gd.setAttribute('data-drawn', 'true');
      });
    });
  });
})();
"""

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body {{ margin: 0; padding: 8px; font-family: system-ui, sans-serif; }}</style>
</head>
<body>
<noscript>This timeline needs JavaScript; the data is in the package's CSV and Parquet files.</noscript>
<div id="{div_id}" class="plotly-graph-div" style="width:100%;"></div>
<script type="application/json" id="{data_id}">{figure}</script>
<script>window.PlotlyConfig = {{MathJaxConfig: 'local'}};</script>
<script>{plotlyjs}</script>
<script>{boot}</script>
</body>
</html>
"""


@lru_cache(maxsize=1)
def _plotlyjs() -> str:
    return get_plotlyjs()


def figure_json(fig: dict) -> str:
    """The figure as compact JSON that no text can end early inside a <script> block (with
    every < escaped, neither </script> nor <!-- can occur)."""
    return json.dumps(fig, ensure_ascii=False, allow_nan=False, separators=(",", ":")).replace("<", "\\u003c")


def page_html(fig: dict, title: str = "Conflict timeline") -> str:
    """The whole page as a string."""
    boot = BOOT_SCRIPT % {
        "div": json.dumps(DIV_ID),
        "data": json.dumps(DATA_ID),
        "config": json.dumps(PLOT_CONFIG, sort_keys=True),
        "url": CUSTOMDATA_URL,
    }
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return TEMPLATE.format(
        csp=CONTENT_SECURITY_POLICY, title=safe_title, div_id=DIV_ID, data_id=DATA_ID,
        figure=figure_json(fig), plotlyjs=_plotlyjs(), boot=boot,
    )


def write_page(fig: dict, path: Path) -> Path:
    """Write the page; bytes depend only on the figure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(fig), encoding="utf-8", newline="\n")
    return path
