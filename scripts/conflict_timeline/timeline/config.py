"""Thresholds and sizes of the timeline, in one place (no magic numbers in the drawing code)."""

from __future__ import annotations

#: Fixed id of the plot's element, so that two renders of the same data are byte-identical.
DIV_ID = "conflict-timeline"

#: Lane modes, in the order the dropdown shows them, with the button label.
LANE_MODES = {"group": "Lanes: event type", "country": "Lanes: country", "actor": "Lanes: actor",
              "source": "Lanes: source"}

#: Above this many events, markers are drawn with WebGL (Scattergl) instead of SVG, and spans
#: as one filled path per trace instead of one bar each.
WEBGL_THRESHOLD = 1500

#: Pages with at most this many events label every mark with its type and first actor, so that
#: each event reads at first sight without hovering; labels are cut at LABEL_CHARS.
LABEL_MAX_EVENTS = 60
LABEL_CHARS = 34
#: A mark is labelled only when the next mark of its row starts at least this share of the
#: first view later (about a label's width), so that labels never cover each other.
LABEL_ROOM_SHARE = 0.2
LABEL_FONT_SIZE = 10
LABEL_COLOUR = "#333333"
#: Labels sit this many pixels right of a point, or above a span's start.
LABEL_SHIFT_PX = 8
#: A span shorter than this share of the time shown is labelled like a point (right of its end).
LABEL_SHORT_SPAN_SHARE = 0.05

#: At most this many actor or source lanes; the rest share one "Other ..." lane.
MAX_LANES = 24
#: Lane labels longer than this are cut with an ellipsis (the hover shows the full text).
LANE_LABEL_CHARS = 38

#: Stacking within a lane: marks are spread over lane_index +- LANE_HALF_HEIGHT,
#: centre row first, rows at most MAX_ROW_STEP apart.
LANE_HALF_HEIGHT = 0.38
MAX_ROW_STEP = 0.16
#: A marker is treated as this share of the first view wide when deciding which marks would
#: hide each other (about one marker width on a plot some 550 px wide, beside the map).
POINT_FOOTPRINT_SHARE = 0.025
#: Thickness of a span (bar) in lane units, and its share of the row step when rows are tight.
SPAN_THICKNESS = 0.26
SPAN_ROW_SHARE = 0.8
#: Outline of spans in pixels, so that a span of a day or two stays visible when zoomed out.
SPAN_OUTLINE_PX = 1.5

#: Marker size in pixels; casualty events grow with the square root of fatalities_low,
#: reaching MARKER_SIZE_MAX at FATALITY_REFERENCE deaths and staying there above it.
MARKER_SIZE = 11
MARKER_SIZE_MAX = 30
FATALITY_REFERENCE = 10_000
#: A span's thickness grows by up to this factor with fatalities_low (same square-root scale).
SPAN_FATALITY_GROWTH = 1.8
#: Size of the arrow head that ends an ongoing happening at its source's publication date.
ARROW_SIZE = 12
#: With WebGL an ongoing happening ends in a fade instead: its last FADE_SHARE (at most
#: FADE_EXTENT_SHARE of the whole time span, at least a day) veiled in FADE_COLOUR.
FADE_SHARE = 0.3
FADE_EXTENT_SHARE = 0.03
FADE_COLOUR = "rgba(255,255,255,0.6)"

#: First view: the data's extent padded by this share of it on each side (at least PAD_MIN_DAYS).
PAD_SHARE = 0.04
PAD_MIN_DAYS = 10
#: The first view holds the bulk of the events (view.py): the shortest window of event
#: midpoints with BULK_SHARE of them, grown by every midpoint within BULK_REACH_SHARE of its
#: length (at least BULK_MIN_REACH_DAYS) of its ends. Pages of fewer than BULK_MIN_EVENTS
#: events show them all.
BULK_SHARE = 0.9
BULK_MIN_EVENTS = 10
BULK_REACH_SHARE = 0.25
BULK_MIN_REACH_DAYS = 366

#: On SVG pages (at most WEBGL_THRESHOLD events) a lane grows so that its rows of stacked
#: marks are at least ROW_MIN_PX apart (no blob of overlapping marks), up to LANE_MAX_UNITS
#: times LANE_PX; the page stays within HEIGHT_MAX.
ROW_MIN_PX = 13
LANE_MAX_UNITS = 5

#: Page height: pixels per lane plus room for title, range slider and legend, bounded.
LANE_PX = 84
CHROME_PX = 330
HEIGHT_MIN = 560
HEIGHT_MAX = 2600

#: Margins are set, not grown by plotly after a first draw (axes.py): the top holds the title
#: and the buttons; the bottom the x axis labels (MARGIN_BOTTOM_PX) and the range slider
#: (RANGESLIDER_THICKNESS of the plot's height); the left the lane labels, at LABEL_CHAR_PX
#: per character; the right the legends, at LEGEND_CHAR_PX per character plus the symbol.
MARGIN_TOP_PX = 110
MARGIN_BOTTOM_PX = 64
MARGIN_LEFT_MIN_PX = 60
RANGESLIDER_THICKNESS = 0.07
LABEL_CHAR_PX = 7.4
LEGEND_CHAR_PX = 7.4
LEGEND_EXTRA_PX = 64

#: Hover text: evidence sentences are wrapped at this many characters, summaries and
#: titles cut at HOVER_TEXT_CHARS.
WRAP_CHARS = 80
HOVER_TEXT_CHARS = 300

#: Decimals kept for lane positions (keeps the page small; 1e-4 lane is far below a pixel).
Y_DECIMALS = 4

#: Browser used for previews and browser tests (Debian's chromium; downloads are impossible),
#: and the flags that keep it off the network.
CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
#: Viewport of the PNG preview.
PREVIEW_WIDTH = 1400

#: Above WEBGL_THRESHOLD, spans are filled paths (spans.py); hover works at their vertices, so
#: a span gets a vertex at least every HOVER_STEP_SHARE of the whole time span (about one
#: hover distance at the first view), at most MAX_SPAN_VERTICES per span.
HOVER_STEP_SHARE = 0.025
MAX_SPAN_VERTICES = 80

#: The map beside the timeline (geo.py, page.js): its width and height in pixels, marker
#: colour and size (MAP_MARKER_MIN px for one event, growing with the square root of the
#: count, at most MAP_MARKER_MAX), and the colour of borders and coasts.
MAP_WIDTH_PX = 420
#: The map and the card sit beside the timeline on screens at least this wide, below it on narrower ones.
MAP_BESIDE_MIN_PX = 1700
MAP_HEIGHT_PX = 340
MAP_COLOUR = "#B2182B"
MAP_LINE_COLOUR = "#AAAAAA"
MAP_MARKER_MIN = 7
MAP_MARKER_MAX = 34
#: The map's zoom (projection scale) when the view holds events at one place only.
MAP_ZOOM = 4
#: The list of events below the plot shows at most this many rows (the count says how many more).
LIST_MAX_ROWS = 200
#: Ring drawn around the mark whose card is open.
HIGHLIGHT_COLOUR = "#111111"
HIGHLIGHT_SIZE = 22
