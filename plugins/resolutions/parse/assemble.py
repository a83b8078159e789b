"""Pass 3: the reader's state frozen into a ``Resolution``.

Ids are given (ids.py), citations are found in document order and turned into marks, footnote markers
are paired with notes (plain ``*`` and ``1/`` markers recognised when such notes exist), the symbol,
session, meeting and adoption date are worked out from what was printed, and what is missing is
reported.
"""

from __future__ import annotations

import re
from dataclasses import replace

from resolutions import symbols
from resolutions.model import (
    AgendaItem,
    Annex,
    Citation,
    Footnote,
    Mark,
    Meeting,
    Paragraph,
    Part,
    Resolution,
    Section,
    Table,
)
from resolutions.parse import adoption, citations, codes, ids, titles
from resolutions.parse.blocks import Block
from resolutions.parse.cover import part_letters
from resolutions.parse.state import Container, Para, SectionBuild, State

_PROPONENT_DOCUMENTS = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)*)\)\]?$")
_YEAR_IN_NUMBER = re.compile(r"\((\d{4})\)")


def build(state: State, path: str, kind: str, text_line: int) -> Resolution:
    """The resolution of one file; ``text_line`` is the first line after the front matter."""
    ids_and_marks = _Marks(state)
    heading = state.heading
    cover = state.cover
    title = " ".join(" ".join(printed.text for printed in heading.title_lines).split())
    ids_and_marks.count_uses(mark for printed in heading.title_lines for _, mark in printed.footnotes)
    number = _printed_number(state)
    ids_and_marks.count_uses(mark for _, mark in heading.part_marks)
    symbol = _symbol(state, kind, number)
    if not title and number is None:
        state.warn(0, codes.MISSING_TITLE, "no number and title line found, expected a line such as '51/148. Title'")
    session = _session(state, kind, title, number)

    # Proponent line first: it comes first in the document.
    documents: tuple[str, ...] = ()
    if cover.proponent:
        ids_and_marks.marks_for(cover.proponent, [], "proponent", cover.proponent_line)
        found = _PROPONENT_DOCUMENTS.search(cover.proponent)
        if found:
            documents = symbols.split_documents(found.group(1))

    root = state.content.root
    preamble = ids_and_marks.paragraphs(root.preamble, "")
    operative = ids_and_marks.paragraphs(root.operative, "")
    sections = ids_and_marks.sections(root.sections, "")
    parts = tuple(_part(ids_and_marks, part) for part in state.content.parts)
    if kind == "decision" and len(parts) > 1:
        parts = tuple(adoption.part_meetings(parts, state.content.meeting_lines))
    annexes = ids_and_marks.annexes()
    ids_and_marks.count_uses(mark for _, mark in state.content.meeting_marks)
    footnotes = ids_and_marks.footnotes()
    unplaced = ids_and_marks.paragraphs(state.content.unplaced, "unplaced-") if state.content.unplaced else ()

    meeting, adopted = _meeting_and_adoption(state, kind, parts)
    _report_missing_meetings(state, meeting, adopted, parts)
    if cover.body == "Security Council" and kind == "resolution":
        title = titles.security_council_title(title, " ".join(cover.topic), adopted, number)
    ids_and_marks.check_notes(footnotes)
    return Resolution(
        source=path,
        kind=kind,
        body=cover.body,
        symbol=symbol,
        number=number,
        title=title,
        session=session,
        session_text=cover.session_text,
        agenda_items=_agenda_with_titles(cover.agenda, cover.agenda_titles),
        issued=cover.issued,
        adopted=adopted,
        meeting=meeting,
        proponent=cover.proponent,
        documents=documents,
        enacting_formula=root.enacting_formula,
        preamble=preamble,
        operative=operative,
        sections=sections,
        parts=parts,
        annexes=annexes,
        footnotes=footnotes,
        citations=tuple(ids_and_marks.citations),
        vote=state.content.vote,
        adopted_line=cover.adopted_line,
        unplaced=unplaced,
        diagnostics=tuple(state.diagnostics),
        line=text_line,
        topic=" ".join(cover.topic) or None,
        part_label=heading.part_label,
        part_title=heading.part_title,
    )


