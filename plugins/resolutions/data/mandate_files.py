"""``mandates.json`` and ``mandates.csv``: every mandate of the collection, one record or row each.

Pure core: ``GeneratedFile`` values with deferred contents, from the registry's entries (site/mandates.py), so
the files and the pages agree. Deterministic (collection order, no clock). Documented in docs/datasets.md.

A large collection has about nine mandates a resolution (180,000 at 20,000 resolutions), so each record is
written straight from its values, the way ``json_text`` writes a model: no dict per record, and what a
resolution's mandates share (its symbol, body, session, adoption date) encoded once per resolution.
"""

from __future__ import annotations

from functools import partial
from itertools import islice
from json.encoder import encode_basestring
from typing import Callable, Iterator, Sequence

from resolutions.data.published import absolute_url, compact, header
from resolutions.data.spreadsheet import csv_chunks
from resolutions.model import Resolution
from resolutions.site.mandates import MandateEntry, due_year
from resolutions.site.site_plan import GeneratedFile
from resolutions.site.views import body_of

MANDATES_JSON = "mandates.json"
MANDATES_CSV = "mandates.csv"
CSV_COLUMNS = (
    "symbol", "body", "session", "adopted", "paragraph", "verb", "actor", "action", "due_session", "due_body",
    "due_date", "due_year", "recurrence", "due_text", "document", "text", "url",
)
"""Columns of ``mandates.csv``, in order (``text``: the paragraph's beginning, as on the registry pages;
``due_body``: another body whose session ``due_session`` is, empty for the issuing body's own, as in each
resolution's JSON)."""

# One record of mandates.json: the text json.dumps writes for the dict of these keys, in this order (compact,
# characters outside ASCII kept). tests/test_mandate_registry.py compares the two.
_JSON_RECORD = ('{"symbol":%s,"body":%s,"session":%s,"adopted":%s,"paragraph":%s,"line":%d,"verb":%s,"actor":%s,'
                '"action":%s,"due_session":%s,"due_body":%s,"due_date":%s,"due_year":%s,"recurrence":%s,"due_text":%s,'
                '"document":%s,"text":%s,"url":%s}')
_str = encode_basestring
_CHUNK = 500
"""Records joined into one chunk of mandates.json: one encoding and one write call for many small records."""


def _opt(value: str | None) -> str:
    return "null" if value is None else _str(value)


def mandate_files(entries: Sequence[MandateEntry], site_url: str | None) -> list[GeneratedFile]:
    return [GeneratedFile(MANDATES_JSON, partial(mandates_json_chunks, entries, site_url)),
            GeneratedFile(MANDATES_CSV, partial(mandates_csv, entries, site_url))]


def _resolution_cells(res: Resolution) -> tuple:
    """What every mandate of ``res`` says of it: symbol, body, session, adoption date."""
    return (res.symbol, body_of(res), res.session, res.adopted)


def _encoded_cells(res: Resolution) -> tuple[str, ...]:
    return tuple(map(_opt, _resolution_cells(res)))


def _with_cells(entries: Sequence[MandateEntry], cells_of: Callable[[Resolution], tuple]
                ) -> Iterator[tuple[tuple, MandateEntry]]:
    """Each entry with ``cells_of`` its resolution, made once per resolution (entries come resolution by
    resolution)."""
    res, cells = None, ()
    for entry in entries:
        if entry.res is not res:
            res, cells = entry.res, cells_of(entry.res)
        yield cells, entry


def _json_record(cells: tuple[str, ...], entry: MandateEntry, site_url: str | None) -> str:
    m = entry.mandate
    return _JSON_RECORD % (
        *cells, _str(m.paragraph), m.line, _str(m.verb), _str(m.actor), _str(m.action), _opt(m.due_session),
        _opt(m.due_body), _opt(m.due_date), _opt(due_year(m)), _opt(m.recurrence), _opt(m.due_text),
        _opt(m.document), _str(entry.quote), _str(absolute_url(site_url, entry.href)))


def mandates_json_chunks(entries: Sequence[MandateEntry], site_url: str | None) -> Iterator[str]:
    """``{"generator", "notice", "count", "mandates": [...]}``, in chunks of ``_CHUNK`` records."""
    head = compact(header(len(entries)))
    records = (_json_record(cells, entry, site_url) for cells, entry in _with_cells(entries, _encoded_cells))
    separator = f'{head[:-1]},"mandates":['
    while chunk := list(islice(records, _CHUNK)):
        yield separator + ",".join(chunk)
        separator = ","
    yield ("" if entries else separator) + "]}\n"


def mandates_csv(entries: Sequence[MandateEntry], site_url: str | None) -> Iterator[str]:
    """One row per mandate (``CSV_COLUMNS``), through the one spreadsheet guard of every published CSV, in
    chunks."""
    return csv_chunks(CSV_COLUMNS, (
        (*cells, m.paragraph, m.verb, m.actor, m.action, m.due_session, m.due_body, m.due_date, due_year(m),
         m.recurrence, m.due_text, m.document, entry.quote, absolute_url(site_url, entry.href))
        for cells, entry in _with_cells(entries, _resolution_cells) for m in (entry.mandate,)))
