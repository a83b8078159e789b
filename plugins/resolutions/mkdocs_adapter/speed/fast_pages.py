"""Resolution pages without MkDocs' per-page pipeline: no source read, no Python-Markdown, no full Jinja render.

``FastPages`` is held by ``ResolutionsPlugin`` (option ``fast_pages``) and called in one line per hook:

- ``take_pages`` (``on_files``): every resolution file gets a ``_FastResolutionPage``, and every generated
  index page without Markdown a ``_PageWithoutMarkdown`` (MkDocs uses a ``Page`` a plugin put on
  ``File.page`` before the navigation is made): their ``read_source`` and ``render`` do nothing (the plugin
  gives a resolution page its body, TOC and anchor ids from ``render.render_resolution``; an index page's
  template draws it all, and Python-Markdown would only turn "" into "", at ~3 ms a page). The file stays a
  documentation page, so links from hand-written pages resolve, MkDocs itself validates their ``#anchors``,
  and the page stays in the sitemap.
- ``use_nav`` (``on_nav``): note which directories the navigation links to and which pages it shows.
- ``use_env`` (``on_env``): keeps the build's Jinja environment and adds a one-expression template.
- ``fill`` (``on_page_context``): the page's HTML is its *frame* filled with its own values. A frame is
  ``mkdocs_adapter/theme/resolution.html`` rendered once, through the real Material templates, for a stand-in page
  whose every page-specific value is a sentinel (``page_frame``); MkDocs then renders the one-expression
  template, which only prints the finished HTML.

Frames are kept per *shape*: the URL depth and the directory prefix shared with the navigation (relative links
depend on both), and which optional parts exist and how many rows, TOC entries, ... (the layout's ``if`` and
``for`` depend on that). A few dozen frames serve a whole collection. When a template transforms a sentinel in a
way ``page_frame`` does not know, that shape falls back to the ordinary full render.
"""

from __future__ import annotations

import copy
import dataclasses
import logging
import posixpath
from dataclasses import dataclass
from typing import Any

import jinja2
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents, get_toc

from resolutions.mkdocs_adapter.speed.page_frame import Frame, fill_frame, missing_slots, plain_sentinel, rich_sentinel, split_frame
from resolutions.site.render import RenderedResolution

log = logging.getLogger("mkdocs.plugins.resolutions")

FILLED_PAGE_TEMPLATE = "resolutions-filled-page.html"
"""The one-expression template that prints a page already filled by ``FastPages.fill``."""
FILLED_PAGE_VARIABLE = "resolutions_filled_page"

_NOT_LAYOUT_FIELDS = {"anchor_ids": frozenset(), "outline": ()}
"""RenderedResolution fields resolution.html does not show (the TOC is drawn from ``page.toc``): fixed values
in the stand-in, so they do not multiply frames. tests/test_fast_pages.py proves pages equal the full render."""


class _PageWithoutMarkdown(Page):
    """A page with nothing to read or convert: the plugin and the templates supply everything."""

    def read_source(self, config: Any) -> None:
        # A resolution was parsed by the plugin already; an index page's generated source is empty.
        self.markdown, self.meta = "", {}

    def render(self, config: Any, files: Any) -> None:
        # No Markdown instance per page (its setup alone is ~3 ms): the empty result Python-Markdown gives "".
        # These are the attributes Page.render sets; _title_from_render has no public setter (Page.title reads
        # it, and None makes the title come from page.meta as for any page without a heading).
        self.content = ""
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


class _FastResolutionPage(_PageWithoutMarkdown):
    """A resolution page: the plugin's ``on_page_content`` and ``on_page_context`` supply its body."""


