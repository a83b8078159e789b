"""The cover page: the header rules, from the top of the file to the number-and-title line.

A block is read line by line against ``LINE_RULES``, tried in order: the body, ``Distr.``, the symbol,
the date, the session line, agenda items, the adoption line, the proponent line, agenda titles, an old
topic heading; a line none of them takes is kept as unplaced text with a warning. The walk stops at the
number-and-title line (read with the title lines and part letter under it) or at the enacting formula.
"""

from __future__ import annotations

import re

from resolutions import symbols
from resolutions.model import AgendaItem
from resolutions.parse import codes, grammar
from resolutions.parse.blocks import Block, Line
from resolutions.parse.state import Para, State, short

BODIES = (
    "General Assembly",
    "Security Council",
    "Economic and Social Council",
    "Human Rights Council",
    "Trusteeship Council",
)

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
ENACTING = re.compile(
    r"^The (General Assembly|Security Council|Economic and Social Council|[A-Z][A-Za-z ]{2,60}?)\s?[,:;]?$"
)
PART_LABEL = re.compile(r"^([A-Z])\.?$")

# What a line rule did with the line at ``position`` of a block.
NOT_MINE = 0
TAKEN = 1
TAKEN_WITH_REST = 2
"""The line and every line after it in the block belong to it (the adoption or proponent line)."""


def read(state: State) -> int:
    """Cover page up to and including the number-and-title line; returns the next block index."""
    blocks = state.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind != "text":
            if block.kind == "rule":
                index += 1
                continue
            return index
        first = block.lines[0].text
        if state.heading.number is None and state.heading.title_lines == [] and is_body_start(first):
            return index
        if _NUMBER_TITLE.match(first) or _SC_RESOLUTION_LINE.match(first):
            _read_number_title(state, block)
            index += 1
            following = blocks[index] if index < len(blocks) else None
            if following is not None and following.kind == "text" and len(following.lines) == 1:
                if state.heading.sc_date is None and _SC_DATE_LINE.match(following.lines[0].text):
                    # "Resolution 231 (1966)" and "of 15 December 1966" in separate blocks.
                    state.heading.sc_date = grammar.find_date(following.lines[0].text)
                    index += 1
            return index
        lines = block.lines
        for position, printed in enumerate(lines):
            if not printed.text:
                continue
            for rule in LINE_RULES:
                taken = rule(state, lines, position)
                if taken:
                    break
            if taken == TAKEN_WITH_REST:
                break
        index += 1
    return index


# -- line rules: rule(state, lines, position) -> NOT_MINE, TAKEN or TAKEN_WITH_REST -----------------


def body_line(state: State, lines: list[Line], position: int) -> int:
    printed = lines[position]
    cover = state.cover
    if cover.body is None and (printed.bold or printed.text in BODIES):
        name = body_name(printed.text)
        if name:
            cover.body = name
            return TAKEN
    return NOT_MINE


def distribution_line(state: State, lines: list[Line], position: int) -> int:
    text = lines[position].text
    return TAKEN if _DISTR.match(text) or _GENERAL.match(text) else NOT_MINE


def symbol_line(state: State, lines: list[Line], position: int) -> int:
    printed = lines[position]
    if state.cover.symbol_text is None and _SYMBOL_LINE.match(printed.text):
        if symbols.normalise_symbol(printed.text) is None:  # laid out as a symbol, but not one: A/RES/../..
            return _unplaced(
                state, printed, codes.SYMBOL_LINE_NOT_A_SYMBOL,
                f"symbol line '{short(printed.text)}' is not a document symbol, expected one such as A/RES/51/148; "
                "kept as unplaced text",
            )
        state.cover.symbol_text = printed.text
        state.cover.symbol_line = printed.line
        return TAKEN
    return NOT_MINE


def date_line(state: State, lines: list[Line], position: int) -> int:
    """The date of issue; a line shaped as a date that is no calendar date is reported."""
    printed = lines[position]
    cover = state.cover
    date = grammar.parse_date(printed.text)
    if date is not None and cover.issued is None and cover.session is None:
        cover.issued = date
        return TAKEN
    if date is None and grammar.is_date_shaped(printed.text):
        state.warn(
            printed.line, codes.BAD_DATE,
            f"'{printed.text}' is not a calendar date, expected a date such as 13 December 1996",
        )
        return TAKEN
    return NOT_MINE


def session_line(state: State, lines: list[Line], position: int) -> int:
    text = lines[position].text
    session = grammar.parse_session(text)
    if session is not None and state.cover.session is None:
        state.cover.session, state.cover.session_text = session, text
        return TAKEN
    return NOT_MINE


def agenda_line(state: State, lines: list[Line], position: int) -> int:
    printed = lines[position]
    agenda = grammar.parse_agenda_items(printed.text)
    if agenda is None:
        return NOT_MINE
    state.cover.agenda.extend(AgendaItem(item, None, printed.line) for item in agenda)
    state.cursor.after_agenda = True
    return TAKEN


def adoption_line(state: State, lines: list[Line], position: int) -> int:
    """"Resolutions adopted by the General Assembly ...": the rest of the block is that line."""
    if not _ADOPTED_COVER.match(lines[position].text):
        return NOT_MINE
    state.cover.adopted_line = " ".join(p.text for p in lines[position:])
    state.cover.adopted = grammar.find_date(state.cover.adopted_line)
    state.cursor.after_agenda = False
    return TAKEN_WITH_REST


def proponent_line(state: State, lines: list[Line], position: int) -> int:
    """"[on the report of the Third Committee (A/51/612)]": the rest of the block is that line."""
    if not lines[position].text.startswith("["):
        return NOT_MINE
    _read_proponent(state, lines[position:])
    state.cursor.after_agenda = False
    return TAKEN_WITH_REST


