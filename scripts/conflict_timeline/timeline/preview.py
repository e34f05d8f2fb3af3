"""A PNG of the timeline page, taken in headless chromium (for the README)."""

from __future__ import annotations

from pathlib import Path

from .browser import DRAWN, file_url, launch
from .config import HEIGHT_MIN, PREVIEW_WIDTH


def write_png(html_path: Path, png_path: Path, width: int = PREVIEW_WIDTH) -> Path:
    """Screenshot the plot of `html_path` into `png_path` (needs playwright and /usr/bin/chromium)."""
    from playwright.sync_api import sync_playwright  # a preview/test extra, imported lazily

    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page(viewport={"width": width, "height": HEIGHT_MIN}, device_scale_factor=1)
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
            page.goto(file_url(html_path), wait_until="load")
            page.wait_for_function(DRAWN, timeout=60_000)
            page.locator(".plotly-graph-div").screenshot(path=str(png_path), animations="disabled")
        finally:
            browser.close()
    return png_path
