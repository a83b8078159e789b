"""The MkDocs plugin ``resolutions``: MkDocs events translated into calls of the pure core.

Each handler is a few lines, in the order MkDocs calls them:

- ``on_config``: the parse cache's folder and workers (option ``concurrency``);
- ``on_files``: parse the resolution sources, build the ``Collection`` (citations resolved, backlinks), give
  each resolution page its symbol URL, log every diagnostic, add the generated pages (``site_outputs``);
- ``on_nav`` … ``on_page_context``: resolution pages skip Python-Markdown; their body is rendered by
  ``render.render_resolution`` right before MkDocs writes the page (``speed/fast_pages`` fills it into a frame);
- ``on_post_build``: write the data files and redirects (``concurrency`` threads), wait for the Pagefind
  search bundle started in ``on_files`` (``pagefind_index``), then fail
  the build once if any diagnostic was an error (``mkdocs serve`` keeps serving and shows them);
- under ``mkdocs serve``: unchanged pages keep their HTML, and generated files are written when a browser asks
  for them (``speed/incremental``, ``speed/preview_files``).

The options are in ``config.py``; the speed work in ``speed/`` takes what it needs as arguments.
"""

from __future__ import annotations

import gc
import html
import logging
import os
import posixpath
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Callable, Iterable, Iterator, Sequence
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from resolutions.cache import is_resolution_source_name, resolve_cache_folder
from resolutions.data import datasets, search_records
from resolutions.data.mandate_files import mandate_files
from resolutions.data.series_data import series_file
from resolutions.mkdocs_adapter.config import ResolutionsConfig
from resolutions.mkdocs_adapter.site_folder import Generated, directory_url, inside_path, refusal, write_files
from resolutions.mkdocs_adapter.pagefind_index import PagefindBundle, preview_folder
from resolutions.mkdocs_adapter.packaged_theme import use_packaged_theme
from resolutions.mkdocs_adapter.source_guard import (
    config_dir, drop_agenda_sources, refuse_unsafe_links, shown_docs_dir,
)
from resolutions.mkdocs_adapter.speed.fast_pages import FastPages
from resolutions.mkdocs_adapter.speed.preview_files import PreviewFiles, attach
from resolutions.mkdocs_adapter.speed.speedups import Speedups
from resolutions.mkdocs_adapter.speed.watcher import use_file_events
from resolutions.model import ERROR, INFO, Diagnostic, Resolution
from resolutions.parse import agendas
from resolutions.site import indexes, views
from resolutions.site.collection import Collection, own_pages
from resolutions.site.folder_redirects import folder_redirect_files
from resolutions.site.redirects import redirect_files
from resolutions.site import mandates
from resolutions.site.series_pages import series_pages
from resolutions.site.render import RenderedResolution, page_title, render_resolution
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder, GeneratedPage
from resolutions.symbols import OfficialResolver

log = logging.getLogger("mkdocs.plugins.resolutions")

RESOLUTION_TEMPLATE = "resolution.html"
"""Template (in the package's ``theme/``) that lays out a resolution page."""

HOME_TEMPLATE = "home.html"
"""Template (in the package's ``theme/``) of the home page: the owner's text above the collection's front door."""

_SPARE_COLLECTOR_FROM = 1000
"""Collections this large are moved out of the garbage collector's scans (see _collector_spared); small ones
are not worth it."""


@dataclass
class _ResolutionSource:
    """A resolution page of the site: its MkDocs file and its parsed model."""

    file: File
    resolution: Resolution

    @property
    def page_url(self) -> str:
        """The page's site-relative directory URL (its symbol's, or its source's when it has none)."""
        return directory_url(self.file.dest_uri)


