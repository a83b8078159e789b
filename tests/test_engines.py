"""The same collection built by MkDocs 1.6 and by ProperDocs (the continuation of MkDocs 1.x): the same site.

ProperDocs loads the plugin from its own entry-point group (``properdocs.plugins``) and runs the MkDocs 1.x
plugin API, so every page, data file and asset must come out identical but for the generator's name
(docs/engines.md). Skips, saying so, when ProperDocs is not installed (the ``test`` extra installs it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from http_fetch import fetch as _fetch
from resolutions.new_collection import Requirement, create

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_RESOLUTIONS = ROOT / "tests" / "fixtures" / "sites" / "basic" / "docs" / "resolutions"
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
NOT_COMPARED = {"sitemap.xml.gz"}  # the same sitemap.xml, compressed with the time of writing in its header
SEARCH_BY_NUMBER = re.compile(r"^pagefind/(?!fragment/|index/)")
"""Pagefind's files other than its page records and word index: its filter files come out in a different order
from one build to the next with either engine (two MkDocs builds differ too), the meta file and the entry name
them by hash, and its scripts are copied from the Pagefind binary. Compared by name pattern and number."""
SERVE_SECONDS = 120  # the first build and each rebuild, on a shared two-core machine


def _require_properdocs() -> None:
    if importlib.util.find_spec("properdocs") is None:
        pytest.skip("properdocs is not installed (pip install -e '.[test]' installs it)")


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    """The collection `resolutions new` writes, with the hand-written fixture resolutions added."""
    folder = tmp_path_factory.mktemp("engines") / "collection"
    create(folder, Requirement("mkdocs-resolutions"))
    shutil.copytree(FIXTURE_RESOLUTIONS, folder / "content" / "resolutions", dirs_exist_ok=True)
    return folder


def _build(collection: Path, engine: str) -> Path:
    site = collection / f"site-{engine}"
    # -f: ProperDocs reads mkdocs.yml by that name without asking for it to be renamed.
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=collection, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_finds_the_plugin_in_its_own_entry_point_group():
    found = {entry.name: entry.value for entry in entry_points(group="properdocs.plugins")}
    assert found.get("resolutions") == "resolutions.mkdocs_adapter.plugin:ResolutionsPlugin"


def test_mkdocs_and_properdocs_build_the_same_site(collection):
    _require_properdocs()
    by_mkdocs = _files(_build(collection, "mkdocs"))
    by_properdocs = _files(_build(collection, "properdocs"))
    search = [sorted(re.sub(r"[0-9a-f]{7,}", "#", name) for name in built if SEARCH_BY_NUMBER.match(name))
              for built in (by_mkdocs, by_properdocs)]
    assert search[0] == search[1] and "pagefind/pagefind-entry.json" in search[0]
    entries = [json.loads(built["pagefind/pagefind-entry.json"].read_text(encoding="utf-8"))
               for built in (by_mkdocs, by_properdocs)]
    assert entries[0]["languages"]["en"]["page_count"] == entries[1]["languages"]["en"]["page_count"] > 0
    exact, theirs_exact = (
        sorted(name for name in built if not SEARCH_BY_NUMBER.match(name) and name not in NOT_COMPARED)
        for built in (by_mkdocs, by_properdocs))
    assert exact == theirs_exact
    assert "A/RES/51/148/index.html" in exact and "S/RES/1600(2005)/index.html" in exact
    assert any(name.startswith("pagefind/fragment/") for name in exact)  # the search's page records: identical
    for name in exact:
        path = by_mkdocs[name]
        ours, theirs = path.read_bytes(), by_properdocs[name].read_bytes()
        if name.endswith(".html"):
            ours, theirs = GENERATOR.sub(b"", ours), GENERATOR.sub(b"", theirs)
        assert ours == theirs, f"{name} differs between MkDocs and ProperDocs"
    page = by_properdocs["A/RES/51/148/index.html"].read_text(encoding="utf-8")
    assert "ProperDocs" in page and 'id="para-5"' in page  # really built by ProperDocs, with our renderer


def _wait_for(url: str, text: str, server: subprocess.Popen, log: Path) -> str:
    deadline = time.monotonic() + SERVE_SECONDS
    while time.monotonic() < deadline:
        status, body = _fetch(url)
        if status == 200 and text in body:
            return body
        if server.poll() is not None:
            break
        time.sleep(0.5)
    pytest.fail(f"{url} never showed {text!r}:\n{log.read_text(encoding='utf-8', errors='replace')[-3000:]}")


def test_properdocs_serve_previews_and_rebuilds_on_save(tmp_path):
    _require_properdocs()
    folder = tmp_path / "collection"
    create(folder, Requirement("mkdocs-resolutions"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
            cwd=folder, stdout=subprocess.DEVNULL, stderr=log_file,
        )
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base + "A/RES/51/148/", 'id="para-5"', server, log)
        # The data files of the preview are written when asked for (the plugin's preview server hook).
        assert json.loads(_wait_for(base + "resolutions.json", "A/RES/51/148", server, log))
        source = folder / "content" / "resolutions" / "A_RES_51_148.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("International Organization for Migration",
                                       "International Organization for Migration (edited)", 1), encoding="utf-8")
        _wait_for(base + "A/RES/51/148/", "(edited)", server, log)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