def _printed_number(state: State) -> str | None:
    """``51/148``, with the part letters printed after it (``A-C``) or the one part the file holds."""
    heading = state.heading
    number = heading.number
    if number and heading.number_parts:
        number = f"{number} {heading.number_parts}"
    if number and heading.part_label:
        number = f"{number} {heading.part_label}"
    return number


def _symbol(state: State, kind: str, number: str | None) -> str | None:
    """The symbol line; else the symbol the printed number gives; a disagreement between them is reported."""
    heading = state.heading
    symbol_text = state.cover.symbol_text
    symbol = symbols.normalise_symbol(symbol_text) if symbol_text else None
    parts = heading.number_parts or (heading.part_label or "")
    if symbol is not None and heading.number and kind == "resolution":
        from_number = _symbol_of_number(heading.number, parts, state.cover.body, kind)
        if from_number is not None and symbols.base_symbol(from_number) != symbols.base_symbol(symbol):
            # The symbol line is kept and the page is right: an OCR slip in the number.
            state.warn(
                state.cover.symbol_line, codes.SYMBOL_DISAGREES,
                f"symbol {symbol} does not match the number {number} printed before the title, expected {from_number}",
            )
    if symbol is None and heading.number:
        symbol = _symbol_of_number(heading.number, parts, state.cover.body, kind)
    if symbol is None:
        state.warn(0, codes.MISSING_SYMBOL, "no document symbol found, expected a symbol line such as A/RES/51/148")
    return symbol


def _symbol_of_number(number: str, parts: str, body: str | None, kind: str) -> str | None:
    """Symbol from the printed number: ``51/148`` -> ``A/RES/51/148``; parts ``A, B and C`` as ``A-C``."""
    letters = part_letters(parts)
    suffix = f" {letters[0]}-{letters[-1]}" if len(letters) > 1 else (f" {letters[0]}" if letters else "")
    return symbols.resolution_symbol(number + suffix, body, kind)


def _session(state: State, kind: str, title: str, number: str | None) -> str | None:
    """The session line; a Security Council resolution's session is the year of its symbol (which wins over
    a misprinted number line: ``S/RES/434 (1978)`` printed as ``Resolution 434 (1973)``), else its number's."""
    session = state.cover.session
    body = state.cover.body
    if session is None and body in ("General Assembly", "Economic and Social Council") and title:
        state.warn(0, codes.MISSING_SESSION, "no session line found, expected a line such as 'Fifty-first session'")
    if session is None and kind == "resolution" and body == "Security Council" and number:
        symbol_text = state.cover.symbol_text or ""
        year = _YEAR_IN_NUMBER.search(symbol_text) or _YEAR_IN_NUMBER.search(number)
        session = year.group(1) if year else None
    return session


def _part(marks: _Marks, part: Container) -> Part:
    prefix = ids.part_prefix(part.label)
    return Part(
        label=part.label,
        title=part.title,
        preamble=marks.paragraphs(part.preamble, prefix),
        operative=marks.paragraphs(part.operative, prefix),
        sections=marks.sections(part.sections, prefix),
        meeting=part.meeting,
        adopted=part.adopted,
        line=part.line,
        enacting_formula=part.enacting_formula,
    )


def _meeting_and_adoption(state: State, kind: str, parts: tuple[Part, ...]) -> tuple[Meeting | None, str | None]:
    """The resolution's meeting and date: its own, else the one all its parts share."""
    root = state.content.root
    meeting = root.meeting
    adopted = root.adopted
    if parts:
        meetings = {(p.meeting.number, p.meeting.resumed) if p.meeting else None for p in parts}
        dates = {p.adopted for p in parts}
        if meeting is None and len(meetings) == 1 and parts[0].meeting is not None:
            meeting = parts[0].meeting
        if adopted is None and len(dates) == 1:
            adopted = parts[0].adopted
        known = sorted(date for date in dates if date)
        if adopted is None and kind == "decision" and known:
            adopted = known[0]  # a decision adopted in parts (each at its meeting) is dated by its first part
    sc_date = state.heading.sc_date
    if adopted is None and meeting is None and not parts:
        adopted = sc_date or state.cover.adopted
    elif adopted is None and sc_date:
        adopted = sc_date
    return meeting, adopted