class ResolutionsPlugin(BasePlugin[ResolutionsConfig]):
    """Publish the resolutions of ``docs_dir/<folder>`` as cross-linked pages."""

    def __init__(self) -> None:
        self.is_serve = False
        self.collection: Collection | None = None
        self.sources: dict[str, _ResolutionSource] = {}
        self.generated_pages: dict[str, GeneratedPage] = {}
        self.generated_files: list[Generated] = []
        self.generated_urls: set[str] = set()
        self.front_door: dict | None = None  # the home page's view of the collection (site/front_door.py)
        self.error_count = 0
        # Kept across serve rebuilds: parse cache, memos of the last rebuild, page frames, preview files.
        self.speedups = Speedups()
        self.fast_pages = FastPages()
        self.preview_files = PreviewFiles()
        self.search_bundle = PagefindBundle()
        self._frozen = False

    # --- events, in the order MkDocs calls them ------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Its presence also keeps this plugin object alive across rebuilds of `mkdocs serve`.
        self.is_serve = command == "serve"

    def on_config(self, config: Any) -> Any:
        refuse_unsafe_links(config, self.config.allow_links_outside_docs)  # before MkDocs lists docs_dir
        use_packaged_theme(config)
        cache_folder = resolve_cache_folder(config_dir(config), self.config.cache_dir, config.site_dir)
        if cache_folder is None and self.config.cache_dir:
            log.warning("resolutions: cache_dir is inside site_dir; the parse cache is kept in memory only")
        self.speedups.configure(cache_folder, serve=self.is_serve, workers=self.config.workers())
        self.speedups.parse_cache.with_mandates = self.config.mandates  # off: not even extracted (a cache key part)
        return config

    def on_pre_build(self, *, config: Any) -> None:
        if self.is_serve:  # requests wait while MkDocs empties and refills the site folder
            self.preview_files.begin_build()

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        attach(server, self.preview_files, urlsplit(config.site_url or "/").path)
        if self.config.watch_file_events and not use_file_events(server, _watched_by_mkdocs(config)):
            log.info("resolutions: MkDocs' polling watches the sources (its watches could not be moved)")
        return server

    def on_build_error(self, *, error: Exception) -> None:
        if self.is_serve:
            self.preview_files.abandon()
        self.search_bundle.cancel()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        if not config.use_directory_urls:
            log.warning("resolutions: pages need use_directory_urls: true; links between resolutions may break")
        self.error_count = 0
        drop_agenda_sources(files, self.config.publish_agenda_sources)
        resolution_files = [f for f in files.documentation_pages() if self._is_resolution_source(f)]
        # The models, the collection and what is generated from them (the registry's entries, the pages' plain
        # data) all live to the end of the build: made with the collector paused, then moved out of its scans.
        with self._collector_spared(len(resolution_files)):
            resolutions = self._parse_and_link(resolution_files, config)
            files = self._place_resolution_pages(files, resolution_files, resolutions)
            self._report(d for res in resolutions for d in res.diagnostics)
            self._report(self.collection.diagnostics)
            pages, self.generated_files = self.site_outputs(resolutions, self.collection, config)
        self._add_generated_pages(files, pages, config)
        if self.is_serve:  # pages whose inputs did not change keep their last HTML
            files = self._reuse_unchanged_pages(files, config)
        if self.config.fast_pages:  # resolution and index pages skip reading and Python-Markdown
            self.fast_pages.take_pages(self._fast_page_files(files, config), config)
        return files

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        if self.config.fast_pages:
            self.fast_pages.use_nav(nav)
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Files) -> str | None:
        if page.file.src_uri in self.sources:
            page.meta["template"] = RESOLUTION_TEMPLATE
            # Python-Markdown must not render resolution texts (one dialect per file): an empty placeholder
            # goes through it, the real body comes from our renderer in on_page_context.
            return ""
        if page.is_homepage and self.front_door and "template" not in page.meta:
            page.meta["template"] = HOME_TEMPLATE  # the owner's text, then the collection below it
        generated = self.generated_pages.get(page.file.src_uri)
        if generated is not None:
            page.meta["template"] = generated.template
            page.meta["title"] = html.escape(generated.title)  # inserted unescaped by Material
            page.meta["context"] = generated.context
        return None

    def on_page_content(self, content: str, /, *, page: Any, config: Any, files: Files) -> str | None:
        source = self.sources.get(page.file.src_uri)
        if source is None:
            return None
        # The page is rendered in on_page_context, right before MkDocs writes it, so a build holds one rendered
        # page at a time (holding all of them from here to the writing took ~650 MB at 20,000).
        # Material inserts page.meta.title unescaped into <title> and the header: give it escaped text.
        page.meta["title"] = html.escape(page_title(source.resolution), quote=True)
        # Links from hand-written pages to '#para-5' are checked after every page is written: the page's
        # anchors are computed then, for the pages such links point to.
        page.present_anchor_ids = _AnchorsOnDemand(lambda: self._render(source).anchor_ids)
        return ""

    # Before other plugins' on_page_context: a search plugin indexes page.content there, which is made here.
    @event_priority(100)
    def on_page_context(self, context: dict, /, *, page: Any, config: Any, nav: Any) -> dict | None:
        source = self.sources.get(page.file.src_uri)
        if source is not None:
            rendered = self._render(source)
            page.meta["title"] = rendered.title_html
            page.toc = get_toc([{"level": e.level, "id": e.id, "name": e.title, "children": []}
                                for e in rendered.outline if e.level == 2])
            page.content = rendered.body_html
            context["resolution_page"] = rendered
            if self.config.fast_pages:
                self.fast_pages.fill(context, page, rendered)
        if page.is_homepage:
            context["front_door"] = self.front_door
        generated = self.generated_pages.get(page.file.src_uri)
        if generated is not None:
            context["resolutions_context"] = generated.context
            if self.config.fast_pages:  # only the content block is rendered per index page
                self.fast_pages.fill_generated(context, page)
        return context

    def on_env(self, env: Any, /, *, config: Any, files: Files) -> Any:
        if self.config.fast_pages:  # frames are rendered with this build's templates
            own = self.sources.keys() | self.generated_pages.keys()
            self.fast_pages.use_env(env, [f.page for f in files.documentation_pages() if f.src_uri in own and f.page])
        self.speedups.reuse_compiled_templates(env)
        return env

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str | None:
        if self.is_serve:  # kept for the next preview build
            self.speedups.remember(page.file.src_uri, output)
        if page.file.src_uri in self.sources:
            page.content = None  # written: its body (~25 KB) is not needed again
        generated = self.generated_pages.get(page.file.src_uri)
        if generated is not None and generated.written is not None:
            generated.written()  # e.g. a changes page lets go of its differences
        return output

    def on_post_build(self, *, config: Any) -> None:
        if self.is_serve:  # written when a browser asks for them
            self._publish_to_preview(config.site_dir)
        else:
            for problem in write_files(config.site_dir, self.generated_files, workers=self.config.workers()):
                log.error(f"resolutions: {problem}")
            for problem in self.search_bundle.finish():  # Pagefind writes its bundle beside the pages
                log.error(f"resolutions: {problem}")
        self.generated_files = []  # their deferred contents hold the models
        if self.error_count and self.config.strict_errors and not self.is_serve:
            raise PluginError(
                f"resolutions: {self.error_count} error(s) in the resolution sources (listed above as path:line)"
            )

    # --- what the site is made of --------------------------------------------------------------------------

    def parse_sources(self, sources: Sequence[tuple[str, str]]) -> list[Resolution]:
        """Parse every (absolute path, display path) source, through the parse cache."""
        return self.speedups.parse(sources)

    def site_outputs(
        self, resolutions: Sequence[Resolution], collection: Collection, config: Any
    ) -> tuple[list[GeneratedPage], list[Generated]]:
        """Everything generated from the collection besides resolution pages: index pages, data files (JSON,
        CSV, feed), redirect pages from other spellings of each symbol and from folders without a page of their own,
        the search page and index."""
        pages: list[GeneratedPage] = []
        data_files: list[Generated] = []
        if self.config.index_pages:
            index_pages = self._index_pages(resolutions, collection, config)
            pages.extend(index_pages)
            from resolutions.site.front_door import front_door

            self.front_door = front_door(resolutions, index_pages, collection.url_for,
                                         "search/" if self.config.search else None)
        # A build writes each index.json with resolutions.json in one pass; a preview, each file when asked for.
        data_files.extend(datasets.site_files(resolutions, collection.url_for, config.site_url, collection=collection,
                                              together=not self.is_serve))
        if self.config.series:  # series pages, changes pages (compared when rendered) and series.json
            pages.extend(series_pages(collection))
            data_files.append(series_file(collection, config.site_url))
        if self.config.mandates:  # the registry pages and files (site/mandates.py, data/mandate_files.py)
            entries = mandates.entries(
                (r for r in resolutions if r.symbol and collection.by_symbol.get(r.symbol) is r), collection.url_for,
                series_of=collection.series.series_of)
            pages.extend(mandates.registry_pages(entries))
            data_files.extend(mandate_files(entries, config.site_url))
        paged = [(res, url) for res in resolutions if res.symbol and (url := collection.page_url(res))]
        page_urls = [(res.symbol, url) for res, url in paged]
        taken = [posixpath.dirname(p.src_uri) for p in pages]
        spellings = self.speedups.unless_unchanged(
            "redirects", (page_urls, config.site_url, taken),
            lambda: redirect_files(page_urls, site_url=config.site_url or None, taken_paths=taken))
        data_files.extend(spellings)
        # The search page and the symbol lookup; the Pagefind bundle was started after parsing (docs/search.md).
        if self.config.search:
            pages.append(search_records.search_page())
            page_of = [(res, url) for res in resolutions if (url := collection.page_url(res)) is not None]
            data_files.extend(search_records.symbol_lookup_files(page_of))
            if self.is_serve:
                data_files.append(preview_folder(lambda: search_records.records(page_of), log.error))
        if self.config.index_pages:  # a shortened address (/A/RES/75/) leads to the list it belongs to
            listed = [(url, indexes.listing_places(res)) for res, url in paged]
            titles = {posixpath.dirname(p.src_uri): p.title for p in pages}
            spelled = [posixpath.dirname(f.dest_uri) for f in spellings]
            data_files.extend(self.speedups.unless_unchanged(
                "folder redirects", (listed, titles, spelled, config.site_url),
                lambda: folder_redirect_files(listed, titles, indexes.FOLDER_HOMES, spelled, config.site_url or None)))
        return pages, data_files

    # --- helpers of on_files -------------------------------------------------------------------------------

    def _is_resolution_source(self, file: File) -> bool:
        if not is_resolution_source_name(posixpath.basename(file.src_uri)):
            return False
        folder = self.config.folder.strip("/")
        return not folder or file.src_uri.startswith(folder + "/")

    def _parse_and_link(self, resolution_files: list[File], config: Any) -> list[Resolution]:
        """The parsed resolutions of ``resolution_files`` (in order), and ``self.collection`` built from them; a
        build with search starts the Pagefind bundle in between (it needs only the pages)."""
        resolutions = self.parse_sources([(f.abs_src_path or "", _display_path(f, config))
                                          for f in resolution_files])
        if self.config.search and not self.is_serve:  # Pagefind indexes on the other core from here on
            for problem in self.search_bundle.start(search_records.records(own_pages(resolutions)), config.site_dir):
                log.error(f"resolutions: {problem}")
        # Under serve, what the edit did not touch is taken from the last rebuild's collection.
        previous = self.collection if self.is_serve else None
        self.collection = Collection.build(resolutions, resolver_base=self.config.resolver, previous=previous,
                                           series=self.config.series)
        return resolutions

    def _place_resolution_pages(self, files: Files, resolution_files: list[File],
                                resolutions: list[Resolution]) -> Files:
        """``files`` with each resolution page at its symbol's URL, kept out of the navigation."""
        assert self.collection is not None
        self.sources = {}
        placed: dict[str, File] = {}
        for file, res in zip(resolution_files, resolutions):
            url = self.collection.page_url(res)
            if url is not None:
                file = _placed_at(file, url)
            file.inclusion = InclusionLevel.NOT_IN_NAV  # 20,000 entries in the nav would be quadratic
            placed[file.src_uri] = file
            self.sources[file.src_uri] = _ResolutionSource(file, res)
        return _replaced(files, placed)

    def _index_pages(self, resolutions: Sequence[Resolution], collection: Collection,
                     config: Any) -> list[GeneratedPage]:
        agenda_titles, agenda_problems = agendas.read_agenda_titles(config.docs_dir, shown_root=shown_docs_dir(config))
        self._report(agenda_problems)
        document_url = OfficialResolver(collection.resolver_base)  # meeting records
        if self.is_serve:  # the same pages as the last rebuild when no field they show changed
            return self.speedups.index_memo.index_pages(resolutions, agenda_titles, collection.url_for,
                                                        document_url=document_url)
        return indexes.index_pages(resolutions, agenda_titles, url_for=collection.url_for, document_url=document_url)

    def _add_generated_pages(self, files: Files, pages: list[GeneratedPage], config: Any) -> None:
        self.generated_pages, self.generated_urls = {}, set()
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                log.warning(f"resolutions: {page.src_uri} exists in docs_dir; the generated page is not added")
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            generated_file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            files.append(generated_file)
            self.generated_pages[page.src_uri] = page
            self.generated_urls.add(directory_url(generated_file.dest_uri))

    def _reuse_unchanged_pages(self, files: Files, config: Any) -> Files:
        assert self.collection is not None
        return self.speedups.reuse_unchanged_pages(
            files, config,
            resolution_pages={src_uri: (s.resolution, s.page_url) for src_uri, s in self.sources.items()},
            generated_pages=self.generated_pages,
            collection=self.collection,
            session_url=self._session_url if self.config.session_links else None,
            options=dict(self.config),
            named_in_nav=_nav_paths(config.nav),
            preview_files=self.preview_files,
        )

    def _fast_page_files(self, files: Files, config: Any) -> tuple[list[File], list[File]]:
        """(resolution files, index files without Markdown) that are still pages of this build; a page the
        ``nav`` setting names keeps MkDocs' own Page (the nav gives it its title)."""
        named_in_nav = _nav_paths(config.nav)
        own_pages = [f for f in files.documentation_pages() if f.src_uri not in named_in_nav]
        return ([f for f in own_pages if f.src_uri in self.sources],
                [f for f in own_pages if (g := self.generated_pages.get(f.src_uri)) is not None and not g.markdown])

    @contextmanager
    def _collector_spared(self, source_count: int) -> Iterator[None]:
        """The parse, the collection and what is generated from them made without the garbage collector, then
        moved out of its scans.

        They live to the end of a build, and across serve rebuilds: millions of objects at 20,000 resolutions
        (the mandate registry alone adds an entry and a listed item per mandate, about 150,000), which every full
        collection walked again (about a second each, many times while they were being made, and again while
        the pages are written). The models hold no reference cycles, so an edited file's old model is still
        freed as soon as it is dropped. Nothing is collected before the freeze (it would walk everything once
        more, ~2 s at 20,000): with the collector paused, the parse makes no cyclic garbage in this process (its
        workers, or its own young collections, take care of it), nor do the generated pages' plain data. Once
        per plugin object (a serve session's rebuilds add few objects), and only for large collections."""
        if self._frozen or source_count < _SPARE_COLLECTOR_FROM or not gc.isenabled():
            yield
            return
        gc.disable()
        try:
            yield
        finally:
            gc.freeze()
            self._frozen = True
            gc.enable()

    # --- helpers of the page events ------------------------------------------------------------------------

    def _render(self, source: _ResolutionSource) -> RenderedResolution:
        assert self.collection is not None
        links = self.config.session_links
        rendered = render_resolution(
            source.resolution,
            self.collection,
            source.page_url,
            session_url=self._session_url if links else None,
            agenda_item_url=self._agenda_item_url if links else None,
            timeline_url=self._timeline_url if links else None,
        )
        if self.config.mandates and (row := mandates.metadata_row(source.resolution)) is not None:
            rendered = replace(rendered, metadata=rendered.metadata + (row,))  # its mandates, linked to paragraphs
        return rendered

    def _session_url(self, res: Resolution) -> str | None:
        url = views.session_url(res)
        return url if url in self.generated_urls else None

    def _agenda_item_url(self, res: Resolution, item: Any) -> str | None:
        url = views.agenda_item_url(res, item)
        return url if url in self.generated_urls else None

    def _timeline_url(self, res: Resolution) -> str | None:
        url = views.timeline_url(res)
        return url if url and url.partition("#")[0] in self.generated_urls else None

    def _publish_to_preview(self, site_dir: str) -> None:
        for item in self.generated_files:
            if isinstance(item, GeneratedFolder):  # e.g. the search index: made when someone searches
                self.preview_files.add_folder(item)
            elif not _refused(item):  # (the folders on the way are checked when writing; never a group here)
                self.preview_files.add(item)
        self.preview_files.publish(site_dir)

    def _report(self, diagnostics: Iterable[Diagnostic]) -> None:
        for diagnostic in diagnostics:
            if diagnostic.severity == ERROR:
                self.error_count += 1
                log.error(diagnostic.format())
            elif diagnostic.severity == INFO:
                # A discrepancy of the source that leaves the page complete: shown, never fails --strict.
                log.info(diagnostic.format())
            else:
                log.warning(diagnostic.format())


