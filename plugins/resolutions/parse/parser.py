"""Parse one resolution source file (Markdown in the layout of the seed) into a ``Resolution``.

The work happens in three passes over one markdown-it-py token stream:

1. ``_blocks``: the tokens become a flat list of printed blocks (paragraph, list item, table, rule),
   each split into its printed lines (two-space hard breaks) with plain text, footnote markers and
   source line numbers. Markdown markup is gone; ordered-list numbers are put back as printed.
2. ``_Reader``: a single forward walk classifies the blocks: the cover page (header), the number and
   title line, parts, sections, preamble, operative paragraphs with sub-paragraphs, meeting lines,
   annexes and footnotes. Everything it cannot place is kept as unplaced text with a warning.
3. ``_Assembler``: ids are given (numbering restarting in sections or parts is prefixed), citations
   are found in document order and turned into marks, footnote markers are paired with notes, and the
   frozen model is built.

The parser never raises on content and never prints: problems become ``Diagnostic`` objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from resolutions import symbols
from resolutions.parse import citations
from resolutions.parse import frontmatter
from resolutions.parse import grammar
from resolutions.model import (
    ERROR,
    INFO,
    WARNING,
    Annex,
    AgendaItem,
    Citation,
    Diagnostic,
    Footnote,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Resolution,
    Section,
    Table,
    Vote,
)


# Diagnostic codes (documented in docs/diagnostics.md). Never renumber: users filter on them.
UNREADABLE_FILE = "RES001"
NOT_UTF8 = "RES002"
EMPTY_FILE = "RES003"
MISSING_SYMBOL = "RES101"
MISSING_TITLE = "RES102"
UNKNOWN_HEADER_LINE = "RES103"
MISSING_MEETING = "RES104"
NUMBERING_JUMPS = "RES105"
MARKER_WITHOUT_NOTE = "RES106"
NOTE_WITHOUT_MARKER = "RES107"
UNPLACED_TEXT = "RES108"
DUPLICATE_NUMBER = "RES109"
MISSING_SESSION = "RES110"
SYMBOL_DISAGREES = "RES111"
BAD_DATE = "RES112"

_MARKDOWN = MarkdownIt("commonmark").enable("table").use(footnote_plugin)


# ---------------------------------------------------------------------------------------------
# Pass 1: tokens -> printed blocks and lines


@dataclass
class _Line:
    """One printed line: plain text, footnote markers at offsets, source line."""

    text: str
    line: int
    footnotes: list[tuple[int, str]] = field(default_factory=list)
    bold: bool = False


@dataclass
class _Block:
    """A printed block: its lines (hard breaks split them), or a table, or a rule."""

    kind: str  # "text", "rule", "table", "note" (a [^1]: definition)
    lines: list[_Line]
    line: int
    quoted: bool = False
    table: tuple[tuple[str, ...], tuple[tuple[str, ...], ...]] | None = None
    note_label: str | None = None
    position: int = 0


_SUP_OPEN = re.compile(r"^<sup\b[^>]*>$", re.IGNORECASE)
_SUP_CLOSE = re.compile(r"^</sup\s*>$", re.IGNORECASE)
_BR = re.compile(r"^<br\s*/?>$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _inline_lines(inline, first_line: int, prefix: str = "") -> list[_Line]:
    """Printed lines of an inline token: text joined, soft breaks as spaces, hard breaks split lines."""
    lines: list[_Line] = []
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
            lines.append(_Line(text, start_line, marks, bold=any_text and not plain_outside_bold))
        parts, length, footnotes = [], 0, []
        plain_outside_bold = any_text = False

    for child in inline.children or ():
        kind = child.type
        if in_sup:
            if kind == "html_inline" and _SUP_CLOSE.match(child.content):
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
            if _SUP_OPEN.match(child.content):
                in_sup = True
            elif _BR.match(child.content):
                finish()
                start_line = line_number
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


def _normalise_spaces(printed: _Line) -> None:
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


def _blocks(tokens, line_offset: int) -> list[_Block]:
    """Flatten the token stream into printed blocks, in source order (footnote definitions last)."""
    blocks: list[_Block] = []
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
                    blocks.append(_Block("note", lines, first, quote_depth > 0, note_label=note_label))
                    note_label = None
                else:
                    blocks.append(_Block("text", lines, first, quote_depth > 0))
        elif kind == "list_item_open":
            marker = token.info + token.markup if token.info else token.markup
            item_prefix = marker + " "
        elif kind == "heading_close":
            if token.markup == "-":  # "text" followed by "---": a setext heading, but printed as text + rule
                blocks.append(_Block("rule", [], blocks[-1].line + 1 if blocks else 1))
        elif kind == "hr":
            blocks.append(_Block("rule", [], (token.map[0] if token.map else 0) + 1 + line_offset))
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
                _Line(_SPACES.sub(" ", raw).strip(), first + offset)
                for offset, raw in enumerate(token.content.split("\n"))
                if raw.strip()
            ]
            if lines:
                blocks.append(_Block("text", lines, first, quote_depth > 0))
        elif kind == "html_block":
            content = token.content.strip()
            if content and not content.startswith("<!--"):
                first = (token.map[0] if token.map else 0) + 1 + line_offset
                lines = [
                    _Line(_SPACES.sub(" ", raw).strip(), first + offset)
                    for offset, raw in enumerate(content.split("\n"))
                    if raw.strip()
                ]
                blocks.append(_Block("text", lines, first, quote_depth > 0))
        elif kind == "footnote_open":
            note_label = str(token.meta.get("label", ""))
        index += 1
    for position, block in enumerate(blocks):
        block.position = position
    return blocks


def _read_table(tokens, index: int, blocks: list[_Block], line_offset: int, quoted: bool) -> int:
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
        _Block("table", [_Line(" | ".join(header), first)], first, quoted, table=(tuple(header), tuple(rows)))
    )
    return index + 1


# ---------------------------------------------------------------------------------------------
# Pass 2: classify blocks


_BODIES = (
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Trusteeship Council",
)
_BODY_PREFIX = {"General Assembly": "A", "Security Council": "S", "Economic and Social Council": "E"}

_SYMBOL_LINE = re.compile(r"^(?:A|S|E|A/HRC|UNEP|TD|DP)/[A-Za-z0-9.\-/]+(?: ?\([0-9IVXL]+\))?(?: [A-Z](?:[-–][A-Z])?)?$")
_DISTR = re.compile(r"^Distr\.", re.IGNORECASE)
_GENERAL = re.compile(r"^(GENERAL|General|LIMITED|Limited)\.?$")
_ADOPTED_COVER = re.compile(
    r"^(?:RESOLUTIONS?|DECISIONS?|Resolutions?|Decisions?) (?:ADOPTED|adopted) (?:BY|by) (?:THE|the) ", re.UNICODE
)
_NUMBER_TITLE = re.compile(
    r"^((?:ES-|S-)?\d{1,4}/\d{1,4}|\d{1,4} \((?:[IVXL]+|S-[IVXL]+|ES-[IVXL]+|\d{4})\))"
    r"((?: [A-Z](?:(?:[-–]| and | to |, )[A-Z])*)?)\.{1,2}(?: +(.*))?$"
)
# "Resolution 356 (1974)", also OCR'd "Resolution 361 (197-4)" and "Resolution 290" (year lost);
# "1 (1946) Resolution of 25 January 1946" (dot lost).
_SC_RESOLUTION_LINE = re.compile(
    r"^(?:Resolution (\d{1,4})(?: \((\d{3}-?\d)\))?\.?(?: +(.*))?|(\d{1,4}) \((\d{4})\) (Resolution of .*))$"
)
_SC_DATE_LINE = re.compile(r"^(?:Resolution )?of (\d{1,2} \w+ \d{4})\.?$")
_ENACTING = re.compile(
    r"^The (General Assembly|Security Council|Economic and Social Council|[A-Z][A-Za-z ]{2,60}?)\s?[,:;]?$"
)
_PART_LABEL = re.compile(r"^([A-Z])\.?$")
_SECTION_LABEL = re.compile(r"^([IVXL]{1,6})\.?(?: +(.*))?$")
_ANNEX_LABEL = re.compile(r"^(Annex|ANNEX|Appendix|APPENDIX)(?: ([IVXL]{1,6}|[A-Z]|\d{1,2}))?\.?(?:$| +(.*)$)")
_NUMBERED = re.compile(r"^(\d{1,3})\.(?:[ \u00a0\u200b-\u200f]+|$)")
# "3 Calls upon", "4, Calls upon", "i9. Calls upon": an OCR'd number that lost its dot, or printed a comma
# for it, or read a 1 as i/I/l. Taken only when it is the number expected next (see ``_ocr_number``).
_NUMBER_WITHOUT_DOT = re.compile(r"^([0-9iIl]{1,3})[.,]?[ \u00a0]+(?=[A-Z“\"])")
# "...the objectives of the Security Council; 4, Extends once more...": the OCR glued the next
# paragraph to the end of this one.
# "... decided to include the following items in the draft agenda of its seventy-third session:"
_AGENDA_LIST_INTRO = re.compile(r"\bfollowing (?:agenda )?items?\b[^:]*:$|\bagenda items?\b[^:]*:$", re.IGNORECASE)
_GLUED_NEXT_NUMBER = re.compile(r"(?<=[;:.]) (\d{1,3})[.,] (?=[A-Z])")
_ITEM = re.compile(r"^\(([a-z]{1,3}|[ivxl]{1,6})\)(?:[ \u00a0\u200b-\u200f]+|$)")
_NOTE_NUMBER = re.compile(r"^(\d{1,3})/ +")
_NOTE_STAR = re.compile(r"^(\*{1,3}|†|‡) +")
_NOTE_BARE = re.compile(r"^(\d{1,3}) +(?=\S)")

@dataclass
class _Para:
    """A paragraph being built (mutable until assembled)."""

    kind: str
    number: str | None
    text: str
    line: int
    footnotes: list[tuple[int, str]]
    items: list["_Para"] = field(default_factory=list)
    quoted: bool = False
    draft: bool = False
    table: tuple | None = None


@dataclass
class _SectionBuild:
    label: str
    title: str | None
    line: int
    preamble: list[_Para] = field(default_factory=list)
    operative: list[_Para] = field(default_factory=list)


@dataclass
class _Container:
    """The resolution itself or one of its parts: what numbered text is added to."""

    label: str | None
    title: str | None
    line: int
    enacting_formula: str | None = None
    preamble: list[_Para] = field(default_factory=list)
    operative: list[_Para] = field(default_factory=list)
    sections: list[_SectionBuild] = field(default_factory=list)
    meeting: Meeting | None = None
    adopted: str | None = None
    in_operative: bool = False
    numbered_seen: bool = False
    transmitting: bool = False


@dataclass
class _AnnexBuild:
    label: str
    title: str | None
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class _NoteBuild:
    mark: str
    text: str
    line: int
    plain: bool = False
    """True for notes marked ``*`` or ``1/``, whose markers in the text are plain characters."""


def _join(lines: list[_Line]) -> tuple[str, list[tuple[int, str]]]:
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


def _cut(text: str, footnotes: list[tuple[int, str]], start: int) -> tuple[str, list[tuple[int, str]]]:
    """Drop ``text[:start]`` (a printed number) and move the footnote offsets."""
    kept = text[start:]
    stripped = kept.lstrip()
    shift = start + len(kept) - len(stripped)
    return stripped, [(max(position - shift, 0), mark) for position, mark in footnotes]


class _Reader:
    """The forward walk over blocks: one state machine, no look-back beyond the previous paragraph."""

    def __init__(self, blocks: list[_Block], path: str) -> None:
        self.blocks = blocks
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.body: str | None = None
        self.symbol_text: str | None = None
        self.symbol_line = 0
        self.issued: str | None = None
        self.session: str | None = None
        self.session_text: str | None = None
        self.agenda: list[AgendaItem] = []
        self.agenda_titles: list[str] = []
        self.adopted_line: str | None = None
        self.cover_adopted: str | None = None
        self.proponent: str | None = None
        self.proponent_line = 0
        self.number: str | None = None
        self.number_parts: str = ""
        self.title_lines: list[_Line] = []
        self.topic: list[str] = []
        self.sc_date: str | None = None
        self.root = _Container(None, None, 1)
        self.parts: list[_Container] = []
        self.annexes: list[_AnnexBuild] = []
        self.notes: list[_NoteBuild] = []
        self.unplaced: list[_Para] = []
        self.vote: Vote | None = None
        self.last_para: _Para | None = None
        self.last_numbered: int = 0
        # True after "decided to include the following items in the draft agenda ...:": the numbered
        # blocks that follow are agenda items printed with their agenda numbers, which skip by nature.
        self.listing_agenda_items = False
        self.skip_positions: set[int] = set()
        self.part_label: str | None = None
        self._has_parts: bool | None = None
        self.meeting_marks: list[tuple[int, str]] = []
        self.part_title: str | None = None
        self.part_marks: list[tuple[int, str]] = []

    # -- helpers ------------------------------------------------------------------------------

    def warn(self, line: int, code: str, message: str, severity: str = WARNING) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, severity, code, message))

    @property
    def container(self) -> _Container:
        return self.parts[-1] if self.parts else self.root

    def keep_unplaced(self, text: str, line: int, footnotes: list[tuple[int, str]], why: str) -> None:
        self.unplaced.append(_Para("unplaced", None, text, line, footnotes))
        self.warn(line, UNPLACED_TEXT, f"{why}: '{_short(text)}' kept as unplaced text")

    # -- the walk -----------------------------------------------------------------------------

    def read(self) -> None:
        index = self.read_header()
        self.read_body(index)

    def read_header(self) -> int:
        """Cover page up to and including the number-and-title line; returns the next block index."""
        blocks = self.blocks
        index = 0
        after_agenda = False
        while index < len(blocks):
            block = blocks[index]
            if block.kind != "text":
                if block.kind == "rule":
                    index += 1
                    continue
                return index
            first = block.lines[0].text
            if self.number is None and self.title_lines == [] and self.is_body_start(first):
                return index
            if _NUMBER_TITLE.match(first) or _SC_RESOLUTION_LINE.match(first):
                self.read_number_title(block)
                index += 1
                following = blocks[index] if index < len(blocks) else None
                if following is not None and following.kind == "text" and len(following.lines) == 1:
                    if self.sc_date is None and _SC_DATE_LINE.match(following.lines[0].text):
                        # "Resolution 231 (1966)" and "of 15 December 1966" in separate blocks.
                        self.sc_date = grammar.find_date(following.lines[0].text)
                        index += 1
                return index
            for position, printed in enumerate(block.lines):
                text = printed.text
                if not text:
                    continue
                if self.body is None and (printed.bold or text in _BODIES) and _body_name(text):
                    self.body = _body_name(text)
                    continue
                if _DISTR.match(text) or _GENERAL.match(text):
                    continue
                if self.symbol_text is None and _SYMBOL_LINE.match(text):
                    self.symbol_text = text
                    self.symbol_line = printed.line
                    continue
                date = grammar.parse_date(text)
                if date is not None and self.issued is None and self.session is None:
                    self.issued = date
                    continue
                if date is None and grammar.is_date_shaped(text):
                    self.warn(printed.line, BAD_DATE, f"'{text}' is not a calendar date, expected a date such as 13 December 1996")
                    continue
                session = grammar.parse_session(text)
                if session is not None and self.session is None:
                    self.session, self.session_text = session, text
                    continue
                agenda = grammar.parse_agenda_items(text)
                if agenda is not None:
                    self.agenda.extend(AgendaItem(item, None, printed.line) for item in agenda)
                    after_agenda = True
                    continue
                if _ADOPTED_COVER.match(text):
                    self.adopted_line = " ".join(p.text for p in block.lines[position:])
                    self.cover_adopted = grammar.find_date(self.adopted_line)
                    after_agenda = False
                    break
                if text.startswith("["):
                    self.read_proponent(block.lines[position:])
                    after_agenda = False
                    break
                if after_agenda:
                    self.agenda_titles.append(text)
                    continue
                if text.isupper() and len(text) > 3:
                    self.topic.append(text)  # old Security Council volumes: topic heading in capitals
                    continue
                self.warn(
                    printed.line, UNKNOWN_HEADER_LINE,
                    f"unknown header line '{_short(text)}', expected the body, symbol, date, session, "
                    "agenda item, adoption line, proponent line or the number and title",
                )
                self.unplaced.append(_Para("unplaced", None, text, printed.line, list(printed.footnotes)))
            index += 1
        return index

    def is_body_start(self, text: str) -> bool:
        return bool(_ENACTING.match(text)) and _enacting_body(text) is not None

    def read_proponent(self, lines: list[_Line]) -> None:
        text = " ".join(printed.text for printed in lines)
        self.proponent = text
        self.proponent_line = lines[0].line

    def read_number_title(self, block: _Block) -> None:
        first = block.lines[0]
        match = _NUMBER_TITLE.match(first.text)
        rest_lines = block.lines[1:]
        if match is not None:
            self.number = match.group(1)
            self.number_parts = match.group(2).strip()
            title_start = first.text[match.start(3):] if match.group(3) else ""
        else:
            sc = _SC_RESOLUTION_LINE.match(first.text)
            if sc.group(4):
                number, year, title_start = sc.group(4), sc.group(5), sc.group(6)
            else:
                number, year, title_start = sc.group(1), sc.group(2), sc.group(3) or ""
            year = (year or "").replace("-", "") or _symbol_year(self.symbol_text)
            self.number = f"{number} ({year})" if year else number
        title_lines: list[_Line] = []
        if title_start:
            shift = len(first.text) - len(title_start)
            title_lines.append(
                _Line(title_start, first.line, [(max(o - shift, 0), m) for o, m in first.footnotes])
            )
        for position, printed in enumerate(rest_lines):
            if _PART_LABEL.match(printed.text) and not self.number_parts:
                # "74/232. Title" then "B": one part of a resolution printed in its own file.
                self.part_label = _PART_LABEL.match(printed.text).group(1)
                self.part_title = " ".join(p.text for p in rest_lines[position + 1 :]) or None
                self.part_marks = list(printed.footnotes)
                break
            if printed.text.startswith("["):
                self.read_proponent([printed])
                continue
            date_line = _SC_DATE_LINE.match(printed.text)
            if date_line is not None:
                self.sc_date = grammar.find_date(printed.text)
                continue
            title_lines.append(printed)
        self.title_lines = title_lines
        if title_lines:
            self.sc_date = self.sc_date or _sc_title_date(title_lines[0].text)

    def read_body(self, index: int) -> None:
        blocks = self.blocks
        index = self.read_single_part_label(index)
        in_notes = False
        annex: _AnnexBuild | None = None
        section: _SectionBuild | None = None
        pending_heading: list[str] | None = None  # a part or section label waiting for its title
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if block.position in self.skip_positions:
                continue
            if block.kind == "rule":
                in_notes = self.looks_like_notes(index)
                continue
            if block.kind == "note":
                text, footnotes = _join(block.lines)
                self.notes.append(_NoteBuild(block.note_label or "", text, block.line))
                continue
            if in_notes:
                if self.read_notes(block):
                    continue
                in_notes = False
            if block.kind == "table":
                if annex is not None:
                    annex.blocks.append(block)
                else:
                    header, rows = block.table
                    text = "; ".join(" | ".join(cells) for cells in (header, *rows) if any(cells))
                    self.add_text_paragraph(_Para("text", None, text, block.line, [], table=block.table), section)
                continue
            first = block.lines[0]
            text = first.text
            # Meeting lines and dates.
            meeting = grammar.parse_meeting_line(text) if len(text) < 400 else None
            if meeting is not None and not block.quoted:
                self.set_meeting(meeting, block, first)
                section = None
                pending_heading = None
                continue
            if len(block.lines) == 1 and not block.quoted and self.container.adopted is None:
                lone_date = grammar.parse_date(text)
                if lone_date is not None:
                    # A date alone after the text: adopted without a meeting (silence procedure).
                    self.container.adopted = lone_date
                    continue
            if annex is None and len(block.lines) <= 3 and not block.quoted:
                part = _PART_LABEL.match(text)
                is_part = part is not None and self.has_parts() and self.expected_part(part.group(1))
                if part is not None and not is_part and self.expected_section_letter(part.group(1), section):
                    # "A", "B" inside one resolution (no meeting line between them): lettered sections.
                    title = " ".join(p.text for p in block.lines[1:]) or None
                    section = _SectionBuild(part.group(1), title, first.line)
                    self.container.sections.append(section)
                    if title is None:
                        pending_heading = ["section"]
                    continue
                if is_part:
                    container = _Container(part.group(1), None, first.line)
                    title = " ".join(p.text for p in block.lines[1:]) or None
                    container.title = title
                    self.parts.append(container)
                    section = None
                    if title is None:
                        pending_heading = ["part"]
                    continue
            annex_match = _ANNEX_LABEL.match(text) if len(block.lines) <= 4 else None
            if annex is None and annex_match is None and self.container.meeting is not None and not block.quoted:
                # Text after the meeting line that starts no new part: an annex printed without its label.
                annex = _AnnexBuild("Annex", None, first.line)
                self.annexes.append(annex)
                pending_heading = ["annex"]
            if annex_match is not None and not block.quoted and (len(text) < 200):
                label = text if not annex_match.group(3) else text[: annex_match.start(3)].strip()
                label = label.rstrip(".")
                title_parts = [annex_match.group(3)] if annex_match.group(3) else []
                title_parts += [p.text for p in block.lines[1:]]
                annex = _AnnexBuild(label, " ".join(title_parts) or None, first.line)
                self.annexes.append(annex)
                section = None
                if not title_parts:
                    pending_heading = ["annex"]
                continue
            if annex is not None:
                if pending_heading and _is_heading(text, block):
                    annex.title = " ".join(p.text for p in block.lines)
                    pending_heading = None
                    continue
                pending_heading = None
                self.add_annex_block(annex, block)
                continue
            if pending_heading and _is_heading(text, block) and not _ENACTING.match(text):
                title = " ".join(p.text for p in block.lines)
                if pending_heading[0] == "part":
                    self.container.title = title
                elif section is not None:
                    section.title = title
                pending_heading = None
                continue
            pending_heading = None
            section_match = _SECTION_LABEL.match(text)
            if section_match is not None and len(block.lines) <= 3 and (
                len(block.lines) > 1 or section_match.group(2) is None
            ) and not block.quoted:
                title = " ".join([section_match.group(2)] if section_match.group(2) else [])
                title = " ".join(filter(None, [title] + [p.text for p in block.lines[1:]])) or None
                section = _SectionBuild(section_match.group(1), title, first.line)
                self.container.sections.append(section)
                if title is None:
                    pending_heading = ["section"]
                continue
            self.read_paragraph_block(block, section)

    def read_single_part_label(self, index: int) -> int:
        """``B`` in its own block under the title, when the symbol says the file holds part B only."""
        if self.part_label is not None or index >= len(self.blocks) or self.blocks[index].kind != "text":
            return index
        block = self.blocks[index]
        match = _PART_LABEL.match(block.lines[0].text)
        symbol = self.symbol_text or ""
        if match is None or not symbol.endswith(" " + match.group(1)):
            return index
        self.part_label = match.group(1)
        self.part_title = " ".join(p.text for p in block.lines[1:]) or None
        self.part_marks = list(block.lines[0].footnotes)
        return index + 1

    def has_parts(self) -> bool:
        """Whether the file prints several resolutions A, B, C (each with its own meeting line)."""
        if self._has_parts is None:
            symbol = self.symbol_text or ""
            if _PART_RANGE.search(symbol) or len(_PART_LETTERS.findall(self.number_parts)) > 1:
                self._has_parts = True
            else:
                meetings = sum(
                    1
                    for block in self.blocks
                    if block.kind == "text"
                    and not block.quoted
                    and grammar.parse_meeting_line(block.lines[0].text) is not None
                )
                self._has_parts = meetings > 1
        return self._has_parts

    def expected_section_letter(self, letter: str, section: _SectionBuild | None) -> bool:
        """A lettered section comes in order: ``A`` first, then the letter after the current one."""
        if self.has_parts() and not self.container.sections:
            return False
        if section is None or not _PART_LABEL.match(section.label):
            return letter == "A" and (self.title_lines or self.number) is not None
        return ord(letter) == ord(section.label) + 1

    def expected_part(self, letter: str) -> bool:
        if not self.parts:
            return letter == "A"
        return ord(letter) == ord(self.parts[-1].label) + 1

    def looks_like_notes(self, index: int) -> bool:
        """After a rule: are the next blocks footnote definitions?"""
        if index >= len(self.blocks):
            return False
        block = self.blocks[index]
        if block.kind == "note":
            return True
        if block.kind != "text":
            return False
        first = block.lines[0]
        return bool(
            (first.footnotes and first.footnotes[0][0] == 0)
            or _NOTE_NUMBER.match(first.text)
            or _NOTE_STAR.match(first.text)
            or _NOTE_BARE.match(first.text)
        )

    def read_notes(self, block: _Block) -> bool:
        """Footnote definitions: each line starting with a marker starts a note; others continue it."""
        found = False
        for printed in block.lines:
            text = printed.text
            mark = None
            start = 0
            plain = False
            if printed.footnotes and printed.footnotes[0][0] == 0:
                mark = printed.footnotes[0][1]
            else:
                for pattern in (_NOTE_NUMBER, _NOTE_STAR, _NOTE_BARE):
                    match = pattern.match(text)
                    if match is not None:
                        mark, start = match.group(1), match.end()
                        plain = pattern is not _NOTE_BARE
                        break
            if mark is not None:
                self.notes.append(_NoteBuild(mark, text[start:].strip(), printed.line, plain=plain))
                found = True
            elif self.notes and found:
                self.notes[-1].text += " " + text
            elif not found:
                return False
        return found

    def set_meeting(self, parsed: grammar.MeetingLine, block: _Block, first: _Line) -> None:
        adopted = parsed.date
        for printed in block.lines[1:]:
            adopted = adopted or grammar.parse_date(printed.text)
        if adopted is None and block.position + 1 < len(self.blocks):
            # "84th plenary meeting" then the date in the next block (no hard break).
            following = self.blocks[block.position + 1]
            if following.kind == "text" and len(following.lines) == 1:
                adopted = grammar.parse_date(following.lines[0].text)
                if adopted is not None:
                    self.skip_positions.add(following.position)
        meeting = Meeting(
            number=parsed.number, kind=parsed.kind, resumed=parsed.resumed, date=adopted, line=first.line
        )
        container = self.container
        if container.meeting is None:
            container.meeting = meeting
            container.adopted = adopted
        if parsed.vote_outcome is not None and self.vote is None:
            self.vote = Vote(
                outcome=parsed.vote_outcome,
                in_favour=parsed.in_favour,
                against=parsed.against,
                abstaining=parsed.abstaining,
                source="text",
            )
        # A marker on the adoption line ("Adopted at the 2nd meeting.<sup>22</sup>") refers to a note.
        self.meeting_marks.extend(first.footnotes)
        self.last_para = None

    def add_annex_block(self, annex: _AnnexBuild, block: _Block) -> None:
        text, footnotes = _join(block.lines)
        numbered = _NUMBERED.match(text)
        item = _ITEM.match(text)
        if numbered is not None:
            body, footnotes = _cut(text, footnotes, numbered.end())
            annex.blocks.append(_Para("operative", numbered.group(1), body, block.line, footnotes, quoted=block.quoted))
        elif item is not None and annex.blocks and isinstance(annex.blocks[-1], _Para):
            body, footnotes = _cut(text, footnotes, item.end())
            self.attach_item(annex.blocks[-1], item.group(1), body, block.line, footnotes)
        else:
            kind = "heading" if _is_heading(text, block) else "text"
            annex.blocks.append(_Para(kind, None, text, block.line, footnotes, quoted=block.quoted))

    def add_text_paragraph(self, para: _Para, section: _SectionBuild | None) -> None:
        target = section.operative if section is not None else self.container.operative
        target.append(para)

    def read_paragraph_block(self, block: _Block, section: _SectionBuild | None) -> None:
        text, footnotes = _join(block.lines)
        container = self.container
        if container.enacting_formula is None and not container.preamble and not container.operative and (
            _ENACTING.match(text) and _enacting_body(text) is not None
        ):
            container.enacting_formula = text
            if self.body is None:
                self.body = _enacting_body(text)
            return
        if (
            not container.transmitting
            and container.enacting_formula is not None
            and (container.preamble or container.operative)
            and _ENACTING.match(text)
            and _enacting_body(text) is not None
        ):
            # A second "The General Assembly," after the text began: a transmitted draft follows,
            # quoted up to the meeting line; its paragraphs are not the resolution's own.
            container.transmitting = True
        if container.transmitting:
            self.read_draft_block(text, footnotes, block, section)
            return
        if block.quoted:
            para = _Para("text", None, text, block.line, footnotes, quoted=True)
            self.add_text_paragraph(para, section)
            return
        item = _ITEM.match(text)
        if item is not None and self.last_para is not None and self.last_para.kind != "heading":
            body, footnotes = _cut(text, footnotes, item.end())
            self.attach_item(self.last_para, item.group(1), body, block.line, footnotes)
            return
        numbered = _NUMBERED.match(text)
        printed_number = numbered.group(1) if numbered is not None else None
        if numbered is None and self.last_numbered:
            # "3 Calls upon", "4, Calls upon": the dot was lost, but the number is the one expected next.
            numbered = _NUMBER_WITHOUT_DOT.match(text)
            printed_number = _ocr_number(numbered.group(1)) if numbered is not None else None
            if printed_number is None or int(printed_number) != self.last_numbered + 1:
                numbered = None
        if numbered is not None:
            body, footnotes = _cut(text, footnotes, numbered.end())
            while True:
                glued = _GLUED_NEXT_NUMBER.search(body)
                if glued is None or int(glued.group(1)) != int(printed_number) + 1:
                    break
                # Two paragraphs in one OCR'd block: the first ends before the next expected number.
                head = body[: glued.start()]
                head_notes = [(offset, mark) for offset, mark in footnotes if offset <= len(head)]
                self.add_numbered(printed_number, head, head_notes, block.line, section)
                body, footnotes = _cut(body, [n for n in footnotes if n[0] > len(head)], glued.end())
                printed_number = glued.group(1)
            self.add_numbered(printed_number, body, footnotes, block.line, section)
            return
        if _is_heading(text, block) and (container.in_operative or section is not None or len(text) < 150):
            para = _Para("heading", None, text, block.line, footnotes)
            self.add_text_paragraph(para, section)
            self.last_para = para
            return
        operative_seen = bool(container.operative) if section is None else bool(section.operative)
        if not operative_seen and _looks_preambular(text, self.blocks, block):
            para = _Para("preamble", None, text, block.line, footnotes)
            (section.preamble if section is not None else container.preamble).append(para)
            self.last_para = para
            return
        para = _Para("text", None, text, block.line, footnotes)
        self.listing_agenda_items = _AGENDA_LIST_INTRO.search(text) is not None
        if not self.title_lines and self.number is None:
            self.keep_unplaced(text, block.line, footnotes, "text before the number and title line")
            return
        container.in_operative = True
        self.add_text_paragraph(para, section)
        self.last_para = para

    def add_numbered(self, printed_number: str, body: str, footnotes, line: int, section: _SectionBuild | None) -> None:
        """An operative paragraph with its printed number; a jump in the numbering is reported."""
        container = self.container
        number = int(printed_number)
        if self.last_numbered and number != self.last_numbered + 1 and number != 1 and not self.listing_agenda_items:
            self.warn(
                line, NUMBERING_JUMPS,
                f"paragraph {number} follows paragraph {self.last_numbered}, expected {self.last_numbered + 1}",
                INFO,  # the printed numbers are kept and the page shows the text as printed
            )
        self.last_numbered = number
        container.numbered_seen = True
        para = _Para("operative", printed_number, body, line, footnotes)
        container.in_operative = True
        (section.operative if section is not None else container.operative).append(para)
        self.last_para = para

    def read_draft_block(self, text: str, footnotes, block: _Block, section: _SectionBuild | None) -> None:
        item = _ITEM.match(text)
        if item is not None and self.last_para is not None and self.last_para.draft:
            body, footnotes = _cut(text, footnotes, item.end())
            self.attach_item(self.last_para, item.group(1), body, block.line, footnotes)
            return
        numbered = _NUMBERED.match(text)
        number = None
        if numbered is not None:
            number = numbered.group(1)
            text, footnotes = _cut(text, footnotes, numbered.end())
        para = _Para("text", number, text, block.line, footnotes, quoted=True, draft=True)
        self.add_text_paragraph(para, section)
        self.last_para = para

    def attach_item(self, parent: _Para, label: str, text: str, line: int, footnotes) -> None:
        """Nest ``(a)`` under the paragraph and ``(i)`` under the current lettered item."""
        is_roman = all(character in "ivxl" for character in label)
        letters = [child for child in parent.items]
        last_letter = letters[-1] if letters else None
        treat_as_roman = False
        if is_roman and last_letter is not None:
            if label == "i":
                # "(i)" after "(h)" is the ninth letter, unless "(h)" ends with a colon and has no
                # sub-paragraphs yet ("(h) With regard to ...:" then "(i) Encouraged ..."); otherwise
                # it starts a roman list.
                treat_as_roman = last_letter.number != "h" or (
                    not last_letter.items and last_letter.text.rstrip().endswith(":")
                )
            elif last_letter.items:
                treat_as_roman = True
            elif label not in ("v", "x", "l"):
                treat_as_roman = True
        child = _Para("item", label, text, line, footnotes)
        if treat_as_roman and last_letter is not None:
            last_letter.items.append(child)
        else:
            parent.items.append(child)


_INVISIBLE = " \t\u200b\u200c\u200d\u200e\u200f\ufeff\u00a0"


def _slug(text: str, words: int = 5) -> str:
    """``"Mobility incentive"`` -> ``"mobility-incentive"``: a heading as an id fragment (first words only)."""
    kept = re.findall(r"[a-z0-9]+", text.lower())[:words]
    return "-".join(kept) or "heading"


def _ocr_number(printed: str) -> str | None:
    """``"i9"`` -> ``"19"``: an OCR'd number with 1 read as i, I or l; None unless it holds a real digit
    (so that a roman ``I`` is never taken for a number)."""
    if not any(character.isdigit() for character in printed):
        return None
    plain = printed.replace("i", "1").replace("I", "1").replace("l", "1")
    return str(int(plain)) if plain.isdigit() else None


def _looks_preambular(text: str, blocks, block) -> bool:
    """A preambular paragraph ends with a comma (or a colon introducing items that end with one)."""
    # "Rights,2": a footnote marker the XML left as text; invisible marks (U+200E) are not punctuation.
    tail = text.rstrip(_INVISIBLE).rstrip("0123456789*/†").rstrip()
    if tail.endswith((",", "，")):
        return True
    if tail.endswith(":") and _colon_leads_to_preamble(blocks, block):
        return True
    # A preambular paragraph with a typing slip at its end ("." or ";") still opens like one.
    first_word = text.split(" ", 1)[0].rstrip(",")
    return first_word.endswith("ing") or first_word in _PREAMBULAR_OPENERS or (
        first_word.endswith("ed") and first_word not in _OPERATIVE_ED
    )


_PREAMBULAR_OPENERS = frozenset(
    "Aware Mindful Conscious Cognizant Desirous Deeply Gravely Further Fully Strongly Profoundly "
    "Seriously Keenly Firmly Also Convinced Concerned Alarmed Determined Whereas".split()
)
_OPERATIVE_ED = frozenset(("Proceed", "Need"))


def _colon_leads_to_preamble(blocks, block) -> bool:
    """Look at the sub-paragraphs after ``block``: if the last ends with a comma, it is preamble."""
    position = block.position
    last_text = None
    for following in blocks[position + 1 : position + 40]:
        if following.kind != "text":
            break
        text = following.lines[0].text
        if _ITEM.match(text):
            last_text = following.lines[-1].text
            continue
        break
    return last_text is not None and last_text.rstrip(_INVISIBLE).endswith(",")


def _is_heading(text: str, block: _Block) -> bool:
    """A heading: short, no closing punctuation, not a numbered or lettered paragraph."""
    if len(text) > 180 or not text:
        return False
    tail = text.rstrip(_INVISIBLE).rstrip("0123456789*/†")
    if not tail or tail[-1] in ".,;:" or tail.endswith((" and", " or")):
        return False
    if _NUMBERED.match(text) or _ITEM.match(text):
        return False
    return text[0].isupper() or text[0].isdigit()


def _body_name(text: str) -> str | None:
    cleaned = text.strip().strip("*").strip()
    for body in _BODIES:
        if cleaned.lower() == body.lower():
            return body
    return None


def _enacting_body(text: str) -> str | None:
    match = _ENACTING.match(text)
    if match is None:
        return None
    name = match.group(1).strip()
    for body in _BODIES:
        if name == body:
            return body
    if name in ("Assembly", "Council") or len(name.split()) <= 8 and name[0].isupper() and "," not in name:
        if name.split()[-1] in ("Assembly", "Council", "Commission", "Committee", "Conference", "Board"):
            return name
    return None


_SYMBOL_YEAR = re.compile(r"\((\d{4})\)$")


def _symbol_year(symbol_text: str | None) -> str | None:
    found = _SYMBOL_YEAR.search(symbol_text or "")
    return found.group(1) if found else None


def _sc_title_date(title: str) -> str | None:
    if title.startswith("Resolution of "):
        return grammar.find_date(title)
    return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---------------------------------------------------------------------------------------------
# Symbols of the resolution itself


_PART_LETTERS = re.compile(r"[A-Z]")
_PART_RANGE = re.compile(r" [A-Z] ?[-–] ?[A-Z]$")


def _symbol_of_number(number: str, parts: str, body: str | None, kind: str) -> str | None:
    """Symbol from the printed number: ``51/148`` -> ``A/RES/51/148``; parts ``A, B and C`` as ``A-C``."""
    letters = _PART_LETTERS.findall(parts)
    suffix = f" {letters[0]}-{letters[-1]}" if len(letters) > 1 else (f" {letters[0]}" if letters else "")
    return symbols.resolution_symbol(number + suffix, body, kind)


# ---------------------------------------------------------------------------------------------
# Pass 3: assemble the model


_PROPONENT_DOCUMENTS = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\]?$")


class _Assembler:
    def __init__(self, reader: _Reader, path: str, kind: str) -> None:
        self.reader = reader
        self.path = path
        self.kind = kind
        self.citations: list[Citation] = []
        self.used_ids: set[str] = set()
        self.marker_uses: dict[str, int] = {}
        self.marker_lines: list[tuple[str, int]] = []
        self.tables = 0
        self.body = reader.body
        # Markers printed as "*" or "1/" (older documents) are only recognised when such notes exist.
        plain = [note.mark for note in reader.notes if note.plain or not note.mark[:1].isdigit()]
        self.marker_patterns = [_plain_marker_pattern(plain)] if plain else []
        # OCR'd texts lost some <sup> markup: a note nothing refers to may still be marked by its
        # number glued to the word before it ("meeting.11"), never by a free-standing number.
        referenced = {mark for para in _all_paras(reader) for _, mark in para.footnotes}
        referenced.update(mark for printed in reader.title_lines for _, mark in printed.footnotes)
        orphans = sorted(
            {note.mark for note in reader.notes if note.mark.isdigit() and not note.plain} - referenced,
            key=len, reverse=True,
        )
        if orphans:
            numbers = "|".join(orphans)
            self.marker_patterns.append(re.compile(rf"(?<=[A-Za-z.,;:)\]”’])({numbers})(?=[\s,.;:)]|$)"))

    def unique(self, wanted: str, line: int, quiet: bool = False) -> str:
        """``wanted`` if free, else ``wanted-2``, ``wanted-3``...; a repeated printed number is reported,
        except in annexes and quoted drafts, whose numbering often restarts under their own headings."""
        if wanted not in self.used_ids:
            self.used_ids.add(wanted)
            return wanted
        counter = 2
        while f"{wanted}-{counter}" in self.used_ids:
            counter += 1
        if not quiet and not wanted.startswith("annex") and "draft-" not in wanted:
            self.reader.warn(
                line, DUPLICATE_NUMBER, f"paragraph id '{wanted}' is used twice, expected unique numbers",
                INFO,  # the repeat gets a unique id and is shown as printed
            )
        self.used_ids.add(f"{wanted}-{counter}")
        return f"{wanted}-{counter}"

    def marks_for(self, text: str, footnotes, where: str, line: int) -> tuple[Mark, ...]:
        marks = [Mark("footnote", offset, offset, mark) for offset, mark in footnotes]
        for offset, mark in footnotes:
            self.marker_uses[mark] = self.marker_uses.get(mark, 0) + 1
            self.marker_lines.append((mark, line))
        for found in citations.find_citations(text, self.body):
            index = len(self.citations)
            self.citations.append(
                Citation(
                    symbol=found.symbol,
                    kind=found.kind,
                    paragraph=found.paragraph,
                    text=text[found.start : found.end],
                    where=where,
                    line=line,
                )
            )
            marks.append(Mark("citation", found.start, found.end, str(index)))
        if len(marks) > 1:
            marks.sort(key=lambda mark: (mark.start, mark.kind != "footnote"))
        return tuple(marks)

    def paragraph(self, para: _Para, wanted_id: str) -> Paragraph:
        para_id = self.unique(wanted_id, para.line)
        for pattern in self.marker_patterns:
            para.text, para.footnotes = _take_plain_markers(para.text, para.footnotes, pattern)
        marks = self.marks_for(para.text, para.footnotes, para_id, para.line)
        items = tuple(self.paragraph(item, f"{para_id}-{item.number}") for item in para.items)
        table = None
        if para.table is not None:
            self.tables += 1
            table = Table(f"table-{self.tables}", para.table[0], para.table[1], para.line)
        return Paragraph(
            id=para_id, kind=para.kind, number=para.number, text=para.text, line=para.line, marks=marks,
            items=items, table=table,
        )

    def paragraphs(self, paras: list[_Para], prefix: str, unnumbered_prefix: str | None = None) -> tuple[Paragraph, ...]:
        numbered_prefix = prefix
        prefix = unnumbered_prefix if unnumbered_prefix is not None else prefix
        result = []
        counters = {"preamble": 0, "text": 0, "heading": 0}
        numbered_seen = False
        heading_since_numbered: _Para | None = None
        for para in paras:
            if para.kind == "operative" and para.number == "1" and numbered_seen and heading_since_numbered:
                # Numbering restarts at 1 under a heading ("Mobility incentive", "Article 5"): the
                # paragraphs that follow are named after that heading, so that ids stay unique.
                numbered_prefix = f"{prefix}{_slug(heading_since_numbered.text)}-"
            if para.kind == "operative":
                numbered_seen, heading_since_numbered = True, None
            elif para.kind == "heading":
                heading_since_numbered = para
            if para.draft:
                if para.number:
                    wanted = f"{prefix}draft-para-{para.number}"
                else:
                    counters["draft"] = counters.get("draft", 0) + 1
                    wanted = f"{prefix}draft-text-{counters['draft']}"
            elif para.kind == "preamble":
                counters["preamble"] += 1
                wanted = f"{prefix}pp-{counters['preamble']}"
            elif para.kind == "operative":
                wanted = f"{numbered_prefix}para-{para.number}"
            else:
                counters[para.kind] = counters.get(para.kind, 0) + 1
                wanted = f"{prefix}{para.kind}-{counters[para.kind]}"
            result.append(self.paragraph(para, wanted))
        return tuple(result)

    def sections(self, sections: list[_SectionBuild], prefix: str) -> tuple[Section, ...]:
        # Numbering that restarts in a section gets the section prefix; continuous numbering does not.
        numbers: list[str] = [p.number for s in sections for p in s.operative if p.number]
        restarts = len(numbers) != len(set(numbers))
        built = []
        for section in sections:
            own_prefix = f"{prefix}sec-{section.label.lower()}-"
            preamble = self.paragraphs(section.preamble, own_prefix)
            # Printed numbers keep their plain id unless numbering restarts; unnumbered blocks are counted
            # per section, so they always carry the section's prefix.
            operative = self.paragraphs(section.operative, own_prefix if restarts else prefix, own_prefix)
            built.append(Section(section.label, section.title, preamble, operative, section.line))
        return tuple(built)

    def build(self, text_line: int) -> Resolution:
        reader = self.reader
        title = " ".join(printed.text for printed in reader.title_lines)
        title = " ".join(title.split())
        title_marks = [mark for printed in reader.title_lines for _, mark in printed.footnotes]
        for mark in title_marks:
            self.marker_uses[mark] = self.marker_uses.get(mark, 0) + 1
        kind = self.kind
        number = reader.number
        if number and reader.number_parts:
            number = f"{number} {reader.number_parts}"
        if number and reader.part_label:
            number = f"{number} {reader.part_label}"
        for _, mark in reader.part_marks:
            self.marker_uses[mark] = self.marker_uses.get(mark, 0) + 1
        symbol = symbols.normalise_symbol(reader.symbol_text) if reader.symbol_text else None
        if symbol is not None and reader.number and kind == "resolution":
            from_number = _symbol_of_number(reader.number, reader.number_parts or (reader.part_label or ""), reader.body, kind)
            if from_number is not None and symbols.base_symbol(from_number) != symbols.base_symbol(symbol):
                reader.warn(
                    reader.symbol_line, SYMBOL_DISAGREES,
                    f"symbol {symbol} does not match the number {number} printed before the title, expected {from_number}",
                    INFO,  # the symbol line is kept and the page is right: an OCR slip in the number
                )
        if symbol is None and reader.number:
            symbol = _symbol_of_number(reader.number, reader.number_parts or (reader.part_label or ""), reader.body, kind)
        if symbol is None:
            reader.warn(0, MISSING_SYMBOL, "no document symbol found, expected a symbol line such as A/RES/51/148", ERROR)
        if not title and number is None:
            reader.warn(
                0, MISSING_TITLE, "no number and title line found, expected a line such as '51/148. Title'"
            )
        session = reader.session
        if session is None and reader.body in ("General Assembly", "Economic and Social Council") and title:
            reader.warn(0, MISSING_SESSION, "no session line found, expected a line such as 'Fifty-first session'")
        if session is None and kind == "resolution" and reader.body == "Security Council" and number:
            year = re.search(r"\((\d{4})\)", number)
            session = year.group(1) if year else None

        # Proponent line first: it comes first in the document.
        documents: tuple[str, ...] = ()
        if reader.proponent:
            self.marks_for(reader.proponent, [], "proponent", reader.proponent_line)
            found = _PROPONENT_DOCUMENTS.search(reader.proponent)
            if found:
                documents = symbols.split_documents(found.group(1))

        root = reader.root
        preamble = self.paragraphs(root.preamble, "")
        operative = self.paragraphs(root.operative, "")
        sections = self.sections(root.sections, "")
        parts = []
        for part in reader.parts:
            prefix = f"part-{part.label.lower()}-"
            parts.append(
                Part(
                    label=part.label,
                    title=part.title,
                    preamble=self.paragraphs(part.preamble, prefix),
                    operative=self.paragraphs(part.operative, prefix),
                    sections=self.sections(part.sections, prefix),
                    meeting=part.meeting,
                    adopted=part.adopted,
                    line=part.line,
                    enacting_formula=part.enacting_formula,
                )
            )
        annexes = self.annexes()
        for _, mark in reader.meeting_marks:
            self.marker_uses[mark] = self.marker_uses.get(mark, 0) + 1
        footnotes = self.footnotes()
        unplaced = self.paragraphs(reader.unplaced, "unplaced-") if reader.unplaced else ()

        meeting = root.meeting
        adopted = root.adopted
        if parts:
            meetings = {(p.meeting.number, p.meeting.resumed) if p.meeting else None for p in parts}
            dates = {p.adopted for p in parts}
            if meeting is None and len(meetings) == 1 and parts[0].meeting is not None:
                meeting = parts[0].meeting
            if adopted is None and len(dates) == 1:
                adopted = parts[0].adopted
            printed = [part.meeting for part in parts if part.meeting is not None]
            if meeting is None and kind == "decision" and printed:
                # A decision's record lists its meetings together at the end: the first is the decision's.
                meeting = min(printed, key=lambda found: found.line)
                adopted = adopted or meeting.date
        if adopted is None and meeting is None and not parts:
            adopted = reader.sc_date or reader.cover_adopted
        elif adopted is None and reader.sc_date:
            adopted = reader.sc_date
        if meeting is None and not parts and adopted is None:
            reader.warn(
                0, MISSING_MEETING,
                "no meeting line found, expected a line such as '84th plenary meeting' or 'Adopted at the ... meeting'",
            )
        elif parts and meeting is None and any(part.meeting is None for part in parts):
            for part in parts:
                if part.meeting is None:
                    reader.warn(part.line, MISSING_MEETING, f"part {part.label} has no meeting line, expected one")

        self.check_notes(footnotes)
        return Resolution(
            source=self.path,
            kind=kind,
            body=reader.body,
            symbol=symbol,
            number=number,
            title=title,
            session=session,
            session_text=reader.session_text,
            agenda_items=_agenda_with_titles(reader.agenda, reader.agenda_titles),
            issued=reader.issued,
            adopted=adopted,
            meeting=meeting,
            proponent=reader.proponent,
            documents=documents,
            enacting_formula=root.enacting_formula,
            preamble=preamble,
            operative=operative,
            sections=sections,
            parts=tuple(parts),
            annexes=annexes,
            footnotes=footnotes,
            citations=tuple(self.citations),
            vote=reader.vote,
            adopted_line=reader.adopted_line,
            unplaced=unplaced,
            diagnostics=tuple(reader.diagnostics),
            line=text_line,
            topic=" ".join(reader.topic) or None,
            part_label=reader.part_label,
            part_title=reader.part_title,
        )

    def annexes(self) -> tuple[Annex, ...]:
        built = []
        for annex in self.reader.annexes:
            suffix = annex.label.split(" ", 1)[1].lower() if " " in annex.label else ""
            annex_id = self.unique(f"annex-{suffix}" if suffix else "annex", annex.line)
            blocks = []
            counters: dict[str, int] = {}
            for block in annex.blocks:
                if isinstance(block, _Block):
                    counters["table"] = counters.get("table", 0) + 1
                    header, rows = block.table
                    blocks.append(Table(self.unique(f"{annex_id}-table-{counters['table']}", block.line), header, rows, block.line))
                    continue
                if block.kind == "operative":
                    wanted = f"{annex_id}-para-{block.number}"
                else:
                    counters[block.kind] = counters.get(block.kind, 0) + 1
                    wanted = f"{annex_id}-{block.kind}-{counters[block.kind]}"
                blocks.append(self.paragraph(block, wanted))
            built.append(Annex(annex.label, annex_id, annex.title, tuple(blocks), annex.line))
        return tuple(built)

    def footnotes(self) -> tuple[Footnote, ...]:
        built = []
        seen: set[str] = set()
        for note in sorted(self.reader.notes, key=lambda note: note.line):
            wanted = f"fn-{_anchor(note.mark)}"
            note_id = wanted if wanted not in seen else f"{wanted}-{len(seen)}"
            seen.add(note_id)
            self.used_ids.add(note_id)
            marks = self.marks_for(note.text, [], note_id, note.line)
            built.append(Footnote(note.mark, note_id, note.text, note.line, marks))
        return tuple(built)

    def check_notes(self, footnotes: tuple[Footnote, ...]) -> None:
        defined = {note.mark for note in footnotes}
        reported: set[str] = set()
        for mark, line in self.marker_lines:
            if mark not in defined and mark not in reported:
                reported.add(mark)
                self.reader.warn(line, MARKER_WITHOUT_NOTE, f"footnote marker '{mark}' has no note, expected a definition after '---'")
        for note in footnotes:
            if note.mark not in self.marker_uses:
                self.reader.warn(
                    note.line, NOTE_WITHOUT_MARKER,
                    f"footnote '{note.mark}' is never referenced, expected a marker in the text",
                    INFO,  # the note is still shown: a defect of the source, not of the page
                )


def _agenda_with_titles(items: list[AgendaItem], titles: list[str]) -> tuple[AgendaItem, ...]:
    """Titles printed under the agenda line: one per item when the counts agree, else all for one item."""
    if len(items) == 1 and titles:
        return (replace(items[0], title=" ".join(titles)),)
    if len(items) > 1 and len(titles) == len(items):
        return tuple(replace(item, title=title) for item, title in zip(items, titles))
    return tuple(items)


def _all_paras(reader: _Reader):
    """Every paragraph and sub-paragraph the reader built, in no particular order."""
    stack: list[_Para] = list(reader.unplaced)
    for container in (reader.root, *reader.parts):
        stack += container.preamble + container.operative
        for section in container.sections:
            stack += section.preamble + section.operative
    for annex in reader.annexes:
        stack += [block for block in annex.blocks if isinstance(block, _Para)]
    while stack:
        para = stack.pop()
        yield para
        stack.extend(para.items)


def _plain_marker_pattern(marks: list[str]) -> re.Pattern[str]:
    """Markers ``*``/``**`` glued to a word, or `` 1/`` after a word, for the given note marks."""
    stars = sorted({mark for mark in marks if not mark[0].isdigit()}, key=len, reverse=True)
    alternatives = [rf"(?<=\S)({re.escape(mark)})(?=[\s,.;:)]|$)" for mark in stars]
    if any(mark[0].isdigit() for mark in marks):
        alternatives.append(r"(?<=[^\d\s/]) ?(\d{1,3})/(?=[\s,.;:)]|$)")
    return re.compile("|".join(alternatives))


def _take_plain_markers(text: str, footnotes: list[tuple[int, str]], pattern: re.Pattern[str]):
    """Remove plain markers from ``text`` and record them as footnote references at their offsets."""
    matches = [
        (match.start(), match.end(), next(group for group in match.groups() if group is not None))
        for match in pattern.finditer(text)
    ]
    if not matches:
        return text, footnotes
    pieces: list[str] = []
    last = 0
    for start, end, _ in matches:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])

    def moved(offset: int) -> int:
        # Offsets are in the original text; subtract what was removed before them.
        shift = 0
        for start, end, _ in matches:
            if end <= offset:
                shift += end - start
            elif start < offset:
                shift += offset - start
        return offset - shift

    found = [(moved(start), mark) for start, _, mark in matches]
    return "".join(pieces), sorted([(moved(offset), mark) for offset, mark in footnotes] + found)


def _anchor(mark: str) -> str:
    if mark.isalnum():
        return mark.lower()
    return {"*": "star", "**": "star2", "***": "star3", "†": "dagger", "‡": "ddagger"}.get(mark, "x")


# ---------------------------------------------------------------------------------------------
# Public API


_SYMBOL_FROM_NAME = re.compile(r"^(A|S|E)_(RES|DEC)_(.+)$")


def _kind_from_path(path: str) -> str:
    name = Path(path).name
    return "decision" if name.startswith("A_DEC_") or "/DEC/" in name else "resolution"


def _empty(path: str, code: str, message: str) -> Resolution:
    return Resolution(
        source=path, kind="resolution", body=None, symbol=None, number=None, title="", session=None,
        session_text=None, agenda_items=(), issued=None, adopted=None, meeting=None, proponent=None,
        documents=(), enacting_formula=None, preamble=(), operative=(), sections=(), parts=(), annexes=(),
        footnotes=(), citations=(), vote=None,
        diagnostics=(Diagnostic(path, 0 if code != EMPTY_FILE else 1, ERROR, code, message),),
    )


def parse(text: str, path: str = "<string>") -> Resolution:
    """Parse the text of one source file. Never raises on content; problems are in ``diagnostics``."""
    if not text.strip():
        return _empty(path, EMPTY_FILE, "the file is empty, expected a resolution text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    meta, body_text, front_lines, problems = frontmatter.split(text)
    diagnostics = [Diagnostic(path, line, severity, code, message) for line, severity, code, message in problems]
    front = None
    if meta:
        front, read_problems = frontmatter.read(meta, 1)
        diagnostics.extend(Diagnostic(path, line, severity, code, message) for line, severity, code, message in read_problems)
    if not body_text.strip():
        resolution = _empty(path, EMPTY_FILE, "the file has no text after its front matter, expected a resolution text")
        return replace(resolution, diagnostics=tuple(diagnostics) + resolution.diagnostics)
    tokens = _MARKDOWN.parse(body_text)
    blocks = _blocks(tokens, front_lines)
    kind = _kind_from_path(path)
    reader = _Reader(blocks, path)
    reader.diagnostics.extend(diagnostics)
    reader.read()
    if kind == "resolution" and reader.symbol_text is None and reader.body == "General Assembly" and reader.session and " session of the General Assembly" in (reader.session_text or ""):
        kind = "decision"
    resolution = _Assembler(reader, path, kind).build(front_lines + 1)
    if front is not None:
        resolution = frontmatter.apply(resolution, front, 1)
    return resolution


def parse_file(path: str | Path, display_path: str | None = None) -> Resolution:
    """Read and parse one file. A binary or non-UTF-8 file gives an error and an empty Resolution."""
    shown = display_path if display_path is not None else str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return _empty(shown, UNREADABLE_FILE, f"cannot read the file ({error.strerror}), expected a readable text file")
    if b"\x00" in data[:8192]:
        return _empty(shown, UNREADABLE_FILE, "the file is binary (contains NUL bytes), expected UTF-8 Markdown text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        resolution = _empty(shown, NOT_UTF8, f"byte {error.start} (line {line}) is not UTF-8, expected UTF-8 Markdown text")
        return replace(resolution, diagnostics=(replace(resolution.diagnostics[0], line=line),))
    return parse(text, shown)
