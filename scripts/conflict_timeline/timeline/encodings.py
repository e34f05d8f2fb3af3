"""What each visual channel means: colours of lane groups, marker symbols and span fills of
modalities, and the lexicon of event types the groups come from."""

from __future__ import annotations

from functools import lru_cache

from ..settings import LEXICON_DIR
from ..yamlfile import load_yaml

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common form of
#: colour blindness. Keyed by the `group` of event_types.yaml.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
GROUP_COLOURS = {
    "Conflict": OKABE_ITO["vermillion"],
    "Statements": OKABE_ITO["blue"],
    "Cooperation": OKABE_ITO["bluish_green"],
    "Politics": OKABE_ITO["reddish_purple"],
    "Toll": OKABE_ITO["black"],
    "Other": OKABE_ITO["orange"],
}
#: Colours for groups a later lexicon adds, in order of first appearance.
SPARE_COLOURS = (OKABE_ITO["sky_blue"], OKABE_ITO["yellow"])
#: Group of an event type the lexicon does not know.
UNKNOWN_GROUP = "Other"
NEUTRAL = "#555555"

#: Markers (day-precision events) by modality: filled circle = the source asserts it;
#: diamond = someone says so; hollow circle = planned; cross = negated; hollow diamond =
#: hypothetical. Hollow markers are the filled shape with a transparent fill (HOLLOW_MARKERS):
#: WebGL then needs only three marker shapes (each costs a distance field when the page loads).
MODALITY_SYMBOLS = {
    "asserted": "circle",
    "reported": "diamond",
    "planned": "circle",
    "negated": "x",
    "hypothetical": "diamond",
}
HOLLOW_MARKERS = frozenset({"planned", "hypothetical"})
TRANSPARENT = "rgba(0,0,0,0)"
GREY_FILL = "#DDDDDD"
GREY_LINE = "#A0A0A0"
#: With WebGL (above WEBGL_THRESHOLD) markers are circles only: every other shape costs the
#: page a distance field, a second shader and, in software rendering, much of its draw time.
#: Modality is then the fill (and outline) of the circle: solid = asserted; pale = reported;
#: hollow = planned; grey, without the lane's colour = negated; faint outline = hypothetical.
GL_SYMBOL = "circle"


def marker_fill(modality: str, colour: str, gl: bool) -> tuple[str, str]:
    """(fill, outline) colour of a marker of this modality in a lane of this colour."""
    if not gl:
        return (TRANSPARENT if modality in HOLLOW_MARKERS else colour), colour
    return {
        "reported": (with_alpha(colour, 0.35), colour),
        "planned": (TRANSPARENT, colour),
        "negated": (GREY_FILL, GREY_LINE),
        "hypothetical": (TRANSPARENT, with_alpha(colour, 0.45)),
    }.get(modality, (colour, colour))
#: Spans by modality: the same idea as fills: solid, hatched, hollow, cross-hatched, dotted.
MODALITY_PATTERNS = {
    "asserted": "",
    "reported": "/",
    "planned": "",
    "negated": "x",
    "hypothetical": ".",
}
#: Modalities whose spans are drawn hollow (outline only, or a pale fill).
HOLLOW_MODALITIES = frozenset({"planned"})
DEFAULT_MODALITY = "asserted"

#: Key entries (legend "How to read it"): label and the marker that shows it.
MODALITY_LABELS = {
    "asserted": "asserted by the source",
    "reported": "reported (someone says so)",
    "planned": "planned (hollow)",
    "negated": "negated (did not happen)",
    "hypothetical": "hypothetical",
}


@lru_cache(maxsize=1)
def event_types() -> dict[str, dict]:
    """Event types of the lexicon, by code: {code: {group, label, description}}."""
    data = load_yaml((LEXICON_DIR / "event_types.yaml").read_text(encoding="utf-8"))
    return {t["code"]: t for t in data["types"]}


def group_order() -> list[str]:
    """Lane groups in the order the lexicon first names them, then the unknown group."""
    seen: list[str] = []
    for entry in event_types().values():
        if entry["group"] not in seen:
            seen.append(entry["group"])
    return seen if UNKNOWN_GROUP in seen else seen + [UNKNOWN_GROUP]


def group_of(event_type: str) -> str:
    entry = event_types().get(event_type)
    return entry["group"] if entry else UNKNOWN_GROUP


def label_of(event_type: str) -> str:
    entry = event_types().get(event_type)
    return entry["label"] if entry else (event_type or "Unknown type")


def group_colours(groups: list[str]) -> dict[str, str]:
    """A colour for every group: the fixed one, else the next spare colour."""
    colours, spare = {}, list(SPARE_COLOURS)
    for group in groups:
        if group in GROUP_COLOURS:
            colours[group] = GROUP_COLOURS[group]
        else:
            colours[group] = spare.pop(0) if spare else NEUTRAL
    return colours


def with_alpha(hex_colour: str, alpha: float) -> str:
    """'#D55E00', 0.2 -> 'rgba(213,94,0,0.2)'."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha:g})"
