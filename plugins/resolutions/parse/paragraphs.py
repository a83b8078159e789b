"""Paragraphs of the text: which kind a block of text is, and where it goes.

A block that no body rule took is read by ``PARAGRAPH_RULES``, tried in order, each
``rule(state, block, text, footnotes) -> bool``: the enacting formula, a transmitted draft, a quotation,
a sub-paragraph ``(a)``/``(i)``, a numbered operative paragraph (with the OCR shapes of its number), a
heading, a preambular paragraph, and plain text. Annex blocks are read here too.
"""

from __future__ import annotations

import re

from resolutions.parse import codes
from resolutions.parse.blocks import Block, cut, join_lines
from resolutions.parse.cover import ENACTING, enacting_body
from resolutions.parse.state import AnnexBuild, Para, State

Footnotes = list[tuple[int, str]]

NUMBERED = re.compile(r"^(\d{1,3})\.(?:[ \u00a0\u200b-\u200f]+|$)")
ITEM = re.compile(r"^\(([a-z]{1,3}|[ivxl]{1,6})\)(?:[ \u00a0\u200b-\u200f]+|$)")
# "3 Calls upon", "4, Calls upon", "i9. Calls upon": an OCR'd number that lost its dot, or printed a comma
# for it, or read a 1 as i/I/l. Taken only when it is the number expected next (see ``_ocr_number``).
_NUMBER_WITHOUT_DOT = re.compile(r"^([0-9iIl]{1,3})[.,]?[ \u00a0]+(?=[A-Z“\"])")
# "...the objectives of the Security Council; 4, Extends once more...": the OCR glued the next
# paragraph to the end of this one.
_GLUED_NEXT_NUMBER = re.compile(r"(?<=[;:.]) (\d{1,3})[.,] (?=[A-Z])")
# "... decided to include the following items in the draft agenda of its seventy-third session:"
_AGENDA_LIST_INTRO = re.compile(r"\bfollowing (?:agenda )?items?\b[^:]*:$|\bagenda items?\b[^:]*:$", re.IGNORECASE)
_INVISIBLE = " \t\u200b\u200c\u200d\u200e\u200f\ufeff\u00a0"
_PREAMBULAR_OPENERS = frozenset(
    "Aware Mindful Conscious Cognizant Desirous Deeply Gravely Further Fully Strongly Profoundly "
    "Seriously Keenly Firmly Also Convinced Concerned Alarmed Determined Whereas".split()
)
_OPERATIVE_ED = frozenset(("Proceed", "Need"))


def read(state: State, block: Block) -> None:
    text, footnotes = join_lines(block.lines)
    for rule in PARAGRAPH_RULES:
        if rule(state, block, text, footnotes):
            return


# -- paragraph rules, in the order they are tried ---------------------------------------------------


