"""Fast resolution pages: a page filled into its shared frame equals the full Jinja render.

The correctness proof of ``fast_pages``: the same sites are built with ``fast_pages: true`` and ``false`` and
every HTML page must be identical, at several URL depths (``A/RES/51/148/`` is 4 deep, ``S/RES/1325(2000)/``
3), with canonical and edit links (per-page values of Material's frame), with a hand-written page in the
navigation whose directory is a prefix of resolution URLs (relative links then share a prefix), and on a
synthetic collection from ``bench/generate.py`` (many shapes: rows, "Cited by", previous/next, TOC lengths).
Generated index pages outside the navigation (sessions, agenda items) are filled the same way from
their template's ``content`` block. ``page_frame``'s own rules (escaping like Jinja, unknown transformations refused) are tested directly.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import markupsafe
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import bench_scripts
from resolutions.mkdocs_adapter.speed.page_frame import (
    ESCAPED,
    RAW,
    TAGS_STRIPPED,
    escape_like_jinja,
    fill_frame,
    missing_slots,
    plain_sentinel,
    rich_sentinel,
    split_frame,
    strip_tags_like_jinja,
)

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"

MKDOCS_YML = """\
site_name: Fast pages test
site_url: https://example.org/un/
repo_url: https://github.com/example/resolutions
edit_uri: edit/main/docs/
docs_dir: docs
site_dir: {site_dir}
theme:
  name: material
  features: [content.footnote.tooltips, navigation.instant]
plugins:
  - resolutions:
      folder: resolutions
      cache_dir: ""
      fast_pages: {fast}
validation:
  links:
    anchors: warn