def _refused(data_file: GeneratedFile) -> bool:
    """Whether ``data_file``'s path leaves the site folder (then logged, and nothing is written)."""
    problem = refusal(data_file)
    if problem is not None:
        log.error(f"resolutions: {problem}")
    return problem is not None


class _AnchorsOnDemand:
    """A page's anchor ids, computed the first time MkDocs checks a link to one of them (``in``)."""

    def __init__(self, compute: Callable[[], frozenset[str]]) -> None:
        self._compute: Callable[[], frozenset[str]] | None = compute
        self._ids: frozenset[str] = frozenset()

    def __contains__(self, anchor: object) -> bool:
        if self._compute is not None:
            self._ids, self._compute = self._compute(), None
        return anchor in self._ids


def _display_path(file: File, config: Any) -> str:
    """Path shown in diagnostics: relative to the folder of mkdocs.yml, so editors can open ``path:line``."""
    root = config_dir(config)
    path = file.abs_src_path or file.src_uri
    if path.startswith(root + os.sep):  # the usual case, without relpath's work (20,000 calls a build)
        return path[len(root) + 1:].replace(os.sep, "/")
    return os.path.relpath(path, root).replace(os.sep, "/")


def _placed_at(file: File, url: str) -> File:
    """``file`` as a page at the directory URL ``url``: a new File (MkDocs derives its URL and destination
    path from ``dest_uri`` once); ``file`` itself when that would leave the site folder."""
    dest_uri = posixpath.join(url, "index.html")
    if inside_path(dest_uri) is None:
        log.error(f"resolutions: refusing to write {dest_uri!r} outside the site folder (from {file.src_uri})")
        return file
    return File(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=dest_uri,
                inclusion=file.inclusion)


def _replaced(files: Files, replacements: dict[str, File]) -> Files:
    """``files`` with the files of ``replacements`` (by source path) put in place of their namesakes, in the
    same order (MkDocs builds pages and lists them in the sitemap in this order)."""
    return Files([replacements.get(f.src_uri, f) for f in files])


def _nav_paths(nav: Any) -> set[str]:
    """Every source path named in the ``nav`` setting (nested lists and mappings of titles to paths)."""
    found: set[str] = set()
    stack = [nav]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _watched_by_mkdocs(config: Any) -> list[str]:
    """What ``mkdocs serve`` has watched when it calls ``on_serve``: docs_dir, the config file and, with
    ``--watch-theme``, the theme's folders (``config.watch`` is watched after ``on_serve``)."""
    return [config.docs_dir, *([config.config_file_path] if config.config_file_path else []), *config.theme.dirs]
