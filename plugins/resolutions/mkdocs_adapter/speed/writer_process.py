"""``mkdocs build``: the generated files written by a second process while MkDocs makes the pages.

Responsibility: write a build's data files and redirect pages beside the making of its pages, on the other core,
and hand back the message of every file refused. ``start`` at the end of ``on_files`` (MkDocs has emptied the
site folder, the generated files are known): a ``ProcessPoolExecutor`` of one forked worker inherits them from
a module global (never pickled: their deferred contents hold the collection) and makes and writes them with
``site_folder.write_files``. ``finish`` in ``on_post_build`` waits for it, then writes the files left for after
the pages: those at the path of a file MkDocs writes (a page, a copied file; compared without case when the site
folder ignores case), so that the page, never a redirect, is there in the end, as when every file was written
after the pages.

A forked child shares this process's memory until either writes to a memory page (copy-on-write; CPython writes
an object's reference count when it reads it), so the child copies the pages of the models it encodes; it exits
once the files are written, long before the pages are done.

Everything is written in this process instead, by ``finish``: with ``concurrency: 1``, where fork is not the
platform's way to start processes (only Linux is used), when other threads run (a forked child could inherit a
lock one of them holds), and when the second process failed (then every file is written here: nothing is lost).
"""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import sys
import tempfile
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Sequence

from resolutions.mkdocs_adapter.site_folder import Generated, write_files
from resolutions.site.site_plan import GeneratedFolder, GeneratedTogether

_INHERITED: tuple[str, list[Generated]] | None = None
"""The site folder and the files the forked process writes: set before it is forked, read there."""


class WriterProcess:
    """``start`` once the generated files are known, ``finish`` once the pages are written (or ``cancel``)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._written: Future[list[str]] | None = None
        self._early: set[int] = set()

    def start(self, site_dir: str, items: Sequence[Generated], mkdocs_paths: Iterable[str], workers: int) -> bool:
        """Have a second process write ``items`` into ``site_dir`` now, but those at one of ``mkdocs_paths``
        (site-relative paths MkDocs writes); whether it was started (else ``finish`` writes everything)."""
        global _INHERITED
        self.cancel()
        if workers <= 1 or not _fork_is_safe():
            return False
        early = _written_early(items, mkdocs_paths, _ignores_case(site_dir))
        self._early = {id(item) for item in early}
        _INHERITED = (site_dir, early)
        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._written = self._pool.submit(_write_inherited)
        return True

    def finish(self, site_dir: str, items: Sequence[Generated], workers: int) -> list[str]:
        """Wait for the second process, then write those of ``items`` it did not take; the message of each
        file refused."""
        problems: list[str] = []
        try:
            if self._written is not None:
                try:
                    problems = self._written.result()
                except BrokenProcessPool:  # the process died (killed, out of memory): its files are written here
                    self._early = set()
            left = [item for item in items if id(item) not in self._early]
            return problems + write_files(site_dir, left, workers=workers)
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Let go of this build's files and of the second process (once it is done: it may be writing)."""
        global _INHERITED
        pool, self._pool, self._written = self._pool, None, None
        self._early, _INHERITED = set(), None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _write_inherited() -> list[str]:
    """In the forked process: write the inherited files."""
    assert _INHERITED is not None, "the generated files are inherited through a fork"
    site_dir, items = _INHERITED
    return write_files(site_dir, items)


def _fork_is_safe() -> bool:
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _written_early(items: Sequence[Generated], mkdocs_paths: Iterable[str], ignore_case: bool) -> list[Generated]:
    """The ``items`` the second process may write: all but those with a file where MkDocs writes one."""
    def key(path: str) -> str:
        normal = posixpath.normpath(path)
        return normal.casefold() if ignore_case else normal

    taken = {key(path) for path in mkdocs_paths}
    early: list[Generated] = []
    for item in items:
        if isinstance(item, GeneratedFolder):  # its files are known once made: any taken path under it
            folder = key(item.folder) + "/"
            clashes = any(path.startswith(folder) for path in taken)
        else:
            files = item.files if isinstance(item, GeneratedTogether) else (item,)
            clashes = any(key(data_file.dest_uri) in taken for data_file in files)
        if not clashes:
            early.append(item)
    return early


def _ignores_case(site_dir: str) -> bool:
    """Whether the file system of ``site_dir`` takes ``A`` and ``a`` for the same name (made if missing)."""
    os.makedirs(site_dir, exist_ok=True)
    handle, path = tempfile.mkstemp(prefix=".case-probe-", dir=site_dir)
    try:
        folder, name = os.path.split(path)
        return os.path.exists(os.path.join(folder, name.upper()))
    finally:
        os.close(handle)
        os.unlink(path)
