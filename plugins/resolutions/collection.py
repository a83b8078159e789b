"""The collection: every parsed resolution indexed by symbol, citations resolved, "cited by" and neighbours.

Built once per site build from all parsed resolutions (collect first, then link), in time linear in the
number of resolutions plus citations: one pass indexes symbols and paragraph ids, one pass resolves every
citation and records the backlink on the cited resolution. Pure core: no MkDocs, no I/O, never raises on
content (problems become ``Diagnostic``s).

URLs produced here are site-relative directory URLs without a leading slash (``A/RES/51/148/``); the
renderer turns them into links relative to the page being rendered (``relative_href``).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping, Sequence

from resolutions import symbols
from resolutions.model import (
    ERROR,
    Citation,
    Diagnostic,
    Paragraph,
    Resolution,
    Table,
)

DUPLICATE_SYMBOL = "COL001"
"""Two source files carry the same symbol: only the first gets the symbol's URL."""

SNIPPET_CHARS = 160
"""Length of the text shown around a citation in a "Cited by" entry."""

# A trailing part specification after the number: "A/RES/54/237 C", "A/RES/77/264 A-C", "E/RES/2021/2 B".
_PART_SUFFIX = re.compile(r"^(?P<base>.*\d)\s+(?P<parts>[A-Z](?:\s*-\s*[A-Z])?)$")


@dataclass(frozen=True)
class ResolvedCitation:
    """A citation of the text with the place it links to."""

    citation: Citation
    """The citation as the parser found it."""
    href: str
    """Site-relative URL (``A/RES/47/4/#para-3``) when ``internal``, else the resolver's absolute URL."""
    internal: bool
    """True when the cited document is a page of this collection."""
    target_symbol: str | None
    """Symbol of the resolution page it links to, when internal."""


@dataclass(frozen=True)
class Backlink:
    """One place where a resolution of the collection cites another one."""

    citing_symbol: str
    """Symbol of the citing resolution."""
    citing_number: str
    """Printed number of the citing resolution (``"52/180"``), or its symbol when none is printed."""
    citing_title: str
    """Title of the citing resolution."""
    where: str
    """Anchor of the citing block: ``pp-1``, ``para-5-a``, ``fn-1``, ``proponent``."""
    where_label: str
    """The printed paragraph reference for a reader: ``para. 5 (a)``, ``preamble, para. 1``, ``footnote 1``."""
    snippet: str
    """Plain text around the citation (not escaped: the renderer escapes it)."""
    href: str
    """Site-relative URL of the citing paragraph (``A/RES/52/180/#pp-1``)."""
    citing_kind: str = "resolution"
    """``"resolution"`` or ``"decision"``: how the citing document is named to a reader."""


@dataclass(frozen=True)
class Neighbours:
    """The previous and next resolution of the same body, kind and session, by number."""

    previous: str | None = None
    """Symbol of the previous resolution, if any."""
    next: str | None = None
    """Symbol of the next resolution, if any."""


