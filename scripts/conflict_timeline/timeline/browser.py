"""Drive Debian's chromium with Playwright (previews, benchmark, browser tests).

Playwright is a preview/test extra, not a dependency of the build: it is imported only when
one of these functions runs. Browser downloads are impossible here, so the system chromium
is launched by path, with flags that keep it off the network.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConflictTimelineError
from .config import CHROMIUM_ARGS, CHROMIUM_PATH

#: JavaScript condition that holds once the page's plot is drawn (set by page.BOOT_SCRIPT once the plot is on screen).
DRAWN = "() => window.__timelineDrawnAt !== undefined"
#: ... once the page around it is wired too: hover rows, filters, list, card, lane dropdown
#: (page.js, right after the plot is on screen).
READY = "() => window.__timelineReadyAt !== undefined"
#: ... and once the map beside it is drawn too (pages with a map; drawn right after READY).
MAP_DRAWN = "() => window.__timelineMapDrawnAt !== undefined"


def require_chromium(path: str = CHROMIUM_PATH) -> str:
    if not Path(path).exists():
        raise ConflictTimelineError(f"{path}: chromium is not installed. Fix: apt-get install -y chromium")
    return path


def launch(playwright, path: str = CHROMIUM_PATH):
    """A headless chromium browser from a started `sync_playwright()`."""
    return playwright.chromium.launch(
        executable_path=require_chromium(path), headless=True, args=list(CHROMIUM_ARGS)
    )


def file_url(path: Path) -> str:
    return Path(path).resolve().as_uri()
