"""Integration: build real small sites with ``mkdocs build`` and crawl the HTML they produce.

Each fixture site (``tests/fixtures/sites/<name>/docs``, hand-written) is copied into a temporary folder with
a generated ``mkdocs.yml`` (Material with the package's layouts, the ``resolutions`` plugin, strict
anchor validation) and built once per module. The crawl checks what a reader relies on: links and anchors
resolve, footnotes pair up, citations are links, "Cited by" is exact, hostile text stays text, nothing is
written outside the site folder, and broken sources are reported with ``path:line``.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from resolutions import symbols
from resolutions.parse import parser

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "tests" / "fixtures" / "sites"

MKDOCS_YML = """\
site_name: Test collection
docs_dir: docs
site_dir: site
theme:
  name: material
  features: [content.footnote.tooltips]
plugins:
  - search
  - resolutions:
      folder: resolutions
validation:
  links:
    not_found: warn
    anchors: warn
    absolute_links: warn
    unrecognized_links: warn
"""


@dataclass
class Build:
    """A built fixture site: where it is, how the build ended, what it logged."""

    root: Path
    returncode: int
    log: str

    @property
    def site(self) -> Path:
        return self.root / "site"


def build_site(name: str, tmp_root: Path, *extra: str, config: str = MKDOCS_YML) -> Build:
    root = tmp_root / name
    shutil.copytree(SITES / name / "docs", root / "docs")
    return build_folder(root, *extra, config=config)


def build_folder(root: Path, *extra: str, config: str = MKDOCS_YML) -> Build:
    """``mkdocs build`` of the ``docs`` folder under ``root``, with ``config`` as its mkdocs.yml."""
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *extra],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    return Build(root, done.returncode, done.stdout + done.stderr)


# --- a small crawler -----------------------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    classes: tuple[str, ...] = ()
    ancestors: tuple[str, ...] = ()  # ids of enclosing elements, innermost last


@dataclass
class PageDoc:
    ids: set[str] = field(default_factory=set)
    links: list[Element] = field(default_factory=list)
    elements: dict[str, Element] = field(default_factory=dict)
    tags: list[Element] = field(default_factory=list)
    text: str = ""


_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "track"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = PageDoc()
        self.stack: list[tuple[str, Element]] = []
        self.text_parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = {k: v or "" for k, v in attrs}
        element = Element(
            tag,
            attributes,
            classes=tuple(attributes.get("class", "").split()),
            ancestors=tuple(e.attrs["id"] for _t, e in self.stack if "id" in e.attrs),
        )
        self.doc.tags.append(element)
        if "id" in attributes:
            self.doc.ids.add(attributes["id"])
            self.doc.elements[attributes["id"]] = element
        if tag == "a" and "href" in attributes:
            self.doc.links.append(element)
        if tag in ("script", "style"):
            self.skip_depth += 1
        if tag not in _VOID:
            self.stack.append((tag, element))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip_depth = max(0, self.skip_depth - 1)
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self.skip_depth:
            return
        self.text_parts.append(data)
        for _tag, element in self.stack:
            element.text += data


def read_page(path: Path) -> PageDoc:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.doc.text = "".join(collector.text_parts)
    return collector.doc


class _Pages(Mapping):
    """Page path -> parsed page, each page read when first looked up: a crawl of part of a large site reads
    only that part."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.paths = sorted(
            p.relative_to(site).as_posix() for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts
        )
        self.known = frozenset(self.paths)
        self.read: dict[str, PageDoc] = {}

    def __contains__(self, page: object) -> bool:
        return page in self.known

    def __getitem__(self, page: str) -> PageDoc:
        if page not in self.known:
            raise KeyError(page)
        if page not in self.read:
            self.read[page] = read_page(self.site / page)
        return self.read[page]

    def __iter__(self):
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)


class Site:
    """The HTML pages of a built site, parsed once, addressed by path relative to the site folder."""

    def __init__(self, site: Path) -> None:
        self.site = site
        self.pages = _Pages(site)

    def target(self, page: str, href: str) -> tuple[str | None, str]:
        """(page path the link leads to or None when external, fragment) for a link on ``page``."""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith("mailto:"):
            return None, ""
        path = unquote(parts.path)
        if not path:
            return page, parts.fragment
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if path.endswith("/") or joined == ".":
            joined = posixpath.join(joined, "index.html") if joined != "." else "index.html"
        elif not joined.endswith(".html") and (self.site / joined).is_dir():
            joined = posixpath.join(joined, "index.html")
        return joined, parts.fragment


