"""CSV files a spreadsheet opens as data: the one guard every cell of every published CSV goes through.

Pure core. Spreadsheet programs run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some, a tab,
a carriage return or their full-width forms) as a formula: ``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` in a
title, a session or a record symbol would run on the reader's machine ("CSV injection"). Such a cell is
written with a leading apostrophe, which every spreadsheet shows as text; other cells are written as they are.

A module that publishes a CSV writes it with :func:`csv_text` or :func:`csv_chunks`, so no cell can miss the
guard. Rows are written as ``csv.writer`` writes them (the ``excel`` dialect, minimal quoting, CRLF), by string
methods rather than by the writer itself: the writer tests each character of each cell with a function call, which
was most of the time of ``mandates.csv`` (tens of megabytes at 20,000 resolutions), while ``in`` tells whether a
cell holds a character to quote in one fast scan for each. ``tests/test_datasets.py`` compares the two on cells of
every kind.
"""

from __future__ import annotations

from itertools import islice
from typing import Iterable, Iterator

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""First characters that make a spreadsheet read a cell as a formula."""
_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def formula_safe_cell(value: object) -> str:
    """The cell's text as a spreadsheet shows it and never runs it: ``None`` is empty, numbers are written as
    they are, text starting like a formula gets a leading apostrophe."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(columns: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """A whole CSV file (RFC 4180 quoting, CRLF line ends): the header row, then ``rows``, every cell guarded."""
    return "".join(csv_chunks(columns, rows))


def csv_chunks(columns: Iterable[str], rows: Iterable[Iterable[object]], rows_per_chunk: int = 1000
               ) -> Iterator[str]:
    """The text of ``csv_text`` in pieces of ``rows_per_chunk`` rows, for a file written as it is made (never
    held whole: ``mandates.csv`` is about 45 MB at 20,000 resolutions)."""
    header = _row([formula_safe_cell(column) for column in columns])
    rows = iter(rows)
    while True:
        # The text cells' test written out here: a function call per cell was a third of a large file's time.
        text = "".join([_row([("'" + cell if cell[:1] in _FORMULA_FIRST else cell) if cell.__class__ is str
                              else formula_safe_cell(cell) for cell in row]) for row in islice(rows, rows_per_chunk)])
        if header:
            text, header = header + text, ""
        if not text:
            return
        yield text


def _row(cells: list[str]) -> str:
    """One row as ``csv.writer`` writes it: a cell holding a comma, a quote or a line break is quoted, its quotes
    doubled; a row of one empty cell is ``""`` (else it would read as no cell)."""
    if len(cells) == 1 and not cells[0]:
        return '""\r\n'
    return ",".join([_quoted(cell) if ('"' in cell or "," in cell or "\n" in cell or "\r" in cell) else cell
                     for cell in cells]) + "\r\n"


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'
