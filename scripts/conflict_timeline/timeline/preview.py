"""A PNG of the timeline page, taken in headless chromium (for the README).

    python -m conflict_timeline.timeline.preview datapackage/timeline.html datapackage/timeline.png
"""

from __future__ import annotations

from pathlib import Path

from .browser import DRAWN, MAP_DRAWN, file_url, launch
from .config import HEIGHT_MIN, PREVIEW_WIDTH


def write_png(html_path: Path, png_path: Path, width: int = PREVIEW_WIDTH, browser=None) -> Path:
    """Screenshot the plot of `html_path` into `png_path` (needs playwright and /usr/bin/chromium).
    Pass a running Playwright `browser` to reuse it; otherwise one is started and closed."""
    png_path = Path(png_path)
    png_path.parent.mkdir(parents=True, exist_ok=True)
    if browser is not None:
        _screenshot(browser, Path(html_path), png_path, width)
        return png_path
    from playwright.sync_api import sync_playwright  # a preview/test extra, imported lazily

    with sync_playwright() as p:
        own = launch(p)
        try:
            _screenshot(own, Path(html_path), png_path, width)
        finally:
            own.close()
    return png_path


def _screenshot(browser, html_path: Path, png_path: Path, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": HEIGHT_MIN}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        page.goto(file_url(html_path), wait_until="load")
        page.wait_for_function(DRAWN, timeout=60_000)
        if page.locator("#conflict-timeline-map").count():
            page.wait_for_function(MAP_DRAWN, timeout=60_000)
        page.mouse.move(0, 0)
        page.locator(".plotly-graph-div").screenshot(path=str(png_path), animations="disabled")
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Screenshot a timeline page into a PNG.")
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=PREVIEW_WIDTH)
    args = parser.parse_args(argv)
    print(f"wrote {write_png(args.html, args.png, width=args.width)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
