"""Incremental preview: decide which pages of a ``mkdocs serve`` rebuild can reuse their previous HTML.

Responsibility: fingerprint everything a generated page is made from, remember each page's finished HTML
with its fingerprint, and hand the HTML back when the fingerprint has not changed. MkDocs rebuilds the
whole site on every change; the adapter asks this module which pages it may skip.

A resolution page is made from its own parse, its resolved citations (which depend on the pages they point
to), its "Cited by" entries (which depend on the pages citing it), its previous/next neighbours, and its
session link. Each of these is read from the ``Collection`` rebuilt for every build (linear, cheap), so an
edit that adds a citation changes the cited page's fingerprint, and only that page and the edited one are
rendered again. Anything that feeds every page (the configuration, the templates, the hand-written pages
and the navigation) goes into a site-wide fingerprint; when it changes, nothing is reused.

Pure core: no MkDocs; the fingerprints are plain tuples compared with ``==`` (unchanged parses are the very
same objects, handed back by the parse cache, so comparing them costs an identity check).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Hashable, Iterable, Mapping

from resolutions.site.collection import Collection
from resolutions.model import Resolution


def resolution_fingerprint(resolution: Resolution, collection: Collection, page_url: str,
                           session_url: Callable[[Resolution], str | None] | None) -> tuple:
    """Everything the page of ``resolution`` is rendered from (see the module docstring)."""
    neighbours = collection.neighbours.get(resolution.symbol or "")
    neighbour_pages: tuple = ()
    if neighbours is not None:
        # The previous/next links show the neighbour's number and title: its parse is an input.
        neighbour_pages = tuple(collection.by_symbol.get(symbol) if symbol else None
                                for symbol in (neighbours.previous, neighbours.next))
    return (
        resolution,
        page_url,
        collection.resolved(resolution),
        collection.cited_by.get(resolution.symbol or "", ()),
        neighbours,
        neighbour_pages,
        session_url(resolution) if session_url is not None else None,
        collection.resolver_base,
        # The "Series" row names the series and the previous and next editions (their numbers).
        collection.series.series_of(resolution.symbol),
        tuple(collection.by_symbol.get(symbol or "") for symbol in (collection.series.previous(resolution.symbol),
                                                                    collection.series.next(resolution.symbol))),
    )


def files_fingerprint(paths: Iterable[str]) -> tuple:
    """(path, modification time, size) of each existing file under the given files and folders, sorted.

    Cheap enough for a handful of templates and hand-written pages; not for the resolution sources."""
    stamps: list[tuple[str, int, int]] = []
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in os.walk(path):
                for name in names:
                    stamps.append(_stamp(os.path.join(folder, name)))
        elif os.path.exists(path):
            stamps.append(_stamp(path))
    return tuple(sorted(stamps))


def _stamp(path: str) -> tuple[str, int, int]:
    status = os.stat(path)
    return (path, status.st_mtime_ns, status.st_size)


class PageMemory:
    """Finished HTML of each page from the previous build, with the fingerprint it was made from.

    One instance lives as long as the plugin (across serve rebuilds). Call ``start_build`` once per build,
    ``reusable`` for each page before rendering it, ``remember`` with each page's finished HTML."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[Hashable, bytes]] = {}
        self._pending: dict[str, Any] = {}
        self._site_fingerprint: Any = None
        self.reused = 0
        self.rendered = 0

    def start_build(self, site_fingerprint: Any) -> None:
        """Begin a build; a changed site-wide fingerprint forgets every page."""
        if site_fingerprint != self._site_fingerprint:
            self._pages.clear()
        self._site_fingerprint = site_fingerprint
        self._pending = {}
        self.reused = self.rendered = 0

    def reusable(self, key: str, fingerprint: Any) -> bytes | None:
        """The previous HTML of page ``key`` if it was made from an equal fingerprint, else None (and the
        fingerprint is kept until the page's new HTML is remembered)."""
        previous = self._pages.get(key)
        if previous is not None and previous[0] == fingerprint:
            self.reused += 1
            return previous[1]
        self._pages.pop(key, None)
        self._pending[key] = fingerprint
        self.rendered += 1
        return None

    def remember(self, key: str, html: str | bytes) -> None:
        """Store the finished HTML of a page that ``reusable`` said must be rendered."""
        if key in self._pending:
            data = html.encode("utf-8", errors="xmlcharrefreplace") if isinstance(html, str) else html
            self._pages[key] = (self._pending.pop(key), data)

    def forget_all_but(self, keys: Iterable[str]) -> None:
        """Drop pages that are no longer part of the site."""
        live = set(keys)
        self._pages = {key: value for key, value in self._pages.items() if key in live}


def site_fingerprint(config_file: str | None, template_dirs: Iterable[str], other_pages: Iterable[str],
                     nav_pages: Iterable[tuple[str, str]], options: Mapping[str, Any]) -> tuple:
    """What every page shows besides its own content: config file, templates, hand-written pages (their
    titles feed the navigation), generated pages listed in the navigation, the plugin's options."""
    return (
        files_fingerprint([config_file] if config_file else []),
        files_fingerprint(template_dirs),
        files_fingerprint(other_pages),
        tuple(sorted(nav_pages)),
        tuple(sorted((key, repr(value)) for key, value in options.items())),
    )