nav:
  - Home: index.md
{extra_nav}"""


# --- page_frame: pure rules ------------------------------------------------------------------------------------


def test_split_and_fill_apply_the_templates_transformation_to_each_value() -> None:
    rendered = (
        f"<title>{strip_tags_like_jinja(rich_sentinel('title'))} - Site</title>"
        f"<h1>{rich_sentinel('title')}</h1>"
        f'<a href="{escape_like_jinja(rich_sentinel("href"))}">x</a>'
        f'<a href="#{plain_sentinel("u_id")}">toc</a>'
    )
    frame = split_frame(rendered)
    assert frame is not None
    assert [transform for _, transform in frame.slots] == [TAGS_STRIPPED, RAW, ESCAPED, RAW]
    values = {"title": "A &amp; <em>B</em>", "href": "../x?a=1&b='2'", "u_id": "para-5"}
    assert fill_frame(frame, values) == (
        "<title>A & B - Site</title><h1>A &amp; <em>B</em></h1>"
        '<a href="../x?a=1&amp;b=&#39;2&#39;">x</a><a href="#para-5">toc</a>'
    )


def test_a_sentinel_transformed_in_an_unknown_way_gives_no_frame() -> None:
    url_encoded = rich_sentinel("title").replace("'", "%27").replace("<", "%3C").replace(">", "%3E")
    assert split_frame(f"<a href='/feedback?title={url_encoded}'>x</a>") is None
    assert split_frame("<p>zqslotframe0/ leaked</p>") is None


def test_a_frame_without_sentinels_is_one_piece_and_values_may_be_missing() -> None:
    frame = split_frame("<p>static</p>")
    assert frame is not None and frame.pieces == ("<p>static</p>",) and frame.slots == ()
    assert missing_slots(split_frame(rich_sentinel("body")), {}) == ["body"]


@pytest.mark.parametrize("text", ["plain", "a & b < c > d 'e' \"f\"", "&amp; already", ""])
def test_escaping_and_tag_stripping_match_jinja(text: str) -> None:
    assert escape_like_jinja(text) == str(markupsafe.escape(text))
    html_text = f"  <b>{text}</b> <!-- note -->\n x &lt;y&gt; "
    assert strip_tags_like_jinja(html_text) == markupsafe.Markup(html_text).striptags()


# --- the fast path against the full render ----------------------------------------------------------------------


def _build(docs: Path, root: Path, fast: bool, extra_nav: str = "") -> tuple[Path, object]:
    site_dir = root / ("site-fast" if fast else "site-full")
    config_file = root / f"mkdocs-{'fast' if fast else 'full'}.yml"
    config_file.write_text(MKDOCS_YML.format(site_dir=site_dir,
                                             fast="true" if fast else "false", extra_nav=extra_nav),
                           encoding="utf-8")
    config = load_config(str(config_file))
    build(config)
    return site_dir, config.plugins["resolutions"]


def _html_pages(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def _assert_same_site(docs: Path, root: Path, extra_nav: str = "") -> int:
    """Build both ways; every HTML page must be identical. Returns how many pages were filled from frames."""
    full_site, _ = _build(docs, root, fast=False, extra_nav=extra_nav)
    fast_site, plugin = _build(docs, root, fast=True, extra_nav=extra_nav)
    full, fast = _html_pages(full_site), _html_pages(fast_site)
    assert sorted(fast) == sorted(full)
    different = [path for path in full if fast[path] != full[path]]
    assert different == [], f"pages differing from the full render: {different[:5]}"
    assert plugin.fast_pages.fallbacks == 0
    return plugin.fast_pages.filled


@pytest.fixture()
def quiet_mkdocs_log():
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def _copy_site(name: str, tmp_path: Path) -> Path:
    root = tmp_path / name
    shutil.copytree(SITES / name / "docs", root / "docs")
    return root


@pytest.mark.parametrize("name", ["basic", "hostile"])
def test_fixture_sites_filled_pages_equal_the_full_render(name: str, tmp_path: Path, quiet_mkdocs_log) -> None:
    root = _copy_site(name, tmp_path)
    filled = _assert_same_site(root / "docs", root)
    assert filled == len(list((root / "docs" / "resolutions").rglob("*.md")))


def test_navigation_sharing_a_directory_with_resolution_pages(tmp_path: Path, quiet_mkdocs_log) -> None:
    # A hand-written page at A/RES/ in the nav: links from A/RES/60/1/ to it are ../../, not ../../../../A/RES/.
    root = _copy_site("basic", tmp_path)
    (root / "docs" / "A" / "RES").mkdir(parents=True)
    (root / "docs" / "A" / "RES" / "index.md").write_text("# Assembly resolutions\n", encoding="utf-8")
    filled = _assert_same_site(root / "docs", root, extra_nav="  - Assembly: A/RES/index.md\n")
    assert filled > 0
    resolution_page = next((root / "site-fast" / "A" / "RES").glob("*/*/index.html"))
    assert 'href="../../"' in resolution_page.read_text(encoding="utf-8")


def test_synthetic_collection_of_many_shapes_equals_the_full_render(tmp_path: Path, quiet_mkdocs_log) -> None:
    generate = bench_scripts.load("generate")
    root = tmp_path / "synthetic"
    generate.write_collection(root / "docs" / "resolutions", 60, 3, 150)
    (root / "docs" / "index.md").write_text("# Synthetic\n",
                                            encoding="utf-8")
    filled = _assert_same_site(root / "docs", root)
    assert filled >= 55  # generated files that are resolutions (all of them, unless a source is unusable)
    _, plugin = _build(root / "docs", root, fast=True)
    assert plugin.fast_pages.filled_generated > 0  # session and agenda item pages: content block only


def test_the_filled_html_is_what_mkdocs_writes(tmp_path: Path, quiet_mkdocs_log, monkeypatch) -> None:
    # MkDocs picks the template before on_page_context: the filled HTML must not be computed and then dropped.
    from resolutions.mkdocs_adapter.speed import fast_pages

    monkeypatch.setattr(fast_pages, "fill_frame", lambda frame, values: "<!-- filled -->" + fill_frame(frame, values))
    root = _copy_site("basic", tmp_path)
    site, plugin = _build(root / "docs", root, fast=True)
    pages = [p for p in site.rglob("index.html") if "<!-- filled -->" in p.read_text(encoding="utf-8")]
    assert len(pages) == plugin.fast_pages.filled + plugin.fast_pages.filled_generated > 0
