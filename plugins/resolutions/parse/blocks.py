"""Pass 1: markdown-it-py's token stream of one file into printed blocks with their source lines.

Each block (paragraph, list item, table, rule, footnote definition) is split into its printed lines
(two-space hard breaks and ``<br>``) with plain text, footnote markers at their offsets and source line
numbers. Markdown markup is gone; ordered-list numbers are put back as printed. Also the two text
helpers every later pass uses: lines joined, and a printed number cut off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from resolutions.parse.raw_html import BR, SUP_CLOSE, SUP_OPEN

MARKDOWN = MarkdownIt("commonmark").enable("table").use(footnote_plugin)


@dataclass
class Line:
    """One printed line: plain text, footnote markers at offsets, source line."""

    text: str
    line: int
    footnotes: list[tuple[int, str]] = field(default_factory=list)
    bold: bool = False


@dataclass
class Block:
    """A printed block: its lines (hard breaks split them), or a table, or a rule."""

    kind: str  # "text", "rule", "table", "note" (a [^1]: definition)
    lines: list[Line]
    line: int
    quoted: bool = False
    table: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None
    note_label: str | None = None
    position: int = 0


_SPACES = re.compile(r"\s+")


def _inline_lines(inline, first_line: int, prefix: str = "") -> list[Line]:
    """Printed lines of an inline token: text joined, soft breaks as spaces, hard breaks split lines."""
    lines: list[Line] = []
    parts: list[str] = [prefix] if prefix else []
    length = len(prefix)
    footnotes: list[tuple[int, str]] = []
    line_number = first_line
    start_line = first_line
    in_sup = False
    sup_text: list[str] = []
    bold_depth = 0
    plain_outside_bold = bool(prefix.strip())
    any_text = bool(prefix.strip())

    def finish() -> None:
        nonlocal parts, length, footnotes, plain_outside_bold, any_text
        raw = "".join(parts)
        stripped = raw.lstrip()
        shift = len(raw) - len(stripped)
        text = stripped.rstrip()
        marks = [(min(max(offset - shift, 0), len(text)), mark) for offset, mark in footnotes]
        if text or marks:
            lines.append(Line(text, start_line, marks, bold=any_text and not plain_outside_bold))
        parts, length, footnotes = [], 0, []
        plain_outside_bold = any_text = False

    for child in inline.children or ():
        kind = child.type
        if in_sup:
            if kind == "html_inline" and SUP_CLOSE.match(child.content):
                in_sup = False
                mark = "".join(sup_text).strip()
                if mark:
                    footnotes.append((length, mark))
                sup_text = []
            elif kind in ("text", "code_inline"):
                sup_text.append(child.content)
            continue
        if kind == "text" or kind == "code_inline":
            content = child.content
            if content:
                parts.append(content)
                length += len(content)
                if content.strip():
                    any_text = True
                    if bold_depth == 0:
                        plain_outside_bold = True
        elif kind == "softbreak":
            parts.append(" ")
            length += 1
            line_number += 1
        elif kind == "hardbreak":
            finish()
            line_number += 1
            start_line = line_number
        elif kind == "strong_open":
            bold_depth += 1
        elif kind == "strong_close":
            bold_depth = max(0, bold_depth - 1)
        elif kind == "html_inline":
            if SUP_OPEN.match(child.content):
                in_sup = True
            elif BR.match(child.content):
                finish()
                start_line = line_number
            else:  # any other tag is text the contributor typed: kept as written (raw_html reports it)
                parts.append(child.content)
                length += len(child.content)
                any_text = True
                if bold_depth == 0:
                    plain_outside_bold = True
        elif kind == "footnote_ref":
            footnotes.append((length, str(child.meta.get("label", ""))))
        elif kind == "image":
            parts.append(child.content)
            length += len(child.content)
    finish()
    for printed in lines:
        if "  " in printed.text or "\t" in printed.text or "\n" in printed.text:
            _normalise_spaces(printed)
    return lines


def _normalise_spaces(printed: Line) -> None:
    """Collapse runs of whitespace, moving footnote offsets with the text."""
    text = printed.text
    new_parts: list[str] = []
    mapping: list[int] = []  # old offset -> new offset
    position = 0
    previous_space = False
    for character in text:
        mapping.append(position)
        if character.isspace():
            if previous_space:
                continue
            new_parts.append(" ")
            previous_space = True
        else:
            new_parts.append(character)
            previous_space = False
        position += 1
    mapping.append(position)
    printed.text = "".join(new_parts)
    printed.footnotes = [(mapping[min(offset, len(text))], mark) for offset, mark in printed.footnotes]


def _cell_text(inline) -> str:
    lines = _inline_lines(inline, 0)
    return " ".join(printed.text for printed in lines)


def read_blocks(tokens, line_offset: int) -> list[Block]:
    """Flatten the token stream into printed blocks, in source order (footnote definitions last)."""
    blocks: list[Block] = []
    item_prefix: str | None = None
    quote_depth = 0
    note_label: str | None = None
    index = 0
    count = len(tokens)
    while index < count:
        token = tokens[index]
        kind = token.type
        if kind == "inline":
            first = (token.map[0] if token.map else 0) + 1 + line_offset
            prefix = item_prefix or ""
            item_prefix = None
            lines = _inline_lines(token, first, prefix)
            if lines:
                if note_label is not None:
                    blocks.append(Block("note", lines, first, quote_depth > 0, note_label=note_label))
                    note_label = None
                else:
                    blocks.append(Block("text", lines, first, quote_depth > 0))
        elif kind == "list_item_open":
            marker = token.info + token.markup if token.info else token.markup
            item_prefix = marker + " "
        elif kind == "heading_close":
            if token.markup == "-":  # "text" followed by "---": a setext heading, but printed as text + rule
                blocks.append(Block("rule", [], blocks[-1].line + 1 if blocks else 1))
        elif kind == "hr":
            blocks.append(Block("rule", [], (token.map[0] if token.map else 0) + 1 + line_offset))
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "table_open":
            index = _read_table(tokens, index, blocks, line_offset, quote_depth > 0)
            continue
        elif kind in ("code_block", "fence"):
            first = (token.map[0] if token.map else 0) + 1 + line_offset
            lines = [
                Line(_SPACES.sub(" ", raw).strip(), first + offset)
                for offset, raw in enumerate(token.content.split("\n"))
                if raw.strip()
            ]
            if lines:
                blocks.append(Block("text", lines, first, quote_depth > 0))
        elif kind == "html_block":
            content = token.content.strip()
            if content and not content.startswith("<!--"):
                first = (token.map[0] if token.map else 0) + 1 + line_offset
                lines = [
                    Line(_SPACES.sub(" ", raw).strip(), first + offset)
                    for offset, raw in enumerate(content.split("\n"))
                    if raw.strip()
                ]
                blocks.append(Block("text", lines, first, quote_depth > 0))
        elif kind == "footnote_open":
            note_label = str(token.meta.get("label", ""))
        index += 1
    for position, block in enumerate(blocks):
        block.position = position
    return blocks


def _read_table(tokens, index: int, blocks: list[Block], line_offset: int, quoted: bool) -> int:
    """Read a table from ``table_open`` at ``index``; return the index after ``table_close``."""
    first = (tokens[index].map[0] if tokens[index].map else 0) + 1 + line_offset
    header: list[str] = []
    rows: list[tuple[str, ...]] = []
    row: list[str] = []
    in_head = False
    index += 1
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
        elif token.type == "inline":
            row.append(_cell_text(token))
        index += 1
    blocks.append(
        Block("table", [Line(" | ".join(header), first)], first, quoted, table=(tuple(header), tuple(rows)))
    )
    return index + 1



def join_lines(lines: list[Line]) -> tuple[str, list[tuple[int, str]]]:
    """Text of several lines joined with spaces, footnote offsets moved accordingly."""
    if len(lines) == 1:
        return lines[0].text, list(lines[0].footnotes)
    texts: list[str] = []
    footnotes: list[tuple[int, str]] = []
    offset = 0
    for printed in lines:
        if texts:
            texts.append(" ")
            offset += 1
        footnotes.extend((offset + position, mark) for position, mark in printed.footnotes)
        texts.append(printed.text)
        offset += len(printed.text)
    return "".join(texts), footnotes


def cut(text: str, footnotes: list[tuple[int, str]], start: int) -> tuple[str, list[tuple[int, str]]]:
    """Drop ``text[:start]`` (a printed number) and move the footnote offsets."""
    kept = text[start:]
    stripped = kept.lstrip()
    shift = start + len(kept) - len(stripped)
    return stripped, [(max(position - shift, 0), mark) for position, mark in footnotes]
