"""Browser fixtures: Debian's chromium driven by Playwright (browser downloads are impossible).

The browser tests never skip under CI (CI set): a missing chromium or playwright fails them
loudly there. Outside CI they skip when chromium is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conflict_timeline.timeline.config import CHROMIUM_ARGS, CHROMIUM_PATH


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run: apt-get install -y chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless chromium for the whole session."""
    if not Path(CHROMIUM_PATH).exists():
        _unavailable(f"{CHROMIUM_PATH} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=list(CHROMIUM_ARGS))
        yield browser
        browser.close()


@dataclass
class ChromiumPage:
    """A fresh page with everything a test asserts on recorded."""

    page: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    requests: list = field(default_factory=list)  # every URL the page asked for
    blocked: list = field(default_factory=list)  # requests that would have left the machine


@pytest.fixture
def chromium_page(chromium_browser):
    """A page in its own context: console errors, page errors, dialogs and requests recorded;
    every request that is not file:// is aborted."""
    context = chromium_browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    rec = ChromiumPage(page)
    page.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: rec.page_errors.append(str(e)))

    def on_dialog(dialog):
        rec.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def route(r):
        url = r.request.url
        rec.requests.append(url)
        if url.startswith("file:"):
            r.continue_()
        else:
            rec.blocked.append(url)
            r.abort()

    page.route("**/*", route)
    yield rec
    context.close()