class FastPages:
    """Frames of the current build and the environment that renders them."""

    def __init__(self) -> None:
        self.env: jinja2.Environment | None = None
        self.frames: dict[tuple, Frame | None] = {}
        self.linked_directories: set[str] = set()
        self.nav_page_ids: set[int] = set()
        self.parent_chains: dict[str, tuple[jinja2.Template, ...] | None] = {}
        self.real_templates: dict[int, str] = {}
        self.filled = 0
        self.filled_generated = 0
        self.fallbacks = 0

    def take_pages(self, pages: tuple[list[File], list[File]], config: Any) -> None:
        """Take (resolution files, index files without Markdown) out of the read/convert steps (a file whose
        page another plugin made is left alone)."""
        resolution_files, index_files = pages
        for files, page_class in ((resolution_files, _FastResolutionPage), (index_files, _PageWithoutMarkdown)):
            for file in files:
                if file.page is None:
                    page_class(None, file, config)  # a Page puts itself on file.page

    def use_nav(self, nav: Navigation) -> None:
        """Note which directories the navigation links to, and which pages it shows."""
        self.linked_directories = _linked_directories(nav)
        # A page in the navigation makes Material mark it active: its nav differs from every other page's.
        self.nav_page_ids = {id(page) for page in nav.pages}

    def use_env(self, env: jinja2.Environment, own_pages: list[Any]) -> None:
        """Keep this build's environment and switch every page we can fill to the template that prints it.

        MkDocs picks a page's template before ``on_page_context``, so the switch happens here, after every page
        is read and before any is built; ``fill`` and ``fill_generated`` then always supply the HTML."""
        self.env, self.frames, self.parent_chains, self.real_templates = env, {}, {}, {}
        self.filled = self.filled_generated = self.fallbacks = 0
        env.loader = jinja2.ChoiceLoader([
            jinja2.DictLoader({FILLED_PAGE_TEMPLATE: "{{ " + FILLED_PAGE_VARIABLE + " }}"}), env.loader,
        ])
        for page in own_pages:
            template_name = page.meta.get("template") or "main.html"
            if not self._framable(page) or page.file.inclusion.is_excluded():
                continue  # (a draft gets MkDocs' DRAFT marker added to its content after on_page_context)
            if not isinstance(page, _FastResolutionPage) and self._template_chain(template_name) is None:
                continue
            self.real_templates[id(page)] = template_name
            page.meta["template"] = FILLED_PAGE_TEMPLATE

    def fill(self, context: dict, page: Any, rendered: RenderedResolution) -> None:
        """Put the resolution page's finished HTML in ``context``: its frame filled with its values."""
        template_name = self._switched_back(page)
        if template_name is None:
            return
        stand_in = _StandIn()
        twin = stand_in.twin_of(rendered, "rp", exclude=_NOT_LAYOUT_FIELDS)
        parts = self._page_parts(stand_in, page)
        prefix, depth = self._url_shape(page.url)
        key = ("resolution", prefix, depth, template_name, parts.shape, tuple(stand_in.shape))
        if key not in self.frames:
            self.frames[key] = self._render_frame(context, page, template_name, prefix, depth, twin, parts)
        frame = self.frames[key]
        if frame is None or missing_slots(frame, stand_in.values):
            self._render_in_full(context, template_name)
            return
        context[FILLED_PAGE_VARIABLE] = fill_frame(frame, stand_in.values)
        self.filled += 1

    def fill_generated(self, context: dict, page: Any) -> None:
        """A generated index page: only its ``content`` block is rendered, into the frame of its template."""
        template_name = self._switched_back(page)
        if template_name is None:
            return
        chain = self._template_chain(template_name)
        stand_in = _StandIn()
        parts = self._page_parts(stand_in, page)
        prefix, depth = self._url_shape(page.url)
        key = ("generated", prefix, depth, template_name, parts.shape, tuple(stand_in.shape))
        if key not in self.frames:
            self.frames[key] = self._render_frame(context, page, template_name, prefix, depth, None, parts,
                                                  content_block=rich_sentinel("content"))
        frame = self.frames[key]
        if frame is None or chain is None:
            self._render_in_full(context, template_name)
            return
        block_context = _block_context(chain, context)
        stand_in.values["content"] = self.env.concat(block_context.blocks["content"][0](block_context))
        if missing_slots(frame, stand_in.values):
            self._render_in_full(context, template_name)
            return
        context[FILLED_PAGE_VARIABLE] = fill_frame(frame, stand_in.values)
        self.filled_generated += 1

    def _switched_back(self, page: Any) -> str | None:
        """The page's own template if ``use_env`` switched it (now restored in ``page.meta``), else None."""
        template_name = self.real_templates.pop(id(page), None) if self.env is not None else None
        if template_name is not None:
            page.meta["template"] = template_name
        return template_name

    def _render_in_full(self, context: dict, template_name: str) -> None:
        # No usable frame for this shape: the ordinary render, printed by the one-expression template.
        self.fallbacks += 1
        context[FILLED_PAGE_VARIABLE] = self.env.get_template(template_name).render(context)

    @staticmethod
    def _page_parts(stand_in: _StandIn, page: Any) -> _PageParts:
        """Sentinels for the page values Material's frame shows (title, TOC, canonical and edit links, content)."""
        canonical = stand_in.rich("canonical", page.canonical_url) if page.canonical_url else page.canonical_url
        edit_url = stand_in.rich("edit", page.edit_url) if page.edit_url else page.edit_url
        return _PageParts(
            title=stand_in.rich("title", page.meta["title"]),
            toc=stand_in.toc_twin(page.toc),
            canonical=canonical,
            edit_url=edit_url,
            body=stand_in.rich("body", page.content or ""),
            shape=(bool(canonical), bool(edit_url)),
        )

    def _framable(self, page: Any) -> bool:
        # Outside the navigation, and titled by page.meta (Material's other title branch is not a slot here).
        return id(page) not in self.nav_page_ids and bool(page.meta.get("title"))

    def _template_chain(self, name: str) -> tuple[jinja2.Template, ...] | None:
        """The template and the templates it extends, outermost last; None when one has no ``content`` block
        of ours or extends a computed name (then the page is rendered in full)."""
        if name not in self.parent_chains:
            chain: list[jinja2.Template] = []
            current: str | None = name
            while current is not None and len(chain) < 10:
                template = self.env.get_template(current)
                chain.append(template)
                current = _extended_name(self.env, current)
                if current == "":
                    chain = []
                    break
            has_content = any("content" in t.blocks for t in chain)
            self.parent_chains[name] = tuple(chain) if chain and has_content else None
        return self.parent_chains[name]

    def _render_frame(self, context: dict, page: Any, template_name: str, prefix: str, depth: int,
                      twin: RenderedResolution | None, parts: _PageParts,
                      content_block: str | None = None) -> Frame | None:
        frame_page = copy.copy(page)
        file = page.file
        frame_page.file = File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                               dest_uri=_stand_in_url(prefix, depth) + "index.html", inclusion=file.inclusion)
        frame_page.meta = {**page.meta, "title": parts.title}
        frame_page.toc, frame_page.content = parts.toc, parts.body
        frame_page.canonical_url, frame_page.edit_url = parts.canonical, parts.edit_url
        frame_context = dict(context)
        frame_context["page"] = frame_page
        if twin is not None:
            frame_context["resolution_page"] = twin
        template = self.env.get_template(template_name)
        if content_block is None:
            output = template.render(frame_context)
        else:  # the content block replaced by a sentinel; the rest of the template as MkDocs renders it
            render_context = template.new_context(frame_context)
            render_context.blocks["content"] = [lambda _context: iter([content_block])]
            output = self.env.concat(template.root_render_func(render_context))
        frame = split_frame(output)
        if frame is None:
            log.debug(f"resolutions: no frame for pages shaped like {page.file.src_uri}; rendered in full")
        return frame

    def _url_shape(self, url: str) -> tuple[str, int]:
        """(longest directory of ``url`` that the navigation also links into, depth of ``url``)."""
        segments = [s for s in url.split("/") if s]
        prefix = ""
        for count in range(len(segments) - 1, 0, -1):
            candidate = "/".join(segments[:count]) + "/"
            if candidate in self.linked_directories:
                prefix = candidate
                break
        return prefix, len(segments)