def agenda_title_line(state: State, lines: list[Line], position: int) -> int:
    if not state.cursor.after_agenda:
        return NOT_MINE
    state.cover.agenda_titles.append(lines[position].text)
    return TAKEN


def topic_line(state: State, lines: list[Line], position: int) -> int:
    """Old Security Council volumes print the topic as a heading in capitals."""
    text = lines[position].text
    if text.isupper() and len(text) > 3:
        state.cover.topic.append(text)
        return TAKEN
    return NOT_MINE


def unknown_line(state: State, lines: list[Line], position: int) -> int:
    """Any other line is kept as unplaced text, with a warning."""
    printed = lines[position]
    return _unplaced(
        state, printed, codes.UNKNOWN_HEADER_LINE,
        f"unknown header line '{short(printed.text)}', expected the body, symbol, date, session, "
        "agenda item, adoption line, proponent line or the number and title",
    )


def _unplaced(state: State, printed: Line, code: str, message: str) -> int:
    """Keep a cover line no rule can use as unplaced text, with its warning."""
    state.warn(printed.line, code, message)
    state.content.unplaced.append(Para("unplaced", None, printed.text, printed.line, list(printed.footnotes)))
    return TAKEN


LINE_RULES = (
    body_line,
    distribution_line,
    symbol_line,
    date_line,
    session_line,
    agenda_line,
    adoption_line,
    proponent_line,
    agenda_title_line,
    topic_line,
    unknown_line,
)


# -- the number and title -------------------------------------------------------------------------


def is_body_start(text: str) -> bool:
    """The enacting formula ("The General Assembly,") of a known body: the text begins."""
    return bool(ENACTING.match(text)) and enacting_body(text) is not None


def _read_proponent(state: State, lines: list[Line]) -> None:
    state.cover.proponent = " ".join(printed.text for printed in lines)
    state.cover.proponent_line = lines[0].line


def _read_number_title(state: State, block: Block) -> None:
    heading = state.heading
    first = block.lines[0]
    match = _NUMBER_TITLE.match(first.text)
    rest_lines = block.lines[1:]
    if match is not None:
        heading.number = match.group(1)
        heading.number_parts = match.group(2).strip()
        title_start = first.text[match.start(3):] if match.group(3) else ""
    else:
        sc = _SC_RESOLUTION_LINE.match(first.text)
        if sc.group(4):
            number, year, title_start = sc.group(4), sc.group(5), sc.group(6)
        else:
            number, year, title_start = sc.group(1), sc.group(2), sc.group(3) or ""
        year = (year or "").replace("-", "") or _symbol_year(state.cover.symbol_text)
        heading.number = f"{number} ({year})" if year else number
    title_lines: list[Line] = []
    if title_start:
        shift = len(first.text) - len(title_start)
        title_lines.append(Line(title_start, first.line, [(max(o - shift, 0), m) for o, m in first.footnotes]))
    for position, printed in enumerate(rest_lines):
        if PART_LABEL.match(printed.text) and not heading.number_parts:
            # "74/232. Title" then "B": one part of a resolution printed in its own file.
            heading.part_label = PART_LABEL.match(printed.text).group(1)
            heading.part_title = " ".join(p.text for p in rest_lines[position + 1 :]) or None
            heading.part_marks = list(printed.footnotes)
            break
        if printed.text.startswith("["):
            _read_proponent(state, [printed])
            continue
        date_line = _SC_DATE_LINE.match(printed.text)
        if date_line is not None:
            heading.sc_date = grammar.find_date(printed.text)
            continue
        title_lines.append(printed)
    heading.title_lines = title_lines
    if title_lines:
        heading.sc_date = heading.sc_date or _sc_title_date(title_lines[0].text)


def read_single_part_label(state: State, index: int) -> int:
    """``B`` in its own block under the title, when the symbol says the file holds part B only."""
    heading = state.heading
    if heading.part_label is not None or index >= len(state.blocks) or state.blocks[index].kind != "text":
        return index
    block = state.blocks[index]
    match = PART_LABEL.match(block.lines[0].text)
    symbol = state.cover.symbol_text or ""
    if match is None or not symbol.endswith(" " + match.group(1)):
        return index
    heading.part_label = match.group(1)
    heading.part_title = " ".join(p.text for p in block.lines[1:]) or None
    heading.part_marks = list(block.lines[0].footnotes)
    return index + 1


def body_name(text: str) -> str | None:
    cleaned = text.strip().strip("*").strip()
    for body in BODIES:
        if cleaned.lower() == body.lower():
            return body
    return None


def enacting_body(text: str) -> str | None:
    """The body named by an enacting formula: a known one, or a name ending "Assembly", "Council"..."""
    match = ENACTING.match(text)
    if match is None:
        return None
    name = match.group(1).strip()
    for body in BODIES:
        if name == body:
            return body
    if name in ("Assembly", "Council") or len(name.split()) <= 8 and name[0].isupper() and "," not in name:
        if name.split()[-1] in ("Assembly", "Council", "Commission", "Committee", "Conference", "Board"):
            return name
    return None


_PART_LETTER = re.compile(r"[A-Z]")


def part_letters(number_parts: str) -> list[str]:
    """The part letters printed after the number: ``A, B and C`` -> ``["A", "B", "C"]``."""
    return _PART_LETTER.findall(number_parts)


_SYMBOL_YEAR = re.compile(r"\((\d{4})\)$")


def _symbol_year(symbol_text: str | None) -> str | None:
    found = _SYMBOL_YEAR.search(symbol_text or "")
    return found.group(1) if found else None


def _sc_title_date(title: str) -> str | None:
    if title.startswith("Resolution of "):
        return grammar.find_date(title)
    return None
