"""HTML written in a source text: shown as written (escaped by the renderer), never run, and reported.

Pure core. A resolution is printed text; the only markup the parser reads in it is ``<sup>`` (a footnote
marker) and ``<br>`` (a printed line break). Any other tag markdown-it recognises (``<script>``,
``<a href=...>``, ``<iframe>``, a block of HTML) is text the contributor typed: it reaches the page as the
characters written, and a warning (``codes.HTML_IN_TEXT``) names its line, so that an editor can see what was meant.
"""

from __future__ import annotations

import re

from resolutions.model import Diagnostic
from resolutions.parse import codes

SUP_OPEN = re.compile(r"^<sup\b[^>]*>$", re.IGNORECASE)
SUP_CLOSE = re.compile(r"^</sup\s*>$", re.IGNORECASE)
BR = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
"""The tags the parser reads as layout (a footnote marker, a line break); every other tag is text."""

_READ_MARKUP = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in (SUP_OPEN, SUP_CLOSE, BR)), re.IGNORECASE)
# The same tags in their plain spellings. A text whose every "<" starts one of these holds no tag to report
# (each such "<" can only open that very tag), so its tokens are not walked: most paragraphs, whose only
# markup is their footnote markers.
_PLAIN_READ_MARKUP = re.compile(r"</?sup>|<br\s*/?>", re.IGNORECASE)
_SHOWN_CHARS = 60


def is_read_markup(tag: str) -> bool:
    """Whether an inline HTML tag is layout the parser reads (``<sup>``, ``</sup>``, ``<br>``)."""
    return _READ_MARKUP.match(tag) is not None


def html_warnings(tokens, line_offset: int, path: str) -> list[Diagnostic]:
    """One ``RES114`` warning per source line holding HTML other than the layout the parser reads.

    ``tokens`` is markdown-it's token stream of the body; ``line_offset`` the lines taken by the front matter.
    """
    found: dict[int, str] = {}
    for token in tokens:
        kind = token.type
        if kind == "html_block":
            content = token.content.strip()
            if content and not content.startswith("<!--"):
                found.setdefault(_first_line(token, line_offset), content.split("\n", 1)[0])
        elif kind == "inline" and "<" in token.content and "<" in _PLAIN_READ_MARKUP.sub("", token.content):
            line = _first_line(token, line_offset)
            for child in token.children or ():
                if child.type in ("softbreak", "hardbreak"):
                    line += 1
                elif child.type == "html_inline" and not is_read_markup(child.content):
                    found.setdefault(line, child.content)
    return [
        Diagnostic(
            path, line, codes.severity(codes.HTML_IN_TEXT), codes.HTML_IN_TEXT,
            f"HTML {_short(tag)} in the text is shown as written, not run; expected plain text "
            "(only <sup> footnote markers and <br> line breaks are read)",
        )
        for line, tag in sorted(found.items())
    ]


def _first_line(token, line_offset: int) -> int:
    return (token.map[0] if token.map else 0) + 1 + line_offset


def _short(tag: str) -> str:
    text = " ".join(tag.split())
    return repr(text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 3] + "...")
