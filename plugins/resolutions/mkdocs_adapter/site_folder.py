"""Destinations in the site folder of one build, never outside it.

Responsibility: decide whether a destination path (from a symbol, a source path or a generated name) stays
inside the site folder, name the directory URL of a page's destination, and write ``GeneratedFile``s there. The check is lexical (no absolute path, no ``..``
that climbs out, no backslash or NUL) plus a symlink check of each folder on the way, done once per folder and
build: at 20,000 resolutions the plugin writes ~80,000 files, and resolving every target path with
``os.path.realpath`` cost about a second per 5,000 resolutions.
"""

from __future__ import annotations

import errno
import os
import posixpath
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import lru_cache, partial
from itertools import islice
from typing import Iterable, Iterator, Union

from resolutions.site.site_plan import GeneratedFile, GeneratedFolder, GeneratedTogether

Generated = Union[GeneratedFile, GeneratedTogether, GeneratedFolder]
"""What the writer takes: a file, files made in one pass, or a folder's files."""


class SiteFolder:
    """The site folder of one build. Make a new one per build (it remembers which folders were checked).
    Threads may write through one ``SiteFolder`` at the same time (a folder is at worst checked twice)."""

    def __init__(self, site_dir: str) -> None:
        self.root = os.path.realpath(site_dir)
        self._safe_folders: dict[str, bool] = {"": True}

    def target(self, dest_uri: str) -> str | None:
        """Absolute path of ``dest_uri`` in the site folder, or None when it would be written outside it."""
        normal = inside_path(dest_uri)
        if normal is None or not self._folder_is_safe(posixpath.dirname(normal)):
            return None
        return os.path.join(self.root, normal)

    def write(self, data_file: GeneratedFile) -> bool:
        """Write ``data_file`` (streamed chunk by chunk); False when refused (outside) or kept (existing file)."""
        target = self.target(data_file.dest_uri)
        if target is None or (not _NO_FOLLOW and os.path.islink(target)):
            return False
        # The open itself refuses a link in place of the file (it could lead outside) and, for a file that must
        # not replace another (a redirect where a page is), any file already there: one system call per file
        # instead of three or four, each a hand-over of the GIL between the writing threads.
        flags = _WRITE | (os.O_TRUNC if data_file.replace_existing else os.O_EXCL)
        try:
            descriptor = _open_making_folders(target, flags)
        except FileExistsError:
            return False  # kept: a redirect never replaces a page
        except OSError as error:
            if error.errno == errno.ELOOP:
                return False  # a link in place of the file
            raise
        with open(descriptor, "wb") as handle:
            for chunk in data_file.chunks():
                handle.write(chunk)
        return True

    def _folder_is_safe(self, folder: str) -> bool:
        # A folder that is a symlink could lead outside: refused. Checked once per folder and build, parents first.
        known = self._safe_folders.get(folder)
        if known is None:
            parent = posixpath.dirname(folder)
            known = self._folder_is_safe(parent) and not os.path.islink(os.path.join(self.root, folder))
            self._safe_folders[folder] = known
        return known


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_WRITE = os.O_WRONLY | os.O_CREAT | _NO_FOLLOW | getattr(os, "O_BINARY", 0)


def _open_making_folders(target: str, flags: int) -> int:
    """``os.open(target, flags)``, its folders made first when they are missing (only then: most exist)."""
    try:
        return os.open(target, flags, 0o666)
    except FileNotFoundError:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        return os.open(target, flags, 0o666)


