"""The MkDocs side of issue 5: parse cache and incremental ``mkdocs serve`` for the plugin.

``Speedups`` is held by ``ResolutionsPlugin`` for the life of the process (MkDocs keeps a plugin object with
``on_startup`` across serve rebuilds). The plugin calls it in one line per hook:

- ``configure`` (``on_config``): where the disk parse cache lives;
- ``parse`` (``parse_sources``): parse through ``cache.ParseCache``;
- ``reuse_unchanged_pages`` (end of ``on_files``, serve only): pages whose inputs are unchanged since the
  previous build are swapped for their finished HTML, which MkDocs copies instead of rendering;
- ``index_memo`` (``site_outputs``, serve only): the index pages of the last rebuild when no field they show changed;
- ``unless_unchanged`` (``site_outputs``, serve only): the last rebuild's redirect pages when the pages are the
  same;
- ``reuse_compiled_templates`` (``on_env``): keep Material's compiled templates between builds;
- ``remember`` (``on_post_page``, serve only): keep each rendered page's HTML for the next build.

The decisions live in the pure core (``cache``, ``incremental``); this module only speaks
MkDocs: ``File`` objects and config.
"""

from __future__ import annotations

import logging
import os
from typing import Any, Callable, Sequence, TypeVar

import jinja2
from mkdocs.structure.files import File, Files, InclusionLevel

from resolutions.mkdocs_adapter.speed import incremental
from resolutions.site import views
from resolutions.cache import ParseCache, SourceFile, resolve_cache_folder
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

    preview_files: PreviewFiles

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
        # Many cache misses (a first build) are parsed by one worker process per core: 1.3-1.5x faster on
        # 2 idle cores (docs/performance.md). RESOLUTIONS_PARSE_WORKERS=1 keeps parsing in this process.
        workers = os.environ.get("RESOLUTIONS_PARSE_WORKERS", "")
        self.parse_cache = ParseCache(folder=None, workers=int(workers) if workers.isdigit() else None)
        self.index_memo = views.IndexPagesMemo()
        self._last_results: dict[str, tuple[Any, Any]] = {}
        self.page_memory = incremental.PageMemory()
        self.template_cache = _MemoryBytecodeCache()
        self._cache_folder_set = False
        self.serve = False

    def configure(self, plugin_config: Any, config: Any, serve: bool = False) -> None:
        """Point the parse cache at its folder (once: the folder does not move during a serve session)."""
        self.serve = serve
        if self._cache_folder_set:
            return
        self._cache_folder_set = True
        config_dir = os.path.dirname(config.config_file_path or "") or os.getcwd()
        folder = resolve_cache_folder(config_dir, plugin_config.cache_dir, config.site_dir)
        if folder is None and plugin_config.cache_dir:
            log.warning("resolutions: cache_dir is inside site_dir; the parse cache is kept in memory only")
        self.parse_cache.folder = folder

    def parse(self, sources: Sequence[tuple[str, str]]) -> list[Resolution]:
        """Parse (absolute path, display path) sources, reusing every unchanged parse."""
        resolutions = self.parse_cache.parse_all([SourceFile(path, shown) for path, shown in sources])
        stats = self.parse_cache.stats
        log.debug(f"resolutions: parse cache: {stats.total} files, {stats.memory_hits} from memory, "
                  f"{stats.disk_hits} from disk, {stats.parsed} parsed{' in parallel' if stats.parallel else ''}")
        return resolutions

    def reuse_unchanged_pages(self, plugin: Any, files: Files, config: Any) -> None:
        """Swap every resolution and generated page whose inputs did not change for its previous HTML."""
        memory = self.page_memory
        own = set(plugin.sources) | set(plugin.generated_pages)
        pages = files.documentation_pages()
        hand_written = [f.abs_src_path for f in pages if f.src_uri not in own and f.abs_src_path]
        memory.start_build(incremental.site_fingerprint(
            config.config_file_path,
            [config.theme.custom_dir] if config.theme.custom_dir else [],
            hand_written,
            [(page.src_uri, page.title) for page in plugin.generated_pages.values() if page.in_nav],
            dict(plugin.config),
        ))
        session_url = plugin._session_url if plugin.config.session_links else None
        # A page in the navigation must stay a page: MkDocs draws the nav from Page objects.
        in_nav = _nav_paths(config.nav)
        swappable = {f.src_uri for f in pages if f.inclusion == InclusionLevel.NOT_IN_NAV and f.src_uri not in in_nav}
        for src_uri, source in plugin.sources.items():
            if src_uri not in swappable:
                continue
            page_url = source.url or _directory_url(source.file)
            fingerprint = incremental.resolution_fingerprint(source.resolution, plugin.collection, page_url,
                                                             session_url)
            html = memory.reusable(src_uri, fingerprint)
            if html is not None:
                _swap_for_reused(source.file, html, plugin.preview_files)
        for src_uri, page in plugin.generated_pages.items():
            file = files.get_file_from_path(src_uri)
            if src_uri not in swappable:
                continue
            html = memory.reusable(src_uri, page)
            if html is not None and file is not None:
                _swap_for_reused(file, html, plugin.preview_files)
        memory.forget_all_but(own)
        log.info(f"resolutions: preview rebuild: {memory.reused} unchanged page(s) reused, {memory.rendered} rendered")

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

    def remember(self, page: Any, output: str) -> None:
        """Keep a rendered page's HTML for the next serve build."""
        self.page_memory.remember(page.file.src_uri, output)


def _swap_for_reused(file: File, html: bytes, preview_files: PreviewFiles) -> None:
    # Turned in place into a file MkDocs copies: the same object keeps its src_uri, dest_uri and url (links
    # to it still resolve), and no new File is built for each of thousands of pages.
    file.__class__ = _ReusedPage
    file.content_bytes = html
    file.preview_files = preview_files


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


def _directory_url(file: File) -> str:
    dest = file.dest_uri
    return dest[: -len("index.html")] if dest.endswith("index.html") else os.path.dirname(dest) + "/"
