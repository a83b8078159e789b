"""Machine-readable twins of a collection: ``resolutions.json``, ``resolutions.csv``, ``feed.xml`` and one
``index.json`` beside every resolution page.

Pure core: describes the files as ``GeneratedFile`` values whose contents are deferred (produced, and
``resolutions.json`` streamed in pieces, only when the adapter writes them into the site folder).
The per-resolution model is ``export.resolution_to_dict`` (the contract of ``resolutions parse --json``), written
compactly by ``json_text.compact_json``; the citation graph is the one ``collection.Collection`` resolves for the
pages, so data and pages agree.
Output is deterministic (no clock, stable order), so two builds of the same content give the same bytes.
The formats are documented in ``docs/datasets.md``.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator, Sequence
from urllib.parse import quote
from xml.etree import ElementTree as ET

from resolutions import __version__
from resolutions.data.json_text import compact_json
from resolutions.data.published import absolute_url, compact, header
from resolutions.data.spreadsheet import csv_text
from resolutions.data.series_data import series_members, with_series
from resolutions.model import Resolution
from resolutions.site.site_plan import GeneratedFile, GeneratedTogether
from resolutions.site.views import UNOFFICIAL_NOTICE, body_of, meeting_label, meeting_record

COLLECTION_JSON = "resolutions.json"
COLLECTION_CSV = "resolutions.csv"
FEED = "feed.xml"
RESOLUTION_JSON = "index.json"
FEED_ENTRIES = 50
"""How many of the most recently adopted resolutions the Atom feed lists."""

CSV_COLUMNS = (
    "symbol", "kind", "body", "session", "number", "title", "agenda_items", "issued", "adopted",
    "meeting", "meeting_date", "meeting_record", "vote", "in_favour", "against", "abstaining", "url",
)
"""Columns of ``resolutions.csv``, in order."""

ATOM_NS = "http://www.w3.org/2005/Atom"
OFFICIAL_RESOLVER = "https://undocs.org/"

UrlFor = Callable[[str], str]


def site_files(
    resolutions: Sequence[Resolution],
    url_for: UrlFor,
    site_url: str | None = None,
    collection=None,
    together: bool = False,
) -> list[GeneratedFile | GeneratedTogether]:
    """Every data file of the site.

    ``url_for`` maps a resolution's symbol to its site-relative page URL (``A/RES/51/148/``); ``site_url`` is
    the published address (MkDocs ``site_url``) used for absolute links in the feed and JSON, may be empty.
    ``collection`` is an already built ``collection.Collection`` of the same resolutions (built here when None).
    With ``together``, each resolution's ``index.json`` and ``resolutions.json`` come as one ``GeneratedTogether``
    (what a build writes: each model encoded once for both), else as one ``GeneratedFile`` each.
    """
    if collection is None:
        from resolutions.site.collection import Collection  # imported late: only needed when the caller has none

        collection = Collection.build(resolutions)
    pages = _pages(resolutions, url_for, collection)
    # Every content is deferred (site_plan): produced when the adapter writes the file, dropped right after, so
    # no model's JSON is held from the plan to the end of the build (~0.9 GB at 20,000 resolutions).
    models = GeneratedTogether(
        GeneratedFile(COLLECTION_JSON, partial(collection_json_chunks, pages, collection, site_url)),
        tuple(GeneratedFile(f"{url}{RESOLUTION_JSON}", partial(resolution_json, res, collection)) for res, url in pages),
        partial(_models_in_one_pass, pages, collection, site_url),
    )
    return [
        *((models,) if together else models.files),
        GeneratedFile(COLLECTION_CSV, partial(collection_csv, pages, site_url)),
        GeneratedFile(FEED, partial(atom_feed, pages, site_url)),
    ]


def _pages(resolutions: Sequence[Resolution], url_for: UrlFor, collection) -> list[tuple[Resolution, str]]:
    """(resolution, site-relative page URL) for each resolution that has a page, in the given order.

    A resolution without a symbol, or whose symbol another file took first, has no page; a URL that would leave
    the site folder (``..``) or is absolute is refused here as well as by the adapter.
    """
    result = []
    for res in resolutions:
        if not res.symbol or collection.by_symbol.get(res.symbol) is not res:
            continue
        url = url_for(res.symbol).lstrip("/")
        if "://" in url or ".." in url.split("/") or not url.endswith("/"):
            continue
        result.append((res, url))
    return result


def resolution_json(res: Resolution, collection=None) -> str:
    """``index.json`` of one resolution: the JSON of ``resolutions parse --json`` (``export.resolution_to_dict``),
    written compactly (``json_text.compact_json``), with its ``series``, ``previous`` and ``next`` editions when a
    ``collection`` is given (``series_data``)."""
    if collection is None:
        return compact_json(res) + "\n"
    return _index_json(compact_json(res), series_members(collection, res.symbol))


def _index_json(model_text: str, members: str) -> str:
    """``index.json`` from a model already encoded and its series members."""
    return with_series(model_text, members) + "\n"


def collection_json_chunks(
    pages: Sequence[tuple[Resolution, str]], collection, site_url: str | None
) -> Iterator[str]:
    """``resolutions.json`` in pieces, one per resolution (so it is never held whole: ~440 MB at 20,000): each
    resolution's model with its page URL, and the resolved citation graph.

    ``citations`` lists one edge per citing block and cited resolution of the collection (a resolution citing
    another twice in one paragraph gives one edge); citations of documents outside the collection stay in each
    resolution's own ``citations``.
    """
    yield _collection_head(pages)
    for index, (res, url) in enumerate(pages):
        yield _collection_entry(index, url, compact_json(res), series_members(collection, res.symbol), site_url)
    yield _collection_tail(pages, collection)


def _models_in_one_pass(
    pages: Sequence[tuple[Resolution, str]], collection, site_url: str | None
) -> Iterator[str | GeneratedFile]:
    """``resolutions.json`` in pieces as ``collection_json_chunks``, each resolution's ``index.json`` (ready)
    before its entry: the model and its series are encoded once for both, and no text is kept
    beyond its resolution (keeping them from one file to the other would hold ~440 MB at 20,000)."""
    yield _collection_head(pages)
    for index, (res, url) in enumerate(pages):
        text, members = compact_json(res), series_members(collection, res.symbol)
        yield GeneratedFile(f"{url}{RESOLUTION_JSON}", _index_json(text, members))
        yield _collection_entry(index, url, text, members, site_url)
    yield _collection_tail(pages, collection)


# resolutions.json is one JSON object assembled from encoded pieces:
# {"generator", "notice", "count", "resolutions": [{"url", "json", "series", "previous", "next", "resolution"}],
#  "citations": [...]}.


def _collection_head(pages: Sequence[tuple[Resolution, str]]) -> str:
    return f'{compact(header(len(pages)))[:-1]},"resolutions":['


def _collection_entry(index: int, url: str, model_text: str, members: str, site_url: str | None) -> str:
    return '%s{"url":%s,"json":%s,%s,"resolution":%s}' % (
        "," if index else "",
        compact(absolute_url(site_url, url)),
        compact(absolute_url(site_url, url + RESOLUTION_JSON)),
        members,
        model_text,
    )


def _collection_tail(pages: Sequence[tuple[Resolution, str]], collection) -> str:
    return f'],"citations":{compact(_citation_edges(pages, collection))}}}\n'


def _citation_edges(pages: Sequence[tuple[Resolution, str]], collection) -> list[dict]:
    edges = []
    for res, _url in pages:
        seen: set[tuple[str, str, str | None]] = set()
        for resolved in collection.resolved(res):
            if not resolved.internal or not resolved.target_symbol:
                continue
            key = (resolved.target_symbol, resolved.citation.where, resolved.citation.paragraph)
            if key in seen:
                continue
            seen.add(key)
            edges.append(
                {
                    "from": res.symbol,
                    "to": resolved.target_symbol,
                    "where": resolved.citation.where,
                    "paragraph": resolved.citation.paragraph,
                    "text": resolved.citation.text,
                    "href": resolved.href,
                }
            )
    return edges


def collection_csv(pages: Sequence[tuple[Resolution, str]], site_url: str | None) -> str:
    """One row per resolution (``CSV_COLUMNS``), RFC 4180 quoting, agenda items joined with ``; ``; every cell
    through the spreadsheet guard (``spreadsheet.csv_text``)."""
    return csv_text(CSV_COLUMNS, (_csv_row(res, url, site_url) for res, url in pages))


def _csv_row(res: Resolution, url: str, site_url: str | None) -> list[object]:
    meeting = res.meeting
    vote = res.vote
    return [
        res.symbol,
        res.kind,
        body_of(res),
        res.session,
        res.number,
        res.title,
        "; ".join(item.number for item in res.agenda_items),
        res.issued,
        res.adopted,
        meeting_label(meeting) if meeting else None,
        meeting.date if meeting else None,
        meeting_record(res, meeting) if meeting else None,
        vote.outcome if vote else None,
        vote.in_favour if vote else None,
        vote.against if vote else None,
        vote.abstaining if vote else None,
        absolute_url(site_url, url),
    ]


def _feed_order(pages: Sequence[tuple[Resolution, str]]) -> list[tuple[Resolution, str]]:
    """Most recently adopted first (adoption date, else issue date), then by symbol for a stable order."""
    dated = [(res, url) for res, url in pages if res.adopted or res.issued]
    dated.sort(key=lambda pair: pair[0].symbol or "")
    dated.sort(key=lambda pair: pair[0].adopted or pair[0].issued or "", reverse=True)
    return dated


def atom_feed(pages: Sequence[tuple[Resolution, str]], site_url: str | None, limit: int = FEED_ENTRIES) -> str:
    """An Atom 1.0 feed (RFC 4287) of the ``limit`` most recently adopted resolutions.

    Entry ids are the official resolver's URL of the symbol (stable wherever the site is published); ``updated``
    is the adoption date. Links are absolute when ``site_url`` is set, else relative to the feed.
    """
    ET.register_namespace("", ATOM_NS)
    recent = _feed_order(pages)[:limit]

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", attributes)
        if text is not None:
            element.text = text
        return element

    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    sub(feed, "id", absolute_url(site_url, FEED) if site_url else "urn:mkdocs-resolutions:feed")
    sub(feed, "title", "Recently adopted resolutions")
    sub(feed, "subtitle", UNOFFICIAL_NOTICE)
    newest = max((_timestamp(res) for res, _ in recent), default="1970-01-01T00:00:00Z")
    sub(feed, "updated", newest)
    author = sub(feed, "author")
    sub(author, "name", "United Nations (unofficial copies)")
    sub(feed, "rights", UNOFFICIAL_NOTICE)
    sub(feed, "generator", "mkdocs-resolutions", version=__version__)
    sub(feed, "link", rel="self", href=absolute_url(site_url, FEED), type="application/atom+xml")
    if site_url:
        sub(feed, "link", rel="alternate", href=site_url.rstrip("/") + "/", type="text/html")
    for res, url in recent:
        entry = sub(feed, "entry")
        sub(entry, "id", OFFICIAL_RESOLVER + quote(res.symbol or "", safe="/()"))
        sub(entry, "title", f"{res.number or res.symbol}. {res.title}".strip() if res.title else (res.number or res.symbol or ""))
        sub(entry, "updated", _timestamp(res))
        sub(entry, "link", rel="alternate", href=absolute_url(site_url, url), type="text/html")
        sub(entry, "link", rel="alternate", href=absolute_url(site_url, url + RESOLUTION_JSON), type="application/json")
        sub(entry, "summary", _summary(res))
        sub(entry, "category", term=body_of(res) or "unknown")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _timestamp(res: Resolution) -> str:
    date = res.adopted or res.issued or "1970-01-01"
    return f"{date}T00:00:00Z" if len(date) == 10 else "1970-01-01T00:00:00Z"


def _summary(res: Resolution) -> str:
    parts = [res.symbol or ""]
    body = body_of(res)
    if body:
        parts.append(f"adopted by the {body}" + (f" on {res.adopted}" if res.adopted else ""))
    if res.vote:
        parts.append(res.vote.outcome)
    return ", ".join(p for p in parts if p) + "."
