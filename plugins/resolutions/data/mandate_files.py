"""``mandates.json`` and ``mandates.csv``: every mandate of the collection, one record or row each.

Pure core: ``GeneratedFile`` values with deferred contents, from the registry's entries (site/mandates.py), so
the files and the pages agree. Deterministic (collection order, no clock). Documented in docs/datasets.md.
"""

from __future__ import annotations

from functools import partial
from typing import Iterator, Sequence

from resolutions.data.published import absolute_url, compact, header
from resolutions.data.spreadsheet import csv_text
from resolutions.site.mandates import MandateEntry, due_year
from resolutions.site.site_plan import GeneratedFile
from resolutions.site.views import body_of

MANDATES_JSON = "mandates.json"
MANDATES_CSV = "mandates.csv"
CSV_COLUMNS = (
    "symbol", "body", "session", "adopted", "paragraph", "verb", "actor", "action", "due_session", "due_date",
    "due_year", "recurrence", "due_text", "document", "text", "url",
)
"""Columns of ``mandates.csv``, in order (``text``: the paragraph's beginning, as on the registry pages)."""


def mandate_files(entries: Sequence[MandateEntry], site_url: str | None) -> list[GeneratedFile]:
    return [GeneratedFile(MANDATES_JSON, partial(mandates_json_chunks, entries, site_url)),
            GeneratedFile(MANDATES_CSV, partial(mandates_csv, entries, site_url))]


def _record(entry: MandateEntry, site_url: str | None) -> dict:
    m, res = entry.mandate, entry.res
    return {
        "symbol": res.symbol, "body": body_of(res), "session": res.session, "adopted": res.adopted,
        "paragraph": m.paragraph, "line": m.line, "verb": m.verb, "actor": m.actor, "action": m.action,
        "due_session": m.due_session, "due_date": m.due_date, "due_year": due_year(m), "recurrence": m.recurrence,
        "due_text": m.due_text, "document": m.document, "text": entry.quote, "url": absolute_url(site_url, entry.href),
    }


def mandates_json_chunks(entries: Sequence[MandateEntry], site_url: str | None) -> Iterator[str]:
    """``{"generator", "notice", "count", "mandates": [...]}``, one chunk per mandate."""
    head = compact(header(len(entries)))
    yield f'{head[:-1]},"mandates":['
    for index, entry in enumerate(entries):
        yield ("," if index else "") + compact(_record(entry, site_url))
    yield "]}\n"


def mandates_csv(entries: Sequence[MandateEntry], site_url: str | None) -> str:
    """One row per mandate (``CSV_COLUMNS``), through the one spreadsheet guard of every published CSV."""
    return csv_text(CSV_COLUMNS, ([record[c] for c in CSV_COLUMNS]
                                  for record in (_record(entry, site_url) for entry in entries)))
