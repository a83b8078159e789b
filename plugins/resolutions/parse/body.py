"""The body: the blocks after the number and title, read by an ordered list of small block rules.

Each rule is ``rule(state, block) -> bool``: it either takes the block (True: the next block is read)
or leaves it to the rules after it (False; a rule may still note something in the state, as the
footnote rule does when the notes end). ``BLOCK_RULES`` gives the rules of each kind of block in
their order, which matters: a meeting line closes a part before a letter can open the next, an annex
label wins over a paragraph. The last rule of a block of text, a paragraph, takes every block left
(paragraphs.py).
"""

from __future__ import annotations

import re

from resolutions.model import Meeting, Vote
from resolutions.parse import grammar, paragraphs
from resolutions.parse.blocks import Block, join_lines
from resolutions.parse.cover import PART_LABEL, enacting_body, part_letters
from resolutions.parse.paragraphs import add_text_paragraph, is_heading
from resolutions.parse.state import AnnexBuild, Container, NoteBuild, Para, SectionBuild, State

_SECTION_LABEL = re.compile(r"^([IVXL]{1,6})\.?(?: +(.*))?$")
_ANNEX_LABEL = re.compile(r"^(Annex|ANNEX|Appendix|APPENDIX)(?: ([IVXL]{1,6}|[A-Z]|\d{1,2}))?\.?(?:$| +(.*)$)")
_NOTE_NUMBER = re.compile(r"^(\d{1,3})/ +")
_NOTE_STAR = re.compile(r"^(\*{1,3}|†|‡) +")
_NOTE_BARE = re.compile(r"^(\d{1,3}) +(?=\S)")
_PART_RANGE = re.compile(r" [A-Z] ?[-–] ?[A-Z]$")


def read(state: State, index: int) -> None:
    """Read ``state.blocks[index:]``: every block is taken by the first rule that wants it."""
    for block in state.blocks[index:]:
        for rule in BLOCK_RULES[block.kind]:
            if rule(state, block):
                break


# -- block rules, in the order they are tried -----------------------------------------------------


def taken_already(state: State, block: Block) -> bool:
    """A block an earlier rule read with its predecessor (the date under a meeting line)."""
    return block.position in state.cursor.skip_positions


def thematic_break(state: State, block: Block) -> bool:
    """``---``: footnotes may follow."""
    state.cursor.in_notes = _looks_like_notes(state, block.position + 1)
    return True


def footnote_definition(state: State, block: Block) -> bool:
    """A Markdown footnote definition ``[^1]: text``."""
    text, _ = join_lines(block.lines)
    state.content.notes.append(NoteBuild(block.note_label or "", text, block.line))
    return True


def printed_footnotes(state: State, block: Block) -> bool:
    """Notes printed as text after a rule (``1/ text``, ``* text``); the first other block ends them."""
    if not state.cursor.in_notes:
        return False
    if _read_notes(state, block):
        return True
    state.cursor.in_notes = False
    return False


def table(state: State, block: Block) -> bool:
    annex = state.cursor.annex
    if annex is not None:
        annex.blocks.append(block)
    else:
        header, rows = block.table
        text = "; ".join(" | ".join(cells) for cells in (header, *rows) if any(cells))
        add_text_paragraph(state, Para("text", None, text, block.line, [], table=block.table))
    return True


def meeting_line(state: State, block: Block) -> bool:
    """``84th plenary meeting`` or ``Adopted at the 1382nd meeting.``: closes the resolution or part."""
    if block.quoted:
        return False
    text = block.lines[0].text
    meeting = grammar.parse_meeting_line(text) if len(text) < 400 else None
    if meeting is None:
        return False
    _set_meeting(state, meeting, block)
    state.cursor.section = None
    state.cursor.pending_heading = None
    return True


def lone_date(state: State, block: Block) -> bool:
    """A date alone after the text: adopted without a meeting (silence procedure)."""
    if len(block.lines) != 1 or block.quoted or state.container.adopted is not None:
        return False
    date = grammar.parse_date(block.lines[0].text)
    if date is None:
        return False
    state.container.adopted = date
    return True


