"""Fixtures of the browser tests (machinery in harness.py): the served site, Chromium, a recording page.

Every test here is marked ``browser`` and skips with the reason when Debian's chromium, Playwright or axe-core
(``npm ci`` in tests/browser) is absent. The artifacts written are listed at the end of the run (tests/conftest.py).
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Iterator

import pytest

from harness import (
    ARTIFACTS,
    AXE_SCRIPT,
    CHROMIUM,
    CHROMIUM_ARGS,
    HERE,
    ROOT,
    BrowserSite,
    Reader,
    SiteHandler,
    build_site,
    open_reader,
    require_chromium,
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory) -> Iterator[BrowserSite]:
    require_chromium()
    work = tmp_path_factory.mktemp("browser-site")
    (work / "site").mkdir()
    handler = functools.partial(SiteHandler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="browser-site-server", daemon=True)
    thread.start()
    try:
        base_url = f"http://127.0.0.1:{server.server_address[1]}/"
        with_corpus, log = build_site(work, base_url)
        yield BrowserSite(site_dir=work / "site", base_url=base_url, with_corpus=with_corpus, build_log=log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# ------------------------------------------------------------------------------------------ the browser


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one for the whole session: Playwright's sync API runs one event
    loop per thread, so every test module shares this one (a second ``sync_playwright()`` would fail)."""
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session")
def browser(browser_site, chromium):
    """The session's Chromium, once the built site is served."""
    return chromium


@pytest.fixture
def reader(browser, browser_site) -> Iterator[Reader]:
    context, reader = open_reader(browser, browser_site)
    try:
        yield reader
    finally:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE_SCRIPT.is_file():
        pytest.skip(f"{AXE_SCRIPT.relative_to(ROOT)} is absent: run `npm ci` in tests/browser (dev.py does when npm exists)")
    return AXE_SCRIPT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