def write_files(site_dir: str, items: Iterable[Generated], workers: int = 1) -> list[str]:
    """Write ``items`` into ``site_dir`` (a folder's files produced now); the message of each file refused
    (written nowhere).

    With ``workers`` > 1, that many threads write batches of files: the file system calls (about 0.25 ms to
    create a file or a folder on a slow disk, some 50,000 files at 20,000 resolutions) release the GIL, so
    they overlap with making the next contents. Files are independent of each other (the pages, which a
    redirect must not replace, are written before), so the order they are written in does not matter."""
    site = SiteFolder(site_dir)
    files = _each_file(items)
    if workers <= 1:
        return _write_batch(site, files)
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="resolutions-files") as pool:
        batches = pool.map(partial(_write_batch, site), _batches(files, _BATCH))
        return [problem for problems in batches for problem in problems]


_BATCH = 64
"""Files per task of the writing threads: few tasks to hand out, and still a share for each thread."""


def _write_batch(site: SiteFolder, batch: Iterable[GeneratedFile | GeneratedTogether]) -> list[str]:
    return [problem for data_file in batch for problem in _write_item(site, data_file)]


def _batches(files: Iterator[GeneratedFile | GeneratedTogether], size: int
             ) -> Iterator[list[GeneratedFile | GeneratedTogether]]:
    while batch := list(islice(files, size)):
        yield batch


def _each_file(items: Iterable[Generated]) -> Iterator[GeneratedFile | GeneratedTogether]:
    """The files of ``items``, a folder's files produced when it is reached."""
    for item in items:
        yield from item.produce() if isinstance(item, GeneratedFolder) else (item,)


def _write_item(site: SiteFolder, item: GeneratedFile | GeneratedTogether) -> list[str]:
    """Write a file, or files made in one pass; why each refused one was refused."""
    if isinstance(item, GeneratedTogether):
        return _write_together(site, item)
    problem = _write_checked(site, item)
    return [problem] if problem else []


def _write_together(site: SiteFolder, group: GeneratedTogether) -> list[str]:
    """Write ``group`` in one pass: its main file streamed, each other file written as the pass reaches it.

    When the main file is refused, its pass is not made: the others are then written one by one."""
    problems: list[str] = []

    def main_chunks() -> Iterator[str | bytes]:
        for piece in group.in_one_pass():
            if isinstance(piece, GeneratedFile):
                problems.extend(_write_item(site, piece))
            else:
                yield piece

    problem = _write_checked(site, replace(group.main, content=main_chunks))
    if problem is None:
        return problems
    return [problem, *(problem for other in group.others for problem in _write_item(site, other))]


def _write_checked(site: SiteFolder, data_file: GeneratedFile) -> str | None:
    """Write ``data_file`` into ``site``; why it was refused, or None (written, or kept out of a page's way)."""
    problem = refusal(data_file)
    if problem is None and not site.write(data_file) and data_file.replace_existing:
        problem = f"refusing to write {data_file.dest_uri!r}: a link on its way leads outside the site folder"
    return problem


def refusal(data_file: GeneratedFile) -> str | None:
    """Why ``data_file`` is refused before any file system access (its path leaves the folder), or None."""
    if inside_path(data_file.dest_uri) is None:
        return f"refusing to write {data_file.dest_uri!r} outside the site folder"
    return None


def directory_url(dest_uri: str) -> str:
    """The site-relative directory URL of a page written at ``dest_uri``: ``A/RES/51/148/index.html`` ->
    ``A/RES/51/148/`` (``""`` for the home page); a page not named ``index.html`` gets its folder's."""
    if dest_uri.endswith("index.html"):
        return dest_uri[: -len("index.html")]
    return posixpath.dirname(dest_uri) + "/"


@lru_cache(maxsize=1 << 17)
def inside_path(dest_uri: str) -> str | None:
    """``dest_uri`` normalised, or None when, read as a path, it leaves the folder it is relative to (the
    lexical half of ``SiteFolder.target``: no file system access, so it can be asked of every file of every
    serve rebuild at no cost)."""
    if not dest_uri or dest_uri.startswith("/") or "\\" in dest_uri or "\0" in dest_uri:
        return None
    normal = posixpath.normpath(dest_uri)
    if normal in (".", "..") or normal.startswith("../"):
        return None
    return normal
