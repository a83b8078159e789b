"""The generated files of ``mkdocs build`` written while MkDocs makes the pages, not after them.

Responsibility: start writing the data files and redirect pages (``site_folder.FilesWriting``) once MkDocs has
gathered every file of the build (``on_env``), and finish them after the pages (``on_post_build``). Making the
pages keeps the build process's core busy and the writing threads' file system calls release the GIL, so
creating some 50,000 files and their folders (at 20,000 resolutions) overlaps with the pages instead of adding
to the build's time.

A file MkDocs writes itself after ``on_env`` (a page, a static file, a theme template such as ``sitemap.xml``)
could be written at the same moment at the same place: such a generated file waits for the pages, then is
written as before (a redirect never replaces a page; a data file does replace a hand-written file).
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from resolutions.mkdocs_adapter.site_folder import FilesWriting, inside_path, write_files
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder

Item = GeneratedFile | GeneratedFolder


class FilesDuringPages:
    """``start`` when MkDocs is about to make the pages; ``finish`` once they are written."""

    def __init__(self) -> None:
        self._writing: FilesWriting | None = None
        self._after_pages: list[Item] | None = None

    def start(self, site_dir: str, items: Sequence[Item], mkdocs_writes: set[str], threads: int) -> None:
        """Start writing every item of ``items`` but those at a destination in ``mkdocs_writes``
        (``mkdocs_destinations``) with ``threads`` threads."""
        self.cancel()
        now = [item for item in items if not _meets(item, mkdocs_writes)]
        self._after_pages = [item for item in items if _meets(item, mkdocs_writes)]
        self._writing = FilesWriting(site_dir, now, threads)

    def finish(self, site_dir: str, items: Sequence[Item], workers: int) -> list[str]:
        """Wait for the files started, then write the rest (every item of ``items`` when nothing was started);
        the message of each file refused."""
        writing, after_pages = self._writing, self._after_pages
        self._writing = self._after_pages = None
        if writing is None or after_pages is None:
            return write_files(site_dir, items, workers=workers)
        return writing.finish() + write_files(site_dir, after_pages, workers=workers)

    def cancel(self) -> None:
        """Stop writing (the build failed): files being written are finished, no further file is started."""
        if self._writing is not None:
            self._writing.cancel()
        self._writing = self._after_pages = None


def mkdocs_destinations(files: Iterable[Any], config: Any) -> set[str]:
    """Every site-relative path MkDocs writes after ``on_env``: the build's files (pages and static files)
    and the theme's and ``extra_templates``' rendered templates (``sitemap.xml`` with its ``.gz``)."""
    templates = [*config.theme.static_templates, *config.extra_templates]
    if "sitemap.xml" in config.theme.static_templates:
        templates.append("sitemap.xml.gz")
    return ({inside_path(f.dest_uri) for f in files} | {inside_path(name) for name in templates}) - {None}


def _meets(item: Item, mkdocs_writes: set[str]) -> bool:
    """Whether ``item`` goes where MkDocs writes (a folder's files are not known before it is produced: it
    waits for the pages)."""
    return isinstance(item, GeneratedFolder) or inside_path(item.dest_uri) in mkdocs_writes
