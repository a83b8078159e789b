"""The MkDocs plugin ``resolutions``: a thin adapter from MkDocs events to the pure core.

- ``on_files``: find the resolution sources under the configured folder, parse them all, build the
  ``Collection`` (citations resolved, backlinks), give each resolution page its symbol URL, log every
  diagnostic, and add the generated index pages (``File.generated``).
- ``on_page_markdown`` / ``on_page_content``: resolution pages skip Python-Markdown (their Markdown is replaced
  by an empty placeholder); their anchors are given on demand so MkDocs validates links such as
  ``A_RES_51_148.md#para-5``.
- ``on_page_context``: renders the page (``render.render_resolution``) right before MkDocs writes it, and hands
  the fragments to ``site_templates/resolution.html``.
- ``on_post_build``: writes the generated data files and redirects (through a writer process forked in
  ``on_pre_build``: ``files_writer``), waits for the Pagefind search bundle started in ``on_files``
  (``pagefind_index``), then fails the build once if any diagnostic was an error
  (except under ``mkdocs serve``, which keeps serving and shows them in the log).
- under ``mkdocs serve`` (issue 5): ``on_serve`` puts ``PreviewFiles`` in front of the preview server, and the
  data files and unchanged pages of each rebuild are written when a browser asks for them, not every time.

Everything about resolutions lives in the core; this module only translates.
"""

from __future__ import annotations

import gc
import html
import logging
import os
import posixpath
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Sequence
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc

from resolutions.site.collection import Collection
from resolutions.mkdocs_adapter.speed.fast_pages import FastPages
from resolutions.mkdocs_adapter.speed.files_writer import GeneratedFilesWriter
from resolutions.mkdocs_adapter.speed.preview_files import PreviewFiles, attach
from resolutions.mkdocs_adapter.pagefind_index import PagefindBundle, preview_folder
from resolutions.mkdocs_adapter.site_folder import inside_path, refusal
from resolutions.mkdocs_adapter.source_guard import drop_agenda_sources, refuse_unsafe_links, shown_docs_dir
from resolutions.mkdocs_adapter.speed.speedups import Speedups
from resolutions.mkdocs_adapter.speed.watcher import use_file_events
from resolutions.model import ERROR, INFO, Diagnostic, Resolution
from resolutions.site.render import RenderedResolution, page_title, render_resolution
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder, GeneratedPage

log = logging.getLogger("mkdocs.plugins.resolutions")

RESOLUTION_TEMPLATE = "resolution.html"
"""Template (in ``site_templates/``) that lays out a resolution page."""

_SPARE_COLLECTOR_FROM = 1000
"""Collections this large are moved out of the garbage collector's scans (see on_files); small ones are not
worth it."""

_NOT_RESOLUTIONS = {"index.md", "README.md"}
"""Files in the resolutions folder that are ordinary pages, not resolutions."""


class ResolutionsConfig(base.Config):
    folder = c.Type(str, default="resolutions")
    """Subfolder of ``docs_dir`` holding the resolution sources (searched at any depth); ``""`` for all."""
    resolver = c.Type(str, default="https://undocs.org/")
    """Base URL of the official document resolver, for citations outside the collection."""
    strict_errors = c.Type(bool, default=True)
    """Fail ``mkdocs build`` when any diagnostic is an error (``mkdocs serve`` never fails)."""
    session_links = c.Type(bool, default=True)
    """Link the session, agenda items and meeting in the metadata panel to their generated index pages."""
    index_pages = c.Type(bool, default=True)
    """Generate the index pages (resolutions, sessions, agenda items, timeline) from ``views``."""
    # (issue 5) parse cache folder and the compact search (docs/performance.md, docs/search.md).
    cache_dir = c.Type(str, default=".cache/resolutions")
    """Folder of the parse cache, relative to mkdocs.yml (never inside site_dir); ``""`` keeps it in memory."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index, the symbol lookup and the search page (replaces Material's ``search``
    plugin); false builds none of them (a site that prefers another search, or to measure its cost)."""
    # (issue 5) resolution pages filled into a frame rendered once per shape (docs/performance.md).
    fast_pages = c.Type(bool, default=True)
    """Build resolution pages without reading their source, Python-Markdown or a full template render each."""
    watch_file_events = c.Type(bool, default=True)
    """``mkdocs serve`` notices edits by the system's file events, not by polling every source (mkdocs_adapter/
    watcher.py); false where events do not arrive (network drives, WSL's /mnt/c, some container mounts)."""
    allow_links_outside_docs = c.Type(bool, default=False)
    """Publish what symbolic links in docs_dir point to outside it (else such a link stops the build)."""
    publish_agenda_sources = c.Type(bool, default=False)
    """Copy the agenda files (``agendas/*.yml``) into the site as they are (else only their titles are used)."""
    series = c.Type(bool, default=True)
    """Group recurring resolutions into series: series pages, a changes page per edition, previous and next
    editions on each page and in the JSON, ``series.json`` (site/series.py, docs/series.md)."""
    parallel_files = c.Type(bool, default=True)
    """``mkdocs build`` has a writer process create the data files and redirect pages while it makes their
    contents (Linux; mkdocs_adapter/files_writer.py); false keeps them in the build process. (The search index is
    always made by Pagefind's own process.)"""


