"""Incremental preview: a ``mkdocs serve`` rebuild reuses unchanged pages and leaves nothing stale.

The builds run in this process the way ``mkdocs serve`` runs them (one plugin object across rebuilds, a
serve URL, the site folder cleaned each time). After every edit the whole preview is compared, file by file,
with a fresh full build of the same sources: an incremental rebuild must produce exactly the same site.
No timing is asserted here (speed is measured by bench/serve_bench.py).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from resolutions.mkdocs_adapter.packaged_theme import THEME_DIR
from resolutions.mkdocs_adapter.speed.incremental import PageMemory
from search_bundle import fragments, symbol_lookup, without_pagefind
from site_files import site_files

ROOT = Path(__file__).resolve().parent.parent
SERVE_URL = "http://127.0.0.1:8000/"

MKDOCS_YML = """\
site_name: Incremental preview test
docs_dir: docs
site_dir: site
theme:
  name: material
  custom_dir: {templates}
plugins:
  - resolutions:
      folder: resolutions
      cache_dir: ""
"""


def resolution_text(number: int, cites: list[int], words: str = "testing") -> str:
    """A small General Assembly resolution 60/<number> whose first preambular paragraph cites ``cites``."""
    recalls = "".join(f"Recalling its resolution 60/{n} of 3 November 2005,\n\n" for n in cites)
    return f"""**General Assembly**

Distr.: General

A/RES/60/{number}  
1 December 2005

Sixtieth session  
Agenda item 14

Resolution adopted by the General Assembly on 10 November 2005

[on the report of the Third Committee (A/60/500)]

60/{number}. Resolution number {number} on {words}

The General Assembly,

{recalls}Bearing in mind the importance of {words},

1. Affirms the importance of {words};

2. Requests the Secretary-General to submit a report.

50th plenary meeting  
10 November 2005
"""


class Site:
    """A small site on disk, previewed the way ``mkdocs serve`` does it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.docs = root / "docs" / "resolutions"
        self.docs.mkdir(parents=True)
        (root / "docs" / "index.md").write_text("# Test\n\nSee [60/2](resolutions/A_RES_60_2.md#para-1).\n")
        # A copy of the templates: the comparison with a full build must not see a template edited meanwhile.
        shutil.copytree(THEME_DIR, root / "templates")
        (root / "mkdocs.yml").write_text(MKDOCS_YML.format(templates=root / "templates"))

    def write(self, number: int, cites: list[int], words: str = "testing") -> None:
        (self.docs / f"A_RES_60_{number}.md").write_text(resolution_text(number, cites, words), encoding="utf-8")

    def build(self, site_dir: Path, command: str):
        """One build as ``mkdocs serve`` (command "serve") or ``mkdocs build`` runs it; returns the plugin."""
        config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(site_dir))
        if command == "build" or not hasattr(self, "_started"):
            config.plugins.on_startup(command=command, dirty=False)
            self._started = True
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL)
        plugin = config.plugins["resolutions"]
        if command == "serve":  # a browser that asks for every file (they are written on request)
            for path in plugin.preview_files.paths():
                plugin.preview_files.write_if_requested(path)
        return plugin


def fresh_plugins() -> None:
    # MkDocs keeps plugin objects that have on_startup in a class-level cache (that is how they survive
    # serve rebuilds); emptying it gives the next build a brand new plugin, as a new process would.
    MkDocsConfig.plugins.plugin_cache.clear()


def page(site_dir: Path, number: int) -> str:
    return (site_dir / "A" / "RES" / "60" / str(number) / "index.html").read_text(encoding="utf-8")


def cited_by_section(html: str) -> str:
    start = html.find('id="cited-by"')
    return "" if start < 0 else html[start:start + 3000]


@pytest.fixture()
def site(tmp_path: Path):
    fresh_plugins()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    made = Site(tmp_path / "project")
    made.write(1, [])
    made.write(2, [1])
    made.write(3, [])
    made.write(4, [3])
    yield made
    fresh_plugins()