def page_of(symbol: str) -> str:
    return symbols.symbol_path(symbol) + "/index.html"


# --- the basic site: everything that must work ----------------------------------------------------------------


@pytest.fixture(scope="module")
def basic(tmp_path_factory) -> tuple[Build, Site]:
    build = build_site("basic", tmp_path_factory.mktemp("sites"), "--strict")
    assert build.returncode == 0, build.log
    return build, Site(build.site)


@pytest.fixture(scope="module")
def basic_resolutions():
    return [parser.parse_file(p) for p in sorted((SITES / "basic" / "docs" / "resolutions").rglob("*.md"))]


def test_strict_build_of_a_clean_collection_passes(basic):
    build, _site = basic
    assert "WARNING" not in build.log and "ERROR" not in build.log, build.log


def test_resolution_pages_are_at_their_symbol_urls(basic, basic_resolutions):
    _build, site = basic
    for res in basic_resolutions:
        assert page_of(res.symbol) in site.pages, res.symbol
    assert "S/RES/1600(2005)/index.html" in site.pages
    assert "A/RES/60/20/index.html" in site.pages


def test_every_folder_above_a_resolution_page_leads_to_a_list_that_holds_it(basic, basic_resolutions):
    """A reader who shortens /A/RES/60/20/ to /A/RES/60/ (or /A/RES/, /A/) lands on an index, not on "not found"."""
    _build, site = basic
    for res in basic_resolutions:
        page = page_of(res.symbol)
        folder = posixpath.dirname(posixpath.dirname(page))
        while folder:
            redirect = site.pages[f"{folder}/index.html"]
            [refresh] = [t.attrs["content"] for t in redirect.tags if t.attrs.get("http-equiv") == "refresh"]
            target, fragment = site.target(f"{folder}/index.html", refresh.removeprefix("0; url="))
            assert target in site.pages and target.startswith("resolutions/"), (folder, refresh)
            listed = site.pages[target]
            if fragment:  # a body's part of the overview
                assert fragment in listed.ids, (folder, refresh)
            else:  # the session's list
                assert any(site.target(target, a.attrs["href"])[0] == page for a in listed.links), (folder, target)
            folder = posixpath.dirname(folder)


def test_every_internal_link_and_anchor_resolves(basic):
    _build, site = basic
    problems = []
    for page, doc in site.pages.items():
        if page == "404.html":
            continue  # MkDocs writes the 404 page with absolute links, meant to be served from any path
        for link in doc.links:
            target, fragment = site.target(page, link.attrs["href"])
            if target is None:
                continue
            if target not in site.pages:
                if not (site.site / target).exists():
                    problems.append(f"{page}: {link.attrs['href']} -> missing {target}")
                continue
            if fragment and fragment not in site.pages[target].ids:
                problems.append(f"{page}: {link.attrs['href']} -> no #{fragment} in {target}")
    assert problems == []


def test_every_footnote_marker_has_its_note_and_back_link(basic, basic_resolutions):
    _build, site = basic
    checked = 0
    for res in basic_resolutions:
        doc = site.pages[page_of(res.symbol)]
        refs = [link for link in doc.links if "footnote-ref" in link.classes]
        assert len(refs) == sum(1 for _ in _footnote_marks(res)), res.symbol
        for ref in refs:
            note_id = ref.attrs["href"].lstrip("#")
            note = doc.elements.get(note_id)
            assert note is not None and note.tag == "li", note_id
            marker_id = ref.ancestors[-1]
            backrefs = [
                link for link in doc.links if "footnote-backref" in link.classes and note_id in link.ancestors
            ]
            assert f"#{marker_id}" in {b.attrs["href"] for b in backrefs}
            checked += 1
    assert checked >= 2


def _footnote_marks(res):
    from resolutions.site.citation_targets import visit_paragraphs

    paragraphs = []
    visit_paragraphs(res, lambda para, _label: paragraphs.append(para))
    for para in paragraphs:
        for mark in para.marks:
            if mark.kind == "footnote":
                yield mark


def test_every_citation_the_parser_found_is_a_link(basic, basic_resolutions):
    _build, site = basic
    missing = []
    for res in basic_resolutions:
        doc = site.pages[page_of(res.symbol)]
        link_texts = {" ".join(link.text.split()) for link in doc.links}
        for citation in res.citations:
            if " ".join(citation.text.split()) not in link_texts:
                missing.append((res.symbol, citation.text))
    assert missing == []
    assert sum(len(r.citations) for r in basic_resolutions) >= 8


