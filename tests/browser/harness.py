"""Browser test machinery: build and serve a real site, open pages in Chromium that record every problem.

- ``build_site``: lays out ``content/`` plus, when ``../shared/corpus`` exists, a full General Assembly session
  (ga/74) and the resolutions of the next session that cite its paragraphs (linked in, never copied into the
  project), so citations and "Cited by" join real resolutions; without the corpus, the hand-written collection
  in ``tests/fixtures/sites/basic``. Built with ``mkdocs build`` from a ``mkdocs.yml`` that inherits the
  repository's.
- ``SiteHandler``: a quiet ``http.server`` handler that answers unknown paths with the site's ``404.html``, as
  GitHub Pages does.
- ``open_reader``: a browser page that records every console error, page error, failed request, HTTP error and
  request leaving 127.0.0.1 (those are blocked: no network at test time) in ``Reader.problems``.
- ``axe_violations``: what axe-core finds serious or critical on the open page, one line each.
- ``ARTIFACTS``: screenshots and PDFs go to ``artifacts/browser/``; tests/conftest.py lists them at the end of the run.

Chromium is Debian's ``/usr/bin/chromium`` driven through ``executable_path``; Playwright never downloads one.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path


HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURE_SITE = ROOT / "tests" / "fixtures" / "sites" / "basic" / "docs" / "resolutions"
ARTIFACTS = ROOT / "artifacts" / "browser"
AXE_SCRIPT = HERE / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

# A full session (300+ resolutions: the agenda index of a big session, the timeline of a full year), and
# from the next session only the resolutions that cite the first one's paragraphs (real citations and
# "Cited by" between real resolutions, at half the build time of the whole session).
CORPUS_SESSION = "ga/74"
CORPUS_CITING_SESSION = "ga/75"
_CITES_PARAGRAPH_OF_74 = re.compile(r"paragraphs? \d+[^.;]{0,80}? of (?:its )?resolution 74/\d+")
# One of every other kind of page a reader meets: Security Council resolutions (a printed topic heading, a
# title-less one with paragraph (i)/(ii)), Economic and Social Council resolutions and General Assembly
# decisions adopted in parts at different meetings. Linked one by one: a few pages, not whole folders.
CORPUS_OTHER_DOCUMENTS = (
    "sc/1940s/S_RES_1_1946.md", "sc/1940s/S_RES_2_1946.md", "sc/1960s/S_RES_242_1967.md",
    "ecosoc/2021/E_RES_2021_1.md", "ecosoc/2021/E_RES_2021_2.md",
    "ga-decisions/74/A_DEC_74_542_A_and_B.md", "ga-decisions/74/A_DEC_74_503_A_and_B.md",
)
# Hand-written fixture folders (no corpus): the ones that build without errors.
FIXTURE_FOLDERS = ("ga60", "sc")

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# --------------------------------------------------------------------------------------------- the site


@dataclass(frozen=True)
class BrowserSite:
    """A built site being served: where its files are and the address that serves them."""

    site_dir: Path
    base_url: str
    """``http://127.0.0.1:PORT/`` — also the build's ``site_url``, so canonical links and the sitemap are real."""
    with_corpus: bool
    build_log: str

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def html(self, path: str) -> str:
        """The built HTML at a site-relative directory URL (``A/RES/51/148/``)."""
        return (self.site_dir / path.strip("/") / "index.html").read_text(encoding="utf-8")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; unknown paths get the site's 404.html, like GitHub Pages."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass  # the test output should show test results, not one line per request

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _link_tree(target: Path, link: Path) -> None:
    # Linked, not copied: corpus files never enter the project (nor the temporary site folder's sources).
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target, target_is_directory=True)


