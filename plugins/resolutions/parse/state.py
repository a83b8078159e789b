"""The reader's state during the walk over one file's blocks, grouped by concern.

``Cover`` is what the cover page prints, ``Heading`` the number-and-title line, ``Content`` what the
text builds (parts, sections, paragraphs, annexes, notes), ``Cursor`` where the walk is. The builders
(``Para``, ``SectionBuild``, ``Container``, ``AnnexBuild``, ``NoteBuild``) stay mutable until
assemble.py freezes them into the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from resolutions.model import AgendaItem, Diagnostic, Meeting, Vote
from resolutions.parse import codes
from resolutions.parse.blocks import Block, Line


@dataclass
class Para:
    """A paragraph being built (mutable until assembled)."""

    kind: str
    number: str | None
    text: str
    line: int
    footnotes: list[tuple[int, str]]
    items: list["Para"] = field(default_factory=list)
    quoted: bool = False
    draft: bool = False
    table: tuple | None = None


@dataclass
class SectionBuild:
    label: str
    title: str | None
    line: int
    preamble: list[Para] = field(default_factory=list)
    operative: list[Para] = field(default_factory=list)


@dataclass
class Container:
    """The resolution itself or one of its parts: what numbered text is added to."""

    label: str | None
    title: str | None
    line: int
    enacting_formula: str | None = None
    preamble: list[Para] = field(default_factory=list)
    operative: list[Para] = field(default_factory=list)
    sections: list[SectionBuild] = field(default_factory=list)
    meeting: Meeting | None = None
    adopted: str | None = None
    in_operative: bool = False
    transmitting: bool = False


@dataclass
class AnnexBuild:
    label: str
    title: str | None
    line: int
    blocks: list = field(default_factory=list)


@dataclass
class NoteBuild:
    mark: str
    text: str
    line: int
    plain: bool = False
    """True for notes marked ``*`` or ``1/``, whose markers in the text are plain characters."""


@dataclass
class Cover:
    """What the cover page prints above the number and title."""

    body: str | None = None
    symbol_text: str | None = None
    symbol_line: int = 0
    issued: str | None = None
    session: str | None = None
    session_text: str | None = None
    agenda: list[AgendaItem] = field(default_factory=list)
    agenda_titles: list[str] = field(default_factory=list)
    adopted_line: str | None = None
    adopted: str | None = None
    proponent: str | None = None
    proponent_line: int = 0
    topic: list[str] = field(default_factory=list)


@dataclass
class Heading:
    """The number-and-title line, and the part letter when the file holds one part of a resolution."""

    number: str | None = None
    number_parts: str = ""
    title_lines: list[Line] = field(default_factory=list)
    sc_date: str | None = None
    part_label: str | None = None
    part_title: str | None = None
    part_marks: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class Content:
    """What the text builds: the resolution (root) or its parts, annexes, notes and unplaced text."""

    root: Container = field(default_factory=lambda: Container(None, None, 1))
    parts: list[Container] = field(default_factory=list)
    annexes: list[AnnexBuild] = field(default_factory=list)
    notes: list[NoteBuild] = field(default_factory=list)
    unplaced: list[Para] = field(default_factory=list)
    vote: Vote | None = None
    meeting_marks: list[tuple[int, str]] = field(default_factory=list)
    meeting_lines: list[Meeting] = field(default_factory=list)
    """Every meeting line, in order: a decision in parts lists the meetings of all its parts at its end."""


@dataclass
class Cursor:
    """Where the walk is: what the next block is read against."""

    last_para: Para | None = None
    last_numbered: int = 0
    # True after "decided to include the following items in the draft agenda ...:": the numbered
    # blocks that follow are agenda items printed with their agenda numbers, which skip by nature.
    listing_agenda_items: bool = False
    skip_positions: set[int] = field(default_factory=set)
    after_agenda: bool = False
    in_notes: bool = False
    annex: AnnexBuild | None = None
    section: SectionBuild | None = None
    pending_heading: str | None = None
    """"part", "section" or "annex" when a label was printed alone and its title may follow."""


class State:
    """One file's walk: its blocks, what has been read so far and the diagnostics."""

    __slots__ = ("blocks", "path", "diagnostics", "cover", "heading", "content", "cursor", "container", "several_parts")

    def __init__(self, blocks: list[Block], path: str) -> None:
        self.blocks = blocks
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.cover = Cover()
        self.heading = Heading()
        self.content = Content()
        self.cursor = Cursor()
        self.container: Container = self.content.root
        """What the text is added to: the resolution, or the part opened last (``open_part``)."""
        self.several_parts: bool | None = None
        """Whether the file prints several resolutions A, B, C; worked out on first need."""

    def warn(self, line: int, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, codes.severity(code), code, message))

    def open_part(self, part: Container) -> None:
        """The next resolution of a file of parts (A, B, C): the text that follows is its own."""
        self.content.parts.append(part)
        self.container = part

    def keep_unplaced(self, text: str, line: int, footnotes: list[tuple[int, str]], why: str) -> None:
        self.content.unplaced.append(Para("unplaced", None, text, line, footnotes))
        self.warn(line, codes.UNPLACED_TEXT, f"{why}: '{short(text)}' kept as unplaced text")


def short(text: str, limit: int = 60) -> str:
    """The start of a text quoted in a message."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
