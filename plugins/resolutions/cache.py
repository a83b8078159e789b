"""Parse cache: reuse a parsed ``Resolution`` when a source file's bytes have not changed.

Responsibility: turn a list of source files into parsed resolutions, parsing only the files whose content
is new. Two layers answer before the parser is called:

* an in-memory layer (content hash -> Resolution) that lives as long as the ``ParseCache`` object, which
  the MkDocs plugin keeps across ``mkdocs serve`` rebuilds, so an edit re-parses one file; a file whose
  size, times and inode are those of the last call is not even read again (its hash is remembered);
* a disk layer (pickles under a cache folder, ``.cache/resolutions/`` beside mkdocs.yml by default), so a
  fresh ``mkdocs build`` re-parses only files that changed since the last build.

The key is the sha256 of the file's bytes and name (the parser reads the name) and of the parse options
(``with_mandates``: a parse without the mandate extraction is another entry); entries live in a folder named after ``parser_version()``, a
hash of the core's own source code, so any change to the parser, its grammars or the model invalidates
every entry. Unreadable, corrupt or foreign entries are ignored and rewritten. A cached value carries the
path it was parsed under; it is relabelled with the file's current path, so diagnostics always name the
file as it is now even when an identical file was cached under another name.

Misses can be parsed in worker processes (``concurrent.futures``) when there are many of them; whether that
pays depends on the machine (see docs/performance.md). This module imports no MkDocs and never raises on
content: a file that cannot be read is handed to the parser, which reports it as a diagnostic.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from resolutions.model import Resolution
from resolutions.parse import limits

CACHE_FORMAT = 1
"""Bumped when the layout of a cache entry changes (independently of the parser's code)."""

DEFAULT_CACHE_FOLDER = ".cache/resolutions"
"""Where the disk layer lives, relative to the folder of mkdocs.yml, unless configured otherwise."""

PARALLEL_MIN_MISSES = 400
"""Below this many cache misses, starting worker processes costs more than it saves (measured on 2 cores)."""

ParseBytes = Callable[[bytes, str, str], Resolution]
"""``parse_bytes(data, abs_path, display_path)``: parse a file's content, reporting ``display_path``."""


NOT_RESOLUTIONS = frozenset({"readme.md", "index.md"})
"""File names (in any case) that describe a folder of resolutions (the corpus README, a site's home page):
ordinary pages for the plugin, skipped when the command line walks a folder."""


def is_resolution_source_name(file_name: str) -> bool:
    """Whether a file of a resolutions folder, by its name, is a resolution source: ``*.md`` but not the
    folder's ``NOT_RESOLUTIONS``."""
    return file_name.endswith(".md") and file_name.lower() not in NOT_RESOLUTIONS


@dataclass(frozen=True)
class SourceFile:
    """A resolution source to parse: where to read it and the path diagnostics should name."""

    abs_path: str
    """Absolute path on disk."""
    display_path: str
    """Path shown in diagnostics and stored in ``Resolution.source`` (relative to docs_dir in the plugin)."""


@dataclass(frozen=True)
class CacheStats:
    """What the last ``ParseCache.parse_all`` call did, for logs and benchmarks."""

    total: int = 0
    """Files asked for."""
    memory_hits: int = 0
    """Answered by the in-memory layer."""
    disk_hits: int = 0
    """Answered by the disk layer."""
    parsed: int = 0
    """Parsed by the parser (cache misses)."""
    parallel: bool = False
    """Whether the misses were parsed in worker processes."""
    changed: tuple[str, ...] = ()
    """Display paths whose content hash differs from the previous call (all of them on the first call)."""


def parser_inputs() -> list[Path]:
    """The modules whose code decides what a parse gives: the ``parse/`` layer and the layers below it
    (``model``, ``symbols``); tests/test_core_purity.py keeps ``parse/`` from importing anything else."""
    package_dir = Path(__file__).resolve().parent
    return [package_dir / "model.py", package_dir / "symbols.py", *sorted((package_dir / "parse").rglob("*.py"))]


_PARSER_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "PyYAML")


