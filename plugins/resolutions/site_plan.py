"""What the plugin adds to a site besides the resolution pages: generated pages and generated files.

Core modules (views, exports, feeds, search) describe their output with these two types; the MkDocs adapter
turns each ``GeneratedPage`` into a ``File.generated`` page rendered with its template, and writes each
``GeneratedFile`` into the site folder (after checking the path stays inside it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping


@dataclass(frozen=True)
class GeneratedPage:
    """A page generated from the collection (an index, a session page, a timeline page)."""

    src_uri: str
    """Virtual source path, e.g. ``sessions/51.md``; MkDocs gives it the URL ``sessions/51/``."""
    title: str
    """Page title (``<title>`` and heading)."""
    template: str
    """Template in ``site_templates/`` that lays the page out, e.g. ``session.html``."""
    context: Mapping[str, Any] = field(default_factory=dict)
    """Plain data for the template, available there as ``page.meta.context`` / ``resolutions_context``."""
    markdown: str = ""
    """Optional Markdown body (rendered by MkDocs into ``page.content``)."""
    in_nav: bool = False
    """Whether the page is listed in the site navigation (only a few index pages are)."""


@dataclass(frozen=True)
class GeneratedFile:
    """A non-page output written into the site folder: JSON, CSV, Atom, search index chunks."""

    dest_uri: str
    """Path relative to the site folder, e.g. ``resolutions.json``; never absolute, never ``..``."""
    content: str | bytes
    """File content (text is written as UTF-8)."""
