"""Speed work kept across builds: parse cache, incremental ``mkdocs serve``, compiled templates.

``Speedups`` is held by ``ResolutionsPlugin`` for the life of the process (MkDocs keeps a plugin object with
``on_startup`` across serve rebuilds). Each method takes what it works on as arguments:

- ``configure`` (``on_config``): where the disk parse cache lives;
- ``parse`` (``parse_sources``): parse through ``cache.ParseCache``;
- ``reuse_unchanged_pages`` (end of ``on_files``, serve only): pages whose inputs are unchanged since the
  previous build are replaced by files holding their finished HTML, written when a browser asks for them;
- ``index_memo`` (``site_outputs``, serve only): the index pages of the last rebuild when no field they show changed;
- ``unless_unchanged`` (``site_outputs``, serve only): the last rebuild's result for the same inputs;
- ``reuse_compiled_templates`` (``on_env``): keep Material's compiled templates between builds;
- ``remember`` (``on_post_page``, serve only): keep each rendered page's HTML for the next build.

The decisions live in ``cache`` and ``incremental``; this module speaks MkDocs: ``File``
objects and config.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence, TypeVar

import jinja2
from mkdocs.structure.files import File, Files, InclusionLevel

from resolutions.site.collection import Collection

from resolutions.mkdocs_adapter.packaged_theme import own_template_dirs
from resolutions.mkdocs_adapter.speed import incremental
from resolutions.site import indexes
from resolutions.cache import ParseCache, SourceFile
from resolutions.mkdocs_adapter.speed.preview_files import PreviewFiles
from resolutions.model import Resolution
from resolutions.site.site_plan import GeneratedFile

log = logging.getLogger("mkdocs.plugins.resolutions")

T = TypeVar("T")


class _ReusedPage(File):
    """A page whose HTML from the previous serve build is still right: MkDocs treats it as a static file, and
    instead of copying it, it goes to the preview's files written on request (``preview_files``).

    It keeps the page's ``src_uri`` and ``dest_uri``, so links to it from other pages still resolve; MkDocs
    skips anchor checks for files without a ``Page`` (only under serve, where this is used)."""

    def __init__(self, page_file: File, html: bytes, preview_files: PreviewFiles) -> None:
        super().__init__(page_file.src_uri, None, page_file.dest_dir, page_file.use_directory_urls,
                         dest_uri=page_file.dest_uri, inclusion=page_file.inclusion)
        self.content_bytes = html
        self.preview_files = preview_files

    def is_documentation_page(self) -> bool:
        return False

    def is_static_page(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        self.preview_files.add(GeneratedFile(self.dest_uri, self.content_bytes))


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory across serve rebuilds (MkDocs makes a new Jinja environment for every
    build, which recompiles Material's templates each time). Jinja checks each template's source checksum, so
    an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._compiled.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class Speedups:
    """State kept across builds: the parse cache, the index pages memo, the pages of the previous build."""

    def __init__(self) -> None:
        self.parse_cache = ParseCache(folder=None)
        self.index_memo = indexes.IndexPagesMemo()
        self._last_results: dict[str, tuple[Any, Any]] = {}
        self.page_memory = incremental.PageMemory()
        self.template_cache = _MemoryBytecodeCache()
        self._cache_folder_set = False
        self.serve = False

    def configure(self, cache_folder: Path | None, serve: bool = False, workers: int = 1) -> None:
        """Point the parse cache at ``cache_folder`` (once: the folder does not move during a serve session);
        many cache misses (a first build) are parsed by ``workers`` processes."""
        self.serve = serve
        self.parse_cache.workers = workers
        if self._cache_folder_set:
            return
        self._cache_folder_set = True
        self.parse_cache.folder = cache_folder

    def parse(self, sources: Sequence[tuple[str, str]]) -> list[Resolution]:
        """Parse (absolute path, display path) sources, reusing every unchanged parse."""
        resolutions = self.parse_cache.parse_all([SourceFile(path, shown) for path, shown in sources])
        stats = self.parse_cache.stats
        log.debug(f"resolutions: parse cache: {stats.total} files, {stats.memory_hits} from memory, "
                  f"{stats.disk_hits} from disk, {stats.parsed} parsed{' in parallel' if stats.parallel else ''}")
        return resolutions

    def reuse_unchanged_pages(
        self, files: Files, config: Any, *, resolution_pages: Mapping[str, tuple[Resolution, str]],
        generated_pages: Mapping[str, GeneratedPage], collection: Collection,
        session_url: Callable[[Resolution], str | None] | None, options: Mapping[str, Any],
        named_in_nav: set[str], preview_files: PreviewFiles,
    ) -> Files:
        """``files`` with every resolution page (source path -> (resolution, page URL)) and generated page
        whose inputs did not change since the last build replaced by its previous HTML."""
        memory = self.page_memory
        own = resolution_pages.keys() | generated_pages.keys()
        pages = files.documentation_pages()
        hand_written = [f.abs_src_path for f in pages if f.src_uri not in own and f.abs_src_path]
        memory.start_build(incremental.site_fingerprint(
            config.config_file_path,
            own_template_dirs(config),
            hand_written,
            [(page.src_uri, page.title) for page in generated_pages.values() if page.in_nav],
            options,
        ))
        # A page in the navigation must stay a page: MkDocs draws the nav from Page objects.
        swappable = {f.src_uri: f for f in pages
                     if f.inclusion == InclusionLevel.NOT_IN_NAV and f.src_uri not in named_in_nav}
        reused: dict[str, File] = {}
        for src_uri, (resolution, page_url) in resolution_pages.items():
            if src_uri in swappable:
                fingerprint = incremental.resolution_fingerprint(resolution, collection, page_url, session_url)
                html = memory.reusable(src_uri, fingerprint)
                if html is not None:
                    reused[src_uri] = _ReusedPage(swappable[src_uri], html, preview_files)
        for src_uri, page in generated_pages.items():
            if src_uri in swappable:
                html = memory.reusable(src_uri, page)
                if html is not None:
                    reused[src_uri] = _ReusedPage(swappable[src_uri], html, preview_files)
        memory.forget_all_but(own)
        log.info(f"resolutions: preview rebuild: {memory.reused} unchanged page(s) reused, {memory.rendered} rendered")
        return Files([reused.get(f.src_uri, f) for f in files])

    def unless_unchanged(self, name: str, inputs: Any, compute: Callable[[], T]) -> T:
        """``compute()``, except under serve when ``inputs`` equal those of the last call with this ``name``:
        then the last result (a rebuild after an edit usually has the same pages, so the same redirects)."""
        if not self.serve:
            return compute()
        last = self._last_results.get(name)
        if last is None or last[0] != inputs:
            last = (inputs, compute())
            self._last_results[name] = last
        return last[1]

    def reuse_compiled_templates(self, env: jinja2.Environment) -> None:
        """Let this build's Jinja environment reuse templates compiled before: in memory across serve rebuilds,
        on disk beside the parse cache across builds (compiling Material's templates costs about 1.5 s a
        build). Jinja compares each template's source checksum, so an edited template is compiled again."""
        if self.serve:
            env.bytecode_cache = self.template_cache
        elif self.parse_cache.folder is not None:
            folder = os.path.join(self.parse_cache.folder, "templates")
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError:
                return  # an unwritable cache folder only costs speed
            env.bytecode_cache = jinja2.FileSystemBytecodeCache(folder)

    def remember(self, src_uri: str, output: str) -> None:
        """Keep the rendered HTML of the page made from ``src_uri`` for the next serve build."""
        self.page_memory.remember(src_uri, output)