def assert_same_as_full_build(site: Site, preview_dir: Path, tmp_path: Path, name: str) -> None:
    saved = dict(MkDocsConfig.plugins.plugin_cache)
    fresh_plugins()
    full_dir = tmp_path / f"full-{name}"
    site.build(full_dir, "build")
    MkDocsConfig.plugins.plugin_cache.clear()
    MkDocsConfig.plugins.plugin_cache.update(saved)  # back to the serve session's plugin
    # sitemap.xml lists only pages MkDocs rendered in this build; in a preview nobody reads it.
    preview, full = site_files(preview_dir, skip=("sitemap.xml",)), site_files(full_dir, skip=("sitemap.xml",))
    # Pagefind writes its filter files in no fixed order (so their hashed names differ from run to run): the
    # bundles are compared by what they index, every other file byte for byte.
    assert sorted(fragments(preview_dir), key=str) == sorted(fragments(full_dir), key=str)
    preview, full = without_pagefind(preview), without_pagefind(full)
    assert sorted(preview) == sorted(full)
    stale = [name for name in full if preview[name] != full[name]]
    assert stale == []


def test_moving_a_citation_updates_both_cited_pages_and_nothing_else(site: Site, tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    plugin = site.build(preview, "serve")
    assert "60/2" in cited_by_section(page(preview, 1))
    assert cited_by_section(page(preview, 3)).count("60/4") >= 1

    site.write(2, [3])  # 60/2 now cites 60/3 instead of 60/1
    plugin = site.build(preview, "serve")
    memory: PageMemory = plugin.speedups.page_memory
    assert "60/2" not in cited_by_section(page(preview, 1))
    assert "60/2" in cited_by_section(page(preview, 3))
    assert "60/4" in cited_by_section(page(preview, 3))
    # Rendered again: 60/2 (edited), 60/1 and 60/3 (their "Cited by" changed); 60/4 and most index pages reused.
    assert memory.reused > 0
    assert memory.rendered < memory.reused + memory.rendered
    assert_same_as_full_build(site, preview, tmp_path, "moved")


def test_an_unrelated_edit_rerenders_few_pages_and_the_text_shows(site: Site, tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    site.build(preview, "serve")
    site.write(4, [3], words="zanzibar cooperation")
    plugin = site.build(preview, "serve")
    memory: PageMemory = plugin.speedups.page_memory
    assert "zanzibar cooperation" in page(preview, 4)
    # 60/3 shows the title of 60/4 in its "Cited by"; 60/1 and 60/2 are untouched.
    assert "zanzibar cooperation" in cited_by_section(page(preview, 3))
    assert memory.reused >= 2
    assert [f["url"] for f in fragments(preview) if "zanzibar" in f["content"]] == ["/A/RES/60/4/"]
    assert_same_as_full_build(site, preview, tmp_path, "retitled")


def test_adding_and_removing_a_resolution(site: Site, tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    site.build(preview, "serve")
    site.write(5, [1, 4])
    site.build(preview, "serve")
    assert "60/5" in cited_by_section(page(preview, 1))
    assert "60/5" in cited_by_section(page(preview, 4))
    assert_same_as_full_build(site, preview, tmp_path, "added")
    # The preview's search finds the new resolution, by its symbol and in the full-text index.
    assert symbol_lookup(preview, "60/5")[0][0] == "A/RES/60/5/"
    assert "/A/RES/60/5/" in [f["url"] for f in fragments(preview)]

    (site.docs / "A_RES_60_5.md").unlink()
    site.build(preview, "serve")
    assert not (preview / "A" / "RES" / "60" / "5").exists()
    assert "60/5" not in cited_by_section(page(preview, 1))
    assert_same_as_full_build(site, preview, tmp_path, "removed")


def test_a_template_edit_rerenders_everything(site: Site, tmp_path: Path) -> None:
    preview = tmp_path / "preview"
    site.build(preview, "serve")
    (site.root / "docs" / "index.md").write_text("# Test, retitled\n\nSee [60/2](resolutions/A_RES_60_2.md).\n")
    plugin = site.build(preview, "serve")
    assert plugin.speedups.page_memory.reused == 0
    assert_same_as_full_build(site, preview, tmp_path, "hand-written")


def test_a_plain_build_never_reuses_pages(site: Site, tmp_path: Path) -> None:
    fresh_plugins()
    first = site.build(tmp_path / "one", "build")
    second = site.build(tmp_path / "two", "build")
    assert first is second
    assert second.speedups.page_memory.reused == 0