def part_or_lettered_section(state: State, block: Block) -> bool:
    """``B``: the next resolution of a file of parts, or the next lettered section of one resolution."""
    cursor = state.cursor
    if cursor.annex is not None or len(block.lines) > 3 or block.quoted:
        return False
    first = block.lines[0]
    match = PART_LABEL.match(first.text)
    if match is None:
        return False
    letter = match.group(1)
    is_part = _has_parts(state) and _expected_part(state, letter)
    if not is_part and _expected_section_letter(state, letter, cursor.section):
        # "A", "B" inside one resolution (no meeting line between them): lettered sections.
        title = " ".join(p.text for p in block.lines[1:]) or None
        cursor.section = SectionBuild(letter, title, first.line)
        state.container.sections.append(cursor.section)
        if title is None:
            cursor.pending_heading = "section"
        return True
    if is_part:
        title = " ".join(p.text for p in block.lines[1:]) or None
        state.open_part(Container(letter, title, first.line))
        cursor.section = None
        if title is None:
            cursor.pending_heading = "part"
        return True
    return False


def unlabelled_annex(state: State, block: Block) -> bool:
    """Text after the meeting line that starts no new part: an annex printed without its label.
    Opens the annex and leaves the block to the annex rules."""
    cursor = state.cursor
    if (
        cursor.annex is None
        and state.container.meeting is not None
        and not block.quoted
        and _annex_label(block) is None
    ):
        cursor.annex = AnnexBuild("Annex", None, block.lines[0].line)
        state.content.annexes.append(cursor.annex)
        cursor.pending_heading = "annex"
    return False


def annex_label(state: State, block: Block) -> bool:
    """``Annex II``, ``ANNEX``, ``Appendix A``, with the title on the same line or under it."""
    match = _annex_label(block)
    text = block.lines[0].text
    if match is None or block.quoted or len(text) >= 200:
        return False
    label = text if not match.group(3) else text[: match.start(3)].strip()
    label = label.rstrip(".")
    title_parts = [match.group(3)] if match.group(3) else []
    title_parts += [p.text for p in block.lines[1:]]
    cursor = state.cursor
    cursor.annex = AnnexBuild(label, " ".join(title_parts) or None, block.lines[0].line)
    state.content.annexes.append(cursor.annex)
    cursor.section = None
    if not title_parts:
        cursor.pending_heading = "annex"
    return True


def annex_content(state: State, block: Block) -> bool:
    """Everything after an annex label belongs to the annex: its title, then its paragraphs."""
    cursor = state.cursor
    annex = cursor.annex
    if annex is None:
        return False
    if cursor.pending_heading and is_heading(block.lines[0].text, block):
        annex.title = " ".join(p.text for p in block.lines)
        cursor.pending_heading = None
        return True
    cursor.pending_heading = None
    paragraphs.add_annex_block(state, annex, block)
    return True


def label_title(state: State, block: Block) -> bool:
    """The title of a part or section whose label was printed alone, when it follows as a heading."""
    cursor = state.cursor
    if not cursor.pending_heading:
        return False
    text = block.lines[0].text
    pending, cursor.pending_heading = cursor.pending_heading, None
    # "The General Assembly," opens the text; "The Area" (section V of the oceans resolutions) is a title.
    if not is_heading(text, block) or enacting_body(text) is not None:
        return False
    title = " ".join(p.text for p in block.lines)
    if pending == "part":
        state.container.title = title
    elif cursor.section is not None:
        cursor.section.title = title
    return True


def roman_section(state: State, block: Block) -> bool:
    """``III`` (alone or with its title on the next line) or ``III. Title`` opens a section."""
    if len(block.lines) > 3 or block.quoted:
        return False
    match = _SECTION_LABEL.match(block.lines[0].text)
    if match is None or (len(block.lines) == 1 and match.group(2) is not None):
        return False
    title = " ".join([match.group(2)] if match.group(2) else [])
    title = " ".join(filter(None, [title] + [p.text for p in block.lines[1:]])) or None
    cursor = state.cursor
    cursor.section = SectionBuild(match.group(1), title, block.lines[0].line)
    state.container.sections.append(cursor.section)
    if title is None:
        cursor.pending_heading = "section"
    return True


