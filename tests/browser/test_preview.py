"""The preview in a real browser: a real ``mkdocs serve`` and Chromium, an edit shown by live-reload.

Under ``mkdocs serve`` the plugin keeps the data files and unchanged pages of each rebuild in memory and writes
each into the site folder only when a browser asks for it (``mkdocs_adapter/preview_files.py``), while MkDocs'
own server still serves the files and injects its live-reload script. This test drives that whole chain on a
small synthetic collection (``bench/generate.py``, 30 resolutions) in a temporary folder:

a) a resolution page P is open; its source gains a preambular paragraph citing resolution X with a unique
   marker word; without navigating, the open page must show the marker (live-reload reloaded it, and the page
   served after the rebuild is current);
b) X's page lists P under "Cited by", and that link leads to P's page showing the marker;
c) P's JSON twin (``index.json``) has the new paragraph and its citation of X, and the search page finds P by the
   marker word at the new paragraph (search indexes the words of every paragraph: docs/search.md);
d) the edit is reverted: the open page reloads without the marker, X no longer lists P, search and JSON forget it.

Nothing in the repository is written: the project, its sources and the server's log are under ``tmp_path``.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
import string
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest

from harness import DESKTOP, ROOT, BrowserSite, open_reader, require_chromium
from http_fetch import fetch as _fetch

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (bench/generate.py: synthetic collections)

COUNT = 30
SEED = 1
FIRST_BUILD_SECONDS = 180.0  # a 30-resolution first build takes a few seconds; the machine is shared
RELOAD_SECONDS = 60.0

MKDOCS_YML = """\
site_name: Preview test
docs_dir: docs
theme:
  name: material
  font: false  # as the project's mkdocs.yml: no request leaves the site
plugins:
  - resolutions:
      folder: resolutions
