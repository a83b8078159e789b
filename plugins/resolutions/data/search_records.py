"""What the site's search knows of each resolution page: Pagefind records and the symbol lookup.

Responsibility: from the parsed model, make (1) the small HTML document Pagefind indexes for a resolution page
(its title and text, each paragraph behind an empty anchor, plus the filters, sort key and result fields);
(2) the symbol lookup files that ``mkdocs_adapter/theme/assets/search.js`` consults before Pagefind, so that every
spelling of a symbol a reader types ("51/148", "a/res/51/148", "res 51/148", "S/RES/1325 (2000)", "1325",
"decision 75/403") opens or ranks first its own document; (3) the search page. Pure core: no MkDocs, no I/O.

Why records from the model and not the built pages: Pagefind would otherwise read every written page again
(navigation, metadata panel, "Cited by" lists: several times the text), and the records exist before MkDocs
writes the first page, so the index is built beside the pages (docs/search.md).
"""

from __future__ import annotations

import math
import re
import unicodedata
from html import escape
from typing import Iterable, Iterator, Sequence

from resolutions.data.published import compact
from resolutions.model import Paragraph, Resolution, Table
from resolutions.site.labels import format_date
from resolutions.site.site_plan import GeneratedFile, GeneratedPage
from resolutions.site.views import body_of

PAGEFIND_FOLDER = "pagefind"
"""Folder of the Pagefind bundle in the site (its script, WebAssembly, index, fragments and filters)."""

SYMBOLS_FOLDER = "search-symbols"
"""Folder of the symbol lookup files in the site."""

KEYS_PER_SHARD = 400
"""Symbol keys per lookup file: a file stays a few KB compressed whatever the size of the collection."""

TITLE_CHARACTERS = 300
"""Titles in the lookup files are cut here (a few titles are whole paragraphs)."""

_PART_OF_SYMBOL = re.compile(r"\s+[A-Z](?:-[A-Z])?$")  # "E/RES/2021/2 B", "A/DEC/71/405 A-B"
_PART_OF_NUMBER = re.compile(r"\s+[A-Z](?:(?:,\s*[A-Z])*\s+and\s+[A-Z]|-[A-Z])?$")  # "71/546 A, B and C"
_YEAR = re.compile(r"\s*\([^)]*\)$")  # "1325 (2000)"


# -- the symbol lookup ------------------------------------------------------------------------------------