@dataclass
class _ResolutionSource:
    """A resolution page of the site: its MkDocs file and its parsed model."""

    file: File
    resolution: Resolution
    url: str | None  # site-relative directory URL, None when the page keeps its source-based URL


class ResolutionsPlugin(BasePlugin[ResolutionsConfig]):
    """Publish the resolutions of ``docs_dir/<folder>`` as cross-linked pages."""

    def __init__(self) -> None:
        self.is_serve = False
        self.collection: Collection | None = None
        self.sources: dict[str, _ResolutionSource] = {}
        self.generated_pages: dict[str, GeneratedPage] = {}
        self.generated_files: list[GeneratedFile | GeneratedFolder] = []
        self.generated_urls: set[str] = set()
        self.error_count = 0
        # (issue 5) parse cache, search memo and previous pages, kept across serve rebuilds.
        self.speedups = Speedups()
        self.fast_pages = FastPages()  # (issue 5) resolution pages filled into shared frames
        self.preview_files = PreviewFiles()  # (issue 5) serve: files written when requested
        self.files_writer = GeneratedFilesWriter()  # (issue 5) build: files created by a writer process
        self.search_bundle = PagefindBundle()
        self._frozen = False  # (issue 5) see _collector_spared

    # --- events --------------------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Its presence also keeps this plugin object alive across rebuilds of `mkdocs serve`.
        self.is_serve = command == "serve"

    def on_config(self, config: Any) -> Any:
        refuse_unsafe_links(config, self.config.allow_links_outside_docs)  # before MkDocs lists docs_dir
        self.speedups.configure(self.config, config, serve=self.is_serve)  # (issue 5) parse cache
        return config

    def on_pre_build(self, *, config: Any) -> None:
        if self.is_serve:  # (issue 5) requests wait while MkDocs empties and refills the site folder
            self.preview_files.begin_build()
        else:  # (issue 5) forked now, while this process is small (files_writer)
            self.files_writer.start(config.site_dir, parallel=self.config.parallel_files)

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        attach(server, self.preview_files, urlsplit(config.site_url or "/").path)  # (issue 5)
        if self.config.watch_file_events and not use_file_events(server):  # (issue 5)
            log.info("resolutions: MkDocs' polling watches the sources (its watches could not be moved)")
        return server

    def on_build_error(self, *, error: Exception) -> None:
        if self.is_serve:
            self.preview_files.abandon()
        self.files_writer.cancel()
        self.search_bundle.cancel()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        if not config.use_directory_urls:
            log.warning("resolutions: pages need use_directory_urls: true; links between resolutions may break")
        self.sources, self.error_count = {}, 0
        drop_agenda_sources(files, self.config.publish_agenda_sources)
        resolution_files = [f for f in files.documentation_pages() if self._is_resolution_source(f)]
        display = {f.src_uri: _display_path(f, config) for f in resolution_files}
        with self._collector_spared(len(resolution_files)):  # (issue 5)
            resolutions = self.parse_sources([(f.abs_src_path or "", display[f.src_uri]) for f in resolution_files])
            # (issue 5) under serve, what the edit did not touch is taken from the last rebuild's collection.
            previous = self.collection if self.is_serve else None
            self.collection = Collection.build(resolutions, resolver_base=self.config.resolver, previous=previous,
                                               series=self.config.series)

        for file, res in zip(resolution_files, resolutions):
            url = self.collection.page_url(res)
            if url is not None and not _place_file(file, url):
                url = None
            file.inclusion = InclusionLevel.NOT_IN_NAV  # 20,000 entries in the nav would be quadratic
            self.sources[file.src_uri] = _ResolutionSource(file, res, url)

        self._report(d for res in resolutions for d in res.diagnostics)
        self._report(self.collection.diagnostics)

        pages, data_files = self.site_outputs(resolutions, self.collection, config)
        self.generated_pages, self.generated_files, self.generated_urls = {}, data_files, set()
        for page in pages:
            if files.get_file_from_path(page.src_uri) is not None:
                log.warning(f"resolutions: {page.src_uri} exists in docs_dir; the generated page is not added")
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            generated_file = File.generated(config, page.src_uri, content=page.markdown, inclusion=inclusion)
            files.append(generated_file)
            self.generated_pages[page.src_uri] = page
            self.generated_urls.add(_directory_url(generated_file))
        if self.is_serve:  # (issue 5) pages whose inputs did not change keep their last HTML
            self.speedups.reuse_unchanged_pages(self, files, config)
        return files

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        if self.config.fast_pages:  # (issue 5) resolution and index pages skip read and Python-Markdown
            index_files = [file for src_uri, page in self.generated_pages.items()
                           if not page.markdown and (file := files.get_file_from_path(src_uri))]
            self.fast_pages.skip_markdown([source.file for source in self.sources.values()], nav, index_files)
        return nav

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: Any, files: Files) -> str | None:
        source = self.sources.get(page.file.src_uri)
        if source is not None:
            page.meta["template"] = RESOLUTION_TEMPLATE
            # Python-Markdown must not render resolution texts (one dialect per file): an empty placeholder
            # goes through it, the real body comes from our renderer in on_page_context.
            return ""
        generated = self.generated_pages.get(page.file.src_uri)
        if generated is not None:
            page.meta["template"] = generated.template
            page.meta["title"] = html.escape(generated.title)  # inserted unescaped by Material
            page.meta["context"] = generated.context
        return None

    def on_page_content(self, content: str, /, *, page: Any, config: Any, files: Files) -> str | None:
        source = self.sources.get(page.file.src_uri)
        if source is None or self.collection is None:
            return None
        # (issue 5) The page is rendered in on_page_context, right before MkDocs writes it, so a build holds
        # one rendered page at a time (all 20,000 of them were held from here to the writing: ~650 MB).
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
        if source is not None and self.collection is not None:
            rendered = self._render(source)
            page.meta["title"] = rendered.title_html
            page.toc = get_toc(
                [{"level": e.level, "id": e.id, "name": e.title, "children": []}
                 for e in rendered.outline if e.level == 2]
            )
            page.content = rendered.body_html
            context["resolution_page"] = rendered
            if self.config.fast_pages:  # (issue 5) the page filled into its shared frame
                self.fast_pages.fill(context, page, rendered)
        generated = self.generated_pages.get(page.file.src_uri)
        if generated is not None:
            context["resolutions_context"] = generated.context
            if self.config.fast_pages:  # (issue 5) only the content block rendered per index page
                self.fast_pages.fill_generated(context, page)
        return context

    def on_env(self, env: Any, /, *, config: Any, files: Files) -> Any:
        if self.config.fast_pages:  # (issue 5) frames are rendered with this build's templates
            own = set(self.sources) | set(self.generated_pages)
            self.fast_pages.use_env(env, [f.page for f in files.documentation_pages() if f.src_uri in own and f.page])
        self.speedups.reuse_compiled_templates(env)  # (issue 5) templates compiled once, not per build
        return env

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str | None:
        if self.is_serve:  # (issue 5) keep the page's HTML for the next preview build
            self.speedups.remember(page, output)
        if page.file.src_uri in self.sources:
            page.content = None  # (issue 5) written: its body (~25 KB) is not needed again
        generated = self.generated_pages.get(page.file.src_uri)
        release = getattr(generated.context, "release", None) if generated is not None else None
        if release is not None:  # a changes page's differences, made for this page only
            release()
        return output

    def on_post_build(self, *, config: Any) -> None:
        if self.is_serve:  # (issue 5) written when a browser asks for them
            self._publish_to_preview(config.site_dir)
        else:
            for problem in self.files_writer.finish(self.generated_files):
                log.error(f"resolutions: {problem}")
            self.generated_files = []  # (issue 5) deferred contents hold the models; let them go
            for problem in self.search_bundle.finish():
                log.error(f"resolutions: {problem}")
        if self.error_count and self.config.strict_errors and not self.is_serve:
            raise PluginError(
                f"resolutions: {self.error_count} error(s) in the resolution sources (listed above as path:line)"
            )

    def _publish_to_preview(self, site_dir: str) -> None:
        for item in self.generated_files:
            if isinstance(item, GeneratedFolder):  # e.g. the search index: made when someone searches
                self.preview_files.add_folder(item)
            elif not _refused(item):  # (the folders on the way are checked when writing)
                self.preview_files.add(item)
        self.preview_files.publish(site_dir)

    # --- the parts later work replaces (parse cache, other outputs) ------------------------------------------

    def parse_sources(self, sources: Sequence[tuple[str, str]]) -> list[Resolution]:
        """Parse every (absolute path, display path) source: the one place the collection's input is built.

        A parse cache (issue 5) replaces this body; the rest of the plugin only sees the resolutions.
        """
        return self.speedups.parse(sources)  # (issue 5) parse cache by content hash

    def site_outputs(
        self, resolutions: Sequence[Resolution], collection: Collection, config: Any
    ) -> tuple[list[GeneratedPage], list[GeneratedFile | GeneratedFolder]]:
        """The hook for everything generated from the collection besides resolution pages.

        Index pages come from ``views.index_pages`` (sessions, agenda items, timeline); data files
        (JSON, CSV, feed) are added here as ``GeneratedFile``s.
        """
        pages: list[GeneratedPage] = []
        data_files: list[GeneratedFile | GeneratedFolder] = []
        if self.config.index_pages:
            from resolutions.parse import agendas
            from resolutions.site import views

            # (issue 4) agenda item titles from the optional content/agendas/*.yml files.
            agenda_titles, agenda_problems = agendas.read_agenda_titles(config.docs_dir, shown_root=shown_docs_dir(config))
            self._report(agenda_problems)
            if self.is_serve:  # (issue 5) the same pages as the last rebuild when no index field changed
                pages.extend(self.speedups.index_memo.index_pages(resolutions, agenda_titles, collection.url_for))
            else:
                pages.extend(views.index_pages(resolutions, agenda_titles, url_for=collection.url_for))
        # (issue 4) resolutions.json, resolutions.csv, feed.xml and index.json beside each page.
        from resolutions.data import datasets

        data_files.extend(datasets.site_files(resolutions, collection.url_for, config.site_url, collection=collection))
        if self.config.series:  # series pages, changes pages (compared when rendered) and series.json
            from resolutions.data.series_data import series_file
            from resolutions.site.series_pages import series_pages

            pages.extend(series_pages(collection))
            data_files.append(series_file(collection, config.site_url))
        # (issue 6) redirect pages from other spellings of each symbol (/a/res/51/148/) to its page.
        from resolutions.site.redirects import redirect_files

        page_urls = [(res.symbol, url) for res in resolutions if res.symbol and (url := collection.page_url(res))]
        taken = [posixpath.dirname(p.src_uri) for p in pages]
        data_files.extend(self.speedups.unless_unchanged(  # (issue 5) serve: the same redirects as last time
            "redirects", (page_urls, config.site_url, taken),
            lambda: redirect_files(page_urls, site_url=config.site_url or None, taken_paths=taken)))
        # The search page, the symbol lookup and the Pagefind bundle, built beside the pages (docs/search.md).
        if self.config.search:
            from resolutions.data import search_records

            pages.append(search_records.search_page())
            page_of = [(res, url) for res in resolutions if (url := collection.page_url(res)) is not None]
            data_files.extend(search_records.symbol_lookup_files(page_of))
            if self.is_serve:
                data_files.append(preview_folder(lambda: search_records.records(page_of), log.error))
            else:
                for problem in self.search_bundle.start(search_records.records(page_of), config.site_dir):
                    log.error(f"resolutions: {problem}")
        return pages, data_files

    @contextmanager
    def _collector_spared(self, source_count: int) -> Iterator[None]:
        """The parse and the collection made without the garbage collector, then moved out of its scans.

        They live to the end of a build, and across serve rebuilds: millions of objects at 20,000 resolutions,
        which every full collection walked again (about a second each, many times while they were being
        made). The models hold no reference cycles, so an edited file's old model is still freed as soon as it
        is dropped. Nothing is collected before the freeze (it would walk everything once more, ~2 s at
        20,000): with the collector paused, the parse makes no cyclic garbage in this process (its workers,
        or its own young collections, take care of it). Once per plugin object (a serve session's rebuilds
        add few objects), and only for large collections."""
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

    def _render(self, source: _ResolutionSource) -> RenderedResolution:
        assert self.collection is not None
        return render_resolution(
            source.resolution,
            self.collection,
            source.url or _directory_url(source.file),
            session_url=self._session_url if self.config.session_links else None,
            agenda_item_url=self._agenda_item_url if self.config.session_links else None,
            timeline_url=self._timeline_url if self.config.session_links else None,
        )

    # --- helpers -------------------------------------------------------------------------------------------

    def _is_resolution_source(self, file: File) -> bool:
        if not file.src_uri.endswith(".md") or posixpath.basename(file.src_uri) in _NOT_RESOLUTIONS:
            return False
        folder = self.config.folder.strip("/")
        return not folder or file.src_uri.startswith(folder + "/")

    def _session_url(self, res: Resolution) -> str | None:
        from resolutions.site import views

        url = views.session_url(res)
        return url if url in self.generated_urls else None

    def _agenda_item_url(self, res: Resolution, item: Any) -> str | None:
        from resolutions.site import views

        url = views.agenda_item_url(res, item)
        return url if url in self.generated_urls else None

    def _timeline_url(self, res: Resolution) -> str | None:
        from resolutions.site import views

        url = views.timeline_url(res)
        return url if url and url.partition("#")[0] in self.generated_urls else None

    def _report(self, diagnostics: Any) -> None:
        for diagnostic in diagnostics:
            diagnostic: Diagnostic
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
    root = os.path.dirname(config.config_file_path or "") or os.getcwd()
    path = file.abs_src_path or file.src_uri
    if path.startswith(root + os.sep):  # the usual case, without relpath's work (20,000 calls a build)
        return path[len(root) + 1:].replace(os.sep, "/")
    return os.path.relpath(path, root).replace(os.sep, "/")


def _directory_url(file: File) -> str:
    dest = file.dest_uri
    return dest[: -len("index.html")] if dest.endswith("index.html") else posixpath.dirname(dest) + "/"


def _place_file(file: File, url: str) -> bool:
    """Give ``file`` the directory URL ``url``; False (file left as it is) if that would leave the site folder."""
    dest_uri = posixpath.join(url, "index.html")
    if inside_path(dest_uri) is None:
        log.error(f"resolutions: refusing to write {dest_uri!r} outside the site folder (from {file.src_uri})")
        return False
    file.dest_uri = dest_uri
    # url and abs_dest_path are cached from dest_uri: drop them so MkDocs recomputes them from the new value.
    for cached in ("url", "abs_dest_path"):
        file.__dict__.pop(cached, None)
    return True