"""


@dataclass
class PreviewServer:
    """A running ``mkdocs serve`` on a project in a temporary folder."""

    project: Path
    base_url: str
    log_path: Path
    process: subprocess.Popen

    @property
    def sources(self) -> Path:
        return self.project / "docs" / "resolutions"

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[PreviewServer]:
    require_chromium()
    project = tmp_path_factory.mktemp("preview")
    sources = project / "docs" / "resolutions"
    sources.mkdir(parents=True)
    generate.write_collection(sources, COUNT, SEED)
    (project / "docs" / "index.md").write_text("# Preview test\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    log_path = project / "serve.log"
    for attempt in range(3):  # the free port may be taken by another process before mkdocs binds it
        server = _start_server(project, log_path)
        try:
            if _wait_for_first_build(server) == "served":
                break
        except BaseException:
            _stop(server.process)
            raise
        _stop(server.process)
    else:
        pytest.fail(f"mkdocs serve could not bind a free port in 3 attempts:\n{server.log_tail()}")
    try:
        yield server
    finally:
        _stop(server.process)


def _start_server(project: Path, log_path: Path) -> PreviewServer:
    port = _free_port()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--no-strict"],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    return PreviewServer(project=project, base_url=f"http://127.0.0.1:{port}/", log_path=log_path, process=process)


def _wait_for_first_build(server: PreviewServer) -> str:
    """"served" once the home page is served; "port taken" if the server exited unable to bind; fails otherwise."""
    deadline = time.monotonic() + FIRST_BUILD_SECONDS
    while "Preview test" not in _fetch(server.base_url)[1]:
        if server.process.poll() is not None:
            if "Address already in use" in server.log_tail():
                return "port taken"
            pytest.fail(f"mkdocs serve exited with {server.process.returncode}:\n{server.log_tail()}")
        if time.monotonic() > deadline:
            pytest.fail(f"mkdocs serve did not serve the first build in {FIRST_BUILD_SECONDS:.0f} s:\n"
                        f"{server.log_tail()}")
        time.sleep(0.5)
    return "served"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


# ------------------------------------------------------------------------------------------------ helpers


def _page_path(source: Path) -> str:
    """``A_RES_79_10.md`` -> ``A/RES/79/10/`` (the generator's General Assembly files)."""
    return "/".join(source.stem.split("_")) + "/"


def _number(source: Path) -> str:
    """``A_RES_79_10.md`` -> ``79/10``, the printed number a citation and "Cited by" use."""
    return "/".join(source.stem.split("_")[2:])


def _cites(text: str, number: str) -> bool:
    return re.search(rf"(?<![\w/-]){re.escape(number)}(?![\w/])", text) is not None


def _body_text(page) -> str:
    """The page's visible text, or "" while it is between documents (a live-reload in progress)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("() => document.body ? document.body.innerText : ''")
    except Error:
        return ""


def _wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.1) -> float | None:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(interval)
    return None


def _same_document(page) -> bool:
    """Whether the page still holds the document ``_tag_document`` tagged (False after any reload)."""
    from playwright.sync_api import Error

    try:
        return page.evaluate("() => window.__previewTestTag === true")
    except Error:
        return False


def _tag_document(page) -> None:
    page.evaluate("() => { window.__previewTestTag = true; }")


def _navigation_type(page) -> str:
    return page.evaluate("() => performance.getEntriesByType('navigation')[0].type")


def _cited_by_numbers(page) -> list[str]:
    """The printed numbers listed in the open page's "Cited by" (none when the section is absent)."""
    return page.locator("#cited-by-list .res-cited-by__number").all_inner_texts()


def _search_hits(page, server: PreviewServer, query: str) -> list[tuple[str, str]]:
    """(symbol text, link) of each result the search page shows for ``query``."""
    page.goto(server.url("search/?q=" + query), wait_until="load")
    page.wait_for_selector(".res-search-page__results li", timeout=15_000)
    hits = page.locator(".res-search-page__results a.res-search__hit")
    return [
        (hits.nth(i).locator(".res-search__symbol").inner_text(), hits.nth(i).get_attribute("href") or "")
        for i in range(hits.count())
    ]


# --------------------------------------------------------------------------------------------------- test


def test_an_edit_reaches_the_open_page_its_backlink_json_and_search_and_a_revert_undoes_it(preview, chromium):
    server = preview
    general_assembly = sorted(server.sources.glob("A_RES_*.md"), key=lambda s: int(s.stem.split("_")[3]))
    edited = general_assembly[len(general_assembly) // 2]
    original = edited.read_text(encoding="utf-8")
    assert "The General Assembly," in original
    # X: a resolution of the collection that P does not cite before the edit (so its "Cited by" lacks P).
    cited = next(s for s in general_assembly if s != edited and not _cites(original, _number(s)))
    p_path, x_path = _page_path(edited), _page_path(cited)
    p_number, x_number = _number(edited), _number(cited)
    marker = "zq" + "".join(random.choices(string.ascii_lowercase, k=10))
    new_paragraph = f"Recalling its resolution {x_number} ({marker}),"
    edited_text = original.replace("The General Assembly,", f"The General Assembly,\n\n{new_paragraph}", 1)

    site = BrowserSite(site_dir=server.project / "site", base_url=server.base_url, with_corpus=False, build_log="")
    context, reader = open_reader(chromium, site, viewport=DESKTOP)
    page = reader.page

    def context_for_failure() -> str:
        return (f"P = {p_path} (edited source {edited.name}), X = {x_path}, marker {marker!r}\n"
                f"browser problems: {reader.problems}\nserve log (tail):\n{server.log_tail()}")

    try:
        # Before the edit: X's page does not list P, P's page does not show the marker.
        reader.open(x_path)
        assert p_number not in _cited_by_numbers(page), "precondition: X already lists P under Cited by"
        reader.open(p_path)
        assert marker not in _body_text(page)

        # a) the edit reaches the open page by live-reload, with no navigation from the test.
        _tag_document(page)
        written = time.monotonic()
        edited.write_text(edited_text, encoding="utf-8")
        shown = _wait_until(lambda: marker in _body_text(page), RELOAD_SECONDS)
        assert shown is not None, (
            f"the open page of P never showed the edit within {RELOAD_SECONDS:.0f} s "
            f"(reloaded: {not _same_document(page)}; page text now starts {_body_text(page)[:300]!r})\n"
            + context_for_failure())
        assert not _same_document(page) and _navigation_type(page) == "reload", "the page was not reloaded"
        assert page.url == server.url(p_path), f"the page moved to {page.url}"
        print(f"edit shown on the open page {time.monotonic() - written:.2f} s after the write")
        preamble = page.locator("#pp-1").inner_text()
        assert marker in preamble and x_number in preamble, f"the new paragraph is not pp-1: {preamble!r}"

        # b) X's "Cited by" lists P, and its link leads to P's page showing the marker.
        reader.open(x_path)
        assert p_number in _cited_by_numbers(page), (
            f"X's page does not list P under Cited by: {_cited_by_numbers(page)}\n" + context_for_failure())
        link = page.locator("#cited-by-list a", has=page.locator(".res-cited-by__number",
                                                              has_text=re.compile(rf"^{re.escape(p_number)}$")))
        assert link.count() == 1
        href = link.get_attribute("href") or ""
        assert href.split("#")[0].endswith(p_number.split("/")[1] + "/"), f"Cited by links P as {href!r}"
        with page.expect_navigation(wait_until="load"):
            link.click()
        assert page.url.split("#")[0] == server.url(p_path), f"the Cited by link led to {page.url}"
        assert page.url.endswith("#pp-1"), f"the Cited by link does not point at the citing paragraph: {page.url}"
        assert marker in _body_text(page), "P's page, reached from X's Cited by, lacks the edit"

        # c) P's JSON twin and the search index have the edit.
        response = context.request.get(server.url(p_path + "index.json"))
        assert response.ok, f"{p_path}index.json: HTTP {response.status}\n" + context_for_failure()
        twin = json.loads(response.text())
        assert twin["preamble"][0]["text"] == new_paragraph, twin["preamble"][0]
        assert any(c["where"] == "pp-1" and c["symbol"] == f"A/RES/{x_number}" for c in twin["citations"]), \
            [c for c in twin["citations"] if c["where"] == "pp-1"]
        hits = _search_hits(page, server, marker)
        assert [symbol.split(" ")[0] for symbol, _ in hits] == [f"A/RES/{p_number}"], (
            f"search for {marker!r} shows {hits}\n" + context_for_failure())
        assert hits[0][1] == server.url(p_path) + "#pp-1", f"the search result links {hits[0][1]!r}"

        # d) the revert reaches the open page by live-reload, and X, JSON and search forget the citation.
        reader.open(p_path)
        assert marker in _body_text(page)
        _tag_document(page)
        edited.write_text(original, encoding="utf-8")
        gone = _wait_until(lambda: not _same_document(page) and "The General Assembly" in _body_text(page)
                           and marker not in _body_text(page), RELOAD_SECONDS)
        assert gone is not None, (
            f"the open page of P still showed the edit {RELOAD_SECONDS:.0f} s after the revert "
            f"(reloaded: {not _same_document(page)})\n" + context_for_failure())
        assert _navigation_type(page) == "reload" and page.url == server.url(p_path)
        reader.open(x_path)
        assert p_number not in _cited_by_numbers(page), (
            f"after the revert X still lists P under Cited by: {_cited_by_numbers(page)}\n" + context_for_failure())
        response = context.request.get(server.url(p_path + "index.json"))
        assert response.ok and marker not in response.text(), f"{p_path}index.json still has the edit"
        assert _search_hits(page, server, marker) == [], "search still finds the reverted marker"
        assert page.locator(".res-search-page__results .res-search__none").count() == 1

        assert not reader.problems, (
            "problems on the pages visited:\n" + "\n".join(reader.problems) + "\n" + context_for_failure())
    finally:
        context.close()
        edited.write_text(original, encoding="utf-8")  # the project is in tmp_path; leave it as generated