def _report_missing_meetings(state: State, meeting: Meeting | None, adopted: str | None, parts: tuple[Part, ...]) -> None:
    if meeting is None and not parts and adopted is None:
        state.warn(
            0, codes.MISSING_MEETING,
            "no meeting line found, expected a line such as '84th plenary meeting' or 'Adopted at the ... meeting'",
        )
    elif parts and meeting is None and any(part.meeting is None for part in parts):
        for part in parts:
            if part.meeting is None:
                state.warn(part.line, codes.MISSING_MEETING, f"part {part.label} has no meeting line, expected one")


def _agenda_with_titles(items: list[AgendaItem], titles: list[str]) -> tuple[AgendaItem, ...]:
    """Titles printed under the agenda line: one per item when the counts agree, else all for one item."""
    if len(items) == 1 and titles:
        return (replace(items[0], title=" ".join(titles)),)
    if len(items) > 1 and len(titles) == len(items):
        return tuple(replace(item, title=title) for item, title in zip(items, titles))
    return tuple(items)


class _Marks:
    """Ids, citation marks and footnote markers of one resolution, given in document order."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.citations: list[Citation] = []
        self.used_ids: set[str] = set()
        self.marker_uses: dict[str, int] = {}
        self.marker_lines: list[tuple[str, int]] = []
        self.tables = 0
        self.body = state.cover.body
        notes = state.content.notes
        # Markers printed as "*" or "1/" (older documents) are only recognised when such notes exist.
        plain = [note.mark for note in notes if note.plain or not note.mark[:1].isdigit()]
        self.marker_patterns = [_plain_marker_pattern(plain)] if plain else []
        # OCR'd texts lost some <sup> markup: a note nothing refers to may still be marked by its
        # number glued to the word before it ("meeting.11"), never by a free-standing number.
        referenced = {mark for para in _all_paras(state) for _, mark in para.footnotes}
        referenced.update(mark for printed in state.heading.title_lines for _, mark in printed.footnotes)
        orphans = sorted(
            {note.mark for note in notes if note.mark.isdigit() and not note.plain} - referenced,
            key=len, reverse=True,
        )
        if orphans:
            numbers = "|".join(orphans)
            self.marker_patterns.append(re.compile(rf"(?<=[A-Za-z.,;:)\]”’])({numbers})(?=[\s,.;:)]|$)"))

    def count_uses(self, marks) -> None:
        for mark in marks:
            self.marker_uses[mark] = self.marker_uses.get(mark, 0) + 1

    def unique(self, wanted: str, line: int) -> str:
        """``wanted`` if free, else ``wanted-2``, ``wanted-3``...; a repeated printed number is reported,
        except where ids.reports_repeats says numbering restarts by nature."""
        if wanted not in self.used_ids:
            self.used_ids.add(wanted)
            return wanted
        counter = 2
        while ids.repeated_id(wanted, counter) in self.used_ids:
            counter += 1
        if ids.reports_repeats(wanted):
            # The repeat gets a unique id and is shown as printed.
            self.state.warn(line, codes.DUPLICATE_NUMBER, f"paragraph id '{wanted}' is used twice, expected unique numbers")
        self.used_ids.add(ids.repeated_id(wanted, counter))
        return ids.repeated_id(wanted, counter)

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

    def paragraph(self, para: Para, wanted_id: str) -> Paragraph:
        para_id = self.unique(wanted_id, para.line)
        for pattern in self.marker_patterns:
            para.text, para.footnotes = _take_plain_markers(para.text, para.footnotes, pattern)
        marks = self.marks_for(para.text, para.footnotes, para_id, para.line)
        items = tuple(self.paragraph(item, ids.item_id(para_id, item.number)) for item in para.items)
        table = None
        if para.table is not None:
            self.tables += 1
            table = Table(ids.table_id(self.tables), para.table[0], para.table[1], para.line)
        return Paragraph(
            id=para_id, kind=para.kind, number=para.number, text=para.text, line=para.line, marks=marks,
            items=items, table=table,
        )

    def paragraphs(self, paras: list[Para], prefix: str, unnumbered_prefix: str | None = None) -> tuple[Paragraph, ...]:
        numbered_prefix = prefix
        prefix = unnumbered_prefix if unnumbered_prefix is not None else prefix
        result = []
        counters: dict[str, int] = {}
        numbered_seen = False
        heading_since_numbered: Para | None = None
        for para in paras:
            if para.kind == "operative" and para.number == "1" and numbered_seen and heading_since_numbered:
                # Numbering restarts at 1 under a heading ("Mobility incentive", "Article 5"): the
                # paragraphs that follow are named after that heading, so that ids stay unique.
                numbered_prefix = ids.restart_prefix(prefix, heading_since_numbered.text)
            if para.kind == "operative":
                numbered_seen, heading_since_numbered = True, None
            elif para.kind == "heading":
                heading_since_numbered = para
            if para.draft:
                if not para.number:
                    counters["draft"] = counters.get("draft", 0) + 1
                wanted = ids.draft_id(prefix, para.number, counters.get("draft", 0))
            elif para.kind == "operative":
                wanted = ids.operative_id(numbered_prefix, para.number)
            else:
                counters[para.kind] = counters.get(para.kind, 0) + 1
                wanted = ids.counted_id(prefix, para.kind, counters[para.kind])
            result.append(self.paragraph(para, wanted))
        return tuple(result)

    def sections(self, sections: list[SectionBuild], prefix: str) -> tuple[Section, ...]:
        # Numbering that restarts in a section gets the section prefix; continuous numbering does not.
        numbers: list[str] = [p.number for s in sections for p in s.operative if p.number]
        restarts = len(numbers) != len(set(numbers))
        built = []
        for section in sections:
            own_prefix = ids.section_prefix(prefix, section.label)
            preamble = self.paragraphs(section.preamble, own_prefix)
            # Printed numbers keep their plain id unless numbering restarts; unnumbered blocks are counted
            # per section, so they always carry the section's prefix.
            operative = self.paragraphs(section.operative, own_prefix if restarts else prefix, own_prefix)
            built.append(Section(section.label, section.title, preamble, operative, section.line))
        return tuple(built)

    def annexes(self) -> tuple[Annex, ...]:
        built = []
        for annex in self.state.content.annexes:
            annex_id = self.unique(ids.annex_id(annex.label), annex.line)
            blocks = []
            counters: dict[str, int] = {}
            for block in annex.blocks:
                if isinstance(block, Block):
                    counters["table"] = counters.get("table", 0) + 1
                    header, rows = block.table
                    table_id = self.unique(ids.annex_block_id(annex_id, "table", counters["table"]), block.line)
                    blocks.append(Table(table_id, header, rows, block.line))
                    continue
                if block.kind == "operative":
                    wanted = ids.annex_block_id(annex_id, "para", block.number)
                else:
                    counters[block.kind] = counters.get(block.kind, 0) + 1
                    wanted = ids.annex_block_id(annex_id, block.kind, counters[block.kind])
                blocks.append(self.paragraph(block, wanted))
            built.append(Annex(annex.label, annex_id, annex.title, tuple(blocks), annex.line))
        return tuple(built)

    def footnotes(self) -> tuple[Footnote, ...]:
        built = []
        seen: set[str] = set()
        for note in sorted(self.state.content.notes, key=lambda note: note.line):
            wanted = ids.footnote_id(note.mark)
            note_id = wanted if wanted not in seen else ids.repeated_id(wanted, len(seen))
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
                self.state.warn(
                    line, codes.MARKER_WITHOUT_NOTE, f"footnote marker '{mark}' has no note, expected a definition after '---'"
                )
        for note in footnotes:
            if note.mark not in self.marker_uses:
                # The note is still shown: a defect of the source, not of the page.
                self.state.warn(
                    note.line, codes.NOTE_WITHOUT_MARKER, f"footnote '{note.mark}' is never referenced, expected a marker in the text"
                )


def _all_paras(state: State):
    """Every paragraph and sub-paragraph the reader built, in no particular order."""
    content = state.content
    stack: list[Para] = list(content.unplaced)
    for container in (content.root, *content.parts):
        stack += container.preamble + container.operative
        for section in container.sections:
            stack += section.preamble + section.operative
    for annex in content.annexes:
        stack += [block for block in annex.blocks if isinstance(block, Para)]
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