@lru_cache(maxsize=1)
def parser_version() -> str:
    """A short hash of the core's parsing code (``parser_inputs``) and of the libraries it parses with.

    Hashing the code rather than trusting a hand-bumped number means a developer who edits the parser
    never sees a stale parse."""
    package_dir = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"format {CACHE_FORMAT}".encode())
    for library in _PARSER_LIBRARIES:  # an upgraded Markdown or YAML library may parse differently
        try:
            digest.update(f"{library} {metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library} absent".encode())
    for module in parser_inputs():
        digest.update(module.relative_to(package_dir).as_posix().encode())
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def content_hash(data: bytes, file_name: str = "", options: str = "") -> str:
    """The cache key of a file: its bytes, its file name and the parse ``options`` (empty for the defaults).

    The name is part of the key because the parser reads it (an ``A_DEC_...`` file is a decision): a file
    moved to another folder is still a hit, a renamed one is parsed again. The options are, so that turning
    the mandate extraction off or on never serves a parse made the other way."""
    head = file_name + ("\0" + options if options else "")
    return hashlib.sha256(head.encode("utf-8", "surrogateescape") + b"\0" + data).hexdigest()


def resolve_cache_folder(config_dir: str | Path, setting: str | None, site_dir: str | Path) -> Path | None:
    """The disk cache folder for a site: ``setting`` (relative to the folder of mkdocs.yml) or the default.

    Returns None (disk layer off) when the setting is the empty string or when the folder would be inside
    the site folder: the cache is never written into the published site."""
    if setting == "":
        return None
    folder = Path(config_dir, setting or DEFAULT_CACHE_FOLDER).resolve()
    site = Path(site_dir).resolve()
    if folder == site or site in folder.parents:
        return None
    return folder


def default_parse_bytes(data: bytes, abs_path: str, display_path: str, with_mandates: bool = True) -> Resolution:
    """Parse a file's bytes with the project's parser (``with_mandates=False``: without the mandate extraction).

    UTF-8 text goes to ``parser.parse`` (so the parse matches the hashed bytes exactly); anything else goes
    to ``parser.parse_file``, which reports unreadable and non-UTF-8 files as diagnostics."""
    from resolutions.parse import parser  # imported here: the parser is only needed on a cache miss

    # The same decisions as parser.parse_file, on the bytes that were hashed; the rare binary or non-UTF-8
    # file goes to parse_file itself, which words the diagnostic.
    if b"\x00" not in data[:8192] and not limits.too_large(len(data)):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return parser.parse(text, display_path, with_mandates=with_mandates)
    return parser.parse_file(abs_path, display_path, with_mandates=with_mandates)


def relabel(resolution: Resolution, display_path: str) -> Resolution:
    """The same parse, naming ``display_path`` as its source and in its diagnostics."""
    if resolution.source == display_path:
        return resolution
    diagnostics = tuple(
        dataclasses.replace(d, path=display_path) if d.path == resolution.source else d
        for d in resolution.diagnostics
    )
    return dataclasses.replace(resolution, source=display_path, diagnostics=diagnostics)


def _parse_in_worker(job: tuple[bytes, str, str, str, Path | None, bool]) -> tuple[bytes, bool]:
    """Parse one file in a worker process, write its cache entry (when ``entry_path`` is given) and return the
    entry pickled, with whether it was written. The entry is pickled once, for the disk and for the way back
    to the build process; writing it here spreads the file creations (about 1 ms each on a slow disk, 20 s at
    20,000 resolutions when the build process did them one by one) over the workers.
    A module-level function, so that it can be pickled by reference."""
    data, abs_path, display_path, key, entry_path, with_mandates = job
    blob = _entry_bytes(key, default_parse_bytes(data, abs_path, display_path, with_mandates))
    return blob, entry_path is not None and _write_entry(entry_path, blob)


def _entry_bytes(key: str, resolution: Resolution) -> bytes:
    return pickle.dumps(((CACHE_FORMAT, parser_version()), key, resolution), protocol=pickle.HIGHEST_PROTOCOL)


def _write_entry(path: Path, blob: bytes) -> bool:
    """Write a cache entry; False when the disk refuses (read-only, full)."""
    try:
        # Write then rename, so a reader never sees half an entry (two builds may share the folder).
        try:
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        except FileNotFoundError:  # the folder's first entry (asked only then: one file creation per entry)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(blob)
        os.replace(temporary, path)
        return True
    except OSError:
        return False


