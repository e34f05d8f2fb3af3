"""The timeline page: one self-contained HTML file that works offline and is byte-identical
for identical input.

- plotly.js inline (no CDN), no MathJax, no web fonts;
- fixed element ids (plotly's own writer draws a random uuid4 for the plot's div), and the
  figure as a JSON data block that is parsed once (plotly's writer emits a JS literal);
- the boot script puts stored-once values in place (source lines, WebGL span hovers) and
  wires the lane dropdown (layout.meta.lanes);
- a Content-Security-Policy that forbids every network request, as a second wall behind
  the escaping in hover.py;
- a click on a mark opens its source in a new tab, for http(s) URLs only.
"""

from __future__ import annotations

import json
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
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

#: Boots the plot: the figure is a JSON data block (JSON.parse is much faster than the
#: equivalent JavaScript literal plotly's own writer emits); once drawn, the element is marked
#: (tests, previews and the benchmark wait for it) and a click on a mark opens its source,
#: for http(s) URLs only.
BOOT_SCRIPT = """
(function () {
  window.__timelineBootAt = performance.now();
  var gd = document.getElementById(%(div)s);
  var fig = JSON.parse(document.getElementById(%(data)s).textContent);
  var sources = (fig.layout.meta && fig.layout.meta.sources) || [];
  var stored = fig.data.map(function (t) {
    return (t.meta && t.meta.role === 'events' && t.customdata) || null;
  });
  stored.forEach(function (cd) {  // each source's hover line and URL are stored once (hover.py)
    if (cd) cd.forEach(function (row) {
      var s = sources[row[5]] || ['', ''];
      row[5] = s[0];
      row[6] = s[1];
    });
  });
  fig.data.forEach(function (t, i) {
    var cd = stored[i];
    if (!cd) return;
    var from = t.meta.span_rows_from, rows = t.meta.vertex_rows;
    // WebGL: span-start markers share their span's rows (figure._point_trace) ...
    if (from !== undefined && stored[from]) t.customdata = cd.concat(stored[from]);
    // ... and every vertex of a span line points at its span's row (glspans.py)
    if (rows) t.customdata = rows.map(function (r) { return r === null ? null : cd[r]; });
  });
  Plotly.newPlot(gd, fig.data, fig.layout, %(config)s).then(function () {
    gd.on('plotly_click', function (ev) {
      var p = ev && ev.points && ev.points[0];
      var url = p && p.customdata ? p.customdata[%(url)d] : '';
      if (typeof url === 'string' && /^https?:\\/\\/[^\\s"'<>`]+$/i.test(url)) {
        window.open(url, '_blank', 'noopener,noreferrer');
      }
    });
    gd.on('plotly_buttonclicked', function (ev) {  // lane dropdown (figure.py: layout.meta.lanes)
      var lanes = gd.layout.meta && gd.layout.meta.lanes, m = lanes && lanes[ev.active];
      if (!m) return;
      // restyling y makes plotly forget the axis types: keep the date axis and the current view
      var keep = {'xaxis.type': 'date', 'xaxis.range': gd.layout.xaxis.range.slice()};
      Plotly.update(gd, {y: m.y}, Object.assign(keep, m.relayout), m.y_traces).then(function () {
        return m.width_traces.length ? Plotly.restyle(gd, {width: m.width}, m.width_traces) : null;
      }).then(function () {
        gd.setAttribute('data-lanes', m.mode);
      });
    });
    requestAnimationFrame(function () {
      window.__timelineDrawnAt = performance.now();
      var menu = gd.layout.updatemenus && gd.layout.updatemenus[0];
      var lanes = gd.layout.meta && gd.layout.meta.lanes;
      if (menu && lanes && lanes[menu.active]) gd.setAttribute('data-lanes', lanes[menu.active].mode);
      gd.setAttribute('data-drawn', 'true');
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


def page_html(fig: go.Figure, title: str = "Conflict timeline") -> str:
    """The whole page as a string."""
    # plotly's JSON writer escapes <, > and / as \\u003c... so no text can close the block.
    figure = pio.to_json(fig, validate=True, pretty=False, engine="json")
    boot = BOOT_SCRIPT % {
        "div": json.dumps(DIV_ID),
        "data": json.dumps(DATA_ID),
        "config": json.dumps(PLOT_CONFIG, sort_keys=True),
        "url": CUSTOMDATA_URL,
    }
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return TEMPLATE.format(
        csp=CONTENT_SECURITY_POLICY, title=safe_title, div_id=DIV_ID, data_id=DATA_ID,
        figure=figure, plotlyjs=get_plotlyjs(), boot=boot,
    )


def write_page(fig: go.Figure, path: Path) -> Path:
    """Write the page; bytes depend only on the figure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page_html(fig), encoding="utf-8", newline="\n")
    return path