def lookup_key(text: str) -> str:
    """A symbol or number as the lookup compares it: lower case, no accents, no spaces, no final full stop
    (``S/RES/1325 (2000)`` -> ``s/res/1325(2000)``). search.js applies the same rule to the query."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "".join(folded.split()).rstrip(".,;:")


def symbol_keys(resolution: Resolution) -> list[tuple[str, int]]:
    """(key, rank) of every spelling that finds ``resolution``: rank 0 for its symbol and printed number, rank 1
    for shorter forms another document may share (``1325`` for ``1325 (2000)``, ``2021/2`` for ``2021/2 B``),
    which list it after the document whose own symbol they are."""
    exact = [text for text in (resolution.symbol, resolution.number) if text]
    shorter: list[str] = []
    for text in exact:
        for pattern in (_PART_OF_SYMBOL, _PART_OF_NUMBER, _YEAR):
            cut = pattern.sub("", text)
            if cut != text and cut:
                shorter.append(cut)
    keys: dict[str, int] = {}
    for rank, texts in ((0, exact), (1, shorter)):
        for text in texts:
            keys.setdefault(lookup_key(text), rank)
    return [(key, rank) for key, rank in keys.items() if key]


def shard_of(key: str, shards: int) -> int:
    """The lookup file holding ``key``: 32-bit FNV-1a of its characters, modulo ``shards`` (search.js mirrors it)."""
    value = 0x811C9DC5
    for ch in key:
        value = ((value ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return value % shards


def symbol_lookup_files(pages: Sequence[tuple[Resolution, str]]) -> list[GeneratedFile]:
    """``search-symbols/<n>.json`` (key -> results ``[url, symbol, title, date]``, rank 0 first) and
    ``search-symbols/shards.json`` (how many there are) for (resolution, page URL) pairs."""
    entries: dict[str, list[tuple[int, int]]] = {}
    for number, (resolution, _) in enumerate(pages):
        for key, rank in symbol_keys(resolution):
            entries.setdefault(key, []).append((rank, number))
    shards = max(1, math.ceil(len(entries) / KEYS_PER_SHARD))
    contents: list[dict[str, list[list[str]]]] = [{} for _ in range(shards)]
    for key, found in entries.items():
        contents[shard_of(key, shards)][key] = [_lookup_result(*pages[number]) for _, number in sorted(found)]
    files = [GeneratedFile(f"{SYMBOLS_FOLDER}/{n}.json", compact(content)) for n, content in enumerate(contents)]
    files.append(GeneratedFile(f"{SYMBOLS_FOLDER}/shards.json", compact({"shards": shards})))
    return files


def _lookup_result(resolution: Resolution, url: str) -> list[str]:
    title = resolution.title or ""
    if len(title) > TITLE_CHARACTERS:
        title = title[:TITLE_CHARACTERS].rsplit(" ", 1)[0] + "…"
    return [url, resolution.symbol or "", title, format_date(resolution.adopted)]


# -- Pagefind records -------------------------------------------------------------------------------------

def filters_of(resolution: Resolution) -> dict[str, list[str]]:
    """The values a reader can filter results by; a value the source does not print is left out, never guessed."""
    filters: dict[str, list[str]] = {"kind": [resolution.kind]}
    body = body_of(resolution)
    if body:
        filters["body"] = [body]
    if resolution.session_text or resolution.session:
        session = resolution.session_text or resolution.session or ""
        filters["session"] = [f"{body}, {session}" if body else session]
    if resolution.adopted and resolution.adopted[:4].isdigit():
        filters["year"] = [resolution.adopted[:4]]
    items = [f"{item.number}. {item.title}" if item.title else item.number for item in resolution.agenda_items]
    if items:
        filters["agenda item"] = items
    if resolution.vote is not None and resolution.vote.outcome:
        filters["vote"] = [resolution.vote.outcome]
    return filters


def record_html(resolution: Resolution, url: str) -> str:
    """The document Pagefind indexes for the page at ``url``: the title as its heading, then every paragraph,
    sub-paragraph, annex block and footnote, each after an empty element carrying the page's anchor (``para-5``):
    Pagefind reports where each anchor falls among the words, so a result can link to the paragraph it matched
    in (the anchors are empty, so the fragments do not hold the text twice)."""
    title = resolution.title or resolution.symbol or resolution.source
    head = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        _meta("meta", "title", title),
        _meta("meta", "symbol", resolution.symbol or ""),
        _meta("meta", "date", format_date(resolution.adopted)),
    ]
    if resolution.adopted:
        head.append(_meta("sort", "date", resolution.adopted))
    for name, values in filters_of(resolution).items():
        head.extend(_meta("filter", name, value) for value in values)
    body = [f'</head><body><main data-pagefind-body><h1>{escape(title)}</h1>']
    for anchor, text in _blocks(resolution):
        if text:
            body.append(f'<p><i id="{escape(anchor)}"></i>{escape(text)}</p>' if anchor else f"<p>{escape(text)}</p>")
    body.append("</main></body></html>")
    return "".join(head + body)


def _meta(kind: str, name: str, value: str) -> str:
    # The [content] form takes the value whole: the short form would split it at commas.
    return f'<meta data-pagefind-{kind}="{escape(name)}[content]" content="{escape(value)}">'


def records(pages: Iterable[tuple[Resolution, str]]) -> Iterator[tuple[str, str]]:
    """(URL from the site root, record HTML) for (resolution, site-relative page URL) pairs; Pagefind adds the
    site's base path in the browser."""
    for resolution, url in pages:
        yield "/" + url.lstrip("/"), record_html(resolution, url)


def _blocks(resolution: Resolution) -> Iterator[tuple[str, str]]:
    """(anchor, text) of the proponent line and every paragraph, annex block and footnote, in page order."""
    if resolution.proponent:
        yield "", resolution.proponent
    yield from _paragraphs(resolution.preamble)
    yield from _paragraphs(resolution.operative)
    for section in resolution.sections:
        yield from _paragraphs(section.preamble)
        yield from _paragraphs(section.operative)
    for part in resolution.parts:
        yield from _paragraphs(part.preamble)
        yield from _paragraphs(part.operative)
        for section in part.sections:
            yield from _paragraphs(section.preamble)
            yield from _paragraphs(section.operative)
    for annex in resolution.annexes:
        yield annex.id, annex.title or ""
        for block in annex.blocks:
            if isinstance(block, Table):
                yield block.id, " ".join([*block.header, *(cell for row in block.rows for cell in row)])
            else:
                yield from _paragraphs((block,))
    yield from _paragraphs(resolution.unplaced)
    for note in resolution.footnotes:
        yield note.id, note.text


def _paragraphs(paragraphs: Iterable[Paragraph]) -> Iterator[tuple[str, str]]:
    for paragraph in paragraphs:
        yield paragraph.id, paragraph.text
        if paragraph.items:
            yield from _paragraphs(paragraph.items)


def search_page() -> GeneratedPage:
    """The search page (``search/``): results with filters, sorting and "More results"; ``?q=`` in its URL."""
    return GeneratedPage(src_uri="search.md", title="Search", template="resolutions_search.html",
                         context={"pagefind_folder": PAGEFIND_FOLDER, "symbols_folder": SYMBOLS_FOLDER})