@dataclass(frozen=True)
class _PageParts:
    """The stand-in values of Material's per-page parts, and which of them exist."""

    title: str
    toc: TableOfContents
    canonical: str | None
    edit_url: str | None
    body: str
    shape: tuple[bool, bool]


class _StandIn:
    """Sentinel twins of one page's values, the real values by slot name, and the shape the layout sees."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}
        self.shape: list[Any] = []

    def rich(self, name: str, value: str) -> str:
        self.values[name] = value
        return rich_sentinel(name)

    def twin_of(self, value: Any, name: str, exclude: dict[str, Any] | None = None) -> Any:
        """``value`` with every non-empty string replaced by a sentinel; the shape records emptiness and lengths."""
        if isinstance(value, str):
            self.shape.append(bool(value))
            return self.rich(name, value) if value else value
        if isinstance(value, (tuple, list)):
            self.shape.append(len(value))
            return type(value)(self.twin_of(item, f"{name}_{i}") for i, item in enumerate(value))
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            self.shape.append(type(value).__name__)  # present, unlike None
            changes = {}
            for field in dataclasses.fields(value):
                if exclude and field.name in exclude:
                    changes[field.name] = exclude[field.name]
                else:
                    changes[field.name] = self.twin_of(getattr(value, field.name), f"{name}_{field.name}")
            return dataclasses.replace(value, **changes)
        self.shape.append(value is None)  # None or another value the layout only tests
        return value

    def toc_twin(self, toc: Any) -> TableOfContents:
        return TableOfContents([self._anchor_twin(item, f"toc_{i}") for i, item in enumerate(toc or [])])

    def _anchor_twin(self, item: AnchorLink, name: str) -> AnchorLink:
        self.shape.append(("toc", item.level, len(item.children)))
        self.values[f"u_{name}_id"] = item.id
        twin = AnchorLink(self.rich(f"{name}_title", item.title), plain_sentinel(f"u_{name}_id"), item.level)
        twin.children = [self._anchor_twin(child, f"{name}_{i}") for i, child in enumerate(item.children)]
        return twin


def _block_context(chain: tuple[jinja2.Template, ...], variables: dict) -> Any:
    """A render context with every block of the template chain, as the chain's root render functions build it."""
    block_context = chain[0].new_context(variables)
    for parent in chain[1:]:
        for name, block in parent.blocks.items():
            block_context.blocks.setdefault(name, []).append(block)
    return block_context