def enacting_formula(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    """"The General Assembly," before any paragraph of the resolution (or part)."""
    container = state.container
    if container.enacting_formula is not None or container.preamble or container.operative:
        return False
    body = enacting_body(text) if ENACTING.match(text) else None
    if body is None:
        return False
    container.enacting_formula = text
    if state.cover.body is None:
        state.cover.body = body
    return True


def transmitted_draft(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    """A second "The General Assembly," after the text began: a transmitted draft follows, quoted up to
    the meeting line; its paragraphs are not the resolution's own."""
    container = state.container
    if (
        not container.transmitting
        and container.enacting_formula is not None
        and (container.preamble or container.operative)
        and ENACTING.match(text)
        and enacting_body(text) is not None
    ):
        container.transmitting = True
    if not container.transmitting:
        return False
    cursor = state.cursor
    item = ITEM.match(text)
    if item is not None and cursor.last_para is not None and cursor.last_para.draft:
        body, footnotes = cut(text, footnotes, item.end())
        attach_item(cursor.last_para, item.group(1), body, block.line, footnotes)
        return True
    numbered = NUMBERED.match(text)
    number = None
    if numbered is not None:
        number = numbered.group(1)
        text, footnotes = cut(text, footnotes, numbered.end())
    para = Para("text", number, text, block.line, footnotes, quoted=True, draft=True)
    add_text_paragraph(state, para)
    cursor.last_para = para
    return True


def quotation(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    if not block.quoted:
        return False
    add_text_paragraph(state, Para("text", None, text, block.line, footnotes, quoted=True))
    return True


def sub_paragraph(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    """``(a)`` or ``(ii)`` under the paragraph before it."""
    if not text.startswith("("):
        return False
    last = state.cursor.last_para
    text = _first_roman_item(text, state.blocks, block)
    item = ITEM.match(text)
    if item is None or last is None or last.kind == "heading":
        return False
    body, footnotes = cut(text, footnotes, item.end())
    attach_item(last, item.group(1), body, block.line, footnotes)
    return True


def numbered_paragraph(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    """``5. Decides ...``; also an OCR'd number, and two paragraphs the OCR glued into one block."""
    numbered = NUMBERED.match(text)
    printed_number = numbered.group(1) if numbered is not None else None
    last_numbered = state.cursor.last_numbered
    if numbered is None and last_numbered:
        # "3 Calls upon", "4, Calls upon": the dot was lost, but the number is the one expected next.
        numbered = _NUMBER_WITHOUT_DOT.match(text)
        printed_number = _ocr_number(numbered.group(1)) if numbered is not None else None
        if printed_number is None or int(printed_number) != last_numbered + 1:
            numbered = None
    if numbered is None:
        return False
    body, footnotes = cut(text, footnotes, numbered.end())
    while True:
        glued = _GLUED_NEXT_NUMBER.search(body)
        if glued is None or int(glued.group(1)) != int(printed_number) + 1:
            break
        # Two paragraphs in one OCR'd block: the first ends before the next expected number.
        head = body[: glued.start()]
        head_notes = [(offset, mark) for offset, mark in footnotes if offset <= len(head)]
        _add_numbered(state, printed_number, head, head_notes, block.line)
        body, footnotes = cut(body, [n for n in footnotes if n[0] > len(head)], glued.end())
        printed_number = glued.group(1)
    _add_numbered(state, printed_number, body, footnotes, block.line)
    return True


def heading(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    if not is_heading(text, block):
        return False
    if not (state.container.in_operative or state.cursor.section is not None or len(text) < 150):
        return False
    para = Para("heading", None, text, block.line, footnotes)
    add_text_paragraph(state, para)
    state.cursor.last_para = para
    return True


def preambular_paragraph(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    section = state.cursor.section
    operative_seen = bool(state.container.operative) if section is None else bool(section.operative)
    if operative_seen or not _looks_preambular(text, state.blocks, block):
        return False
    para = Para("preamble", None, text, block.line, footnotes)
    (section.preamble if section is not None else state.container.preamble).append(para)
    state.cursor.last_para = para
    return True


def plain_text(state: State, block: Block, text: str, footnotes: Footnotes) -> bool:
    """Unnumbered operative text; before the number and title line it cannot be placed."""
    cursor = state.cursor
    cursor.listing_agenda_items = _AGENDA_LIST_INTRO.search(text) is not None
    if not state.heading.title_lines and state.heading.number is None:
        state.keep_unplaced(text, block.line, footnotes, "text before the number and title line")
        return True
    para = Para("text", None, text, block.line, footnotes)
    state.container.in_operative = True
    add_text_paragraph(state, para)
    cursor.last_para = para
    return True


PARAGRAPH_RULES = (
    enacting_formula,
    transmitted_draft,
    quotation,
    sub_paragraph,
    numbered_paragraph,
    heading,
    preambular_paragraph,
    plain_text,
)


# -- where paragraphs go ----------------------------------------------------------------------------


def add_text_paragraph(state: State, para: Para) -> None:
    section = state.cursor.section
    (section.operative if section is not None else state.container.operative).append(para)


def add_annex_block(state: State, annex: AnnexBuild, block: Block) -> None:
    text, footnotes = join_lines(block.lines)
    numbered = NUMBERED.match(text)
    item = ITEM.match(text)
    if numbered is not None:
        body, footnotes = cut(text, footnotes, numbered.end())
        annex.blocks.append(Para("operative", numbered.group(1), body, block.line, footnotes, quoted=block.quoted))
    elif item is not None and annex.blocks and isinstance(annex.blocks[-1], Para):
        body, footnotes = cut(text, footnotes, item.end())
        attach_item(annex.blocks[-1], item.group(1), body, block.line, footnotes)
    else:
        kind = "heading" if is_heading(text, block) else "text"
        annex.blocks.append(Para(kind, None, text, block.line, footnotes, quoted=block.quoted))


def _add_numbered(state: State, printed_number: str, body: str, footnotes: Footnotes, line: int) -> None:
    """An operative paragraph with its printed number; a jump in the numbering is reported."""
    cursor = state.cursor
    number = int(printed_number)
    if cursor.last_numbered and number != cursor.last_numbered + 1 and number != 1 and not cursor.listing_agenda_items:
        state.warn(
            line, codes.NUMBERING_JUMPS,
            f"paragraph {number} follows paragraph {cursor.last_numbered}, expected {cursor.last_numbered + 1}",
        )
    cursor.last_numbered = number
    para = Para("operative", printed_number, body, line, footnotes)
    state.container.in_operative = True
    add_text_paragraph(state, para)
    cursor.last_para = para


def attach_item(parent: Para, label: str, text: str, line: int, footnotes: Footnotes) -> None:
    """Nest ``(a)`` under the paragraph and ``(i)`` under the current lettered item."""
    is_roman = all(character in "ivxl" for character in label)
    last_letter = parent.items[-1] if parent.items else None
    treat_as_roman = False
    # "(i)", "(ii)" straight under the paragraph (no letters before them) are one list of siblings.
    roman_list = is_roman and bool(parent.items) and parent.items[0].number == "i" and all(
        _is_roman_label(child.number) for child in parent.items)
    if is_roman and last_letter is not None and not roman_list:
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
    child = Para("item", label, text, line, footnotes)
    if treat_as_roman and last_letter is not None:
        last_letter.items.append(child)
    else:
        parent.items.append(child)


# -- what a text looks like -------------------------------------------------------------------------


def is_heading(text: str, block: Block) -> bool:
    """A heading: short, no closing punctuation, not a numbered or lettered paragraph."""
    if len(text) > 180 or not text:
        return False
    tail = text.rstrip(_INVISIBLE).rstrip("0123456789*/†")
    if not tail or tail[-1] in ".,;:" or tail.endswith((" and", " or")):
        return False
    if NUMBERED.match(text) or ITEM.match(text):
        return False
    return text[0].isupper() or text[0].isdigit()


def _is_roman_label(label: str | None) -> bool:
    return bool(label) and all(character in "ivxl" for character in label)


_MISREAD_ROMAN_ONE = re.compile(r"^\([1Il]\)(?=\s)")


def _first_roman_item(text: str, blocks: list[Block], block: Block) -> str:
    """``(1)`` before a block that opens with ``(ii)`` is item ``(i)`` misread (S/RES/242 (1967), paragraph
    1 (i)): read as printed, it became a text paragraph and its item ``#text-1-ii``, not ``#para-1-i``."""
    if not _MISREAD_ROMAN_ONE.match(text) or block.position + 1 >= len(blocks):
        return text
    following = blocks[block.position + 1]
    if following.kind != "text" or not following.lines or not following.lines[0].text.startswith("(ii)"):
        return text
    return "(i)" + text[3:]


def _ocr_number(printed: str) -> str | None:
    """``"i9"`` -> ``"19"``: an OCR'd number with 1 read as i, I or l; None unless it holds a real digit
    (so that a roman ``I`` is never taken for a number)."""
    if not any(character.isdigit() for character in printed):
        return None
    plain = printed.replace("i", "1").replace("I", "1").replace("l", "1")
    return str(int(plain)) if plain.isdigit() else None


def _looks_preambular(text: str, blocks: list[Block], block: Block) -> bool:
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


def _colon_leads_to_preamble(blocks: list[Block], block: Block) -> bool:
    """Look at the sub-paragraphs after ``block``: if the last ends with a comma, it is preamble."""
    position = block.position
    last_text = None
    for following in blocks[position + 1 : position + 40]:
        if following.kind != "text":
            break
        text = following.lines[0].text
        if ITEM.match(text):
            last_text = following.lines[-1].text
            continue
        break
    return last_text is not None and last_text.rstrip(_INVISIBLE).endswith(",")