_YOUNG_COLLECTION_EVERY = 200
"""Files parsed in this process between two collections of the young generations (see _collector_paused)."""


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector off while the collection's models are made, loaded or received.

    Each full collection walks every object alive, and the models of 20,000 resolutions are millions of
    objects: with the collector on, loading 20,000 cached parses took 25.5 s, with it off 10.6 s (eleven full
    collections). The models hold no reference cycles, so nothing is lost; the parser's own cyclic garbage is
    collected every few files from the young generations only."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _stamp(path: str) -> tuple | None:
    """What changes when a file is written: size, modification and change times (ns), inode."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            # A file over the limit is never parsed (parse_file says so); its first bytes are key enough.
            return handle.read(limits.SOURCE_BYTES + 1)
    except OSError:
        return None


class ParseCache:
    """Parsed resolutions by content hash, in memory and (optionally) on disk; ``workers`` processes parse
    many misses (``PARALLEL_MIN_MISSES`` or more), 1 parses them in this process. ``with_mandates`` (the site
    option ``mandates``) is given to the default parser and is part of every key.

    Keep one instance for the life of a process (the MkDocs plugin holds it across serve rebuilds)."""

    def __init__(self, folder: str | Path | None = None, parse_bytes: ParseBytes | None = None,
                 workers: int | None = None, parallel_min_misses: int = PARALLEL_MIN_MISSES,
                 with_mandates: bool = True) -> None:
        self.folder = Path(folder) if folder is not None else None
        self._parse_bytes = parse_bytes or default_parse_bytes
        # Worker processes only make sense with the default parser (a custom callable may not pickle).
        self.workers = workers if workers is not None else (os.cpu_count() or 1)
        self._parallel_min_misses = parallel_min_misses
        self.with_mandates = with_mandates
        self._memory: dict[str, Resolution] = {}
        self._previous_hashes: dict[str, str] = {}
        self._stamps: dict[str, tuple[tuple, str]] = {}  # path -> (stat stamp, content hash) of the last call
        self._version_dir_checked = False
        self.stats = CacheStats()

    # -- public ---------------------------------------------------------------------------------------

    def parse_all(self, sources: Sequence[SourceFile]) -> list[Resolution]:
        """Parsed resolutions for ``sources``, in the same order, parsing only unseen contents."""
        with _collector_paused():
            return self._parse_all(sources)

    def _parse_all(self, sources: Sequence[SourceFile]) -> list[Resolution]:
        hashes: list[str | None] = []
        contents: list[bytes | None] = []
        stamps: dict[str, tuple[tuple, str]] = {}
        options = "" if self.with_mandates else "without mandates"
        for source in sources:
            stamp = _stamp(source.abs_path)
            if stamp is not None:
                stamp = (*stamp, options)  # a file seen under other options is read and hashed again
            known = self._stamps.get(source.abs_path)
            if stamp is not None and known is not None and known[0] == stamp and known[1] in self._memory:
                # Unchanged since the last call (same size, times and inode): a memory hit, without reading
                # and hashing it again (a serve rebuild after one edit re-reads one file, not 5,000).
                hashes.append(known[1])
                contents.append(None)
                stamps[source.abs_path] = known
                continue
            data = _read_bytes(source.abs_path)
            contents.append(data)
            key = content_hash(data, os.path.basename(source.display_path), options) if data is not None else None
            hashes.append(key)
            if stamp is not None and key is not None:
                stamps[source.abs_path] = (stamp, key)
        self._stamps = stamps

        results: list[Resolution | None] = [None] * len(sources)
        misses: list[int] = []
        memory_hits = disk_hits = 0
        for index, (source, key) in enumerate(zip(sources, hashes)):
            if key is None:
                misses.append(index)  # unreadable: the parser reports it
                continue
            cached = self._memory.get(key)
            if cached is not None:
                memory_hits += 1
            else:
                cached = self._load(key)
                if cached is not None:
                    disk_hits += 1
                    self._memory[key] = cached
            if cached is None:
                misses.append(index)
            else:
                results[index] = relabel(cached, source.display_path)

        parallel = self._use_workers(len(misses))
        if misses:
            self._drop_other_versions()
        parsed = self._parse_misses([(contents[i], sources[i], hashes[i]) for i in misses], parallel)
        for index, resolution in zip(misses, parsed):
            results[index] = resolution
            key = hashes[index]
            if key is not None:
                self._memory[key] = resolution

        current = {source.display_path: key or "" for source, key in zip(sources, hashes)}
        changed = tuple(path for path, key in current.items() if self._previous_hashes.get(path) != key)
        self._previous_hashes = current
        # Forget contents no longer present, so a long serve session does not grow without bound.
        live = set(current.values())
        self._memory = {key: value for key, value in self._memory.items() if key in live}
        self.stats = CacheStats(total=len(sources), memory_hits=memory_hits, disk_hits=disk_hits,
                                parsed=len(misses), parallel=parallel, changed=changed)
        return [resolution for resolution in results if resolution is not None]

    # -- parsing misses -------------------------------------------------------------------------------

    def _use_workers(self, miss_count: int) -> bool:
        return (self._parse_bytes is default_parse_bytes and self.workers > 1
                and miss_count >= self._parallel_min_misses)

    def _parse_misses(self, jobs: list[tuple[bytes | None, SourceFile, str | None]], parallel: bool
                      ) -> list[Resolution]:
        """Parse the misses and store each readable one in the disk layer."""
        if not jobs:
            return []
        if not parallel:
            parsed = []
            for number, (data, source, key) in enumerate(jobs, start=1):
                if data is None or key is None:
                    parsed.append(self._parse_unreadable(source))
                    continue
                parsed.append(self._parse_bytes(data, source.abs_path, source.display_path, self.with_mandates)
                              if self._parse_bytes is default_parse_bytes
                              else self._parse_bytes(data, source.abs_path, source.display_path))
                self._store(key, parsed[-1])
                if number % _YOUNG_COLLECTION_EVERY == 0:
                    gc.collect(1)  # whatever the parser left in cycles, without walking the parsed models
            return parsed
        readable = [(data, source.abs_path, source.display_path, key, self._entry_path(key), self.with_mandates)
                    for data, source, key in jobs if data is not None and key is not None]
        # Chunks of at most 100 files: when one worker has finished, the other has at most one chunk left to
        # parse on its own (chunks of an eighth of a worker's share left up to 7 s of one idle core at 20,000).
        chunk = max(1, min(100, len(readable) // (self.workers * 8)))
        # The workers are forked while the collector is paused here: they turn it back on for the parser.
        parsed = []
        with ProcessPoolExecutor(max_workers=self.workers, initializer=gc.enable) as pool:
            entries = pool.map(_parse_in_worker, readable, chunksize=chunk)  # taken as they come: not all held
            for data, source, key in jobs:
                if data is None or key is None:
                    parsed.append(self._parse_unreadable(source))
                    continue
                blob, stored = next(entries)
                parsed.append(pickle.loads(blob)[2])
                if not stored:  # a read-only or full disk (or none): the build goes on without the disk layer
                    self.folder = None
        return parsed

    def _parse_unreadable(self, source: SourceFile) -> Resolution:
        # The parser's file entry point turns an unreadable path into an error diagnostic.
        from resolutions.parse import parser

        return parser.parse_file(source.abs_path, source.display_path, with_mandates=self.with_mandates)

    # -- disk layer -----------------------------------------------------------------------------------

    def _entry_path(self, key: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / parser_version() / key[:2] / f"{key}.pickle"

    def _load(self, key: str) -> Resolution | None:
        path = self._entry_path(key)
        if path is None:
            return None
        try:
            with open(path, "rb") as handle:
                entry = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a corrupt or foreign entry is a miss, rewritten after parsing
            return None
        if (not isinstance(entry, tuple) or len(entry) != 3 or entry[0] != (CACHE_FORMAT, parser_version())
                or entry[1] != key or not isinstance(entry[2], Resolution)):
            return None
        return entry[2]

    def _store(self, key: str, resolution: Resolution) -> None:
        path = self._entry_path(key)
        if path is not None and not _write_entry(path, _entry_bytes(key, resolution)):
            # A read-only or full disk only costs speed: the build goes on without the disk layer.
            self.folder = None

    def _drop_other_versions(self) -> None:
        # Entries of an older parser can never be read again: remove them once per process.
        if self._version_dir_checked or self.folder is None:
            return
        self._version_dir_checked = True
        if not self.folder.is_dir():
            return
        for child in self.folder.iterdir():
            if child.is_dir() and child.name != parser_version() and len(child.name) == 16:
                shutil.rmtree(child, ignore_errors=True)


def sources_under(root: str | Path, relative_to: str | Path | None = None) -> list[SourceFile]:
    """Every ``*.md`` file under ``root`` (any depth, sorted), named relative to ``relative_to`` (default
    ``root``) with forward slashes. A convenience for benchmarks and tests; the plugin lists MkDocs files."""
    base = Path(relative_to or root)
    found: Iterable[Path] = sorted(p for p in Path(root).rglob("*.md") if is_resolution_source_name(p.name))
    return [SourceFile(str(path.resolve()), path.relative_to(base).as_posix()) for path in found]
