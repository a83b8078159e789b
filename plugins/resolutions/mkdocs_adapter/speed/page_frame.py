"""Page frames: a page rendered once with sentinel values, then filled with each page's own values.

A resolution page is Material's frame (head, header, navigation, footer, scripts) around page-specific parts.
The adapter renders the layout ONCE per page shape with a sentinel string in place of every page-specific
value (``rich_sentinel("title")``, ``plain_sentinel("u_toc_id_0")``), ``split_frame`` cuts the result at the
sentinels, and ``fill_frame`` produces each page by joining the pieces with that page's values — plain string
work instead of a template render per page.

A sentinel tells how the template transformed it, so the fill applies the same transformation to the real value:

- a *rich* sentinel ends in ``'<b></b>``: found verbatim it was inserted raw; found as
  ``&#39;&lt;b&gt;&lt;/b&gt;`` it went through Jinja's ``| e``; found as a bare ``'`` it went through
  ``| striptags``;
- a *plain* sentinel (name starting with ``u_``) is letters only, for values that pass through URL filters
  unchanged (anchor ids, which are ``[a-z0-9-]``).

Any other trace of a sentinel in the output (a filter this module does not know, such as ``urlencode``) makes
``split_frame`` return ``None``: the caller then renders that page the ordinary way. Pure: no MkDocs, no Jinja.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Mapping

_MARK = "zqslot"
"""Starts every sentinel; chosen so it never occurs in real text (checked: any leftover means no frame)."""

_RICH_TAIL = "zq'<b></b>"
_PLAIN_TAIL = "zq"

RAW = "raw"
ESCAPED = "escaped"
TAGS_STRIPPED = "striptags"

_SENTINEL = re.compile(
    _MARK + r"(u_[a-y0-9_]+?)zq"  # plain: no transformation to detect
    + r"|" + _MARK + r"([a-y0-9_]+?)zq('<b></b>|&#39;&lt;b&gt;&lt;/b&gt;|')"
)
_TRANSFORM_OF_TAIL = {"'<b></b>": RAW, "&#39;&lt;b&gt;&lt;/b&gt;": ESCAPED, "'": TAGS_STRIPPED}

# The same two patterns as markupsafe's Markup.striptags (Jinja's `striptags` filter).
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
_TAGS = re.compile(r"<.*?>", re.DOTALL)


def rich_sentinel(name: str) -> str:
    """Stand-in for an HTML or text value named ``name`` (``[a-y0-9_]``, not starting with ``u_``)."""
    return f"{_MARK}{name}{_RICH_TAIL}"


def plain_sentinel(name: str) -> str:
    """Stand-in for a URL-safe value (an anchor id) named ``name``, which must start with ``u_``."""
    return f"{_MARK}{name}{_PLAIN_TAIL}"


@dataclass(frozen=True)
class Frame:
    """A rendered page cut at its sentinels: ``pieces[0] + value(slots[0]) + pieces[1] + ...``."""

    pieces: tuple[str, ...]
    slots: tuple[tuple[str, str], ...]
    """(slot name, transformation) for each gap between two pieces."""


def split_frame(rendered: str) -> Frame | None:
    """Cut ``rendered`` at every sentinel; ``None`` when a sentinel was transformed in an unknown way."""
    pieces: list[str] = []
    slots: list[tuple[str, str]] = []
    position = 0
    for match in _SENTINEL.finditer(rendered):
        pieces.append(rendered[position:match.start()])
        if match.group(1) is not None:
            slots.append((match.group(1), RAW))
        else:
            slots.append((match.group(2), _TRANSFORM_OF_TAIL[match.group(3)]))
        position = match.end()
    pieces.append(rendered[position:])
    if any(_MARK in piece.lower() for piece in pieces):
        return None
    return Frame(tuple(pieces), tuple(slots))


def fill_frame(frame: Frame, values: Mapping[str, str]) -> str:
    """The page: the frame with each slot replaced by its value, transformed as the template did."""
    parts = [frame.pieces[0]]
    for (name, transform), piece in zip(frame.slots, frame.pieces[1:]):
        parts.append(_transformed(values[name], transform))
        parts.append(piece)
    return "".join(parts)


def missing_slots(frame: Frame, values: Mapping[str, str]) -> list[str]:
    """Slot names of ``frame`` without a value (empty when the frame can be filled)."""
    return [name for name, _ in frame.slots if name not in values]


def _transformed(value: str, transform: str) -> str:
    if transform == ESCAPED:
        return escape_like_jinja(value)
    if transform == TAGS_STRIPPED:
        return strip_tags_like_jinja(value)
    return value


def escape_like_jinja(value: str) -> str:
    """What Jinja's ``| e`` makes of a plain string (markupsafe's escaping: ``&#39;`` and ``&#34;``)."""
    return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def strip_tags_like_jinja(value: str) -> str:
    """What Jinja's ``| striptags`` makes of a string: tags and comments removed, spaces collapsed, unescaped."""
    text = _TAGS.sub("", _COMMENTS.sub("", value))
    return html.unescape(" ".join(text.split()))