def test_citations_inside_the_collection_go_to_the_cited_paragraph(basic):
    _build, site = basic
    doc = site.pages["A/RES/60/10/index.html"]
    targets = {
        site.target("A/RES/60/10/index.html", link.attrs["href"])
        for link in doc.links
        if "res-citation" in link.classes
    }
    assert ("A/RES/60/20/index.html", "para-3") in targets
    assert ("A/RES/60/20/index.html", "") in targets
    external = [link.attrs["href"] for link in doc.links if "59/999" in link.text]
    assert external == ["https://undocs.org/A/RES/59/999"]


def test_cited_by_lists_exactly_the_citing_resolutions(basic, basic_resolutions):
    _build, site = basic
    by_page = {page_of(r.symbol): r.symbol for r in basic_resolutions}
    for res in basic_resolutions:
        expected = {
            other.symbol
            for other in basic_resolutions
            if other is not res and any(c.symbol == res.symbol for c in other.citations)
        }
        doc = site.pages[page_of(res.symbol)]
        listed = {
            by_page[site.target(page_of(res.symbol), link.attrs["href"])[0]]
            for link in doc.links
            if _in_cited_by(doc, link)
        }
        assert listed == expected, res.symbol
    assert any(c.symbol == "A/RES/60/20" for r in basic_resolutions for c in r.citations)


def _in_cited_by(doc: PageDoc, link: Element) -> bool:
    return bool(link.attrs.get("href")) and link.ancestors[-1:] == ("cited-by-list",)


def test_hand_written_page_links_to_paragraph_anchors(basic):
    _build, site = basic
    doc = site.pages["index.html"]
    targets = {site.target("index.html", link.attrs["href"]) for link in doc.links}
    assert ("A/RES/60/20/index.html", "para-3") in targets
    assert ("A/RES/60/20/index.html", "para-2-b") in targets


def test_printed_numbers_and_permalinks(basic):
    _build, site = basic
    doc = site.pages["A/RES/60/20/index.html"]
    for anchor in ("pp-1", "para-1", "para-2", "para-2-a", "para-2-b", "para-2-b-i", "para-2-b-ii", "para-3"):
        assert anchor in doc.ids
        assert any(l.attrs["href"] == f"#{anchor}" and "headerlink" in l.classes for l in doc.links), anchor
    numbers = [e.text for e in doc.tags if "res-num" in e.classes]
    assert numbers[:6] == ["1.", "2.", "(a)", "(b)", "(i)", "(ii)"]


def test_metadata_panel_vote_record_and_notice(basic):
    _build, site = basic
    doc = site.pages["A/RES/60/20/index.html"]
    assert "Unofficial copy" in doc.text and "United Nations" in doc.text
    assert "3 in favour, 1 against, 1 abstaining" in doc.text
    assert "Denmark" in doc.text
    assert any(l.attrs["href"] == "https://undocs.org/A/60/PV.50" for l in doc.links)
    assert any(l.attrs["href"] == "https://undocs.org/A/RES/60/20" for l in doc.links)
    ten = site.pages["A/RES/60/10/index.html"]
    assert any(l.attrs["href"] == "https://undocs.org/A/60/PV.41" for l in ten.links)  # derived for the GA


def test_previous_and_next_resolution_of_the_session(basic):
    _build, site = basic
    ten = site.pages["A/RES/60/10/index.html"]
    nexts = [l for l in ten.links if l.attrs.get("rel") == "next"]
    assert [site.target("A/RES/60/10/index.html", l.attrs["href"])[0] for l in nexts] == ["A/RES/60/20/index.html"]
    assert not [l for l in ten.links if l.attrs.get("rel") == "prev"]


