"""Shared helpers for the tests that read the built site in a real browser.

The site is served from a thread on 127.0.0.1 (port chosen by the system) and
read by the system's Chromium, driven by Playwright: no browser is downloaded,
and no request leaves this machine. The npm tools the tests inject or run
(axe-core, vnu-jar) come from ``npm ci`` in the repository root.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from site_fixtures import ROOT, require_tool, unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

# Headless Chromium as a test tool: no sandbox (CI runs as root), no GPU, and
# none of the background traffic a desktop browser would start.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
SCHEMES = ("light", "dark")
WIDTHS = (390, 1280)
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def node_tool(relative: str) -> Path:
    """A file of an npm package in ``node_modules``; skipped locally, failed in CI."""
    path = ROOT / "node_modules" / relative
    if not path.is_file():
        unavailable(f"{relative} is missing; run `npm ci` in {ROOT}")
    return path


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root.

    Sphinx's own folders (``_static``, ``_sources``, ``_images``) hold no pages.
    """
    return sorted(
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).parts[0].startswith(("_", "."))
    )


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass  # the browser reports failed requests; a log per file is noise


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` over HTTP on 127.0.0.1; yields the base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def chromium() -> Iterator[Browser]:
    """The system Chromium, headless, for the length of the ``with`` block."""
    from playwright.sync_api import sync_playwright

    executable = require_tool("chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser: Browser, *, scheme: str = "light", width: int = 1280) -> Iterator[Page]:
    """A tab in a fresh browser context, in one colour scheme and window width.

    Both of furo's switches are set: the system preference it follows in its
    default "auto" mode, and the stored choice of its toggle button.
    """
    context = browser.new_context(
        color_scheme="dark" if scheme == "dark" else "light",
        viewport={"width": width, "height": 900},
        reduced_motion="reduce",
    )
    context.add_init_script(f"window.localStorage.setItem('theme', '{scheme}')")
    try:
        yield context.new_page()
    finally:
        context.close()


def watch(page: Page, base: str) -> list[str]:
    """Start recording what goes wrong while ``page`` loads: console errors,
    uncaught exceptions, failed requests and error responses."""
    problems: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            source = message.location.get("url", "")
            problems.append(f"console error: {message.text} ({source.removeprefix(base)})")

    def on_failed(request) -> None:
        # The browser fetches the icon after the page has loaded; moving on to the
        # next page cancels it. A missing icon is still an error response.
        if request.failure == "net::ERR_ABORTED" and request.url.endswith(("/favicon.svg", "/favicon.ico")):
            return
        problems.append(f"request failed ({request.failure}): {request.url.removeprefix(base)}")

    def on_response(response) -> None:
        if response.status >= 400:
            problems.append(f"HTTP {response.status}: {response.url.removeprefix(base)}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"uncaught exception: {error}"))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    return problems


def screenshot_path(name: str) -> Path:
    """Where a screenshot is kept as a test artifact (the folder is gitignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


# -- fixtures of the browser tests (this module is a pytest plugin: tests/conftest.py) --


@pytest.fixture(scope="module")
def base(site_html: Path):
    with serve(site_html) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched
