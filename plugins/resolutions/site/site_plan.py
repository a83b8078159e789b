"""What the plugin adds to a site besides the resolution pages: generated pages, files and folders.

Core modules (views, exports, feeds, search, redirects) describe their output with these two types; the MkDocs
adapter turns each ``GeneratedPage`` into a ``File.generated`` page rendered with its template, and writes each
``GeneratedFile`` into the site folder (after checking the path stays inside it).

A generated file's content may be deferred: a zero-argument callable that the writer calls only when it writes
that file, returning the content or an iterable of chunks written one at a time. At 20,000 resolutions
the data files held as finished strings from the plan to the end of the build took gigabytes (``resolutions.json``
alone is ~440 MB as one string); deferred, each is produced when written and dropped right after.

A ``GeneratedTogether`` is a long file and smaller files made from the same work in one pass (each resolution's
model is encoded once for its ``index.json`` and for its entry in ``resolutions.json``); each of its files can
still be made alone, which is what ``mkdocs serve`` does when a browser asks for one.

A ``GeneratedFolder`` is a set of files made together (the search index's pieces): under ``mkdocs serve`` it is
produced only when a browser first asks for one of its files, so an edit does not rebuild the search index
until someone searches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Union

Chunk = Union[str, bytes]
"""A piece of a file: text (written as UTF-8) or bytes."""

FileContent = Union[Chunk, Callable[[], Union[Chunk, Iterable[Chunk]]]]
"""A file's content: ready text or bytes, or a zero-argument callable producing them (or an iterable of chunks)
when the file is written."""


@dataclass(frozen=True)
class GeneratedPage:
    """A page generated from the collection (an index, a session page, a timeline page)."""

    src_uri: str
    """Virtual source path, e.g. ``sessions/51.md``; MkDocs gives it the URL ``sessions/51/``."""
    title: str
    """Page title (``<title>`` and heading)."""
    template: str
    """Template in ``mkdocs_adapter/theme/`` that lays the page out, e.g. ``session.html``."""
    context: Mapping[str, Any] = field(default_factory=dict)
    """Plain data for the template, available there as ``page.meta.context`` / ``resolutions_context``."""
    markdown: str = ""
    """Optional Markdown body (rendered by MkDocs into ``page.content``)."""
    in_nav: bool = False
    """Whether the page is listed in the site navigation (only a few index pages are)."""
    written: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    """Called by the adapter once the page's HTML is made (``on_post_page``): what was made for this page alone
    (a changes page's differences) is let go, so a build holds one such page at a time. Not part of equality."""


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page output written into the site folder: JSON, CSV, Atom, search index chunks, redirect pages."""

    dest_uri: str
    """Path relative to the site folder, e.g. ``resolutions.json``; never absolute, never ``..``."""
    content: FileContent
    """File content: text (written as UTF-8) or bytes, or a zero-argument callable returning text, bytes or an
    iterable of text/bytes chunks, called once when the file is written (so large files are never held whole)."""
    replace_existing: bool = True
    """False for a file that must never replace one already in the site folder: a redirect page at
    ``a/res/51/148/`` is the page ``A/RES/51/148/`` itself on a case-insensitive file system (macOS, Windows)."""

    def chunks(self) -> Iterator[bytes]:
        """The content as UTF-8 byte chunks, producing a deferred content now (each call produces it anew)."""
        content = self.content() if callable(self.content) else self.content
        if isinstance(content, (str, bytes)):
            content = (content,)
        for chunk in content:
            yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk

    def data(self) -> bytes:
        """The whole content as bytes (for tests and small files; the writer streams ``chunks`` instead)."""
        return b"".join(self.chunks())

    def text(self) -> str:
        """The whole content as text (UTF-8)."""
        return self.data().decode("utf-8")


@dataclass(frozen=True)
class GeneratedFolder:
    """Files made together, all under one folder, produced by one call when first needed."""

    folder: str
    """Site-relative folder of every file produced, with its trailing slash (``pagefind/``)."""
    produce: Callable[[], list[GeneratedFile]]
    """Makes the files (each ``dest_uri`` under ``folder``); called at most once per build."""


@dataclass(frozen=True)
class GeneratedTogether:
    """A long file and smaller files cheaper made in one pass than one by one."""

    main: GeneratedFile
    """The long file (``resolutions.json``), made alone."""
    others: tuple[GeneratedFile, ...]
    """The smaller files (each resolution's ``index.json``), each made alone."""
    in_one_pass: Callable[[], Iterable[Union[Chunk, GeneratedFile]]]
    """The same files in one pass: the chunks of ``main``, with each of ``others`` (its content ready) between them,
    so that the work they share is done once and nothing is held whole."""

    @property
    def files(self) -> tuple[GeneratedFile, ...]:
        """Every file of the group, each made alone."""
        return (*self.others, self.main)
