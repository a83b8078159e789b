"""Writing a one-off build's generated files through a writer process (issue 5).

Responsibility: write the data files, redirect pages and symbol lookup of ``mkdocs build`` into the site folder
once MkDocs has written the pages, and hand back the message of every file refused. This process makes each
file's content; a writer process creates the folders and files. On a slow disk (about 0.25 ms to create a
file or a folder; some 50,000 files and their folders at 20,000 resolutions: 16 s of file system calls
measured) the file system's time then overlaps with making the next contents instead of adding to it.

The writer is forked when the build starts (``on_pre_build``), while this process is still small. A process
forked after the parse would share the collection's memory only until either process writes to it
(copy-on-write; CPython writes to every object it touches, if only its reference count): measured, the two
processes then held two copies of the whole heap (1.8 GB in all at 20,000 resolutions; 1.1 GB with the
writer forked at the start).
So the writer receives contents, never computes them from the collection: file by file through a pipe, each
a header ``("file", dest_uri, replace_existing)``, its chunks, then ``None``.

In this process instead, everything written the same way: when forking is not safe here (``forked``: not
Linux, or threads), when turned off (option ``parallel_files``), and when the writer failed (then every file
is written again here: nothing is lost).
"""

from __future__ import annotations

import os
import pickle
from functools import partial
from typing import BinaryIO, Iterator, Sequence

from resolutions.mkdocs_adapter.speed.forked import ForkedCall, fork_is_safe
from resolutions.mkdocs_adapter.site_folder import SiteFolder, each_file, refusal, write_checked, write_files
from resolutions.site.site_plan import GeneratedFile, GeneratedFolder

_PIPE_BUFFER = 1 << 20


class GeneratedFilesWriter:
    """``start`` when a build starts; ``finish`` with its generated files once the pages are written."""

    def __init__(self) -> None:
        self._site_dir = ""
        self._child: ForkedCall[list[str]] | None = None
        self._pipe: BinaryIO | None = None

    @property
    def in_parallel(self) -> bool:
        """Whether a writer process is waiting for this build's files."""
        return self._child is not None

    def start(self, site_dir: str, parallel: bool = True) -> None:
        """Fork the writer process when ``parallel`` and safe; otherwise files are written here by ``finish``."""
        self.cancel()
        self._site_dir = site_dir
        if parallel and fork_is_safe():
            read_end, write_end = os.pipe()
            self._child = ForkedCall(partial(_write_received, site_dir, read_end, write_end))
            os.close(read_end)
            self._pipe = os.fdopen(write_end, "wb", buffering=_PIPE_BUFFER)

    def finish(self, items: Sequence[GeneratedFile | GeneratedFolder]) -> list[str]:
        """Write ``items`` (their contents made here, the files created by the writer); the refusals."""
        child, pipe, self._child, self._pipe = self._child, self._pipe, None, None
        if child is None or pipe is None:
            return write_files(self._site_dir, items)
        problems: list[str] = []
        try:
            with pipe:
                for data_file in each_file(items):
                    problem = refusal(data_file)
                    if problem is not None:
                        problems.append(problem)
                        continue
                    _send(pipe, data_file)
        except BrokenPipeError:  # the writer died: its traceback is on stderr
            pass
        from_writer = child.result()
        if from_writer is None:
            return write_files(self._site_dir, items)  # everything again, here
        return problems + from_writer

    def cancel(self) -> None:
        """Forget a build that failed, stopping its writer."""
        if self._pipe is not None:
            try:
                self._pipe.close()
            except BrokenPipeError:
                pass
        if self._child is not None:
            self._child.cancel()
        self._child, self._pipe = None, None


def _send(pipe: BinaryIO, data_file: GeneratedFile) -> None:
    pickle.dump(("file", data_file.dest_uri, data_file.replace_existing), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    for chunk in data_file.chunks():  # streamed: resolutions.json is never held whole
        pickle.dump(chunk, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    pickle.dump(None, pipe)


def _write_received(site_dir: str, read_end: int, write_end: int) -> list[str]:
    """The writer process: write each file received until the build closes the pipe; the refusals."""
    os.close(write_end)  # else the pipe would never end: this process would hold its other end open
    site = SiteFolder(site_dir)
    problems: list[str] = []
    with os.fdopen(read_end, "rb", buffering=_PIPE_BUFFER) as pipe:
        while True:
            try:
                message = pickle.load(pipe)
            except EOFError:
                return problems
            _, dest_uri, replace_existing = message
            chunks = _received_chunks(pipe)
            problem = write_checked(site, GeneratedFile(dest_uri, lambda: chunks, replace_existing))
            if problem is not None:
                problems.append(problem)
            for _ in chunks:  # what a file kept out did not take
                pass


def _received_chunks(pipe: BinaryIO) -> Iterator[bytes]:
    while (chunk := pickle.load(pipe)) is not None:
        yield chunk