@dataclass(frozen=True)
class Collection:
    """All resolutions of a site and the links between them. Build it with ``Collection.build``."""

    resolutions: tuple[Resolution, ...]
    """Every parsed resolution, in the order given."""
    by_symbol: Mapping[str, Resolution]
    """The resolution that owns each symbol (the first file when a symbol is duplicated)."""
    citations: Mapping[str, tuple[ResolvedCitation, ...]]
    """Resolved citations of each resolution, keyed by its ``source`` path, in document order."""
    cited_by: Mapping[str, tuple[Backlink, ...]]
    """For each symbol of the collection, the places that cite it, ordered by citing symbol."""
    neighbours: Mapping[str, Neighbours]
    """Previous and next resolution of each symbol."""
    diagnostics: tuple[Diagnostic, ...]
    """Problems found across files (duplicate symbols); the per-file ones stay on each resolution."""
    resolver_base: str = "https://undocs.org/"
    """Base URL of the official document resolver, for symbols outside the collection."""
    paragraph_labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """For each source path, anchor id -> printed reference (``para-5-a`` -> ``para. 5 (a)``)."""
    part_index: Mapping[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Base symbol -> [(part specification, symbol)] of the symbols with parts, for part lookups."""

    @staticmethod
    def build(resolutions: Sequence[Resolution], resolver_base: str = "https://undocs.org/") -> "Collection":
        """Index, resolve and cross-link ``resolutions``; linear in resolutions plus citations."""
        return _build(tuple(resolutions), resolver_base)

    def url_for(self, symbol: str) -> str:
        """Site-relative directory URL of a symbol's page (``A/RES/51/148/``), whether or not it is here."""
        return _symbol_url(symbol)

    def page_url(self, resolution: Resolution) -> str | None:
        """URL of a resolution's own page, or None when it has no symbol or lost its symbol to a duplicate."""
        if resolution.symbol and self.by_symbol.get(resolution.symbol) is resolution:
            return self.url_for(resolution.symbol)
        return None

    def official_url(self, symbol: str) -> str:
        """Link to the official text of ``symbol`` at the configured resolver."""
        return _official_url(symbol, self.resolver_base)

    def link_for_symbol(self, symbol: str) -> tuple[str, bool]:
        """Where a mention of a document symbol should link: (href, internal)."""
        target = _find_target(symbol, self.by_symbol, self.part_index)
        if target is not None and target.symbol:
            return _symbol_url(target.symbol), True
        return self.official_url(symbol), False

    def resolved(self, resolution: Resolution) -> tuple[ResolvedCitation, ...]:
        """Resolved citations of one resolution (empty when it was not part of the build)."""
        return self.citations.get(resolution.source, ())


def relative_href(from_url: str, to_url: str) -> str:
    """Link from the page at site-relative ``from_url`` to ``to_url`` (absolute URLs pass through).

    Both are directory URLs as produced by ``Collection.url_for``; a fragment is kept.
    """
    if "://" in to_url or to_url.startswith(("mailto:", "#")):
        return to_url
    target, _, fragment = to_url.partition("#")
    base_dir = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    relative = posixpath.relpath(target or ".", base_dir or ".")
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    if relative == "./":
        relative = "./"
    return relative + ("#" + fragment if fragment else "")


# --- building --------------------------------------------------------------------------------------------


def _build(resolutions: tuple[Resolution, ...], resolver_base: str) -> Collection:
    by_symbol: dict[str, Resolution] = {}
    diagnostics: list[Diagnostic] = []
    for res in resolutions:
        if not res.symbol:
            continue  # the parser has already reported the missing symbol
        first = by_symbol.get(res.symbol)
        if first is None:
            by_symbol[res.symbol] = res
        else:
            diagnostics.append(
                Diagnostic(
                    res.source,
                    res.line,
                    ERROR,
                    DUPLICATE_SYMBOL,
                    f"symbol {res.symbol} is already used by {first.source}; expected one file per symbol",
                )
            )

    labels = {res.source: dict(_paragraph_labels(res)) for res in resolutions}
    parts = _part_index(by_symbol)
    blocks_by_source = {res.source: dict(_blocks_with_text(res)) for res in resolutions}

    resolved: dict[str, tuple[ResolvedCitation, ...]] = {}
    cited_by: dict[str, list[Backlink]] = {}
    seen_backlinks: set[tuple[str, str, str]] = set()
    for res in resolutions:
        own_url = _symbol_url(res.symbol) if res.symbol and by_symbol.get(res.symbol) is res else None
        results = []
        for citation in res.citations:
            target = _find_target(citation.symbol, by_symbol, parts)
            if target is None or not target.symbol:
                href = _official_url(citation.symbol, resolver_base)
                results.append(ResolvedCitation(citation, href, False, None))
                continue
            target_url = _symbol_url(target.symbol)
            anchor = _paragraph_anchor(citation.paragraph, labels[target.source])
            href = target_url + (f"#{anchor}" if anchor else "")
            results.append(ResolvedCitation(citation, href, True, target.symbol))
            if own_url is None or target is res:
                continue  # a page without URL cannot be linked back to; self-references are not "cited by"
            key = (target.symbol, res.symbol or "", citation.where)
            if key in seen_backlinks:
                continue
            seen_backlinks.add(key)
            block_text = blocks_by_source[res.source].get(citation.where, "")
            cited_by.setdefault(target.symbol, []).append(
                Backlink(
                    citing_symbol=res.symbol or "",
                    citing_number=res.number or res.symbol or "",
                    citing_title=res.title,
                    where=citation.where,
                    where_label=labels[res.source].get(citation.where, citation.where),
                    snippet=_snippet(block_text, citation.text),
                    href=own_url + f"#{citation.where}",
                    citing_kind=res.kind,
                )
            )
        resolved[res.source] = tuple(results)

    ordered_cited_by = {
        symbol: tuple(sorted(links, key=lambda b: (_natural_key(b.citing_symbol), _natural_key(b.where))))
        for symbol, links in cited_by.items()
    }
    return Collection(
        resolutions=resolutions,
        by_symbol=by_symbol,
        citations=resolved,
        cited_by=ordered_cited_by,
        neighbours=_neighbours(by_symbol.values()),
        diagnostics=tuple(diagnostics),
        resolver_base=resolver_base,
        paragraph_labels=labels,
        part_index=parts,
    )


@lru_cache(maxsize=65536)
def _symbol_url(symbol: str) -> str:
    # symbol_path is a careful (regex) sanitiser; a page URL is asked for once per citation and per link.
    return symbols.symbol_path(symbol) + "/"


@lru_cache(maxsize=65536)
def _official_url(symbol: str, base: str) -> str:
    # Many texts cite the same few documents; normalising the symbol again each time is wasted work.
    return symbols.official_url(symbol, base)


def _part_index(by_symbol: Mapping[str, Resolution]) -> dict[str, list[tuple[str, str]]]:
    """Base symbol -> [(part specification, symbol)] for symbols with a part (``A/RES/54/237 A-D``)."""
    index: dict[str, list[tuple[str, str]]] = {}
    for symbol in by_symbol:
        match = _PART_SUFFIX.match(symbol)
        if match:
            index.setdefault(match["base"], []).append((match["parts"].replace(" ", ""), symbol))
    return index


def _find_target(
    symbol: str, by_symbol: Mapping[str, Resolution], parts: Mapping[str, list[tuple[str, str]]]
) -> Resolution | None:
    """The resolution a cited symbol designates: itself, else the file holding its part, else its base."""
    exact = by_symbol.get(symbol)
    if exact is not None:
        return exact
    match = _PART_SUFFIX.match(symbol)
    base = match["base"] if match else symbol
    wanted = match["parts"].replace(" ", "") if match else None
    for spec, candidate in parts.get(base, ()):
        if wanted is None or _part_covers(spec, wanted):
            return by_symbol[candidate]
    return by_symbol.get(base)


def _part_covers(spec: str, wanted: str) -> bool:
    """Whether a file's part spec (``A-D`` or ``B``) includes the cited part(s) (``C`` or ``A-C``)."""
    low, _, high = spec.partition("-")
    high = high or low
    want_low, _, want_high = wanted.partition("-")
    want_high = want_high or want_low
    return low <= want_low and want_high <= high


def _paragraph_anchor(cited: str | None, ids: Mapping[str, str]) -> str | None:
    """Anchor of a cited paragraph ("3", "III.3", "5 (a)") when the target has it."""
    if not cited:
        return None
    section, _, number = cited.rpartition(".")
    number_parts = re.findall(r"[0-9]+|[a-z]+", number.lower())
    if not number_parts:
        return None
    anchor = "para-" + "-".join(number_parts)
    if section:
        anchor = f"sec-{section.strip().lower()}-{anchor}"
    return anchor if anchor in ids else None


def _neighbours(resolutions: Iterable[Resolution]) -> dict[str, Neighbours]:
    groups: dict[tuple[str, str, str], list[Resolution]] = {}
    for res in resolutions:
        if res.symbol:
            groups.setdefault((res.body or "", res.kind, res.session or ""), []).append(res)
    result: dict[str, Neighbours] = {}
    for members in groups.values():
        members.sort(key=lambda r: _natural_key(r.number or r.symbol or ""))
        for index, res in enumerate(members):
            previous = members[index - 1].symbol if index > 0 else None
            following = members[index + 1].symbol if index + 1 < len(members) else None
            result[res.symbol or ""] = Neighbours(previous, following)
    return result


def _natural_key(text: str) -> tuple:
    """Sort key comparing digit runs as numbers: ``51/9`` before ``51/10``."""
    return tuple((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk) for chunk in re.findall(r"\d+|\D+", text))


def _snippet(text: str, cited: str) -> str:
    """About SNIPPET_CHARS of ``text`` centred on the cited words, cut at word boundaries."""
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    at = text.find(cited) if cited else -1
    at = max(at, 0)
    start = max(0, at - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    return ("… " if start > 0 else "") + text[start:end] + (" …" if end < len(text) else "")


# --- walking the model ---------------------------------------------------------------------------------


def iter_paragraphs(res: Resolution) -> Iterator[tuple[Paragraph, str]]:
    """Every paragraph of a resolution (nested items included) with its printed reference label."""
    yield from _walk(res.preamble, "")
    yield from _walk(res.operative, "")
    for section in res.sections:
        yield from _walk(section.preamble, f"section {section.label}, ")
        yield from _walk(section.operative, f"section {section.label}, ")
    for part in res.parts:
        yield from _walk(part.preamble, f"{part.label}, ")
        yield from _walk(part.operative, f"{part.label}, ")
        for section in part.sections:
            yield from _walk(section.preamble, f"{part.label}, section {section.label}, ")
            yield from _walk(section.operative, f"{part.label}, section {section.label}, ")
    for annex in res.annexes:
        yield from _walk([b for b in annex.blocks if isinstance(b, Paragraph)], f"{annex.label}, ")
    yield from _walk(res.unplaced, "")


def _walk(paragraphs: Iterable[Paragraph], prefix: str, parent_number: str = "") -> Iterator[tuple[Paragraph, str]]:
    for para in paragraphs:
        if para.kind == "preamble":
            label = f"{prefix}preamble, para. {para.number}" if para.number else f"{prefix}preamble"
            number = para.number or ""
        elif para.number:
            number = f"{parent_number} ({para.number})" if parent_number else para.number
            label = f"{prefix}para. {number}"
        else:
            number = parent_number
            label = f"{prefix}unnumbered paragraph" if not parent_number else f"{prefix}para. {parent_number}"
        yield para, label
        yield from _walk(para.items, prefix, number)


def _paragraph_labels(res: Resolution) -> Iterator[tuple[str, str]]:
    for para, label in iter_paragraphs(res):
        yield para.id, label
    for note in res.footnotes:
        yield note.id, f"footnote {note.mark}"
    yield "proponent", "proponent line"


def _blocks_with_text(res: Resolution) -> Iterator[tuple[str, str]]:
    for para, _label in iter_paragraphs(res):
        yield para.id, para.text
    for note in res.footnotes:
        yield note.id, note.text
    if res.proponent:
        yield "proponent", res.proponent


def annex_tables(res: Resolution) -> Iterator[Table]:
    """The tables of a resolution's annexes, in order."""
    for annex in res.annexes:
        for block in annex.blocks:
            if isinstance(block, Table):
                yield block