def paragraph(state: State, block: Block) -> bool:
    """Any other block is a paragraph of the text (paragraphs.py says which kind)."""
    paragraphs.read(state, block)
    return True


BLOCK_RULES = {
    "rule": (taken_already, thematic_break),
    "note": (taken_already, footnote_definition),
    "table": (taken_already, printed_footnotes, table),
    "text": (
        taken_already,
        printed_footnotes,
        meeting_line,
        lone_date,
        part_or_lettered_section,
        unlabelled_annex,
        annex_label,
        annex_content,
        label_title,
        roman_section,
        paragraph,
    ),
}
"""The rules of each kind of block (``Block.kind``), in the order they are tried."""


# -- what the rules ask -----------------------------------------------------------------------------


def _annex_label(block: Block) -> re.Match | None:
    return _ANNEX_LABEL.match(block.lines[0].text) if len(block.lines) <= 4 else None


def _has_parts(state: State) -> bool:
    """Whether the file prints several resolutions A, B, C (each with its own meeting line)."""
    if state.several_parts is None:
        symbol = state.cover.symbol_text or ""
        if _PART_RANGE.search(symbol) or len(part_letters(state.heading.number_parts)) > 1:
            state.several_parts = True
        else:
            meetings = sum(
                1
                for block in state.blocks
                if block.kind == "text"
                and not block.quoted
                and grammar.parse_meeting_line(block.lines[0].text) is not None
            )
            state.several_parts = meetings > 1
    return state.several_parts


def _expected_section_letter(state: State, letter: str, section: SectionBuild | None) -> bool:
    """A lettered section comes in order: ``A`` first, then the letter after the current one."""
    if _has_parts(state) and not state.container.sections:
        return False
    if section is None or not PART_LABEL.match(section.label):
        return letter == "A" and (state.heading.title_lines or state.heading.number) is not None
    return ord(letter) == ord(section.label) + 1


def _expected_part(state: State, letter: str) -> bool:
    parts = state.content.parts
    if not parts:
        return letter == "A"
    return ord(letter) == ord(parts[-1].label) + 1


def _looks_like_notes(state: State, index: int) -> bool:
    """After a rule: are the next blocks footnote definitions?"""
    if index >= len(state.blocks):
        return False
    block = state.blocks[index]
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


def _read_notes(state: State, block: Block) -> bool:
    """Footnote definitions: each line starting with a marker starts a note; others continue it."""
    notes = state.content.notes
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
            notes.append(NoteBuild(mark, text[start:].strip(), printed.line, plain=plain))
            found = True
        elif notes and found:
            notes[-1].text += " " + text
        elif not found:
            return False
    return found


def _set_meeting(state: State, parsed: grammar.MeetingLine, block: Block) -> None:
    first = block.lines[0]
    adopted = parsed.date
    for printed in block.lines[1:]:
        adopted = adopted or grammar.parse_date(printed.text)
    if adopted is None and block.position + 1 < len(state.blocks):
        # "84th plenary meeting" then the date in the next block (no hard break).
        following = state.blocks[block.position + 1]
        if following.kind == "text" and len(following.lines) == 1:
            adopted = grammar.parse_date(following.lines[0].text)
            if adopted is not None:
                state.cursor.skip_positions.add(following.position)
    meeting = Meeting(number=parsed.number, kind=parsed.kind, resumed=parsed.resumed, date=adopted, line=first.line)
    state.content.meeting_lines.append(meeting)
    container = state.container
    if container.meeting is None:
        container.meeting = meeting
        container.adopted = adopted
    content = state.content
    if parsed.vote_outcome is not None and content.vote is None:
        content.vote = Vote(
            outcome=parsed.vote_outcome,
            in_favour=parsed.in_favour,
            against=parsed.against,
            abstaining=parsed.abstaining,
            source="text",
        )
    # A marker on the adoption line ("Adopted at the 2nd meeting.<sup>22</sup>") refers to a note.
    content.meeting_marks.extend(first.footnotes)
    state.cursor.last_para = None