def _extended_name(env: jinja2.Environment, name: str) -> str | None:
    """The template ``name`` extends: None when it extends nothing, "" when the name is computed at render."""
    source = env.loader.get_source(env, name)[0]
    extends = next(iter(env.parse(source).find_all(jinja2.nodes.Extends)), None)
    if extends is None:
        return None
    return extends.template.value if isinstance(extends.template, jinja2.nodes.Const) else ""


def _stand_in_url(prefix: str, depth: int) -> str:
    """A URL as deep as the page's, sharing only ``prefix`` with anything the frame links to."""
    kept = len([s for s in prefix.split("/") if s])
    return prefix + "".join(f"zqslotframe{i}/" for i in range(depth - kept))


def _linked_directories(nav: Navigation) -> set[str]:
    """Every directory prefix of every URL in the navigation: where a relative link could share a prefix."""
    directories: set[str] = set()
    stack = list(nav.items)
    while stack:
        item = stack.pop()
        if isinstance(item, Section):
            stack.extend(item.children)
            continue
        url = item.url if isinstance(item, (Page, Link)) else ""
        parts = [s for s in posixpath.dirname(url.rstrip("/") + "/x").split("/") if s]
        for count in range(1, len(parts) + 1):
            directories.add("/".join(parts[:count]) + "/")
    return directories
