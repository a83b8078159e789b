"""The collection: every parsed resolution indexed by symbol, citations resolved, "cited by" and neighbours.

Built once per site build from all parsed resolutions (collect first, then link), in time linear in the
number of resolutions plus citations: one pass indexes symbols and paragraph ids, one pass resolves every
citation and records the backlink on the cited resolution. Pure core: no MkDocs, no I/O, never raises on
content (problems become ``Diagnostic``s).

``Collection.build(..., previous=...)`` exists for ``mkdocs serve``: an edit re-parses one file, and the
citations and backlinks of every resolution that is the very same object as in the previous build (and
cites no page whose object changed) are reused from it, so a rebuild resolves only what the edit touches.
The result is always equal to a build without ``previous``.

URLs produced here are site-relative directory URLs without a leading slash (``A/RES/51/148/``); the
renderer turns them into links relative to the page being rendered (``relative_href``).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from resolutions import symbols
from resolutions.parse import codes
from resolutions.parse.codes import DUPLICATE_SYMBOL
from resolutions.site.citation_targets import (
    TargetFinder,
    cited_snippet,
    find_target,
    labels_and_texts,
    paragraph_anchor,
    parts_by_base,
)
from resolutions.site.series import SeriesIndex
from resolutions.model import (
    Citation,
    Diagnostic,
    Resolution,
)


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
    series: SeriesIndex = field(default_factory=SeriesIndex.empty)
    """Series of recurring resolutions: ``series.series_of(symbol)``, ``series.previous(symbol)``, ``.next``."""

    @staticmethod
    def build(
        resolutions: Sequence[Resolution],
        resolver_base: str = "https://undocs.org/",
        *,
        previous: "Collection | None" = None,
        series: bool = True,
    ) -> "Collection":
        """Index, resolve and cross-link ``resolutions``; linear in resolutions plus citations.

        With ``previous`` (the collection of the last build), the result is equal to a build without it,
        but the citations and backlinks of every resolution that is the very same object as before, and
        whose cited pages are too, are taken from ``previous`` instead of being resolved again.
        ``series=False`` leaves out the series of recurring resolutions (``series.SeriesIndex``).
        """
        return _build(tuple(resolutions), resolver_base, previous, series)

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
        target = find_target(symbol, self.by_symbol, self.part_index)
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


def _build(
    resolutions: tuple[Resolution, ...], resolver_base: str, previous: Collection | None, with_series: bool
) -> Collection:
    by_symbol, diagnostics = _index_symbols(resolutions)
    series = SeriesIndex.empty()
    if with_series:  # an unchanged text keeps its title key from the last build (checked by identity)
        series = SeriesIndex.build(resolutions, by_symbol, previous=previous.series if previous else None)
    if previous is not None and not _reusable(previous, resolutions, by_symbol, resolver_base):
        previous = None  # the symbols or the resolver differ: any citation may now resolve elsewhere

    # What the previous build can give back: the parse of an unchanged file is the very same object, and a
    # symbol whose owning object is the same one has the same page, labels and citations.
    prev_by_source: dict[str, Resolution] = {}
    changed_symbols: set[str] = set()  # symbols whose owning file is not the previous object
    citing_changed: set[str] = set()  # symbols whose owner cited a changed symbol in the previous build
    if previous is not None:
        prev_by_source = {res.source: res for res in previous.resolutions}
        changed_symbols = {sym for sym, res in by_symbol.items() if previous.by_symbol[sym] is not res}
        citing_changed = {link.citing_symbol for sym in changed_symbols for link in previous.cited_by.get(sym, ())}
        parts = previous.part_index  # same symbols in the same order give the same index
    else:
        parts = parts_by_base(by_symbol)

    labels: dict[str, Mapping[str, str]] = {}
    texts_by_source: dict[str, dict[str, str]] = {}  # block texts, for snippets, taken in the same walk
    for res in resolutions:
        if previous is not None and prev_by_source.get(res.source) is res:
            labels[res.source] = previous.paragraph_labels[res.source]
        else:
            may_cite = bool(res.citations and res.symbol) and by_symbol.get(res.symbol) is res
            labels[res.source], texts = labels_and_texts(res, with_texts=may_cite)
            if texts is not None:
                texts_by_source[res.source] = texts

    find = TargetFinder(by_symbol, parts)
    resolved: dict[str, tuple[ResolvedCitation, ...]] = {}
    new_links: dict[str, list[Backlink]] = {}  # target symbol -> backlinks from the resolutions resolved here
    recomputed_citers: set[str] = set()  # symbols whose owner's citations were resolved here
    for res in resolutions:
        own = bool(res.symbol) and by_symbol.get(res.symbol) is res
        if previous is not None and prev_by_source.get(res.source) is res and res.symbol not in changed_symbols:
            # Same text, same page: the same citations of the same targets. Reused unless a target changed
            # (its paragraphs decide anchors). An owner citing a changed symbol left a backlink on it (it was
            # the owner then too); a file without a page left none, so its citations are looked through.
            before = previous.citations[res.source]
            if own:
                stale = res.symbol in citing_changed
            else:
                stale = bool(changed_symbols) and any(rc.target_symbol in changed_symbols for rc in before)
            if not stale:
                resolved[res.source] = before
                continue
        if own:
            recomputed_citers.add(res.symbol)
        own_url = _symbol_url(res.symbol) if own else None
        texts: dict[str, str] | None = None
        # One backlink per cited symbol and citing block. Only a symbol's owner links back, so a set per
        # file suffices (and its pairs do not outlive the file: fewer objects for the garbage collector).
        seen_backlinks: set[tuple[str, str]] = set()
        results = []
        for citation in res.citations:
            target = by_symbol.get(citation.symbol) or find(citation.symbol)  # most cite a symbol as it is
            if target is None or not target.symbol:
                href = _official_url(citation.symbol, resolver_base)
                results.append(ResolvedCitation(citation, href, False, None))
                continue
            target_url = _symbol_url(target.symbol)
            anchor = paragraph_anchor(citation.paragraph, labels[target.source]) if citation.paragraph else None
            href = target_url + f"#{anchor}" if anchor else target_url
            results.append(ResolvedCitation(citation, href, True, target.symbol))
            if own_url is None or target is res:
                continue  # a page without URL cannot be linked back to; self-references are not "cited by"
            key = (target.symbol, citation.where)
            if key in seen_backlinks:
                continue
            seen_backlinks.add(key)
            if texts is None:
                texts = texts_by_source.get(res.source) or labels_and_texts(res, with_texts=True)[1] or {}
            new_links.setdefault(target.symbol, []).append(
                Backlink(
                    citing_symbol=res.symbol or "",
                    citing_number=res.number or res.symbol or "",
                    citing_title=res.title,
                    where=citation.where,
                    where_label=labels[res.source].get(citation.where, citation.where),
                    snippet=cited_snippet(texts.get(citation.where, ""), citation.text),
                    href=own_url + f"#{citation.where}",
                    citing_kind=res.kind,
                )
            )
        resolved[res.source] = tuple(results)

    if previous is None:
        cited_by = {symbol: _ordered(links) for symbol, links in new_links.items()}
        neighbours = _neighbours(by_symbol.values())
    else:
        cited_by = _update_cited_by(previous, resolutions, by_symbol, resolved, new_links, recomputed_citers)
        if all(_neighbour_key(previous.by_symbol[sym]) == _neighbour_key(by_symbol[sym]) for sym in changed_symbols):
            neighbours = previous.neighbours  # same symbols, order, bodies, sessions and numbers
        else:
            neighbours = _neighbours(by_symbol.values())
    return Collection(
        resolutions=resolutions,
        by_symbol=by_symbol,
        citations=resolved,
        cited_by=cited_by,
        neighbours=neighbours,
        diagnostics=tuple(diagnostics),
        resolver_base=resolver_base,
        paragraph_labels=labels,
        part_index=parts,
        series=series,
    )


def own_pages(resolutions: Sequence[Resolution]) -> list[tuple[Resolution, str]]:
    """Each resolution that has a page of its own, with its URL, as ``Collection.page_url`` gives them once the
    collection is built (the first file that carries a symbol owns it): known right after parsing, before the
    citations are resolved, for work that needs only the pages (the search index)."""
    by_symbol, _ = _index_symbols(resolutions)
    return [(res, _symbol_url(res.symbol)) for res in resolutions if res.symbol and by_symbol[res.symbol] is res]


def _index_symbols(resolutions: Sequence[Resolution]) -> tuple[dict[str, Resolution], list[Diagnostic]]:
    """The owner of each symbol (the first file that carries it) and a diagnostic for every later one."""
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
                    codes.severity(DUPLICATE_SYMBOL),
                    DUPLICATE_SYMBOL,
                    f"symbol {res.symbol} is already used by {first.source}; expected one file per symbol",
                )
            )
    return by_symbol, diagnostics


def _reusable(
    previous: Collection, resolutions: Sequence[Resolution], by_symbol: Mapping[str, Resolution], resolver_base: str
) -> bool:
    """Whether every citation resolves to the same symbol as in ``previous`` (so its results can be reused).

    That holds when the resolver and the symbols, in their order (part lookups take the first match), are
    the same. Source paths must also be unique on both sides, since reuse goes by source path.
    """
    if previous.resolver_base != resolver_base or list(previous.by_symbol) != list(by_symbol):
        return False
    unique_now = len({res.source for res in resolutions}) == len(resolutions)
    unique_before = len(previous.paragraph_labels) == len(previous.resolutions)  # keyed by source path
    return unique_now and unique_before


def _update_cited_by(
    previous: Collection,
    resolutions: Sequence[Resolution],
    by_symbol: Mapping[str, Resolution],
    resolved: Mapping[str, tuple[ResolvedCitation, ...]],
    new_links: Mapping[str, list[Backlink]],
    recomputed_citers: set[str],
) -> dict[str, tuple[Backlink, ...]]:
    """``previous.cited_by`` with the backlinks of the re-resolved citing resolutions replaced.

    A symbol's backlinks all come from its owner, so dropping the previous backlinks by citing symbol and
    adding the new ones gives what a full build gives. Entries no re-resolved resolution cites, or cited
    before, stay the very same tuples.
    """
    touched: set[str] = set(new_links)
    for sym in recomputed_citers:
        before = previous.by_symbol[sym]
        touched.update(rc.target_symbol for rc in previous.citations.get(before.source, ()) if rc.internal)
    touched.discard(None)  # type: ignore[arg-type]
    updated: dict[str, tuple[Backlink, ...]] = {}
    for target in touched:
        links = [b for b in previous.cited_by.get(target, ()) if b.citing_symbol not in recomputed_citers]
        links.extend(new_links.get(target, ()))
        if links:
            updated[target] = _ordered(links)
    # A full build inserts each cited symbol where its first backlink is found: keep that order. It is the
    # previous one when the files come in the same order and every touched symbol is first cited where it
    # was (the others have the same citing files, unchanged, at the same places); else walk the citations.
    old = previous.cited_by
    if _same_first_citations(previous, resolutions, by_symbol, resolved, updated, touched):
        return {target: updated[target] if target in touched else links for target, links in old.items()}
    cited_by: dict[str, tuple[Backlink, ...]] = {}
    for res in resolutions:
        sym = res.symbol
        if not sym or by_symbol.get(sym) is not res:
            continue
        for rc in resolved[res.source]:
            target = rc.target_symbol
            if target is None or target == sym or target in cited_by:
                continue
            links = updated.get(target) if target in touched else old.get(target)
            if links:
                cited_by[target] = links
    return cited_by


def _same_first_citations(
    previous: Collection,
    resolutions: Sequence[Resolution],
    by_symbol: Mapping[str, Resolution],
    resolved: Mapping[str, tuple[ResolvedCitation, ...]],
    updated: Mapping[str, tuple[Backlink, ...]],
    touched: set[str],
) -> bool:
    """Whether the files are in the previous order and each touched symbol is cited, first at the same place,
    in both builds or in neither."""
    if len(resolutions) != len(previous.resolutions):
        return False
    if any(res.source != was.source for res, was in zip(resolutions, previous.resolutions)):
        return False
    index = {res.source: i for i, res in enumerate(resolutions)}
    for target in touched:
        before, after = previous.cited_by.get(target), updated.get(target)
        if not before or not after:
            if before or after:
                return False
            continue
        was = _first_citation(target, before, previous.by_symbol, previous.citations, index)
        if was != _first_citation(target, after, by_symbol, resolved, index):
            return False
    return True


def _first_citation(
    target: str,
    links: Iterable[Backlink],
    by_symbol: Mapping[str, Resolution],
    citations: Mapping[str, tuple[ResolvedCitation, ...]],
    index: Mapping[str, int],
) -> tuple[int, int]:
    """(file index, citation index) of the first backlink to ``target``, as a full build meets them."""
    first, source = min((index[owner.source], owner.source) for owner in (by_symbol[l.citing_symbol] for l in links))
    place = next(i for i, rc in enumerate(citations[source]) if rc.target_symbol == target)
    return first, place


def _ordered(links: Iterable[Backlink]) -> tuple[Backlink, ...]:
    return tuple(sorted(links, key=lambda b: (_natural_key(b.citing_symbol), _natural_key(b.where))))


def _neighbour_key(res: Resolution) -> tuple:
    return (res.symbol, res.body, res.kind, res.session, res.number)


@lru_cache(maxsize=65536)
def _symbol_url(symbol: str) -> str:
    # symbol_path is a careful (regex) sanitiser; a page URL is asked for once per citation and per link.
    return symbols.symbol_path(symbol) + "/"


@lru_cache(maxsize=65536)
def _official_url(symbol: str, base: str) -> str:
    # Many texts cite the same few documents; normalising the symbol again each time is wasted work.
    return symbols.official_url(symbol, base)


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


@lru_cache(maxsize=65536)
def _natural_key(text: str) -> tuple:
    """Sort key comparing digit runs as numbers: ``51/9`` before ``51/10``."""
    return tuple((0, int(chunk), "") if chunk.isdigit() else (1, 0, chunk) for chunk in re.findall(r"\d+|\D+", text))
