/* The timeline page's controls (page.py loads this before its boot script): filters and
   the count of events, the card of an event, the list of the events in view, the map, and
   the lane dropdown. Text from the package goes into the DOM with textContent only; links
   only for http(s) URLs. The figure's `page` block is described in facets.py.

   Before the first frame the boot script only asks for empty hover rows (emptyRows) and the
   empty filter bar (controls); start() does the rest once the plot is on screen. */
window.ConflictTimelineApp = (function () {
  'use strict';
  var SAFE_URL = /^https?:\/\/[^\s"'<>`\\]+$/i;
  var FILTERS = [['country', 'All countries'], ['type', 'All event types'], ['actor', 'All actors'], ['source', 'All sources']];
  var TYPES = {f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array, i2: Int16Array,
               u2: Uint16Array, i1: Int8Array, u1: Uint8Array};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function decode(spec) {  // a typed-array spec (encode.typed) -> its typed array; anything else as it is
    if (!spec || typeof spec.bdata !== 'string') return spec;
    var bin = atob(spec.bdata), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new TYPES[spec.dtype](bytes.buffer);
  }

  function escape(text) {  // hover.escape: text -> markup that plotly shows as exactly that text
    return text.replace(/&/g, '&amp;').replace(/\x3c/g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
  }

  function wrapper(width) {  // encode.wrap_many: escaped, broken into lines of at most `width` characters
    var chunk = new RegExp('(.{1,' + width + '})(?: +|$)|(.{' + width + '})', 'gsu');
    return function (text) {
      var lines = [], m;
      chunk.lastIndex = 0;
      while ((m = chunk.exec(text)) !== null) lines.push(escape(m[1] !== undefined ? m[1] : m[2]));
      return lines.join('<br>');
    };
  }

  // One customdata row per mark (hover.HOVERTEMPLATE), shared by every point or vertex of the
  // mark, empty until start() fills it: plotly reads it only on hover.
  function emptyRows(fig) {
    var made = [];
    (fig.rows || []).forEach(function (spec, i) {
      if (!spec) return;
      fig.data[i].customdata = Array.prototype.map.call(decode(spec), function (r) { return made[r] || (made[r] = []); });
    });
    return made;
  }

  function controls() {  // the filter bar, laid out before the first frame; start() fills it
    var bar = document.getElementById('ct-filters');
    if (!bar || !document.getElementById('ct-list') || bar.firstChild) return;
    FILTERS.forEach(function (f) {
      var sel = el('select', {id: 'ct-filter-' + f[0], 'aria-label': f[1]});
      sel.appendChild(el('option', {value: ''}, f[1]));
      bar.appendChild(sel);
    });
    bar.appendChild(el('input', {id: 'ct-search', type: 'search', placeholder: 'Search summaries and evidence', 'aria-label': 'Search'}));
    bar.appendChild(el('button', {id: 'ct-place', type: 'button', hidden: ''}));
    bar.appendChild(el('button', {id: 'ct-reset', type: 'button'}, 'Reset'));
    bar.appendChild(el('span', {id: 'ct-count', 'aria-live': 'polite'}));
  }

  function start(gd, mapDiv, fig, made, options) {
    if (document.readyState === 'loading') {  // the rest of the figure comes after the boot script
      return new Promise(function (resolve) {
        document.addEventListener('DOMContentLoaded', function () { resolve(start(gd, mapDiv, fig, made, options)); });
      });
    }
    var rest = document.getElementById(options.rest);
    if (rest) Object.assign(fig, JSON.parse(rest.textContent));
    var P = fig.page;
    if (!P) return Promise.resolve({showMap: function () { return Promise.resolve(); }});
    var N = P.n, S = P.strings, C = {};
    Object.keys(P.columns).forEach(function (k) { C[k] = decode(P.columns[k]); });
    hoverRows();
    var t0 = decode(P.start), t1 = decode(P.end), outside = decode(P.outside);
    var rep = {offsets: decode(P.reports.offsets), source: decode(P.reports.source), evidence: decode(P.reports.evidence)};
    var placeOf = decode(P.places.mark), places = P.places.list;
    var lanes = fig.lanes || [];
    var menu = gd.layout.updatemenus && gd.layout.updatemenus[0];
    if (menu && lanes[menu.active]) gd.setAttribute('data-lanes', lanes[menu.active].mode);
    // marks of every point of every trace whose y follows the lanes (hover rows or members)
    var marksOf = fig.data.map(function (t, i) {
      var spec = (fig.rows && fig.rows[i]) || (fig.members && fig.members[i]);
      return spec ? decode(spec) : null;
    });

    function hoverRows() {  // fill the rows of emptyRows (figure.hover_rows does the same in Python)
      var h = fig.hover, src = decode(h.src), wrapped = wrapper(options.wrap);
      var summary = C.hover_summary, what = C.hover_what, date = C.hover_date, actors = C.hover_actors, evidence = C.evidence;
      made.forEach(function (row, r) {
        var s = h.sources[src[r]];
        row.push(S[summary[r]], S[what[r]], S[date[r]], S[actors[r]], wrapped(S[evidence[r]]) || '(no evidence sentence)', s[0], s[1]);
      });
    }
    var yTraces = [], baseY = {};
    marksOf.forEach(function (m, i) { if (m) { yTraces.push(i); baseY[i] = decode(fig.data[i].y); } });
    var highlight = fig.data.findIndex(function (t) { return t.meta && t.meta.role === 'highlight'; });
    var labelled = decode(fig.labelled) || [];
    var state = {country: '', type: '', actor: '', source: '', q: '', place: 0, sortDesc: false, open: -1};
    var pass = new Uint8Array(N).fill(1), inView = new Uint8Array(N), lower = null;
    var ui = build();
    var markY = new Float64Array(N);
    var mapOn = false;  // the map is drawn once the timeline is on screen (showMap)

    function build() {  // fill the filter bar that controls() laid out
      controls();
      var out = {selects: {}};
      FILTERS.forEach(function (f) {
        var sel = document.getElementById('ct-filter-' + f[0]), frag = document.createDocumentFragment();
        choices(f[0]).forEach(function (o) { frag.appendChild(el('option', {value: String(o[0])}, S[o[0]] + ' (' + o[1] + ')')); });
        sel.appendChild(frag);
        sel.addEventListener('change', function () { state[f[0]] = sel.value === '' ? '' : +sel.value; update(true); });
        out.selects[f[0]] = sel;
      });
      var search = document.getElementById('ct-search');
      var timer = null;
      search.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(function () { state.q = search.value.trim().toLowerCase(); update(true); }, 120);
      });
      out.place = document.getElementById('ct-place');
      out.place.addEventListener('click', function () { state.place = 0; update(true); });
      document.getElementById('ct-reset').addEventListener('click', function () {
        FILTERS.forEach(function (f) { state[f[0]] = ''; out.selects[f[0]].value = ''; });
        search.value = ''; state.q = ''; state.place = 0; update(true);
      });
      out.count = document.getElementById('ct-count');
      out.search = search;
      return out;
    }

    function choices(name) {  // [string index, count] of a filter's values, busiest first
      var counts = new Uint32Array(S.length), cols = (name === 'actor' ? ['actor1', 'actor2', 'speaker'] : [name]).map(function (c) { return C[c]; });
      for (var r = 0; r < N; r++) {
        for (var j = 0; j < cols.length; j++) {
          var v = cols[j][r], dup = false;
          for (var k = 0; k < j; k++) if (cols[k][r] === v) dup = true;
          if (v && !dup) counts[v]++;
        }
      }
      var out = [];
      for (var i = 1; i < counts.length; i++) if (counts[i]) out.push([i, counts[i]]);
      return out.sort(function (a, b) { return b[1] - a[1] || (S[a[0]] < S[b[0]] ? -1 : 1); });
    }

    function matches(r) {
      if (state.country !== '' && C.country[r] !== state.country) return false;
      if (state.type !== '' && C.type[r] !== state.type) return false;
      if (state.source !== '' && C.source[r] !== state.source) return false;
      if (state.actor !== '' && C.actor1[r] !== state.actor && C.actor2[r] !== state.actor && C.speaker[r] !== state.actor) return false;
      if (state.place && placeOf[r] !== state.place) return false;
      if (state.q) {
        if (!lower) lower = S.map(function (s) { return s.toLowerCase(); });
        if (lower[C.summary[r]].indexOf(state.q) >= 0) return true;
        for (var k = rep.offsets[r]; k < rep.offsets[r + 1]; k++) if (lower[rep.evidence[k]].indexOf(state.q) >= 0) return true;
        return false;
      }
      return true;
    }

    function range() {
      var xa = gd._fullLayout.xaxis;
      return [xa.r2l(xa.range[0]), xa.r2l(xa.range[1])];
    }

    function keepView() {  // restyling x or y makes plotly forget the axis type and range: keep them
      return {'xaxis.type': 'date', 'xaxis.range': gd.layout.xaxis.range.slice(), 'xaxis.autorange': false};
    }

    function restyleMarks() {  // hide the marks the filters leave out (y = NaN), labels too
      var ys = yTraces.map(function (i) {
        var y = Float64Array.from(baseY[i]), m = marksOf[i];
        for (var k = 0; k < y.length; k++) if (!pass[m[k]]) y[k] = NaN;
        return y;
      });
      var relayout = keepView();
      for (var a = 0; a < labelled.length; a++) relayout['annotations[' + a + '].visible'] = !!pass[labelled[a]];
      return Plotly.update(gd, {y: ys}, relayout, yTraces);
    }

    function computeMarkY() {
      var sum = new Float64Array(N), n = new Float64Array(N);
      yTraces.forEach(function (i) {
        var m = marksOf[i], y = baseY[i];
        for (var k = 0; k < m.length; k++) if (isFinite(y[k])) { sum[m[k]] += y[k]; n[m[k]] += 1; }
      });
      for (var r = 0; r < N; r++) markY[r] = n[r] ? sum[r] / n[r] : NaN;
    }

    function update(filtersChanged) {
      if (filtersChanged) for (var r = 0; r < N; r++) pass[r] = matches(r) ? 1 : 0;
      var done = filtersChanged ? restyleMarks() : Promise.resolve();
      return done.then(function () {
        var v = range(), shown = 0, matching = 0;
        for (var r = 0; r < N; r++) {
          inView[r] = pass[r] && t1[r] > v[0] && t0[r] < v[1] ? 1 : 0;
          shown += inView[r]; matching += pass[r];
        }
        ui.count.textContent = shown + ' of ' + N + ' events in view' + (matching < N ? ' (' + matching + ' match the filters)' : '');
        ui.place.hidden = !state.place;
        ui.place.textContent = state.place ? 'Place: ' + places[state.place - 1].label + ' ✕' : '';
        gd.setAttribute('data-shown', String(shown));
        gd.setAttribute('data-matching', String(matching));
        list();
        return mapOn ? drawMap() : null;
      });
    }

    function list() {
      var body = document.getElementById('ct-list-body'), note = document.getElementById('ct-list-note');
      var rows = [];
      for (var r = 0; r < N; r++) if (inView[r]) rows.push(r);
      rows.sort(function (a, b) { return (t0[a] - t0[b]) || (a - b); });
      if (state.sortDesc) rows.reverse();
      var limit = options.listMax, frag = document.createDocumentFragment();
      rows.slice(0, limit).forEach(function (r) {
        var tr = el('tr', {'data-mark': String(r), tabindex: '0'});
        if (r === state.open) tr.className = 'ct-open';
        [S[C.date_norm[r]].split(' · ')[0], S[C.type[r]], S[C.summary[r]], S[C.place[r]], S[C.source[r]]].forEach(function (t) {
          tr.appendChild(el('td', {}, t));
        });
        frag.appendChild(tr);
      });
      body.replaceChildren(frag);
      note.textContent = rows.length > limit ? 'The first ' + limit + ' of ' + rows.length + ' events in view; zoom in or filter to see the others.'
        : rows.length + ' events in view.';
      document.getElementById('ct-sort').textContent = state.sortDesc ? 'Date ▼' : 'Date ▲';
    }

    function drawMap() {
      if (!mapDiv) return Promise.resolve();
      var count = new Map();
      for (var r = 0; r < N; r++) if (inView[r] && placeOf[r]) count.set(placeOf[r], (count.get(placeOf[r]) || 0) + 1);
      var pts = {lat: [], lon: [], size: [], text: [], id: []}, cty = {loc: [], size: [], text: [], id: []};
      Array.from(count.keys()).sort(function (a, b) { return a - b; }).forEach(function (k) {
        var p = places[k - 1], c = count.get(k), size = Math.min(options.markerMax, options.markerMin * Math.sqrt(c));
        var label = p.label + ': ' + c + ' event' + (c === 1 ? '' : 's') + (p.iso3 ? ' (country)' : '');
        var into = p.iso3 ? cty : pts;
        if (p.iso3) cty.loc.push(p.iso3); else { pts.lat.push(p.lat); pts.lon.push(p.lon); }
        into.size.push(size); into.text.push(label); into.id.push(k);
      });
      var marker = function (d, symbol) {
        return {size: d.size, color: options.colour, opacity: 0.75, symbol: symbol, line: {color: 'white', width: 1}};
      };
      var data = [
        {type: 'scattergeo', locationmode: 'ISO-3', locations: cty.loc, text: cty.text, customdata: cty.id,
         hovertemplate: '%{text}<extra><\/extra>', marker: marker(cty, 'square'), meta: {role: 'countries'}},
        {type: 'scattergeo', lat: pts.lat, lon: pts.lon, text: pts.text, customdata: pts.id,
         hovertemplate: '%{text}<extra><\/extra>', marker: marker(pts, 'circle'), meta: {role: 'places'}}
      ];
      mapDiv.setAttribute('data-places', String(count.size));
      // fitting the map to one place (or none) would zoom in without end: centre on it instead
      var layout = Object.assign({}, fig.map, {geo: Object.assign({}, fig.map.geo)}), only = null;
      if (count.size <= 1) {
        count.forEach(function (c, k) { only = places[k - 1]; });
        layout.geo.fitbounds = false;
        layout.geo.center = only ? {lon: only.lon, lat: only.lat} : {lon: 20, lat: 15};
        layout.geo.projection = Object.assign({}, layout.geo.projection, {scale: only ? options.mapZoom : 1});
      }
      return Plotly.react(mapDiv, data, layout, {displaylogo: false, responsive: true, scrollZoom: false});
    }

    function line(parent, label, value) {
      if (!value) return;
      var p = el('p');
      p.appendChild(el('b', {}, label + ' '));
      p.appendChild(document.createTextNode(value));
      parent.appendChild(p);
    }

    function openCard(r) {
      state.open = r;
      var card = document.getElementById('ct-card');
      card.replaceChildren();
      card.hidden = false;
      card.setAttribute('data-mark', String(r));
      var close = el('button', {type: 'button', 'class': 'ct-close', 'aria-label': 'Close'}, '✕');
      close.addEventListener('click', closeCard);
      card.appendChild(close);
      card.appendChild(el('h3', {}, S[C.summary[r]] || '(no summary)'));
      line(card, 'Date as written', S[C.date_text[r]] ? '“' + S[C.date_text[r]] + '”' : '(no date in the text: the report’s)');
      line(card, 'Date', S[C.date_norm[r]]);
      line(card, 'Type', S[C.type[r]] + ' (' + S[C.group[r]] + ')');
      line(card, 'Actors', S[C.actors[r]] || 'no actor named');
      line(card, 'Place', S[C.place[r]] || 'not given');
      line(card, 'Toll', S[C.toll[r]] || 'none given');
      line(card, 'Modality', S[C.modality[r]]);
      var n = rep.offsets[r + 1] - rep.offsets[r];
      card.appendChild(el('h4', {}, n === 1 ? 'Reported by 1 source' : 'Reported by ' + n + ' sources'));
      var ul = el('ul', {'class': 'ct-reports'});
      for (var k = rep.offsets[r]; k < rep.offsets[r + 1]; k++) {
        var s = P.sources[rep.source[k]] || ['', '', '', ''], li = el('li');
        li.appendChild(el('span', {'class': 'ct-title'}, s[0] || 'untitled article'));
        li.appendChild(document.createTextNode([s[1], s[2]].filter(Boolean).length ? ' — ' + [s[1], s[2]].filter(Boolean).join(', ') : ''));
        if (SAFE_URL.test(s[3])) {
          li.appendChild(document.createTextNode(' '));
          var a = el('a', {href: s[3], target: '_blank', rel: 'noopener noreferrer'}, 'open');
          li.appendChild(a);
        }
        li.appendChild(el('blockquote', {}, S[rep.evidence[k]] || '(no evidence sentence)'));
        ul.appendChild(li);
      }
      card.appendChild(ul);
      Array.prototype.forEach.call(document.querySelectorAll('#ct-list-body tr'), function (tr) {
        tr.className = +tr.getAttribute('data-mark') === r ? 'ct-open' : '';
      });
      var x = t1[r] - t0[r] > 86400000 ? (t0[r] + t1[r]) / 2 : t0[r];
      moveHighlight(x, markY[r]);
    }

    function moveHighlight(x, y) {
      if (highlight < 0) return null;
      return Plotly.update(gd, {x: [[x]], y: [[y]]}, keepView(), [highlight]);
    }

    function closeCard() {
      state.open = -1;
      var card = document.getElementById('ct-card');
      card.hidden = true;
      card.removeAttribute('data-mark');
      moveHighlight(null, null);
    }

    function outsideList() {
      var box = document.getElementById('ct-outside'), ul = el('ul');
      var rows = [];
      for (var r = 0; r < N; r++) if (outside[r]) rows.push(r);
      if (!rows.length) { box.hidden = true; return; }
      box.hidden = false;
      box.querySelector('summary').textContent = rows.length + ' event' + (rows.length === 1 ? '' : 's') +
        ' outside the first view (press “all” or zoom out to see them; check their dates)';
      rows.forEach(function (r) {
        var li = el('li', {'data-mark': String(r), tabindex: '0'}, day(t0[r]) + ' · ' + S[C.summary[r]] + ' · ' + S[C.source[r]]);
        li.addEventListener('click', function () { openCard(r); });
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }

    function onLanes(ev) {  // lane dropdown (figure.py: fig.lanes): new y for every trace, then the filters again
      var m = lanes[ev.active];
      if (!m) return;
      m.y.forEach(function (y, k) { baseY[m.y_traces[k]] = decode(y); });
      computeMarkY();
      Plotly.relayout(gd, Object.assign(keepView(), m.relayout)).then(function () {
        return m.width_traces.length ? Plotly.restyle(gd, {width: m.width.map(decode)}, m.width_traces) : null;
      }).then(restyleMarks).then(function () {
        if (state.open >= 0) openCard(state.open);
        gd.setAttribute('data-lanes', m.mode);
      });
    }

    gd.on('plotly_click', function (ev) {
      var p = ev && ev.points && ev.points[0], m = p && marksOf[p.curveNumber];
      if (m && p.pointNumber !== undefined) openCard(m[p.pointNumber]);
    });
    gd.on('plotly_buttonclicked', onLanes);
    var busy = false;
    gd.on('plotly_relayout', function (ev) {
      if (busy || !ev || !Object.keys(ev).some(function (k) { return k.indexOf('xaxis.range') === 0 || k === 'xaxis.autorange'; })) return;
      busy = true;
      update(false).then(function () { busy = false; }, function () { busy = false; });
    });
    document.getElementById('ct-sort').addEventListener('click', function () { state.sortDesc = !state.sortDesc; list(); });
    document.getElementById('ct-list-body').addEventListener('click', function (ev) {
      var tr = ev.target.closest('tr');
      if (tr) openCard(+tr.getAttribute('data-mark'));
    });
    document.getElementById('ct-list-body').addEventListener('keydown', function (ev) {
      var tr = ev.target.closest('tr');
      if (tr && ev.key === 'Enter') openCard(+tr.getAttribute('data-mark'));
    });
    computeMarkY();
    outsideList();
    function showMap() {  // draws the map, and from then on keeps it up to date
      if (!mapDiv) return Promise.resolve();
      var basemap = document.getElementById(options.basemap);
      if (basemap) {  // the embedded base map (geo.py), so that plotly.js fetches nothing
        window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
        window.PlotlyGeoAssets.topojson[options.basemapName] = JSON.parse(basemap.textContent);
      }
      mapOn = true;
      return drawMap().then(function () {
        mapDiv.on('plotly_click', function (ev) {  // a place on the map filters the timeline to it
          var p = ev && ev.points && ev.points[0];
          if (p && p.customdata) { state.place = state.place === p.customdata ? 0 : p.customdata; update(true); }
        });
      });
    }

    return update(false).then(function () { return {showMap: showMap}; });
  }

  return {start: start, emptyRows: emptyRows, controls: controls, decode: decode};
})();
