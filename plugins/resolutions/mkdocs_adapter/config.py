"""The options of the ``resolutions`` plugin, as written under ``plugins:`` in mkdocs.yml.

Responsibility: name, type, default and meaning of every option (docs/configuration.md describes them for
users). MkDocs validates them: a misspelt option or a wrong type stops the build with a message naming it.
"""

from __future__ import annotations

import os

from mkdocs.config import base
from mkdocs.config import config_options as c

DEFAULT_CONCURRENCY = os.cpu_count() or 1
"""Workers when ``concurrency`` is not set: one per core."""


class _AtLeastOne(c.Type):
    """A whole number of 1 or more."""

    def __init__(self) -> None:
        super().__init__(int)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise c.ValidationError(f"expected 1 or more (1 does everything in the build process), got {number}")
        return number


class ResolutionsConfig(base.Config):
    folder = c.Type(str, default="resolutions")
    """Subfolder of ``docs_dir`` holding the resolution sources (searched at any depth); ``""`` for all."""

    resolver = c.Type(str, default="https://undocs.org/")
    """Base URL of the official document resolver: documents outside the collection (citations, meeting
    records, each page's official text) link to ``<resolver><symbol>``."""

    strict_errors = c.Type(bool, default=True)
    """Fail ``mkdocs build`` when any diagnostic is an error (``mkdocs serve`` never fails)."""

    session_links = c.Type(bool, default=True)
    """Link the session, agenda items and meeting in the metadata panel to their generated index pages."""

    index_pages = c.Type(bool, default=True)
    """Generate the index pages (resolutions, sessions, agenda items, timeline)."""

    cache_dir = c.Type(str, default=".cache/resolutions")
    """Folder of the parse cache, relative to mkdocs.yml (never inside site_dir); ``""`` keeps it in memory."""

    search = c.Type(bool, default=True)
    """Build the Pagefind search index, the symbol lookup and the search page (in place of Material's ``search``
    plugin); false builds none of them (a site that prefers another search, or to measure its cost)."""

    fast_pages = c.Type(bool, default=True)
    """Build resolution and index pages from frames rendered once per page shape, without reading their
    source, Python-Markdown or a full template render each (mkdocs_adapter/speed/fast_pages.py)."""

    watch_file_events = c.Type(bool, default=True)
    """``mkdocs serve`` notices edits by the system's file events, not by polling every source
    (mkdocs_adapter/speed/watcher.py); false where events do not arrive (network drives, WSL's /mnt/c, some
    container mounts)."""

    allow_links_outside_docs = c.Type(bool, default=False)
    """Publish what symbolic links in docs_dir point to outside it (else such a link stops the build)."""

    series = c.Type(bool, default=True)
    """Group recurring resolutions into series: series pages, a changes page per edition, previous and next
    editions on each page and in the JSON, ``series.json`` (site/series.py, docs/series.md)."""
    mandates = c.Type(bool, default=True)
    """The mandate registry: ``/mandates/`` pages, ``mandates.json``/``mandates.csv`` and each resolution page's
    list of mandates (docs/mandates.md); false leaves them out and skips the extraction in the parse (the
    resolutions' JSON then has no mandates)."""
    publish_agenda_sources = c.Type(bool, default=False)
    """Copy the agenda files (``agendas/*.yml``) into the site as they are (else only their titles are used)."""

    concurrency = c.Optional(_AtLeastOne())
    """How many workers share the build's work: worker processes parse the sources missing from the parse
    cache, worker threads write the generated files. Unset: one per core (``DEFAULT_CONCURRENCY``); ``1``
    does everything in the build process."""

    def workers(self) -> int:
        """``concurrency``, or its default."""
        return self.concurrency or DEFAULT_CONCURRENCY
