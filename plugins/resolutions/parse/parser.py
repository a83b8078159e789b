"""Parse one resolution source file (Markdown in the layout of the seed) into a ``Resolution``.

The public entry points, ``parse`` and ``parse_file``. The work happens in three passes over one
markdown-it-py token stream, each in its own module:

1. blocks.py: the tokens become a flat list of printed blocks with their printed lines.
2. cover.py, then body.py and paragraphs.py: one forward walk classifies the blocks by ordered lists of
   small rules (the cover page; then parts, sections, paragraphs, meeting lines, annexes, footnotes);
   the walk's state is in state.py. Everything no rule can place is kept as unplaced text with a warning.
3. assemble.py: ids (ids.py), citations and footnotes are given and the frozen model is built.
4. mandates.py: what each operative paragraph asks for, by the tables of mandate_rules.py.

The parser never raises on content and never prints: problems become ``Diagnostic`` objects, their
codes listed in codes.py.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from resolutions.model import Diagnostic, Resolution
from resolutions.parse import adoption, assemble, body, codes, cover, frontmatter, limits, mandates, overrides, raw_html
from resolutions.parse.blocks import MARKDOWN, read_blocks
from resolutions.parse.state import State


def _kind_from_path(path: str) -> str:
    name = os.path.basename(path)
    return "decision" if name.startswith("A_DEC_") or "/DEC/" in name else "resolution"


def _empty(path: str, code: str, message: str) -> Resolution:
    return Resolution(
        source=path, kind="resolution", body=None, symbol=None, number=None, title="", session=None,
        session_text=None, agenda_items=(), issued=None, adopted=None, meeting=None, proponent=None,
        documents=(), enacting_formula=None, preamble=(), operative=(), sections=(), parts=(), annexes=(),
        footnotes=(), citations=(), vote=None,
        diagnostics=(Diagnostic(path, 0 if code != codes.EMPTY_FILE else 1, codes.severity(code), code, message),),
    )


def parse(text: str, path: str = "<string>", *, with_mandates: bool = True) -> Resolution:
    """Parse the text of one source file. Never raises on content; problems are in ``diagnostics``.
    ``with_mandates=False`` skips the mandate extraction (the site option ``mandates: false``)."""
    if not text.strip():
        return _empty(path, codes.EMPTY_FILE, "the file is empty, expected a resolution text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body_text, front_lines, problems = frontmatter.split(text)
    diagnostics = [Diagnostic(path, line, severity, code, message) for line, severity, code, message in problems]
    front = None
    if meta:
        front, read_problems = frontmatter.read(meta, 1)
        diagnostics.extend(Diagnostic(path, line, severity, code, message) for line, severity, code, message in read_problems)
    if not body_text.strip():
        resolution = _empty(path, codes.EMPTY_FILE, "the file has no text after its front matter, expected a resolution text")
        return replace(resolution, diagnostics=tuple(diagnostics) + resolution.diagnostics)
    tokens = MARKDOWN.parse(body_text)
    state = State(read_blocks(tokens, front_lines), path)
    state.diagnostics.extend(diagnostics)
    state.diagnostics.extend(raw_html.html_warnings(tokens, front_lines, path))
    index = cover.read(state)
    body.read(state, cover.read_single_part_label(state, index))
    kind = _kind_from_path(path)
    if (
        kind == "resolution"
        and state.cover.symbol_text is None
        and state.cover.body == "General Assembly"
        and state.cover.session
        and " session of the General Assembly" in (state.cover.session_text or "")
    ):
        kind = "decision"
    resolution = assemble.build(state, path, kind, front_lines + 1)
    if front is not None:
        resolution = overrides.apply(resolution, front, 1)
    resolution = adoption.within_session(resolution, state.content.meeting_lines)
    # Mandates are read once the adoption is known: "at its next session" counts from the text's own session.
    return mandates.with_mandates(resolution) if with_mandates else resolution


def parse_file(path: str | Path, display_path: str | None = None, *, with_mandates: bool = True) -> Resolution:
    """Read and parse one file. A binary or non-UTF-8 file gives an error and an empty Resolution."""
    shown = display_path if display_path is not None else str(path)
    try:
        too_large = limits.too_large(Path(path).stat().st_size)
        if too_large:
            return _empty(shown, codes.TOO_LARGE, too_large)
        data = Path(path).read_bytes()
    except OSError as error:
        return _empty(shown, codes.UNREADABLE_FILE, f"cannot read the file ({error.strerror}), expected a readable text file")
    if b"\x00" in data[:8192]:
        return _empty(shown, codes.UNREADABLE_FILE, "the file is binary (contains NUL bytes), expected UTF-8 Markdown text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        resolution = _empty(shown, codes.NOT_UTF8, f"byte {error.start} (line {line}) is not UTF-8, expected UTF-8 Markdown text")
        return replace(resolution, diagnostics=(replace(resolution.diagnostics[0], line=line),))
    return parse(text, shown, with_mandates=with_mandates)