def _write_config(work: Path, site_url: str) -> Path:
    """A mkdocs.yml that inherits the repository's and only moves the folders and sets the address."""
    config = work / "mkdocs.yml"
    config.write_text(
        "\n".join(
            [
                f"INHERIT: {ROOT / 'mkdocs.yml'}",
                f"docs_dir: {work / 'docs'}",
                f"site_dir: {work / 'site'}",
                f"site_url: {site_url}",
                "theme:",
                "  name: material",
                # The corpus sessions are linked in from outside docs_dir: allowed for this site only.
                "plugins:",
                "  - resolutions:",
                "      folder: resolutions",
                "      allow_links_outside_docs: true",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return config


def build_site(work: Path, site_url: str) -> tuple[bool, str]:
    """Lay out ``work/docs`` (content/ plus corpus sessions or fixtures) and build it into ``work/site``."""
    docs = work / "docs"
    shutil.copytree(ROOT / "content", docs)
    # BROWSER_TESTS_WITHOUT_CORPUS=1 runs the fresh-clone variant (fixtures only) on a machine with the corpus.
    with_corpus = (
        (CORPUS / CORPUS_SESSION).is_dir()
        and (CORPUS / CORPUS_CITING_SESSION).is_dir()
        and os.environ.get("BROWSER_TESTS_WITHOUT_CORPUS") != "1"
    )
    if with_corpus:
        _link_tree(CORPUS / CORPUS_SESSION, docs / "resolutions" / "corpus" / CORPUS_SESSION.replace("/", "-"))
        citing = docs / "resolutions" / "corpus" / CORPUS_CITING_SESSION.replace("/", "-")
        citing.mkdir(parents=True)
        for source in sorted((CORPUS / CORPUS_CITING_SESSION).glob("*.md")):
            if _CITES_PARAGRAPH_OF_74.search(source.read_text(encoding="utf-8")):
                (citing / source.name).symlink_to(source)
        for name in CORPUS_OTHER_DOCUMENTS:
            link = docs / "resolutions" / "corpus" / "other" / name.replace("/", "-")
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(CORPUS / name)
    else:
        for folder in FIXTURE_FOLDERS:
            if (FIXTURE_SITE / folder).is_dir():
                _link_tree(FIXTURE_SITE / folder, docs / "resolutions" / "fixtures" / folder)
    config = _write_config(work, site_url)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)],
        capture_output=True,
        text=True,
        env=env,
        cwd=work,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        raise AssertionError(f"mkdocs build of the browser test site failed:\n{log[-6000:]}")
    return with_corpus, log


@dataclass
class Reader:
    """A browser page and what went wrong on it (console errors, failed or blocked requests)."""

    page: object
    site: BrowserSite
    problems: list[str] = field(default_factory=list)

    def open(self, path: str):
        response = self.page.goto(self.site.url(path), wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response.status if response else 'no response'}"
        return response

    def assert_clean(self) -> None:
        """No console error, failed request or outside request on any page this reader visited."""
        assert not self.problems, "problems on the pages visited:\n" + "\n".join(self.problems)


def require_chromium() -> None:
    """Skip the calling test or fixture, with the reason, when Debian's Chromium or Playwright is absent."""
    import pytest

    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium) to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="Playwright's Python package is not installed")


def open_reader(browser, site: BrowserSite, **context_options) -> tuple[object, Reader]:
    """A new browser context and page whose problems are recorded; the caller closes the context."""
    context = browser.new_context(**{"viewport": DESKTOP, **context_options})
    page = context.new_page()
    reader = Reader(page=page, site=site)

    def keep_local(route):
        if route.request.url.startswith(site.base_url) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            reader.problems.append(f"request leaves the site: {route.request.url}")
            route.abort()

    def on_console(message):
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        reader.problems.append(f"console error: {message.text} ({source or page.url})")

    def on_request_failed(request):
        # ERR_ABORTED: the reader moved on before the request finished (a favicon, a prefetch); not a failure.
        if request.failure != "net::ERR_ABORTED":
            reader.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_response(response):
        if response.status >= 400:
            reader.problems.append(f"HTTP {response.status}: {response.url}")

    page.route("**/*", keep_local)
    page.on("console", on_console)
    page.on("pageerror", lambda error: reader.problems.append(f"page error: {error} ({page.url})"))
    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    return context, reader


BLOCKING_IMPACTS = ("serious", "critical")
"""axe-core's impacts that fail a test; minor and moderate findings are left to review."""


def axe_violations(page, axe_script: str) -> list[str]:
    """The serious and critical axe-core violations of the page open in ``page``, one readable line each."""
    page.add_script_tag(content=axe_script)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s), e.g. {v['nodes'][0]['target']}"
            for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
