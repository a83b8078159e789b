"""Writing a one-off build's generated files while MkDocs writes its pages (issue 5).

Responsibility: write the data files, redirect pages and search index of ``mkdocs build`` into the site
folder, and hand back the message of every file refused. MkDocs renders and writes pages on one core; a forked
child (``forked.ForkedCall``) writes the generated files on another: about a quarter of a 20,000-resolution
build (an index.json and a redirect page per resolution, the search index) taken off its critical path.

They are written in this process, after the pages, instead:
- when forking is not safe here (``forked.fork_is_safe``: not Linux, or threads), or the caller says so
  (a small collection, or the ``parallel_files`` option turned off);
- when the site folder ignores case: a redirect page's path (``a/res/51/148/``) is then the page's own path,
  and only "pages are written first" keeps a redirect from replacing a page;
- when the child failed (its traceback is on stderr): everything is written again here, so nothing is lost.
Either way the files written are the same; the child writes a redirect page only where MkDocs writes no page.
"""

from __future__ import annotations

import os
from functools import partial
from typing import AbstractSet, Sequence

from resolutions.mkdocs_adapter.forked import ForkedCall, fork_is_safe
from resolutions.mkdocs_adapter.site_folder import inside_path, write_files
from resolutions.site_plan import GeneratedFile, GeneratedFolder


class GeneratedFilesWriter:
    """One build's generated files: ``start`` them before MkDocs writes pages, ``finish`` after."""

    def __init__(self) -> None:
        self._site_dir = ""
        self._items: Sequence[GeneratedFile | GeneratedFolder] = ()
        self._reserved: frozenset[str] = frozenset()
        self._child: ForkedCall[list[str]] | None = None

    @property
    def in_parallel(self) -> bool:
        """Whether a child process is writing the files now."""
        return self._child is not None

    def start(self, site_dir: str, items: Sequence[GeneratedFile | GeneratedFolder],
              page_paths: AbstractSet[str], parallel: bool = True) -> None:
        """Begin writing ``items`` in a child process when ``parallel`` and possible, else only remember them.

        ``page_paths``: the site-relative paths MkDocs will write (``File.dest_uri`` of every file)."""
        self.cancel()
        self._site_dir, self._items = site_dir, items
        self._reserved = frozenset(path for raw in page_paths if (path := inside_path(raw)) is not None)
        if parallel and items and fork_is_safe() and not _ignores_case(site_dir):
            self._child = ForkedCall(partial(write_files, site_dir, items, self._reserved))

    def finish(self) -> list[str]:
        """Wait for the child, or write the files now; the messages of the files refused."""
        child, self._child = self._child, None
        items, self._items = self._items, ()
        reserved, self._reserved = self._reserved, frozenset()
        problems = child.result() if child is not None else None
        if problems is None:  # no child, or it failed: written here (again)
            problems = write_files(self._site_dir, items, reserved)
        return problems

    def cancel(self) -> None:
        """Forget the files of a build that failed, stopping the child if one is writing them."""
        if self._child is not None:
            self._child.cancel()
        self._child, self._items, self._reserved = None, (), frozenset()


def _ignores_case(site_dir: str) -> bool:
    """Whether the file system of ``site_dir`` treats names differing only in case as one (macOS and Windows
    by default, ext4 casefold folders). Asked of the folder's own name; it is created if missing."""
    os.makedirs(site_dir, exist_ok=True)
    parent, name = os.path.split(os.path.abspath(site_dir))
    swapped = name.swapcase()
    if swapped == name:  # no letter to ask with: assume the careful answer
        return True
    try:
        return os.path.samefile(site_dir, os.path.join(parent, swapped))
    except OSError:  # no such folder: the other spelling is another name
        return False
