"""Permalinks that survive: redirect pages from the other spellings of a symbol to its resolution page.

A reader (or an old link) may type ``/a/res/51/148/`` or the symbol with its spaces (``/S/RES/1325 (2000)/``)
where the page lives at ``/A/RES/51/148/`` or ``/S/RES/1325(2000)/``. For each such spelling this module
describes a tiny static HTML page (``GeneratedFile``) that sends the reader on: a ``<meta http-equiv="refresh">``
for browsers, a ``<link rel="canonical">`` for search engines, and a visible link for everyone else. Static
hosting (GitHub Pages) has no server-side redirects, so a page per spelling is the portable way.

Pure core: no MkDocs import, no file written here; the adapter writes the files into the site folder.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import partial
from typing import Iterable
from urllib.parse import quote

from resolutions.site.site_plan import GeneratedFile

from resolutions.symbols import alternate_paths as _symbol_alternate_paths
from resolutions.symbols import is_symbol

# What a spelling of a symbol may hold: the symbol grammar's characters, the printed space, the "_" for it.
_SPELLING = re.compile(r"[A-Za-z0-9 ().,_\-]+(?:/[A-Za-z0-9 ().,_\-]+)*/?")

# Characters a URL path segment may keep as they are; everything else is percent-encoded in links.
_SAFE_IN_PATH = "/()-._~"


def _as_dir_path(path: str) -> str:
    """``A/RES/51/148`` or ``/A/RES/51/148/`` → ``A/RES/51/148/`` (site-relative, one trailing slash)."""
    return path.strip("/") + "/"


def is_safe_site_path(path: str) -> bool:
    """True when the path stays inside the site folder: relative, no ``..``/``.`` segment, no backslash."""
    if not path.strip("/") or "\\" in path or "\x00" in path or path.startswith("/"):
        return False
    return all(segment not in ("", ".", "..") for segment in path.strip("/").split("/"))


def alternate_paths(symbol: str, canonical_path: str) -> list[str]:
    """Other site paths a reader may use for ``symbol`` whose page is at ``canonical_path``.

    The spellings of ``symbols.alternate_paths`` (when that module provides it: ``_`` for each space), then
    the symbol as printed (with its spaces), without spaces, and the lower-case form of each. The canonical path itself is never
    among the results; each result ends with ``/``. Only a symbol that passes the symbol grammar has other
    spellings, and each is made of the grammar's characters (no ``<script>``, ``javascript:``, ``%00``).
    """
    if not is_symbol(symbol):
        return []
    canonical = _as_dir_path(canonical_path)
    printed = symbol.strip()
    compact = printed.replace(" ", "")
    # What a reader types: the symbol as printed (spaces and all) or without spaces, in either case.
    candidates = [*_symbol_alternate_paths(symbol), printed, compact, printed.lower(), compact.lower()]
    seen: set[str] = set()
    result: list[str] = []
    for candidate in candidates:
        path = _as_dir_path(candidate)
        if path != canonical and path not in seen and _SPELLING.fullmatch(path):
            seen.add(path)
            result.append(path)
    return result


def redirect_page_html(symbol: str, from_path: str, to_path: str, site_url: str | None = None) -> str:
    """The HTML of the page at ``from_path`` that sends the reader to the resolution page ``to_path`` (both
    site-relative dirs)."""
    return redirect_html(from_path, to_path, symbol, f"The resolution {symbol} is at", symbol, site_url)


def redirect_html(from_path: str, to_url: str, title: str, lead: str, link_text: str,
                  site_url: str | None = None) -> str:
    """The HTML of a page at ``from_path`` (a site-relative dir) that sends the reader to ``to_url`` (a
    site-relative dir, with an optional ``#fragment``); to a reader it does not send on, it says ``lead`` and then
    links ``link_text``.

    The refresh and the visible link are relative, so the site works under any base path; the canonical link
    is absolute when ``site_url`` is known. Every text is escaped.
    """
    to_path, hash_mark, fragment = to_url.partition("#")
    fragment = hash_mark + quote(fragment, safe="-._~")
    relative = posixpath.relpath("/" + to_path.strip("/"), "/" + from_path.strip("/"))
    href = quote("" if relative == "." else relative + "/", safe=_SAFE_IN_PATH) + fragment
    site_path = quote(to_path.strip("/") + "/" if to_path.strip("/") else "", safe=_SAFE_IN_PATH)
    canonical = site_url.rstrip("/") + "/" + site_path + fragment if site_url else href
    href_attr = html.escape(href, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        # Without an icon of its own, a browser asks the site root for /favicon.ico (a 404) before it moves on.
        '<link rel="icon" href="data:,">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={href_attr}">\n'
        '<meta name="robots" content="noindex">\n'
        "</head>\n"
        "<body>\n"
        f'<p>{html.escape(lead)} <a href="{href_attr}">{html.escape(link_text)}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def redirect_files(
    targets: Iterable[tuple[str, str]], site_url: str | None = None, taken_paths: Iterable[str] = ()
) -> list[GeneratedFile]:
    """Redirect pages for every other spelling of each ``(symbol, canonical_path)`` in ``targets``.

    ``canonical_path`` is the resolution page's site-relative directory (``A/RES/51/148/``). A spelling is
    skipped when it is some page's canonical path, when another symbol also claims it (first one wins, so the
    output does not depend on set order), when it appears in ``taken_paths`` (pages that already exist), or
    when it would leave the site folder. Linear in the number of targets. The writer must still not overwrite
    an existing file: on a case-insensitive file system ``a/res/51/148/index.html`` *is* the page itself.
    """
    targets = list(targets)
    canonical_paths = {_as_dir_path(path) for _, path in targets}
    blocked = canonical_paths | {_as_dir_path(path) for path in taken_paths}
    claimed: set[str] = set()
    files: list[GeneratedFile] = []
    for symbol, canonical_path in targets:
        if not is_safe_site_path(canonical_path):
            continue
        for path in alternate_paths(symbol, canonical_path):
            if path in blocked or path in claimed or not is_safe_site_path(path):
                continue
            claimed.add(path)
            files.append(
                GeneratedFile(
                    dest_uri=path + "index.html",
                    # Deferred (site_plan): the HTML is made when the page is written, not held until then.
                    content=partial(redirect_page_html, symbol, path, canonical_path, site_url),
                    replace_existing=False,
                )
            )
    return files