def test_search_finds_a_resolution_by_its_symbol(basic):
    build, _site = basic
    index = json.loads((build.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("A/RES/60/20/")]
    text = " ".join(d["title"] + " " + d["text"] for d in entries)
    assert "60/20" in text and "A/RES/60/20" in text


def test_resolutions_are_not_in_the_navigation(basic):
    _build, site = basic
    home = site.pages["index.html"]
    nav_links = [l for l in home.links if "md-nav__link" in l.classes]
    assert not any("RES/60" in l.attrs["href"] for l in nav_links)


# --- hostile input -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Build, Site, set[str], set[str]]:
    root = tmp_path_factory.mktemp("hostile")
    before = {p.as_posix() for p in root.parent.rglob("*")}
    build = build_site("hostile", root)
    after = {p.as_posix() for p in root.parent.rglob("*")}
    return build, Site(build.site), before, after


def test_html_in_the_text_is_shown_as_text(hostile):
    build, site, _before, _after = hostile
    assert build.returncode == 0, build.log
    doc = site.pages["A/RES/60/30/index.html"]
    assert not any(e.tag == "img" for e in doc.tags)
    assert not any(e.tag == "script" and "alert" in e.text for e in doc.tags)
    assert not any(any(a.startswith("on") for a in e.attrs) for e in doc.tags)
    raw = (build.site / "A/RES/60/30/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw
    assert "in a paragraph" in doc.text


def test_a_symbol_that_climbs_out_writes_nothing_outside_the_site(hostile):
    build, site, before, after = hostile
    root = build.root.as_posix()
    new_paths = after - before
    outside = {p for p in new_paths if p != root and not p.startswith(root + "/")}
    assert outside == set()
    # The parse cache lives beside mkdocs.yml (.cache/resolutions, configurable, gitignored).
    allowed = (f"{root}/docs", f"{root}/site", f"{root}/mkdocs.yml", f"{root}/.cache")
    assert {p for p in new_paths if p != root and not p.startswith(allowed)} == set()
    pages = [page for page, doc in site.pages.items() if "must be written inside the site folder" in doc.text]
    assert len(pages) == 1 and ".." not in pages[0]


def test_strict_anchor_validation_knows_resolution_anchors(hostile):
    build, _site, _before, _after = hostile
    assert "para-99" in build.log
    assert "#para-2'" not in build.log and "#para-2)" not in build.log


# --- broken sources ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Build:
    return build_site("broken", tmp_path_factory.mktemp("broken"), "--strict")


def test_broken_resolution_is_reported_with_path_and_line_and_fails(broken):
    assert broken.returncode != 0
    assert "docs/resolutions/broken.md:0: no document symbol found" in broken.log
    assert "docs/resolutions/broken.md:10: " in broken.log and "[RES106]" in broken.log
    assert broken.log.count("error(s) in the resolution sources") == 1


def test_broken_resolution_text_still_appears_on_its_page(broken):
    pages = [p for p in broken.site.rglob("index.html") if "BROKEN-TEXT-MARKER" in p.read_text(encoding="utf-8")]
    assert [p.relative_to(broken.site).as_posix() for p in pages] == ["resolutions/broken/index.html"]


# --- the adapter's own decisions, without a full build -------------------------------------------------------


def _plugin():
    from resolutions.mkdocs_adapter.plugin import ResolutionsPlugin

    plugin = ResolutionsPlugin()
    errors, _warnings = plugin.load_config({})
    assert errors == []
    return plugin


def test_errors_fail_a_build_once_but_never_mkdocs_serve(tmp_path):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    plugin = _plugin()
    plugin.on_startup(command="build", dirty=False)
    plugin.error_count = 2
    with pytest.raises(PluginError, match="2 error"):
        plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_post_build(config=SimpleNamespace(site_dir=str(tmp_path)))  # keeps serving


@pytest.mark.parametrize("concurrency", [1, 2])
def test_generated_files_never_leave_the_site_folder(tmp_path, caplog, concurrency):
    from types import SimpleNamespace

    from resolutions.site.site_plan import GeneratedFile

    site = tmp_path / "site"
    site.mkdir()
    plugin = _plugin()
    plugin.config.concurrency = concurrency  # files written by worker threads, or by the build itself
    config = SimpleNamespace(site_dir=str(site))
    plugin.on_pre_build(config=config)
    plugin.generated_files = [
        GeneratedFile("../escaped.txt", "x"),
        GeneratedFile("/tmp/absolute.txt", "x"),
        GeneratedFile("a/../../escaped2.txt", "x"),
        GeneratedFile("data/ok.json", "{}"),
    ]
    plugin.on_post_build(config=config)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == ["site/data/ok.json"]
    refusals = [r.getMessage() for r in caplog.records if r.levelname == "ERROR" and "refusing" in r.getMessage()]
    assert len(refusals) == 3  # logged by the build process, so that --strict counts them
